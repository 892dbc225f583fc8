// Cockpit configuration of Aftersales Flow: replaces the stock app/cockpit/scripts/config.js.
// Plugin scripts are plain ES modules in this folder (paths are relative to app/cockpit/).
export default {
  customScripts: [
    'scripts/case-history.js',
    'scripts/service-kpis.js'
  ]
};
