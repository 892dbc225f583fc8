// Tasklist configuration of Aftersales Flow: replaces the stock app/tasklist/scripts/config.js.
// Plugin scripts are plain ES modules in this folder (paths are relative to app/tasklist/).
export default {
  // Chinese for browsers that prefer it (zh-CN, zh, ...), English for every other; see docs/languages.md.
  locales: { availableLocales: ['en', 'zh'], fallbackLocale: 'en' },
  customScripts: [
    '../dates-follow-language.js',
    'scripts/form-messages.js',
    'scripts/aftersales-tabs.js'
  ],
  shortcuts: {
    claimTask: { key: 'ctrl+alt+c', description: 'claims the currently selected task' },
    focusFilter: { key: 'ctrl+shift+f', description: 'set the focus to the first filter in the list' },
    focusList: { key: 'ctrl+alt+l', description: 'sets the focus to the first task in the list' },
    focusForm: { key: 'ctrl+alt+f', description: 'sets the focus to the first input field in a task form' },
    startProcess: { key: 'ctrl+alt+p', description: 'opens the start process modal dialog' }
  }
};
