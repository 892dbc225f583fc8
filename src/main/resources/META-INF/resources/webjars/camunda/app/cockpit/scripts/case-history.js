// Cockpit plugin "Case history" (Aftersales Flow): find running and completed process instances
// by process, case number, customer and start date; for one instance show the diagram with the
// path taken, the activities, variable changes, task comments, approval records, the user
// operation log and incidents. Read-only: only GET requests and query POSTs (no change), so an
// auditor's rights suffice. Plain ES module, no build step, nothing loaded from elsewhere.

const ROUTE = '/case-history';
const PAGE_SIZE = 25;
const MAX_LIST = 2000; // the engine's query-max-results-limit: every list query is paged
const MAX_INSTANCES = 30; // called instances looked at for one case

const NS = {
  bpmn: 'http://www.omg.org/spec/BPMN/20100524/MODEL',
  bpmndi: 'http://www.omg.org/spec/BPMN/20100524/DI',
  dc: 'http://www.omg.org/spec/DD/20100524/DC',
  di: 'http://www.omg.org/spec/DD/20100524/DI',
};
const SVG = 'http://www.w3.org/2000/svg';

const STYLE = `
.case-history { padding: 15px 20px 40px; font-size: 13px; }
.case-history h1 { font-size: 22px; margin: 0 0 12px; }
.case-history h2 { font-size: 16px; margin: 22px 0 8px; border-bottom: 1px solid #ddd; padding-bottom: 4px; }
.case-history form.ch-search { display: flex; flex-wrap: wrap; gap: 10px 16px; align-items: flex-end;
  background: #f6f7f9; border: 1px solid #e2e4e8; padding: 10px 12px; border-radius: 3px; }
.case-history form.ch-search label { display: flex; flex-direction: column; font-weight: 600; gap: 3px; }
.case-history form.ch-search input[type="checkbox"] { min-width: 0; height: auto; }
.case-history form.ch-search input, .case-history form.ch-search select { font-weight: normal; min-width: 150px;
  height: 28px; padding: 2px 6px; border: 1px solid #bbb; border-radius: 2px; }
.case-history table { border-collapse: collapse; width: 100%; margin-top: 6px; }
.case-history th, .case-history td { border-bottom: 1px solid #e6e6e6; padding: 4px 6px; text-align: left;
  vertical-align: top; }
.case-history th { background: #f1f2f4; }
.case-history td.ch-value { font-family: monospace; max-width: 520px; word-break: break-word; }
.case-history tr.ch-row { cursor: pointer; }
.case-history tr.ch-row:hover { background: #eef5ff; }
.case-history .ch-muted { color: #777; }
.case-history .ch-error { color: #b00020; }
.case-history .ch-badge { display: inline-block; padding: 0 6px; border-radius: 8px; font-size: 11px;
  background: #ddd; }
.case-history .ch-badge.ACTIVE { background: #cfe8ff; } .case-history .ch-badge.COMPLETED { background: #cdeccd; }
.case-history .ch-badge.INTERNALLY_TERMINATED, .case-history .ch-badge.EXTERNALLY_TERMINATED { background: #f6d5d5; }
.case-history .ch-diagram { border: 1px solid #ddd; background: #fff; overflow: auto; max-height: 560px; }
.case-history .ch-diagram svg { display: block; }
.case-history .ch-legend span { margin-right: 14px; }
.case-history .ch-summary td:first-child { font-weight: 600; width: 180px; }
.case-history button.ch-link { background: none; border: none; color: #1565c0; padding: 0; cursor: pointer;
  text-decoration: underline; }
.case-history .ch-pager { margin-top: 6px; display: flex; gap: 10px; align-items: center; }
`;


// ---------------------------------------------------------------- language and service zone

/**
 * The page's language by the webapps' own rule (Camunda's bootstrap, docs/languages.md): the
 * browser's FIRST language, Chinese for any zh*, English for everything else.
 */
function pageLanguage() {
  const first = (navigator.languages && navigator.languages[0]) || navigator.language || '';
  return first.split('-')[0].toLowerCase() === 'zh' ? 'zh' : 'en';
}

const LANG = pageLanguage();
/** Sent with our requests so that what the server words (approval actions, refusals) is in the page's language. */
const ACCEPT_LANGUAGE = LANG === 'zh' ? 'zh-CN' : 'en';

const TEXTS = {
  en: {
    title: 'Case history',
    intro: 'Running and completed process instances of every case. Click a row to open its history.',
    process: 'Process', anyProcess: 'Any process', caseNumber: 'Case number', caseNumberHint: 'AS-2026-000001 or part of it',
    customerId: 'Customer id', customerName: 'Customer name', customerNameHint: 'part of the name',
    startedFrom: 'Started from', startedTo: 'Started to', state: 'State', anyState: 'Running and completed',
    running: 'Running', completed: 'Completed', casesOnly: ' Cases only (no called processes)', search: 'Search',
    processDefinitions: 'Process definitions: {0}', searching: 'Searching…', count: '{0} instance(s)',
    previous: 'Previous', next: 'Next', customer: 'Customer', started: 'Started', ended: 'Ended', duration: 'Duration',
    searchFailed: 'Search failed: {0}', none: 'None.', loading: 'Loading…', back: '← Back to the search',
    instanceFailed: 'Instance {0}: {1}', openCaller: 'open the calling instance', noCaller: 'none (this is the case)',
    processInstance: 'Process instance', startedBy: '{0} by {1}', stillRunning: 'still running', calledBy: 'Called by',
    calledInstances: 'Called instances', noneLower: 'none', diagramTitle: 'Diagram and path taken', activities: 'Activities',
    activity: 'Activity', type: 'Type', assignee: 'Assignee', runningLower: 'running', calledInstance: 'called instance',
    canceled: 'canceled', variablesTitle: 'Variable changes over time', time: 'Time', variable: 'Variable', value: 'Value',
    revision: 'Revision', commentsTitle: 'Task comments', task: 'Task', by: 'By', comment: 'Comment',
    approvalsTitle: 'Approval records', recorded: 'Recorded', round: 'Round', step: 'Step', who: 'Who', action: 'Action',
    target: 'Target', operationsTitle: 'User operation log', user: 'User', operation: 'Operation', entity: 'Entity',
    property: 'Property', oldValue: 'Old value', newValue: 'New value', incidentsTitle: 'Incidents', created: 'Created',
    message: 'Message', open: 'open', resolved: 'resolved', deleted: 'deleted', noDiagram: 'The model has no diagram.',
    legendRan: '■ green: ran', legendRunning: '■ orange: running now', legendTaken: '— thick green: flow taken (both ends ran)',
    legendCount: '{0} of {1} elements ran, {2} flows taken', shapeRunning: 'running', shapeRan: 'ran',
    zone: 'Times in {0}.', ms: '{0} ms', d: 'd', h: 'h', m: 'm', s: 's',
  },
  zh: {
    title: '工单历史',
    intro: '每张工单运行中和已完成的流程实例。点击一行查看其历史。',
    process: '流程', anyProcess: '所有流程', caseNumber: '工单号', caseNumberHint: 'AS-2026-000001 或其中一部分',
    customerId: '客户编号', customerName: '客户名称', customerNameHint: '名称的一部分',
    startedFrom: '开始日期自', startedTo: '开始日期至', state: '状态', anyState: '运行中和已完成',
    running: '运行中', completed: '已完成', casesOnly: ' 仅工单（不含被调用的流程）', search: '搜索',
    processDefinitions: '流程定义：{0}', searching: '正在搜索…', count: '共 {0} 个实例',
    previous: '上一页', next: '下一页', customer: '客户', started: '开始时间', ended: '结束时间', duration: '持续时间',
    searchFailed: '搜索失败：{0}', none: '无。', loading: '正在加载…', back: '← 返回搜索',
    instanceFailed: '实例 {0}：{1}', openCaller: '打开调用它的实例', noCaller: '无（这就是工单本身）',
    processInstance: '流程实例', startedBy: '{0}，由 {1} 启动', stillRunning: '仍在运行', calledBy: '调用方',
    calledInstances: '被调用的实例', noneLower: '无', diagramTitle: '流程图与已走路径', activities: '活动',
    activity: '活动', type: '类型', assignee: '处理人', runningLower: '运行中', calledInstance: '被调用的实例',
    canceled: '已取消', variablesTitle: '变量变更记录', time: '时间', variable: '变量', value: '值',
    revision: '版本', commentsTitle: '任务备注', task: '任务', by: '填写人', comment: '备注',
    approvalsTitle: '审批记录', recorded: '记录时间', round: '轮次', step: '步骤', who: '操作人', action: '操作',
    target: '对象', operationsTitle: '用户操作日志', user: '用户', operation: '操作', entity: '对象类型',
    property: '属性', oldValue: '原值', newValue: '新值', incidentsTitle: '异常', created: '创建时间',
    message: '消息', open: '未解决', resolved: '已解决', deleted: '已删除', noDiagram: '该模型没有流程图。',
    legendRan: '■ 绿色：已执行', legendRunning: '■ 橙色：正在执行', legendTaken: '— 绿色粗线：已走的连线（两端均已执行）',
    legendCount: '{1} 个元素中 {0} 个已执行，已走 {2} 条连线', shapeRunning: '正在执行', shapeRan: '已执行',
    zone: '时间均为 {0} 时区。', ms: '{0} 毫秒', d: '天', h: '小时', m: '分', s: '秒',
  },
};

/** Words the engine gives as values (states, activity and operation types); a value not listed is shown as it is. */
const VALUES = {
  en: {},
  zh: {
    ACTIVE: '运行中', COMPLETED: '已完成', SUSPENDED: '已挂起', INTERNALLY_TERMINATED: '已终止（内部）',
    EXTERNALLY_TERMINATED: '已终止（外部）',
    startEvent: '开始事件', endEvent: '结束事件', noneEndEvent: '结束事件', userTask: '用户任务', serviceTask: '服务任务',
    businessRuleTask: '业务规则任务', scriptTask: '脚本任务', sendTask: '发送任务', receiveTask: '接收任务',
    manualTask: '手工任务', task: '任务', callActivity: '调用活动', subProcess: '子流程', exclusiveGateway: '排他网关',
    parallelGateway: '并行网关', inclusiveGateway: '包容网关', eventBasedGateway: '事件网关',
    intermediateTimer: '定时事件', intermediateMessageCatch: '消息事件', intermediateSignalCatch: '信号事件',
    intermediateConditional: '条件事件', intermediateNoneThrowEvent: '中间事件', intermediateMessageThrowEvent: '消息抛出事件',
    intermediateSignalThrow: '信号抛出事件', boundaryTimer: '边界定时事件', boundaryMessage: '边界消息事件',
    boundaryError: '边界错误事件', boundarySignal: '边界信号事件', boundaryEscalation: '边界升级事件',
    boundaryConditional: '边界条件事件', boundaryCompensation: '边界补偿事件', errorEndEvent: '错误结束事件',
    messageEndEvent: '消息结束事件', terminateEndEvent: '终止结束事件', escalationEndEvent: '升级结束事件',
    signalEndEvent: '信号结束事件', startTimerEvent: '定时开始事件', messageStartEvent: '消息开始事件',
    Claim: '认领', Complete: '完成', Assign: '指派', Delegate: '委托', Resolve: '解决', SetOwner: '设置所有者',
    SetPriority: '设置优先级', Update: '更新', Create: '创建', Delete: '删除', AddUserLink: '添加用户关联',
    DeleteUserLink: '删除用户关联', AddGroupLink: '添加组关联', DeleteGroupLink: '删除组关联', AddAttachment: '添加附件',
    DeleteAttachment: '删除附件', SetVariable: '设置变量', SetVariables: '设置变量', RemoveVariable: '删除变量',
    ModifyVariable: '修改变量', Suspend: '挂起', Activate: '激活', SuspendJob: '挂起作业', ActivateJob: '激活作业',
    SetJobRetries: '设置作业重试次数', SetExternalTaskRetries: '设置外部任务重试次数', Migrate: '迁移',
    ModifyProcessInstance: '修改流程实例', RestartProcessInstance: '重启流程实例', CorrelateMessage: '关联消息',
    CreateIncident: '创建异常', ResolveIncident: '解决异常', SetAnnotation: '设置注释', ClearAnnotation: '清除注释',
    Task: '任务', ProcessInstance: '流程实例', ProcessDefinition: '流程定义', Variable: '变量', Job: '作业',
    JobDefinition: '作业定义', Attachment: '附件', IdentityLink: '身份关联', Incident: '异常',
    ExternalTask: '外部任务', Deployment: '部署', Decision: '决策', DecisionDefinition: '决策定义',
    failedJob: '作业失败', failedExternalTask: '外部任务失败',
  },
};

/** The page's text of `key`, `{0}`, `{1}` … filled in. */
function t(key, ...args) {
  const text = TEXTS[LANG][key] ?? TEXTS.en[key] ?? key;
  return text.replace(/\{(\d+)}/g, (all, index) => (args[index] === undefined ? all : String(args[index])));
}

/** A value the engine gives (a state, a type) as a word of the page's language; raw value when unknown. */
const word = (value) => (value === undefined || value === null ? '' : (VALUES[LANG][value] ?? value));

/** The service zone (aftersales.service-hours.zone), asked of the server once; times are shown there. */
let serviceZone = 'Asia/Shanghai';

// ---------------------------------------------------------------- small DOM and format helpers

function h(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else if (key === 'className') node.className = value;
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function s(tag, attrs = {}) {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, String(value));
  return node;
}

const pad = (n, w = 2) => String(n).padStart(w, '0');

/** A time in the service zone, as the page's language writes it: 2026年3月5日 14:30:05 or 5 Mar 2026, 14:30:05. */
function fmtTime(value) {
  if (!value) return '';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return String(value);
  return new Intl.DateTimeFormat(LANG === 'zh' ? 'zh-CN' : 'en-GB', {
    timeZone: serviceZone, year: 'numeric', month: LANG === 'zh' ? 'long' : 'short', day: 'numeric',
    hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
  }).format(d);
}

function fmtDuration(ms) {
  if (ms === undefined || ms === null) return '';
  let rest = Math.round(ms / 1000);
  if (rest < 1) return t('ms', ms);
  const days = Math.floor(rest / 86400); rest %= 86400;
  const hours = Math.floor(rest / 3600); rest %= 3600;
  const minutes = Math.floor(rest / 60); const seconds = rest % 60;
  const [d, hr, m, sec] = [t('d'), t('h'), t('m'), t('s')];
  if (days) return `${days}${d} ${hours}${hr} ${pad(minutes)}${m}`;
  if (hours) return `${hours}${hr} ${pad(minutes)}${m} ${pad(seconds)}${sec}`;
  if (minutes) return `${minutes}${m} ${pad(seconds)}${sec}`;
  return `${seconds}${sec}`;
}

/** Minutes east of UTC of the service zone at that instant (Asia/Shanghai: 480). */
function zoneOffset(instant) {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-US', {
    timeZone: serviceZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(instant).map((part) => [part.type, part.value]));
  const asUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60000);
}

/**
 * The engine's date format, e.g. 2026-03-01T00:00:00.000+0800, for the start or end of a day of a
 * date input, read as a day in the service zone (as the dates shown are).
 */
function engineDate(day, endOfDay) {
  const time = endOfDay ? '23:59:59.999' : '00:00:00.000';
  const wall = new Date(`${day}T${time}Z`);
  const offset = zoneOffset(new Date(wall.getTime() - zoneOffset(wall) * 60000));
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  return `${day}T${time}${sign}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`;
}

function shortValue(value) {
  if (value === undefined) return '';
  if (value === null) return 'null';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

function table(headers, rows, rowAttrs) {
  if (!rows.length) return h('p', { className: 'ch-muted' }, t('none'));
  return h('table', { className: 'table' },
    h('thead', {}, h('tr', {}, headers.map((title) => h('th', {}, title)))),
    h('tbody', {}, rows.map((cells, index) => h('tr', rowAttrs ? rowAttrs(index) : {},
      cells.map((cell) => (cell instanceof Node && cell.tagName === 'TD' ? cell : h('td', {}, cell)))))));
}

// ---------------------------------------------------------------- the engine API through the session

function client(api) {
  const engine = api.engineApi.replace(/\/$/, '');
  const cockpit = (api.cockpitApi || `${api.baseApi || '/camunda/api'}/cockpit`).replace(/\/$/, '');
  async function call(url, options = {}) {
    const response = await fetch(url, { credentials: 'same-origin', ...options,
      headers: { Accept: 'application/json', 'Accept-Language': ACCEPT_LANGUAGE, ...(options.headers || {}) } });
    const text = await response.text();
    if (!response.ok) {
      let message = text;
      try { message = JSON.parse(text).message || text; } catch (e) { /* plain text */ }
      throw new Error(`${response.status}: ${message || response.statusText}`);
    }
    return text ? JSON.parse(text) : undefined;
  }
  return {
    get: (path) => call(engine + path),
    // query POSTs change nothing; the webapps' CSRF filter still wants the token
    query: (path, body) => call(engine + path, { method: 'POST', body: JSON.stringify(body),
      headers: { 'Content-Type': 'application/json', 'X-XSRF-TOKEN': api.CSRFToken } }),
    plugin: (path) => call(`${cockpit}/plugin/case-history/${encodeURIComponent(api.engine)}${path}`),
    pluginQuery: (path, body) => call(`${cockpit}/plugin/case-history/${encodeURIComponent(api.engine)}${path}`, {
      method: 'POST', body: JSON.stringify(body),
      headers: { 'Content-Type': 'application/json', 'X-XSRF-TOKEN': api.CSRFToken } }),
  };
}

const qs = (params) => Object.entries(params)
  .filter(([, v]) => v !== undefined && v !== null && v !== '')
  .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');

// ---------------------------------------------------------------- the page

function renderPage(node, api) {
  const rest = client(api);
  const style = h('style', {}, STYLE);
  const root = h('div', { className: 'case-history', 'data-plugin': 'case-history' });
  node.appendChild(style);
  node.appendChild(root);

  const state = { criteria: null, page: 0 };
  const definitions = new Map();

  const processSelect = h('select', { name: 'processDefinitionKey' }, h('option', { value: '' }, t('anyProcess')));
  const caseInput = h('input', { name: 'caseNumber', placeholder: t('caseNumberHint') });
  const customerIdInput = h('input', { name: 'customerId', placeholder: 'C-1001' });
  const customerNameInput = h('input', { name: 'customerName', placeholder: t('customerNameHint') });
  const fromInput = h('input', { name: 'startedFrom', type: 'date' });
  const toInput = h('input', { name: 'startedTo', type: 'date' });
  const stateSelect = h('select', { name: 'state' },
    h('option', { value: '' }, t('anyState')),
    h('option', { value: 'running' }, t('running')),
    h('option', { value: 'completed' }, t('completed')));
  const topOnly = h('input', { type: 'checkbox', name: 'topLevel' });
  const results = h('div', { className: 'ch-results' });
  const detail = h('div', { className: 'ch-instance' });

  const form = h('form', { className: 'ch-search', onsubmit: (event) => { event.preventDefault(); search(0); } },
    h('label', {}, t('process'), processSelect),
    h('label', {}, t('caseNumber'), caseInput),
    h('label', {}, t('customerId'), customerIdInput),
    h('label', {}, t('customerName'), customerNameInput),
    h('label', {}, t('startedFrom'), fromInput),
    h('label', {}, t('startedTo'), toInput),
    h('label', {}, t('state'), stateSelect),
    h('label', {}, h('span', {}, topOnly, t('casesOnly'))),
    h('button', { type: 'submit', className: 'btn btn-primary' }, t('search')));

  const zoneNote = h('span', { className: 'ch-zone' }, t('zone', serviceZone));
  rest.plugin('/service-day').then((day) => {
    serviceZone = day.zone;
    zoneNote.textContent = t('zone', serviceZone);
  }).catch(() => { /* keep the default zone */ });

  const searchView = h('div', { className: 'ch-search-view' }, h('h1', {}, t('title')),
    h('p', { className: 'ch-muted' }, t('intro'), ' ', zoneNote),
    form, results);
  root.appendChild(searchView);
  root.appendChild(detail);

  rest.get(`/process-definition?${qs({ latestVersion: true, sortBy: 'key', sortOrder: 'asc', firstResult: 0, maxResults: 500 })}`)
    .then((list) => {
      for (const definition of list) {
        definitions.set(definition.key, definition.name || definition.key);
        processSelect.appendChild(h('option', { value: definition.key }, `${definition.name || definition.key} (${definition.key})`));
      }
    })
    .catch((error) => results.replaceChildren(h('p', { className: 'ch-error' }, t('processDefinitions', error.message))));

  function criteria() {
    const body = { sorting: [{ sortBy: 'startTime', sortOrder: 'desc' }] };
    if (processSelect.value) body.processDefinitionKey = processSelect.value;
    const caseNumber = caseInput.value.trim();
    if (caseNumber) body.processInstanceBusinessKeyLike = `%${caseNumber}%`;
    const variables = [];
    if (customerIdInput.value.trim()) variables.push({ name: 'customerId', operator: 'eq', value: customerIdInput.value.trim() });
    if (customerNameInput.value.trim()) variables.push({ name: 'customerName', operator: 'like', value: `%${customerNameInput.value.trim()}%` });
    if (variables.length) { body.variables = variables; body.variableValuesIgnoreCase = true; }
    if (fromInput.value) body.startedAfter = engineDate(fromInput.value, false);
    if (toInput.value) body.startedBefore = engineDate(toInput.value, true);
    if (stateSelect.value === 'running') body.unfinished = true;
    if (stateSelect.value === 'completed') body.finished = true;
    if (topOnly.checked) body.rootProcessInstances = true;
    return body;
  }

  async function search(page) {
    state.criteria = page === 0 || !state.criteria ? criteria() : state.criteria;
    state.page = page;
    results.replaceChildren(h('p', { className: 'ch-muted' }, t('searching')));
    try {
      const { sorting, ...countBody } = state.criteria;
      const [count, instances] = await Promise.all([
        rest.query('/history/process-instance/count', countBody),
        rest.query(`/history/process-instance?${qs({ firstResult: page * PAGE_SIZE, maxResults: PAGE_SIZE })}`, state.criteria),
      ]);
      const customers = await customersOf(instances.map((i) => i.id));
      const rows = instances.map((i) => [
        i.businessKey || '',
        definitions.get(i.processDefinitionKey) || i.processDefinitionName || i.processDefinitionKey,
        customers.get(i.id) || '',
        h('span', { className: `ch-badge ${i.state}`, 'data-state': i.state }, word(i.state)),
        fmtTime(i.startTime), fmtTime(i.endTime), fmtDuration(i.durationInMillis),
      ]);
      const pager = h('div', { className: 'ch-pager' },
        h('span', {}, t('count', count.count)),
        page > 0 ? h('button', { type: 'button', className: 'btn btn-default btn-sm', onclick: () => search(page - 1) }, t('previous')) : null,
        (page + 1) * PAGE_SIZE < count.count ? h('button', { type: 'button', className: 'btn btn-default btn-sm', onclick: () => search(page + 1) }, t('next')) : null);
      results.replaceChildren(pager, table(
        [t('caseNumber'), t('process'), t('customer'), t('state'), t('started'), t('ended'), t('duration')], rows,
        (index) => ({ className: 'ch-row', 'data-instance-id': instances[index].id, onclick: () => openInstance(instances[index].id) })));
    } catch (error) {
      results.replaceChildren(h('p', { className: 'ch-error' }, t('searchFailed', error.message)));
    }
  }

  async function customersOf(ids) {
    const names = new Map();
    if (!ids.length) return names;
    const [byName, byId] = await Promise.all(['customerName', 'customerId'].map((variableName) => rest.get(
      `/history/variable-instance?${qs({ processInstanceIdIn: ids.join(','), variableName, deserializeValues: false, firstResult: 0, maxResults: MAX_LIST })}`)
      .catch(() => [])));
    const ids2 = new Map(byId.map((v) => [v.processInstanceId, v.value]));
    for (const v of byName) names.set(v.processInstanceId, ids2.has(v.processInstanceId) ? `${v.value} (${ids2.get(v.processInstanceId)})` : v.value);
    for (const [id, value] of ids2) if (!names.has(id)) names.set(id, value);
    return names;
  }

  /**
   * Elements' names ({processDefinitionId, key, name}; user tasks as Tasklist shows them) in the page's
   * language (the server's TaskTexts); the names as they are in English or when that fails.
   */
  async function localNames(items) {
    if (LANG === 'en' || !items.length) return items.map((item) => item.name);
    return rest.pluginQuery('/names', items).catch(() => items.map((item) => item.name));
  }

  function backToSearch() {
    detail.replaceChildren();
    searchView.style.display = '';
  }

  async function openInstance(id) {
    searchView.style.display = 'none';
    detail.replaceChildren(h('p', { className: 'ch-muted' }, t('loading')));
    let instance;
    try {
      instance = await rest.get(`/history/process-instance/${encodeURIComponent(id)}`);
    } catch (error) {
      detail.replaceChildren(h('button', { type: 'button', className: 'btn btn-default', onclick: backToSearch }, t('back')),
        h('p', { className: 'ch-error' }, t('instanceFailed', id, error.message)));
      return;
    }
    const tree = await instanceTree(instance).catch(() => [instance]);
    const label = (pid) => {
      const found = tree.find((i) => i.id === pid);
      return found ? (definitions.get(found.processDefinitionKey) || found.processDefinitionKey) : pid;
    };
    const section = (key, title) => {
      const body = h('div', { className: 'ch-body' }, h('p', { className: 'ch-muted' }, t('loading')));
      detail.appendChild(h('section', { 'data-section': key }, h('h2', {}, title), body));
      return body;
    };
    const fill = (body, loader) => loader().then((content) => body.replaceChildren(...[content].flat()))
      .catch((error) => body.replaceChildren(h('p', { className: 'ch-error' }, error.message)));

    const parentLink = instance.superProcessInstanceId
      ? h('button', { type: 'button', className: 'ch-link', onclick: () => openInstance(instance.superProcessInstanceId) }, t('openCaller'))
      : t('noCaller');
    detail.replaceChildren(
      h('button', { type: 'button', className: 'btn btn-default', onclick: backToSearch }, t('back')),
      h('h1', {}, `${instance.businessKey || instance.id} · ${definitions.get(instance.processDefinitionKey) || instance.processDefinitionName || instance.processDefinitionKey}`),
      h('table', { className: 'ch-summary' }, h('tbody', {},
        [[t('processInstance'), instance.id], [t('process'), `${instance.processDefinitionKey} v${instance.processDefinitionVersion}`],
          [t('state'), h('span', { className: `ch-badge ${instance.state}`, 'data-state': instance.state }, word(instance.state))],
          [t('started'), instance.startUserId ? t('startedBy', fmtTime(instance.startTime), instance.startUserId) : fmtTime(instance.startTime)],
          [t('ended'), instance.endTime ? `${fmtTime(instance.endTime)} (${fmtDuration(instance.durationInMillis)})` : t('stillRunning')],
          [t('calledBy'), parentLink],
          [t('calledInstances'), tree.length > 1 ? tree.filter((i) => i.id !== instance.id).map((i) => h('span', {},
            h('button', { type: 'button', className: 'ch-link', onclick: () => openInstance(i.id) }, `${definitions.get(i.processDefinitionKey) || i.processDefinitionKey}`),
            ` (${word(i.state)}) `)) : t('noneLower')],
        ].map(([k, v]) => h('tr', {}, h('td', {}, k), h('td', {}, v)))))
    );

    const activitiesLoaded = rest.get(`/history/activity-instance?${qs({ processInstanceId: id, sortBy: 'startTime', sortOrder: 'asc', firstResult: 0, maxResults: MAX_LIST })}`);

    fill(section('diagram', t('diagramTitle')), async () => {
      const [xml, activities] = await Promise.all([
        rest.get(`/process-definition/${encodeURIComponent(instance.processDefinitionId)}/xml`), activitiesLoaded]);
      // the elements' names in the page's language, those that ran and those that did not
      const names = new Map();
      const named = [...new DOMParser().parseFromString(xml.bpmn20Xml, 'application/xml')
        .getElementsByTagNameNS(NS.bpmn, '*')]
        .filter((element) => element.getAttribute('name') && element.getAttribute('id')
          && !['process', 'participant', 'lane', 'collaboration', 'message', 'signal', 'error', 'escalation'].includes(element.localName));
      (await localNames(named.map((element) => ({ processDefinitionId: instance.processDefinitionId,
        key: element.getAttribute('id'), name: element.getAttribute('name') }))))
        .forEach((name, index) => names.set(named[index].getAttribute('id'), name));
      return diagram(xml.bpmn20Xml, activities, names);
    });

    fill(section('activities', t('activities')), async () => {
      const activities = await activitiesLoaded;
      const activityNames = await localNames(activities.map((a) => ({ processDefinitionId: a.processDefinitionId, key: a.activityId, name: a.activityName || a.activityId })));
      return table([t('activity'), t('type'), t('started'), t('ended'), t('duration'), t('assignee'), ''], activities.map((a, index) => [
        activityNames[index], word(a.activityType), fmtTime(a.startTime), a.endTime ? fmtTime(a.endTime) : (a.canceled ? '' : t('runningLower')),
        fmtDuration(a.durationInMillis), a.assignee || '',
        a.calledProcessInstanceId ? h('button', { type: 'button', className: 'ch-link', onclick: () => openInstance(a.calledProcessInstanceId) }, t('calledInstance'))
          : (a.canceled ? t('canceled') : ''),
      ]));
    });

    const ids = tree.map((i) => i.id);
    const perInstance = async (path) => (await Promise.all(ids.map((pid) => rest.get(path(pid))))).flat();

    fill(section('variables', t('variablesTitle')), async () => {
      const details = await perInstance((pid) => `/history/detail?${qs({ processInstanceId: pid, variableUpdates: true, deserializeValues: false, sortBy: 'time', sortOrder: 'asc', firstResult: 0, maxResults: MAX_LIST })}`);
      details.sort((a, b) => String(a.time).localeCompare(String(b.time)) || (a.sequenceCounter || 0) - (b.sequenceCounter || 0));
      return table([t('time'), t('process'), t('variable'), t('value'), t('type'), t('revision')], details.map((d) => [
        fmtTime(d.time), label(d.processInstanceId), d.variableName, h('td', { className: 'ch-value' }, shortValue(d.value)), d.variableType, d.revision,
      ]));
    });

    fill(section('comments', t('commentsTitle')), async () => {
      const tasks = await perInstance((pid) => `/history/task?${qs({ processInstanceId: pid, sortBy: 'startTime', sortOrder: 'asc', firstResult: 0, maxResults: 500 })}`);
      const comments = (await Promise.all(tasks.slice(0, 200).map((task) => rest.get(`/task/${encodeURIComponent(task.id)}/comment`)
        .then((list) => list.map((c) => ({ ...c, task })))))).flat();
      comments.sort((a, b) => String(a.time).localeCompare(String(b.time)));
      const taskNames = await localNames(comments.map((c) => ({ processDefinitionId: c.task.processDefinitionId, key: c.task.taskDefinitionKey, name: c.task.name || c.task.taskDefinitionKey })));
      return table([t('time'), t('task'), t('by'), t('comment')], comments.map((c, index) => [
        fmtTime(c.time), taskNames[index], c.userId || '', h('td', { className: 'ch-value' }, c.message),
      ]));
    });

    fill(section('approvals', t('approvalsTitle')), async () => {
      const records = await rest.plugin(`/approval-records/${encodeURIComponent(id)}`);
      return table([t('recorded'), t('round'), t('step'), t('who'), t('action'), t('target'), t('comment')], records.map((r) => [
        fmtTime(r.recordedAt), r.round, r.stepLabel || r.stepName || '', r.actor, h('td', { 'data-action': r.action }, r.actionLabel || r.action), r.target || '', h('td', { className: 'ch-value' }, r.comment || ''),
      ]));
    });

    fill(section('operations', t('operationsTitle')), async () => {
      const entries = await perInstance((pid) => `/history/user-operation?${qs({ processInstanceId: pid, sortBy: 'timestamp', sortOrder: 'asc', firstResult: 0, maxResults: MAX_LIST })}`);
      entries.sort((a, b) => String(a.timestamp).localeCompare(String(b.timestamp)));
      return table([t('time'), t('user'), t('operation'), t('entity'), t('property'), t('oldValue'), t('newValue'), t('process')], entries.map((e) => [
        fmtTime(e.timestamp), e.userId || '', word(e.operationType), word(e.entityType), e.property || '',
        h('td', { className: 'ch-value' }, shortValue(e.orgValue ?? '')), h('td', { className: 'ch-value' }, shortValue(e.newValue ?? '')), label(e.processInstanceId),
      ]));
    });

    fill(section('incidents', t('incidentsTitle')), async () => {
      const incidents = await perInstance((pid) => `/history/incident?${qs({ processInstanceId: pid, sortBy: 'createTime', sortOrder: 'asc', firstResult: 0, maxResults: 500 })}`);
      return table([t('created'), t('ended'), t('state'), t('type'), t('activity'), t('message'), t('process')], incidents.map((i) => [
        fmtTime(i.createTime), fmtTime(i.endTime), t(i.open ? 'open' : (i.resolved ? 'resolved' : 'deleted')), word(i.incidentType), i.activityId || '',
        h('td', { className: 'ch-value' }, i.incidentMessage || ''), label(i.processInstanceId),
      ]));
    });
  }

  /** The instance and the instances it called (directly or deeper), at most MAX_INSTANCES. */
  async function instanceTree(instance) {
    const all = [instance];
    for (let i = 0; i < all.length && all.length < MAX_INSTANCES; i++) {
      const children = await rest.get(`/history/process-instance?${qs({ superProcessInstanceId: all[i].id, sortBy: 'startTime', sortOrder: 'asc', firstResult: 0, maxResults: MAX_INSTANCES })}`);
      all.push(...children.slice(0, MAX_INSTANCES - all.length));
    }
    return all;
  }

  const opened = /[?&]instance=([^&]+)/.exec(window.location.hash || '');
  if (opened) openInstance(decodeURIComponent(opened[1]));
}

// ---------------------------------------------------------------- the diagram, drawn from the BPMN DI

/** The diagram of the model, the elements that ran marked; `names`: element id → name in the page's language. */
function diagram(xmlText, activities, names = new Map()) {
  const doc = new DOMParser().parseFromString(xmlText, 'application/xml');
  const byId = new Map();
  for (const element of doc.getElementsByTagNameNS(NS.bpmn, '*')) {
    const id = element.getAttribute('id');
    if (id) byId.set(id, element);
  }
  const ran = new Map(); // activityId -> 'done' | 'active'
  for (const a of activities) {
    const activityId = String(a.activityId).split('#')[0];
    const status = a.endTime ? 'done' : 'active';
    if (ran.get(activityId) !== 'active') ran.set(activityId, status);
  }

  const shapes = [...doc.getElementsByTagNameNS(NS.bpmndi, 'BPMNShape')];
  const edges = [...doc.getElementsByTagNameNS(NS.bpmndi, 'BPMNEdge')];
  let minX = Infinity; let minY = Infinity; let maxX = -Infinity; let maxY = -Infinity;
  const grow = (x, y) => { minX = Math.min(minX, x); minY = Math.min(minY, y); maxX = Math.max(maxX, x); maxY = Math.max(maxY, y); };

  const shapeItems = shapes.map((shape) => {
    const bounds = shape.getElementsByTagNameNS(NS.dc, 'Bounds')[0];
    if (!bounds) return null;
    const b = ['x', 'y', 'width', 'height'].map((k) => Number(bounds.getAttribute(k)));
    grow(b[0], b[1]); grow(b[0] + b[2], b[1] + b[3] + 30);
    const elementId = shape.getAttribute('bpmnElement');
    return { elementId, element: byId.get(elementId), x: b[0], y: b[1], w: b[2], h: b[3] };
  }).filter(Boolean);
  const edgeItems = edges.map((edge) => {
    const points = [...edge.getElementsByTagNameNS(NS.di, 'waypoint')].map((p) => [Number(p.getAttribute('x')), Number(p.getAttribute('y'))]);
    points.forEach(([x, y]) => grow(x, y));
    const elementId = edge.getAttribute('bpmnElement');
    return { elementId, element: byId.get(elementId), points };
  });
  if (!shapeItems.length) return h('p', { className: 'ch-muted' }, t('noDiagram'));

  const margin = 20;
  const width = maxX - minX + 2 * margin;
  const height = maxY - minY + 2 * margin;
  const svg = s('svg', { viewBox: `${minX - margin} ${minY - margin} ${width} ${height}`, width, height, 'data-diagram': 'bpmn' });
  const defs = s('defs');
  for (const [id, color] of [['ch-arrow', '#666'], ['ch-arrow-taken', '#2e7d32']]) {
    const marker = s('marker', { id, viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 8, markerHeight: 8, orient: 'auto' });
    marker.appendChild(s('path', { d: 'M 0 0 L 10 5 L 0 10 z', fill: color }));
    defs.appendChild(marker);
  }
  svg.appendChild(defs);

  const kind = (element) => (element ? element.localName : '');
  // pools and lanes first, then flows, then the flow nodes on top
  for (const item of shapeItems.filter((i) => ['participant', 'lane'].includes(kind(i.element)))) {
    svg.appendChild(s('rect', { x: item.x, y: item.y, width: item.w, height: item.h, fill: 'none', stroke: '#999' }));
  }
  let takenFlows = 0;
  for (const item of edgeItems) {
    if (!item.points.length) continue;
    const type = kind(item.element);
    const source = item.element && item.element.getAttribute('sourceRef');
    const target = item.element && item.element.getAttribute('targetRef');
    const taken = type === 'sequenceFlow' && ran.has(source) && ran.has(target);
    if (taken) takenFlows++;
    const line = s('polyline', {
      points: item.points.map((p) => p.join(',')).join(' '), fill: 'none',
      stroke: taken ? '#2e7d32' : '#888', 'stroke-width': taken ? 3 : 1.2,
      'stroke-dasharray': type === 'sequenceFlow' ? '' : '4 3',
      'marker-end': type === 'association' ? '' : `url(#${taken ? 'ch-arrow-taken' : 'ch-arrow'})`,
      'data-element-id': item.elementId, class: taken ? 'ch-flow taken' : 'ch-flow',
    });
    svg.appendChild(line);
  }
  let ranShapes = 0;
  for (const item of shapeItems) {
    const type = kind(item.element);
    if (['participant', 'lane'].includes(type)) continue;
    const status = ran.get(item.elementId);
    if (status) ranShapes++;
    const fill = status === 'active' ? '#ffe0b2' : status === 'done' ? '#c8e6c9' : '#fff';
    const stroke = status === 'active' ? '#ef6c00' : status === 'done' ? '#2e7d32' : '#555';
    const group = s('g', { 'data-element-id': item.elementId, class: status ? `ch-shape ran ${status}` : 'ch-shape' });
    const name = names.get(item.elementId) || (item.element ? (item.element.getAttribute('name') || '') : '');
    const title = s('title'); title.textContent = `${name || item.elementId} (${type})${status ? ` — ${t(status === 'active' ? 'shapeRunning' : 'shapeRan')}` : ''}`;
    group.appendChild(title);
    const cx = item.x + item.w / 2; const cy = item.y + item.h / 2;
    let labelInside = false;
    if (/Event$/.test(type)) {
      group.appendChild(s('circle', { cx, cy, r: Math.min(item.w, item.h) / 2, fill, stroke, 'stroke-width': type === 'endEvent' ? 3.5 : 1.5 }));
      if (type === 'intermediateCatchEvent' || type === 'intermediateThrowEvent' || type === 'boundaryEvent') {
        group.appendChild(s('circle', { cx, cy, r: Math.min(item.w, item.h) / 2 - 3, fill: 'none', stroke, 'stroke-width': 1 }));
      }
    } else if (/Gateway$/.test(type)) {
      group.appendChild(s('polygon', { points: `${cx},${item.y} ${item.x + item.w},${cy} ${cx},${item.y + item.h} ${item.x},${cy}`, fill, stroke, 'stroke-width': 1.5 }));
      const mark = s('text', { x: cx, y: cy + 6, 'text-anchor': 'middle', 'font-size': 18, fill: stroke });
      mark.textContent = type === 'parallelGateway' ? '+' : type === 'exclusiveGateway' ? '×' : type === 'eventBasedGateway' ? '◇' : type === 'inclusiveGateway' ? '○' : '';
      group.appendChild(mark);
    } else if (['textAnnotation', 'dataObjectReference', 'dataStoreReference', 'group'].includes(type)) {
      group.appendChild(s('rect', { x: item.x, y: item.y, width: item.w, height: item.h, fill: 'none', stroke: '#bbb', 'stroke-dasharray': '3 3' }));
      labelInside = true;
    } else {
      group.appendChild(s('rect', { x: item.x, y: item.y, width: item.w, height: item.h, rx: 8, ry: 8, fill: type === 'subProcess' && !status ? 'none' : fill, stroke, 'stroke-width': type === 'callActivity' ? 3 : 1.5, 'fill-opacity': type === 'subProcess' ? 0.35 : 1 }));
      labelInside = type !== 'subProcess';
    }
    const text = name || (type === 'textAnnotation' && item.element ? (item.element.textContent || '').trim() : '');
    if (text) {
      const lines = wrap(text, labelInside ? Math.max(8, Math.floor(item.w / 6.2)) : 22);
      const startY = labelInside ? cy - ((lines.length - 1) * 13) / 2 + 4 : (type === 'subProcess' ? item.y + 14 : item.y + item.h + 14);
      lines.forEach((line, index) => {
        const t = s('text', { x: type === 'subProcess' ? item.x + 8 : cx, y: startY + index * 13, 'text-anchor': type === 'subProcess' ? 'start' : 'middle', 'font-size': 11, 'font-family': 'Arial, sans-serif', fill: '#222' });
        t.textContent = line;
        group.appendChild(t);
      });
    }
    svg.appendChild(group);
  }
  const legend = h('p', { className: 'ch-legend' },
    h('span', {}, t('legendRan')), h('span', {}, t('legendRunning')), h('span', {}, t('legendTaken')),
    h('span', { className: 'ch-muted', 'data-ran': ranShapes }, t('legendCount', ranShapes, shapeItems.length, takenFlows)));
  const box = h('div', { className: 'ch-diagram' });
  box.appendChild(svg);
  return [legend, box];
}

function wrap(text, width) {
  // Chinese has no spaces between words: its characters, about twice as wide, break anywhere
  const words = String(text).split(/\s+/).flatMap((word) => (/\p{Script=Han}/u.test(word) && word.length > width / 2
    ? word.match(new RegExp(`.{1,${Math.max(1, Math.floor(width / 2))}}`, 'gu')) : [word]));
  const lines = [];
  let line = '';
  for (const word of words) {
    if (line && (`${line} ${word}`).length > width) { lines.push(line); line = word; } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.slice(0, 4);
}

// ---------------------------------------------------------------- plugin registrations

export default [
  {
    id: 'aftersales.caseHistory.navigation',
    pluginPoint: 'cockpit.navigation',
    priority: 5,
    properties: { path: ROUTE },
    render: (node) => {
      node.appendChild(h('a', { href: `#${ROUTE}` }, t('title')));
    },
  },
  {
    id: 'aftersales.caseHistory.route',
    pluginPoint: 'cockpit.route',
    priority: 0,
    properties: { path: ROUTE, label: t('title') },
    render: (node, { api }) => {
      node.replaceChildren();
      renderPage(node, api);
    },
  },
];

// For tools/e2e/plugin-texts.test.mjs, which checks every text has its Chinese and English.
export { TEXTS, VALUES };
