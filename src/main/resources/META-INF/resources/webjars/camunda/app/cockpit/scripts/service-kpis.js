// Cockpit plugin "Service KPIs" (README "Service KPIs in Cockpit"): the service report's figures
// over a period, for all customers or one, as cards, tables and inline SVG charts, with the CSV.
// Plain ES module, no build step, nothing from outside: it reads the figures from the plugin's
// server side (org.aftersales.cockpit.kpis), which Cockpit's session authenticates.

const ROUTE = '/service-kpis';
const SVG = 'http://www.w3.org/2000/svg';

/** Cockpit's API root as index.html names it on <base cockpit-api="...">. */
function cockpitApi() {
  const declared = document.querySelector('base')?.getAttribute('cockpit-api');
  return (declared || '/camunda/api/cockpit/').replace(/\/?$/, '/');
}

/** The engine of the page, from /camunda/app/cockpit/{engine}/. */
function engineName() {
  const match = window.location.pathname.match(/\/app\/cockpit\/([^/]+)\//);
  return match ? decodeURIComponent(match[1]) : 'default';
}

function reportUrl(query, format) {
  const params = new URLSearchParams({ from: query.from, to: query.to });
  if (query.customerId) params.set('customerId', query.customerId);
  if (format) params.set('format', format);
  return `${cockpitApi()}plugin/service-kpis/${encodeURIComponent(engineName())}/report?${params}`;
}

/** An element with attributes and children (text is always set as text, never as HTML). */
function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined && value !== null) element.setAttribute(name, value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

function svg(tag, attributes = {}, text) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  if (text !== undefined) element.textContent = text;
  return element;
}

function isoDate(date) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

const number = (value, digits = 2) => (value === undefined || value === null
  ? '–' : Number(value).toLocaleString('en', { maximumFractionDigits: digits }));
const minutes = (value) => (value === undefined || value === null ? '–' : `${number(value)} min`);
const percent = (ratio) => (ratio === undefined || ratio === null
  ? '–' : `${(Number(ratio) * 100).toLocaleString('en', { maximumFractionDigits: 2 })} %`);

/** A horizontal bar chart as inline SVG: one bar per item, the value at its end. */
function barChart(title, items, colour = '#1f6fb2') {
  const rowHeight = 26;
  const labelWidth = 170;
  const barWidth = 260;
  const height = Math.max(1, items.length) * rowHeight + 30;
  const max = Math.max(1, ...items.map((item) => Number(item.value) || 0));
  const chart = svg('svg', {
    class: 'service-kpis-chart', role: 'img', 'aria-label': title,
    width: labelWidth + barWidth + 90, height, viewBox: `0 0 ${labelWidth + barWidth + 90} ${height}`,
  });
  chart.append(svg('title', {}, title));
  chart.append(svg('text', { x: 0, y: 16, 'font-weight': 'bold', 'font-size': 13 }, title));
  if (items.length === 0) {
    chart.append(svg('text', { x: 0, y: 42, 'font-size': 12, fill: '#666' }, 'nothing in this period'));
  }
  items.forEach((item, index) => {
    const y = 28 + index * rowHeight;
    const width = Math.round(((Number(item.value) || 0) / max) * barWidth);
    chart.append(svg('text', { x: 0, y: y + 15, 'font-size': 12 }, item.label));
    const bar = svg('rect', {
      class: 'service-kpis-bar', x: labelWidth, y: y + 3, width: Math.max(width, 1), height: rowHeight - 8,
      fill: item.colour ?? colour, 'data-label': item.label, 'data-value': String(item.value),
    });
    bar.append(svg('title', {}, `${item.label}: ${item.display ?? item.value}`));
    chart.append(bar);
    chart.append(svg('text', { x: labelWidth + Math.max(width, 1) + 6, y: y + 15, 'font-size': 12 },
      item.display ?? String(item.value)));
  });
  return chart;
}

function card(label, value, detail, definition) {
  return h('div', { class: 'service-kpis-card', title: definition },
    h('div', { class: 'service-kpis-card-label' }, label),
    h('div', { class: 'service-kpis-card-value', 'data-figure': label }, value),
    detail ? h('div', { class: 'service-kpis-card-detail' }, detail) : null);
}

function table(caption, head, rows) {
  return h('table', { class: 'table table-condensed service-kpis-table' },
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, head.map((cell) => h('th', {}, cell)))),
    h('tbody', {}, rows.length === 0
      ? h('tr', {}, h('td', { colspan: head.length }, 'none'))
      : rows.map((row) => h('tr', {}, row.map((cell) => h('td', {}, cell))))));
}

const STYLE = `
.service-kpis { padding: 15px 20px; }
.service-kpis form { display: flex; gap: 12px; align-items: flex-end; flex-wrap: wrap; margin-bottom: 15px; }
.service-kpis form label { display: flex; flex-direction: column; font-weight: normal; margin: 0; }
.service-kpis-cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(190px, 1fr)); gap: 10px; margin-bottom: 15px; }
.service-kpis-card { border: 1px solid #ddd; border-radius: 3px; padding: 8px 10px; background: #fff; }
.service-kpis-card-label { color: #666; font-size: 12px; }
.service-kpis-card-value { font-size: 22px; font-weight: bold; }
.service-kpis-card-detail { color: #666; font-size: 12px; }
.service-kpis-charts { display: flex; flex-wrap: wrap; gap: 20px; margin-bottom: 15px; }
.service-kpis-tables { display: flex; flex-wrap: wrap; gap: 30px; }
.service-kpis-table { width: auto; min-width: 280px; }
.service-kpis-table caption { font-weight: bold; color: #333; }
.service-kpis-error { color: #b00; }
`;

function render(report, query) {
  const fr = report.firstResponse ?? {};
  const time = report.serviceTime ?? {};
  const satisfaction = report.satisfaction ?? {};
  const units = report.returnedUnits ?? {};
  const breaches = Object.entries(report.slaBreaches ?? {});
  const refunds = report.refunds ?? [];
  const cards = h('div', { class: 'service-kpis-cards' },
    card('Requests handled', number(report.requestsHandled, 0), null, 'Cases opened in the period, whatever their state'),
    card('First response, mean', minutes(fr.meanMinutes), `${number(fr.acknowledged, 0)} acknowledged`,
      'Opened → acknowledged to the customer, wall-clock minutes, over the acknowledged cases'),
    card('First response, 90th percentile', minutes(fr.p90Minutes), 'nearest rank',
      '90th percentile of the same durations, nearest rank'),
    card('Bugs', number(report.bugs, 0), `${percent(report.bugShare)} of requests`,
      'Cases with a confirmed bug (an R&D ticket); share of all requests'),
    card('Bug resolution rate', percent(report.bugResolutionRate), `${number(report.bugsFixed, 0)} fixed`,
      'Bug cases whose retest passed / bug cases'),
    card('Pure service', number(report.pureService, 0), null, 'Requests that were not confirmed bugs'),
    card('Service hours', number(time.hours), `${number(time.tasks, 0)} tasks, ${number(time.minutes, 0)} min`,
      'Time staff held the cases\' tasks, claim to completion'),
    card('SLA breaches', number(breaches.reduce((sum, [, count]) => sum + Number(count), 0), 0),
      breaches.map(([kind, count]) => `${kind}: ${count}`).join(', '), 'Missed SLA deadlines of the cases, by kind'),
    card('Satisfaction', satisfaction.average === undefined ? '–' : `${number(satisfaction.average)} / 5`,
      `${number(satisfaction.rated, 0)} rated`, 'Mean customer rating (1–5) over the rated cases'),
    card('Returned units recovered', number(units.recovered, 0),
      `${number(units.notRecovered, 0)} not recovered, ${number(units.awaited, 0)} awaited`,
      'Units of repair and return orders received / given up / still awaited'));
  const charts = h('div', { class: 'service-kpis-charts' },
    barChart('Requests', [
      { label: 'Requests handled', value: report.requestsHandled ?? 0 },
      { label: 'Bugs', value: report.bugs ?? 0, colour: '#c0392b' },
      { label: 'Pure service', value: report.pureService ?? 0, colour: '#27ae60' },
    ]),
    barChart('SLA breaches by kind', breaches.map(([kind, count]) => ({ label: kind, value: count })), '#d35400'),
    barChart('Returned units', [
      { label: 'Recovered', value: units.recovered ?? 0, colour: '#27ae60' },
      { label: 'Not recovered', value: units.notRecovered ?? 0, colour: '#c0392b' },
      { label: 'Awaited', value: units.awaited ?? 0, colour: '#7f8c8d' },
    ]),
    barChart('Refunds by type (amount)', refunds.map((refund) => ({
      label: `${refund.type} (${refund.currency})`, value: Number(refund.amount),
      display: `${refund.amount} ${refund.currency} · ${refund.count}×`,
    })), '#8e44ad'));
  const tables = h('div', { class: 'service-kpis-tables' },
    table('SLA breaches by kind', ['Kind', 'Missed'], breaches.map(([kind, count]) => [kind, String(count)])),
    table('Refunds by type', ['Type', 'Currency', 'Count', 'Amount'],
      refunds.map((refund) => [refund.type, refund.currency, String(refund.count), refund.amount])));
  const scope = query.customerId ? `customer ${query.customerId}` : 'all customers';
  return [
    h('p', { class: 'service-kpis-scope' },
      `Cases opened from ${report.from} to ${report.to} (${report.zone}), ${scope}. `,
      h('a', { class: 'service-kpis-csv', href: reportUrl(query, 'csv'), download: '' }, 'Download CSV')),
    cards, charts, tables,
    h('p', { class: 'text-muted' }, 'Each figure is defined in the README, section "Service report", and in the CSV.'),
  ];
}

function page(container) {
  const today = new Date();
  const from = h('input', { type: 'date', name: 'from', class: 'form-control', required: '',
    value: isoDate(new Date(today.getFullYear(), 0, 1)) });
  const to = h('input', { type: 'date', name: 'to', class: 'form-control', required: '', value: isoDate(today) });
  const customer = h('input', { type: 'text', name: 'customerId', class: 'form-control',
    placeholder: 'all customers', size: 14 });
  const result = h('div', { class: 'service-kpis-result', 'aria-live': 'polite' });
  const form = h('form', {},
    h('label', {}, 'From', from), h('label', {}, 'To', to), h('label', {}, 'Customer id (optional)', customer),
    h('button', { type: 'submit', class: 'btn btn-primary' }, 'Show'));
  let generation = 0;
  async function load() {
    const query = { from: from.value, to: to.value, customerId: customer.value.trim() };
    const mine = ++generation;
    result.replaceChildren(h('p', { class: 'text-muted' }, 'Loading…'));
    try {
      const response = await fetch(reportUrl(query), {
        credentials: 'same-origin', headers: { Accept: 'application/json' },
      });
      const body = await response.json().catch(() => ({}));
      if (mine !== generation) return;
      if (!response.ok) {
        const fields = (body.fields ?? []).map((f) => `${f.field} ${f.message}`).join('; ');
        result.replaceChildren(h('p', { class: 'service-kpis-error' },
          `${response.status}: ${fields || body.message || response.statusText}`));
        return;
      }
      result.replaceChildren(...render(body, query));
    } catch (error) {
      if (mine === generation) result.replaceChildren(h('p', { class: 'service-kpis-error' }, String(error)));
    }
  }
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    load();
  });
  container.replaceChildren(h('div', { class: 'service-kpis' },
    h('style', {}, STYLE), h('h2', {}, 'Service KPIs'), form, result));
  load();
}

export default [
  {
    id: 'service-kpis.navigation',
    pluginPoint: 'cockpit.navigation',
    priority: 5,
    render: (node) => {
      node.replaceChildren(h('a', { href: `#${ROUTE}`, class: 'service-kpis-nav' }, 'Service KPIs'));
    },
    properties: {
      pagePath: `#${ROUTE}`,
      checkActive: (url) => url.includes(`#${ROUTE}`),
    },
  },
  {
    id: 'service-kpis.page',
    pluginPoint: 'cockpit.route',
    priority: 0,
    render: (container) => page(container),
    properties: { path: ROUTE, label: 'Service KPIs' },
  },
];
