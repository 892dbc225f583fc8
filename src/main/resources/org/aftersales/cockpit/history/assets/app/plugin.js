// Cockpit loads app/plugin.js of every server-side plugin. The "Case history" views are the custom
// script app/cockpit/scripts/case-history.js; this server-side plugin only adds the REST resource.
export default [];
