// Cockpit configuration of Aftersales Flow: replaces the stock app/cockpit/scripts/config.js.
// Plugin scripts are plain ES modules in this folder (paths are relative to app/cockpit/).
export default {
  // Chinese for browsers that prefer it (zh-CN, zh, ...), English for every other; see docs/languages.md.
  locales: { availableLocales: ['en', 'zh'], fallbackLocale: 'en' },
  customScripts: [
    '../dates-follow-language.js',
    'scripts/case-history.js',
    'scripts/service-kpis.js'
  ]
};
