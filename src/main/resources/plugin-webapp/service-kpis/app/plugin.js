// Cockpit loads plugin.js of every server-side plugin (org.aftersales.cockpit.kpis.ServiceKpisPlugin).
// The "Service KPIs" page itself is app/cockpit/scripts/service-kpis.js (Cockpit's config.js lists it),
// so this one adds nothing.
export default [];
