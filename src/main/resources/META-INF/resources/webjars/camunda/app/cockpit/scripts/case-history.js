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

function fmtTime(value) {
  if (!value) return '';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return String(value);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} `
    + `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

function fmtDuration(ms) {
  if (ms === undefined || ms === null) return '';
  let rest = Math.round(ms / 1000);
  if (rest < 1) return `${ms} ms`;
  const days = Math.floor(rest / 86400); rest %= 86400;
  const hours = Math.floor(rest / 3600); rest %= 3600;
  const minutes = Math.floor(rest / 60); const seconds = rest % 60;
  if (days) return `${days}d ${hours}h ${pad(minutes)}m`;
  if (hours) return `${hours}h ${pad(minutes)}m ${pad(seconds)}s`;
  if (minutes) return `${minutes}m ${pad(seconds)}s`;
  return `${seconds}s`;
}

/** The engine's date format, e.g. 2026-03-01T00:00:00.000+0800, from a local date input. */
function engineDate(day, endOfDay) {
  const d = new Date(`${day}T${endOfDay ? '23:59:59.999' : '00:00:00.000'}`);
  const offset = -d.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:`
    + `${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}${sign}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`;
}

function shortValue(value) {
  if (value === undefined) return '';
  if (value === null) return 'null';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

function table(headers, rows, rowAttrs) {
  if (!rows.length) return h('p', { className: 'ch-muted' }, 'None.');
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
      headers: { Accept: 'application/json', ...(options.headers || {}) } });
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

  const processSelect = h('select', { name: 'processDefinitionKey' }, h('option', { value: '' }, 'Any process'));
  const caseInput = h('input', { name: 'caseNumber', placeholder: 'AS-2026-000001 or part of it' });
  const customerIdInput = h('input', { name: 'customerId', placeholder: 'C-1001' });
  const customerNameInput = h('input', { name: 'customerName', placeholder: 'part of the name' });
  const fromInput = h('input', { name: 'startedFrom', type: 'date' });
  const toInput = h('input', { name: 'startedTo', type: 'date' });
  const stateSelect = h('select', { name: 'state' },
    h('option', { value: '' }, 'Running and completed'),
    h('option', { value: 'running' }, 'Running'),
    h('option', { value: 'completed' }, 'Completed'));
  const topOnly = h('input', { type: 'checkbox', name: 'topLevel' });
  const results = h('div', { className: 'ch-results' });
  const detail = h('div', { className: 'ch-instance' });

  const form = h('form', { className: 'ch-search', onsubmit: (event) => { event.preventDefault(); search(0); } },
    h('label', {}, 'Process', processSelect),
    h('label', {}, 'Case number', caseInput),
    h('label', {}, 'Customer id', customerIdInput),
    h('label', {}, 'Customer name', customerNameInput),
    h('label', {}, 'Started from', fromInput),
    h('label', {}, 'Started to', toInput),
    h('label', {}, 'State', stateSelect),
    h('label', {}, h('span', {}, topOnly, ' Cases only (no called processes)')),
    h('button', { type: 'submit', className: 'btn btn-primary' }, 'Search'));

  const searchView = h('div', { className: 'ch-search-view' }, h('h1', {}, 'Case history'),
    h('p', { className: 'ch-muted' }, 'Running and completed process instances of every case. Click a row to open its history.'),
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
    .catch((error) => results.replaceChildren(h('p', { className: 'ch-error' }, `Process definitions: ${error.message}`)));

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
    results.replaceChildren(h('p', { className: 'ch-muted' }, 'Searching…'));
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
        h('span', { className: `ch-badge ${i.state}` }, i.state),
        fmtTime(i.startTime), fmtTime(i.endTime), fmtDuration(i.durationInMillis),
      ]);
      const pager = h('div', { className: 'ch-pager' },
        h('span', {}, `${count.count} instance(s)`),
        page > 0 ? h('button', { type: 'button', className: 'btn btn-default btn-sm', onclick: () => search(page - 1) }, 'Previous') : null,
        (page + 1) * PAGE_SIZE < count.count ? h('button', { type: 'button', className: 'btn btn-default btn-sm', onclick: () => search(page + 1) }, 'Next') : null);
      results.replaceChildren(pager, table(
        ['Case number', 'Process', 'Customer', 'State', 'Started', 'Ended', 'Duration'], rows,
        (index) => ({ className: 'ch-row', 'data-instance-id': instances[index].id, onclick: () => openInstance(instances[index].id) })));
    } catch (error) {
      results.replaceChildren(h('p', { className: 'ch-error' }, `Search failed: ${error.message}`));
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

  function backToSearch() {
    detail.replaceChildren();
    searchView.style.display = '';
  }

  async function openInstance(id) {
    searchView.style.display = 'none';
    detail.replaceChildren(h('p', { className: 'ch-muted' }, 'Loading…'));
    let instance;
    try {
      instance = await rest.get(`/history/process-instance/${encodeURIComponent(id)}`);
    } catch (error) {
      detail.replaceChildren(h('button', { type: 'button', className: 'btn btn-default', onclick: backToSearch }, '← Back to the search'),
        h('p', { className: 'ch-error' }, `Instance ${id}: ${error.message}`));
      return;
    }
    const tree = await instanceTree(instance).catch(() => [instance]);
    const label = (pid) => {
      const found = tree.find((i) => i.id === pid);
      return found ? (definitions.get(found.processDefinitionKey) || found.processDefinitionKey) : pid;
    };
    const section = (key, title) => {
      const body = h('div', { className: 'ch-body' }, h('p', { className: 'ch-muted' }, 'Loading…'));
      detail.appendChild(h('section', { 'data-section': key }, h('h2', {}, title), body));
      return body;
    };
    const fill = (body, loader) => loader().then((content) => body.replaceChildren(...[content].flat()))
      .catch((error) => body.replaceChildren(h('p', { className: 'ch-error' }, error.message)));

    const parentLink = instance.superProcessInstanceId
      ? h('button', { type: 'button', className: 'ch-link', onclick: () => openInstance(instance.superProcessInstanceId) }, 'open the calling instance')
      : 'none (this is the case)';
    detail.replaceChildren(
      h('button', { type: 'button', className: 'btn btn-default', onclick: backToSearch }, '← Back to the search'),
      h('h1', {}, `${instance.businessKey || instance.id} · ${definitions.get(instance.processDefinitionKey) || instance.processDefinitionName || instance.processDefinitionKey}`),
      h('table', { className: 'ch-summary' }, h('tbody', {},
        [['Process instance', instance.id], ['Process', `${instance.processDefinitionKey} v${instance.processDefinitionVersion}`],
          ['State', h('span', { className: `ch-badge ${instance.state}` }, instance.state)],
          ['Started', `${fmtTime(instance.startTime)}${instance.startUserId ? ` by ${instance.startUserId}` : ''}`],
          ['Ended', instance.endTime ? `${fmtTime(instance.endTime)} (${fmtDuration(instance.durationInMillis)})` : 'still running'],
          ['Called by', parentLink],
          ['Called instances', tree.length > 1 ? tree.filter((i) => i.id !== instance.id).map((i) => h('span', {},
            h('button', { type: 'button', className: 'ch-link', onclick: () => openInstance(i.id) }, `${definitions.get(i.processDefinitionKey) || i.processDefinitionKey}`),
            ` (${i.state}) `)) : 'none'],
        ].map(([k, v]) => h('tr', {}, h('td', {}, k), h('td', {}, v)))))
    );

    const activitiesLoaded = rest.get(`/history/activity-instance?${qs({ processInstanceId: id, sortBy: 'startTime', sortOrder: 'asc', firstResult: 0, maxResults: MAX_LIST })}`);

    fill(section('diagram', 'Diagram and path taken'), async () => {
      const [xml, activities] = await Promise.all([
        rest.get(`/process-definition/${encodeURIComponent(instance.processDefinitionId)}/xml`), activitiesLoaded]);
      return diagram(xml.bpmn20Xml, activities);
    });

    fill(section('activities', 'Activities'), async () => {
      const activities = await activitiesLoaded;
      return table(['Activity', 'Type', 'Started', 'Ended', 'Duration', 'Assignee', ''], activities.map((a) => [
        a.activityName || a.activityId, a.activityType, fmtTime(a.startTime), a.endTime ? fmtTime(a.endTime) : (a.canceled ? '' : 'running'),
        fmtDuration(a.durationInMillis), a.assignee || '',
        a.calledProcessInstanceId ? h('button', { type: 'button', className: 'ch-link', onclick: () => openInstance(a.calledProcessInstanceId) }, 'called instance')
          : (a.canceled ? 'canceled' : ''),
      ]));
    });

    const ids = tree.map((i) => i.id);
    const perInstance = async (path) => (await Promise.all(ids.map((pid) => rest.get(path(pid))))).flat();

    fill(section('variables', 'Variable changes over time'), async () => {
      const details = await perInstance((pid) => `/history/detail?${qs({ processInstanceId: pid, variableUpdates: true, deserializeValues: false, sortBy: 'time', sortOrder: 'asc', firstResult: 0, maxResults: MAX_LIST })}`);
      details.sort((a, b) => String(a.time).localeCompare(String(b.time)) || (a.sequenceCounter || 0) - (b.sequenceCounter || 0));
      return table(['Time', 'Process', 'Variable', 'Value', 'Type', 'Revision'], details.map((d) => [
        fmtTime(d.time), label(d.processInstanceId), d.variableName, h('td', { className: 'ch-value' }, shortValue(d.value)), d.variableType, d.revision,
      ]));
    });

    fill(section('comments', 'Task comments'), async () => {
      const tasks = await perInstance((pid) => `/history/task?${qs({ processInstanceId: pid, sortBy: 'startTime', sortOrder: 'asc', firstResult: 0, maxResults: 500 })}`);
      const comments = (await Promise.all(tasks.slice(0, 200).map((task) => rest.get(`/task/${encodeURIComponent(task.id)}/comment`)
        .then((list) => list.map((c) => ({ ...c, task })))))).flat();
      comments.sort((a, b) => String(a.time).localeCompare(String(b.time)));
      return table(['Time', 'Task', 'By', 'Comment'], comments.map((c) => [
        fmtTime(c.time), `${c.task.name || c.task.taskDefinitionKey}`, c.userId || '', h('td', { className: 'ch-value' }, c.message),
      ]));
    });

    fill(section('approvals', 'Approval records'), async () => {
      const records = await rest.plugin(`/approval-records/${encodeURIComponent(id)}`);
      return table(['Recorded', 'Round', 'Step', 'Who', 'Action', 'Target', 'Comment'], records.map((r) => [
        fmtTime(r.recordedAt), r.round, r.stepName || '', r.actor, r.action, r.target || '', h('td', { className: 'ch-value' }, r.comment || ''),
      ]));
    });

    fill(section('operations', 'User operation log'), async () => {
      const entries = await perInstance((pid) => `/history/user-operation?${qs({ processInstanceId: pid, sortBy: 'timestamp', sortOrder: 'asc', firstResult: 0, maxResults: MAX_LIST })}`);
      entries.sort((a, b) => String(a.timestamp).localeCompare(String(b.timestamp)));
      return table(['Time', 'User', 'Operation', 'Entity', 'Property', 'Old value', 'New value', 'Process'], entries.map((e) => [
        fmtTime(e.timestamp), e.userId || '', e.operationType, e.entityType, e.property || '',
        h('td', { className: 'ch-value' }, shortValue(e.orgValue ?? '')), h('td', { className: 'ch-value' }, shortValue(e.newValue ?? '')), label(e.processInstanceId),
      ]));
    });

    fill(section('incidents', 'Incidents'), async () => {
      const incidents = await perInstance((pid) => `/history/incident?${qs({ processInstanceId: pid, sortBy: 'createTime', sortOrder: 'asc', firstResult: 0, maxResults: 500 })}`);
      return table(['Created', 'Ended', 'State', 'Type', 'Activity', 'Message', 'Process'], incidents.map((i) => [
        fmtTime(i.createTime), fmtTime(i.endTime), i.open ? 'open' : (i.resolved ? 'resolved' : 'deleted'), i.incidentType, i.activityId || '',
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

function diagram(xmlText, activities) {
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
  if (!shapeItems.length) return h('p', { className: 'ch-muted' }, 'The model has no diagram.');

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
    const name = item.element ? (item.element.getAttribute('name') || '') : '';
    const title = s('title'); title.textContent = `${name || item.elementId} (${type})${status ? ` — ${status === 'active' ? 'running' : 'ran'}` : ''}`;
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
    h('span', {}, '■ green: ran'), h('span', {}, '■ orange: running now'), h('span', {}, '— thick green: flow taken (both ends ran)'),
    h('span', { className: 'ch-muted', 'data-ran': ranShapes }, `${ranShapes} of ${shapeItems.length} elements ran, ${takenFlows} flows taken`));
  const box = h('div', { className: 'ch-diagram' });
  box.appendChild(svg);
  return [legend, box];
}

function wrap(text, width) {
  const words = String(text).split(/\s+/);
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
      node.appendChild(h('a', { href: `#${ROUTE}` }, 'Case history'));
    },
  },
  {
    id: 'aftersales.caseHistory.route',
    pluginPoint: 'cockpit.route',
    priority: 0,
    properties: { path: ROUTE, label: 'Case history' },
    render: (node, { api }) => {
      node.replaceChildren();
      renderPage(node, api);
    },
  },
];
