// Cockpit plugin "Service KPIs" (README "Service KPIs in Cockpit"): the service report's figures
// over a period, for all customers or one, as cards, tables and inline SVG charts, with the CSV.
// Plain ES module, no build step, nothing from outside: it reads the figures from the plugin's
// server side (org.aftersales.cockpit.kpis), which Cockpit's session authenticates.

const ROUTE = '/service-kpis';
const SVG = 'http://www.w3.org/2000/svg';


/**
 * The page's language by the webapps' own rule (Camunda's bootstrap, docs/languages.md): the
 * browser's FIRST language, Chinese for any zh*, English for everything else.
 */
function pageLanguage() {
  const first = (navigator.languages && navigator.languages[0]) || navigator.language || '';
  return first.split('-')[0].toLowerCase() === 'zh' ? 'zh' : 'en';
}

const LANG = pageLanguage();
const LOCALE = LANG === 'zh' ? 'zh-CN' : 'en';
/** Sent with our requests: the server words refusals (and the values' words) in the page's language. */
const ACCEPT_LANGUAGE = LANG === 'zh' ? 'zh-CN' : 'en';

const TEXTS = {
  en: {
    title: 'Service KPIs', from: 'From', to: 'To', customer: 'Customer id (optional)', allCustomers: 'all customers',
    show: 'Show', loading: 'Loading…', nothing: 'nothing in this period', none: 'none', minutes: '{0} min',
    requestsHandled: 'Requests handled', requestsHandledDef: 'Cases opened in the period, whatever their state',
    firstResponseMean: 'First response, mean', acknowledged: '{0} acknowledged',
    firstResponseMeanDef: 'Opened → acknowledged to the customer, wall-clock minutes, over the acknowledged cases',
    firstResponseP90: 'First response, 90th percentile', nearestRank: 'nearest rank',
    firstResponseP90Def: '90th percentile of the same durations, nearest rank',
    bugs: 'Bugs', ofRequests: '{0} of requests', bugsDef: 'Cases with a confirmed bug (an R&D ticket); share of all requests',
    bugResolutionRate: 'Bug resolution rate', fixed: '{0} fixed', bugResolutionRateDef: 'Bug cases whose retest passed / bug cases',
    pureService: 'Pure service', pureServiceDef: 'Requests that were not confirmed bugs',
    serviceHours: 'Service hours', serviceHoursDetail: '{0} tasks, {1} min',
    serviceHoursDef: 'Time staff held the cases\' tasks, claim to completion',
    slaBreaches: 'SLA breaches', slaBreachesDef: 'Missed SLA deadlines of the cases, by kind',
    satisfaction: 'Satisfaction', outOf5: '{0} / 5', rated: '{0} rated', satisfactionDef: 'Mean customer rating (1–5) over the rated cases',
    unitsRecovered: 'Returned units recovered', unitsDetail: '{0} not recovered, {1} awaited',
    unitsRecoveredDef: 'Units of repair and return orders received / given up / still awaited',
    requests: 'Requests', slaByKind: 'SLA breaches by kind', returnedUnits: 'Returned units', recovered: 'Recovered',
    notRecovered: 'Not recovered', awaited: 'Awaited', refundsByAmount: 'Refunds by type (amount)',
    refundItem: '{0} ({1})', refundDisplay: '{0} {1} · {2}×', refundsByType: 'Refunds by type', kind: 'Kind', missed: 'Missed',
    type: 'Type', currency: 'Currency', count: 'Count', amount: 'Amount', scopeCustomer: 'customer {0}',
    scope: 'Cases opened from {0} to {1} ({2}), {3}. ', csv: 'Download CSV',
    definitions: 'Point at a card for its definition; the CSV has every definition in its last column.',
    field: '{0} {1}', percent: '{0} %',
  },
  zh: {
    title: '服务指标', from: '开始日期', to: '结束日期', customer: '客户编号（可选）', allCustomers: '全部客户',
    show: '查看', loading: '正在加载…', nothing: '此期间没有数据', none: '无', minutes: '{0} 分钟',
    requestsHandled: '受理请求数', requestsHandledDef: '期间内受理的工单，不论状态',
    firstResponseMean: '首次响应平均时长', acknowledged: '已受理 {0} 单',
    firstResponseMeanDef: '从工单创建到受理客户，按自然时间分钟计，只计已受理的工单',
    firstResponseP90: '首次响应 90 分位时长', nearestRank: '最近秩法',
    firstResponseP90Def: '同一组时长的 90 分位数（最近秩法）',
    bugs: '缺陷数', ofRequests: '占请求的 {0}', bugsDef: '有已确认缺陷（研发工单）的工单；及其占全部请求的比例',
    bugResolutionRate: '缺陷解决率', fixed: '已修复 {0} 单', bugResolutionRateDef: '复测通过的缺陷工单 / 缺陷工单',
    pureService: '纯服务数', pureServiceDef: '未确认为缺陷的请求',
    serviceHours: '服务工时（小时）', serviceHoursDetail: '{0} 个任务，{1} 分钟',
    serviceHoursDef: '员工持有工单任务的时长，从认领到完成',
    slaBreaches: 'SLA 超时', slaBreachesDef: '工单未达成的 SLA 时限，按类型',
    satisfaction: '满意度', outOf5: '{0} / 5', rated: '{0} 单已评分', satisfactionDef: '已评分工单的客户平均评分（1–5）',
    unitsRecovered: '退回件已收回', unitsDetail: '{0} 台未收回，{1} 台等待中',
    unitsRecoveredDef: '维修单与退货单的机器：已收到 / 已放弃 / 仍在等待',
    requests: '服务请求', slaByKind: '各类 SLA 超时', returnedUnits: '退回件', recovered: '已收回',
    notRecovered: '未收回', awaited: '等待中', refundsByAmount: '各类退款与调整（金额）',
    refundItem: '{0}（{1}）', refundDisplay: '{0} {1} · {2} 笔', refundsByType: '各类退款与调整', kind: '类型', missed: '超时次数',
    type: '类型', currency: '币种', count: '笔数', amount: '金额', scopeCustomer: '客户 {0}',
    scope: '统计 {0} 至 {1}（{2}）受理的工单，{3}。', csv: '下载 CSV',
    definitions: '将鼠标移到卡片上可查看该指标的定义；CSV 的最后一列列出了所有定义。',
    field: '{0}：{1}', percent: '{0}%',
  },
};

/** The page's text of `key`, `{0}`, `{1}` … filled in. */
function t(key, ...args) {
  const text = TEXTS[LANG][key] ?? TEXTS.en[key] ?? key;
  return text.replace(/\{(\d+)}/g, (all, index) => (args[index] === undefined ? all : String(args[index])));
}

/** The words of the report's values (SLA kinds, refund types) in the page's language, from the server. */
let words = { slaBreaches: {}, refunds: {} };
const word = (group, value) => words[group]?.[value] ?? value;

/** A date of the report (YYYY-MM-DD, a day of the service zone) as the page's language writes it. */
function day(iso) {
  const date = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(LANG === 'zh' ? 'zh-CN' : 'en-GB',
    { timeZone: 'UTC', year: 'numeric', month: LANG === 'zh' ? 'long' : 'short', day: 'numeric' }).format(date);
}

/** Fields of a refusal as the page names them. */
const FIELDS = { from: 'from', to: 'to', customerId: 'customer' };

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

function pluginUrl(path) {
  return `${cockpitApi()}plugin/service-kpis/${encodeURIComponent(engineName())}/${path}`;
}

function reportUrl(query, format) {
  const params = new URLSearchParams({ from: query.from, to: query.to });
  if (query.customerId) params.set('customerId', query.customerId);
  if (format) params.set('format', format);
  return pluginUrl(`report?${params}`);
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

/** Today in the service zone by the browser's clock: used only when the server's answer is missing. */
function serviceToday(zone) {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(new Date());
}

const number = (value, digits = 2) => (value === undefined || value === null
  ? '–' : Number(value).toLocaleString(LOCALE, { maximumFractionDigits: digits }));
const minutes = (value) => (value === undefined || value === null ? '–' : t('minutes', number(value)));
const percent = (ratio) => (ratio === undefined || ratio === null
  ? '–' : t('percent', (Number(ratio) * 100).toLocaleString(LOCALE, { maximumFractionDigits: 2 })));

/** A horizontal bar chart as inline SVG: one bar per item, the value at its end. */
function barChart(key, title, items, colour = '#1f6fb2') {
  const rowHeight = 26;
  const labelWidth = 170;
  const barWidth = 260;
  const height = Math.max(1, items.length) * rowHeight + 30;
  const max = Math.max(1, ...items.map((item) => Number(item.value) || 0));
  const chart = svg('svg', {
    class: 'service-kpis-chart', role: 'img', 'aria-label': title, 'data-chart': key,
    width: labelWidth + barWidth + 90, height, viewBox: `0 0 ${labelWidth + barWidth + 90} ${height}`,
  });
  chart.append(svg('title', {}, title));
  chart.append(svg('text', { x: 0, y: 16, 'font-weight': 'bold', 'font-size': 13 }, title));
  if (items.length === 0) {
    chart.append(svg('text', { x: 0, y: 42, 'font-size': 12, fill: '#666' }, t('nothing')));
  }
  items.forEach((item, index) => {
    const y = 28 + index * rowHeight;
    const width = Math.round(((Number(item.value) || 0) / max) * barWidth);
    chart.append(svg('text', { x: 0, y: y + 15, 'font-size': 12 }, item.label));
    const bar = svg('rect', {
      class: 'service-kpis-bar', x: labelWidth, y: y + 3, width: Math.max(width, 1), height: rowHeight - 8,
      fill: item.colour ?? colour, 'data-label': item.label, 'data-key': item.key ?? item.label,
      'data-value': String(item.value),
    });
    bar.append(svg('title', {}, `${item.label}: ${item.display ?? item.value}`));
    chart.append(bar);
    chart.append(svg('text', { x: labelWidth + Math.max(width, 1) + 6, y: y + 15, 'font-size': 12 },
      item.display ?? String(item.value)));
  });
  return chart;
}

/** A figure's card; `key` names the figure whatever the language (data-figure). */
function card(key, value, detail) {
  return h('div', { class: 'service-kpis-card', title: t(`${key}Def`) },
    h('div', { class: 'service-kpis-card-label' }, t(key)),
    h('div', { class: 'service-kpis-card-value', 'data-figure': key }, value),
    detail ? h('div', { class: 'service-kpis-card-detail' }, detail) : null);
}

function table(caption, head, rows) {
  return h('table', { class: 'table table-condensed service-kpis-table' },
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, head.map((cell) => h('th', {}, cell)))),
    h('tbody', {}, rows.length === 0
      ? h('tr', {}, h('td', { colspan: head.length }, t('none')))
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
    card('requestsHandled', number(report.requestsHandled, 0), null),
    card('firstResponseMean', minutes(fr.meanMinutes), t('acknowledged', number(fr.acknowledged, 0))),
    card('firstResponseP90', minutes(fr.p90Minutes), t('nearestRank')),
    card('bugs', number(report.bugs, 0), t('ofRequests', percent(report.bugShare))),
    card('bugResolutionRate', percent(report.bugResolutionRate), t('fixed', number(report.bugsFixed, 0))),
    card('pureService', number(report.pureService, 0), null),
    card('serviceHours', number(time.hours), t('serviceHoursDetail', number(time.tasks, 0), number(time.minutes, 0))),
    card('slaBreaches', number(breaches.reduce((sum, [, count]) => sum + Number(count), 0), 0),
      breaches.map(([kind, count]) => `${word('slaBreaches', kind)}${LANG === 'zh' ? '：' : ': '}${count}`)
        .join(LANG === 'zh' ? '，' : ', ')),
    card('satisfaction', satisfaction.average === undefined ? '–' : t('outOf5', number(satisfaction.average)),
      t('rated', number(satisfaction.rated, 0))),
    card('unitsRecovered', number(units.recovered, 0),
      t('unitsDetail', number(units.notRecovered, 0), number(units.awaited, 0))));
  const charts = h('div', { class: 'service-kpis-charts' },
    barChart('requests', t('requests'), [
      { key: 'requestsHandled', label: t('requestsHandled'), value: report.requestsHandled ?? 0 },
      { key: 'bugs', label: t('bugs'), value: report.bugs ?? 0, colour: '#c0392b' },
      { key: 'pureService', label: t('pureService'), value: report.pureService ?? 0, colour: '#27ae60' },
    ]),
    barChart('slaBreaches', t('slaByKind'), breaches.map(([kind, count]) => ({ key: kind, label: word('slaBreaches', kind), value: count })), '#d35400'),
    barChart('returnedUnits', t('returnedUnits'), [
      { key: 'recovered', label: t('recovered'), value: units.recovered ?? 0, colour: '#27ae60' },
      { key: 'notRecovered', label: t('notRecovered'), value: units.notRecovered ?? 0, colour: '#c0392b' },
      { key: 'awaited', label: t('awaited'), value: units.awaited ?? 0, colour: '#7f8c8d' },
    ]),
    barChart('refunds', t('refundsByAmount'), refunds.map((refund) => ({
      key: `${refund.type}.${refund.currency}`, label: t('refundItem', word('refunds', refund.type), refund.currency),
      value: Number(refund.amount), display: t('refundDisplay', refund.amount, refund.currency, refund.count),
    })), '#8e44ad'));
  const tables = h('div', { class: 'service-kpis-tables' },
    table(t('slaByKind'), [t('kind'), t('missed')], breaches.map(([kind, count]) => [word('slaBreaches', kind), String(count)])),
    table(t('refundsByType'), [t('type'), t('currency'), t('count'), t('amount')],
      refunds.map((refund) => [word('refunds', refund.type), refund.currency, String(refund.count), refund.amount])));
  const scope = query.customerId ? t('scopeCustomer', query.customerId) : t('allCustomers');
  return [
    h('p', { class: 'service-kpis-scope' },
      t('scope', day(report.from), day(report.to), report.zone, scope),
      h('a', { class: 'service-kpis-csv', href: reportUrl(query, 'csv'), download: '' }, t('csv'))),
    cards, charts, tables,
    h('p', { class: 'text-muted' }, t('definitions')),
  ];
}

/** What the page needs first: the service zone's today (where the default period ends) and the values' words. */
async function pageSettings() {
  try {
    const response = await fetch(pluginUrl('page'), {
      credentials: 'same-origin', headers: { Accept: 'application/json', 'Accept-Language': ACCEPT_LANGUAGE },
    });
    if (response.ok) return await response.json();
  } catch (error) {
    // the browser's clock in the default zone below
  }
  return { zone: 'Asia/Shanghai', today: serviceToday('Asia/Shanghai') };
}

async function page(container) {
  const from = h('input', { type: 'date', name: 'from', class: 'form-control', required: '' });
  const to = h('input', { type: 'date', name: 'to', class: 'form-control', required: '' });
  const customer = h('input', { type: 'text', name: 'customerId', class: 'form-control',
    placeholder: t('allCustomers'), size: 14 });
  const result = h('div', { class: 'service-kpis-result', 'aria-live': 'polite' });
  const form = h('form', {},
    h('label', {}, t('from'), from), h('label', {}, t('to'), to), h('label', {}, t('customer'), customer),
    h('button', { type: 'submit', class: 'btn btn-primary' }, t('show')));
  let generation = 0;
  async function load() {
    const query = { from: from.value, to: to.value, customerId: customer.value.trim() };
    const mine = ++generation;
    result.replaceChildren(h('p', { class: 'text-muted' }, t('loading')));
    try {
      const response = await fetch(reportUrl(query), {
        credentials: 'same-origin', headers: { Accept: 'application/json', 'Accept-Language': ACCEPT_LANGUAGE },
      });
      const body = await response.json().catch(() => ({}));
      if (mine !== generation) return;
      if (!response.ok) {
        const fields = (body.fields ?? []).map((f) => t('field', FIELDS[f.field] ? t(FIELDS[f.field]) : f.field, f.message))
          .join(LANG === 'zh' ? '；' : '; ');
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
    h('style', {}, STYLE), h('h2', {}, t('title')), form, result));
  result.replaceChildren(h('p', { class: 'text-muted' }, t('loading')));
  // The default period: 1 January to today, both in the service zone (not the browser's date).
  const settings = await pageSettings();
  words = settings.words ?? words;
  if (!to.value) to.value = settings.today;
  if (!from.value) from.value = `${settings.today.slice(0, 4)}-01-01`;
  if (generation === 0) load();
}

export default [
  {
    id: 'service-kpis.navigation',
    pluginPoint: 'cockpit.navigation',
    priority: 5,
    render: (node) => {
      node.replaceChildren(h('a', { href: `#${ROUTE}`, class: 'service-kpis-nav' }, t('title')));
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
    properties: { path: ROUTE, label: t('title') },
  },
];

// For tools/e2e/plugin-texts.test.mjs, which checks every text has its Chinese and English.
export { TEXTS };
