// Tasklist plugins of Aftersales Flow: two tabs beside a task's form.
// "Case": the task's case (customer, product, SLA clocks with the time left, description,
// attachments with upload, timeline) and earlier cases of the same customer or unit.
// "Approval": an approval's route and records, and the operations its reader may call
// (transfer, add approver, copy, urge, withdraw, return).
// Both call the application's /api with the Tasklist session; changes carry the webapps'
// CSRF token. Plain ES module, no build step, nothing loaded from elsewhere.

const STYLE = `
.as-tab { padding: 12px 16px 30px; font-size: 13px; }
.as-tab h3 { font-size: 16px; margin: 16px 0 6px; border-bottom: 1px solid #ddd; padding-bottom: 3px; }
.as-tab h3:first-child { margin-top: 0; }
.as-tab table { border-collapse: collapse; width: 100%; }
.as-tab th, .as-tab td { border-bottom: 1px solid #eee; padding: 3px 6px; text-align: left; vertical-align: top; }
.as-tab th { background: #f4f5f7; font-weight: 600; }
.as-tab dl { display: grid; grid-template-columns: 170px 1fr; gap: 2px 10px; margin: 0; }
.as-tab dt { font-weight: 600; color: #555; }
.as-tab dd { margin: 0; white-space: pre-wrap; }
.as-tab .as-muted { color: #777; }
.as-tab .as-error { color: #b00020; margin: 6px 0; }
.as-tab .as-ok { color: #1b5e20; margin: 6px 0; }
.as-tab .as-late { color: #b00020; font-weight: 600; }
.as-tab .as-thumbs { display: flex; flex-wrap: wrap; gap: 8px; margin: 6px 0; }
.as-tab .as-thumbs figure { margin: 0; width: 140px; font-size: 11px; word-break: break-all; }
.as-tab .as-thumbs img { max-width: 140px; max-height: 105px; border: 1px solid #ddd; display: block; }
.as-tab form.as-op { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; margin: 4px 0; }
.as-tab form.as-op input[type=text] { height: 26px; padding: 2px 6px; border: 1px solid #bbb; min-width: 200px; }
.as-tab button { padding: 3px 10px; }
`;

function h(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else if (key === 'className') node.className = value;
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function style() {
  if (!document.getElementById('aftersales-tabs-style')) {
    document.head.append(h('style', { id: 'aftersales-tabs-style' }, STYLE));
  }
}

function when(value) {
  return value ? new Date(value).toLocaleString() : '';
}

/** "in 3 h 20 min" or "2 h 5 min late". */
function timeLeft(deadline) {
  const minutes = Math.round((new Date(deadline).getTime() - Date.now()) / 60000);
  const abs = Math.abs(minutes);
  const text = abs >= 60 * 24 ? `${Math.floor(abs / 1440)} d ${Math.floor((abs % 1440) / 60)} h`
    : abs >= 60 ? `${Math.floor(abs / 60)} h ${abs % 60} min` : `${abs} min`;
  return minutes >= 0 ? { text: `${text} left`, late: false } : { text: `${text} late`, late: true };
}

function csrfToken() {
  const cookie = document.cookie.split(';').map((c) => c.trim()).find((c) => c.startsWith('XSRF-TOKEN='));
  return cookie ? decodeURIComponent(cookie.slice('XSRF-TOKEN='.length)) : '';
}

/** A refusal as a sentence: the answer's message and each named field. */
async function problem(response) {
  if (response.status === 401) return 'Your session has ended: log in again.';
  let body = {};
  try {
    body = await response.json();
  } catch (e) {
    // no JSON: the status says it
  }
  const fields = (body.fields || []).map((f) => `${f.field} ${f.message}`).join('; ');
  const message = body.message || `The server answered ${response.status}.`;
  return fields && !message.includes(fields) ? `${message} (${fields})` : message;
}

async function api(method, path, body) {
  const headers = { Accept: 'application/json' };
  if (method !== 'GET') headers['X-XSRF-TOKEN'] = csrfToken();
  if (body !== undefined && !(body instanceof FormData)) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, {
    method, headers, credentials: 'same-origin',
    body: body === undefined ? undefined : body instanceof FormData ? body : JSON.stringify(body),
  });
  if (!response.ok) {
    const error = new Error(await problem(response));
    error.status = response.status;
    throw error;
  }
  const text = await response.text();
  return text ? JSON.parse(text) : undefined;
}

function details(pairs) {
  return h('dl', {}, pairs.filter(([, v]) => v !== undefined && v !== null && v !== '')
    .flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]));
}

// ------------------------------------------------------------------------------------ case tab

async function renderCase(node, taskId) {
  node.replaceChildren(h('div', { className: 'as-tab as-case' }, h('p', { className: 'as-muted' }, 'Loading the case…')));
  let tab;
  try {
    tab = await api('GET', `/api/tasks/${encodeURIComponent(taskId)}/case`);
  } catch (e) {
    node.replaceChildren(h('div', { className: 'as-tab as-case' },
      h('p', { className: 'as-muted' }, e.status === 404 ? 'This task belongs to no case.' : e.message)));
    return;
  }
  const c = tab.current;
  const root = h('div', { className: 'as-tab as-case' });
  const customer = c.customer || {};
  const product = c.product || {};
  root.append(
    h('h3', {}, `Case ${c.caseNumber}`),
    details([['Status', c.status], ['Category', c.category || 'not triaged yet'], ['Priority', c.priority],
      ['Complaint', c.complaint ? 'yes' : 'no'], ['Channel', c.channel], ['Opened', `${when(c.openedAt)} by ${c.openedBy || ''}`],
      ['Owner', c.owner]]),
    h('h3', {}, 'Customer'),
    details([['Name', customer.name], ['Number', customer.id], ['Contact', customer.contact], ['City', customer.city],
      ['City tier', customer.cityTier], ['Contract', customer.contractLevel]]),
    h('h3', {}, 'Product'),
    details([['SKU', product.sku], ['Product line', product.productLine], ['Serial number', product.serialNumber],
      ['Purchase date', product.purchaseDate]]),
    h('h3', {}, 'What the customer reports'),
    h('p', { style: 'white-space: pre-wrap' }, c.description || ''));

  root.append(h('h3', {}, 'Service level'));
  if (!c.sla || c.sla.length === 0) {
    root.append(h('p', { className: 'as-muted' }, 'No SLA clock runs for this case.'));
  } else {
    root.append(h('table', { className: 'as-sla' },
      h('tr', {}, h('th', {}, 'Clock'), h('th', {}, 'Deadline'), h('th', {}, 'Time left'), h('th', {}, 'Status')),
      c.sla.map((s) => {
        const running = s.status === 'running' || s.status === 'warned';
        const left = running && s.deadline ? timeLeft(s.deadline) : null;
        return h('tr', {}, h('td', {}, `${s.kind} (${s.targetMinutes} min, ${s.clock})`), h('td', {}, when(s.deadline)),
          h('td', { className: left && left.late ? 'as-late' : '' }, left ? left.text : ''), h('td', {}, s.status));
      })));
  }

  root.append(h('h3', {}, 'Attachments'));
  const thumbs = h('div', { className: 'as-thumbs' });
  const files = h('ul', {});
  for (const a of c.attachments || []) {
    if (a.contentType && a.contentType.startsWith('image/')) {
      thumbs.append(h('figure', {}, h('a', { href: a.download, target: '_blank' },
        h('img', { src: a.download, alt: a.fileName })), h('figcaption', {}, a.fileName)));
    } else {
      files.append(h('li', {}, h('a', { href: a.download, target: '_blank' }, a.fileName),
        h('span', { className: 'as-muted' }, ` ${a.contentType}, ${Math.ceil(a.sizeBytes / 1024)} KB, ${when(a.uploadedAt)} by ${a.uploadedBy}`)));
    }
  }
  if ((c.attachments || []).length === 0) root.append(h('p', { className: 'as-muted' }, 'No attachments yet.'));
  root.append(thumbs, files);
  const input = h('input', { type: 'file', name: 'file', 'aria-label': 'File to attach' });
  const status = h('div', {});
  root.append(h('form', {
    className: 'as-op as-upload',
    onsubmit: async (event) => {
      event.preventDefault();
      if (!input.files || input.files.length === 0) {
        status.replaceChildren(h('div', { className: 'as-error' }, 'Choose a file first.'));
        return;
      }
      const data = new FormData();
      data.append('file', input.files[0]);
      try {
        await api('POST', `/api/cases/${encodeURIComponent(c.caseNumber)}/attachments`, data);
        await renderCase(node, taskId);
      } catch (e) {
        status.replaceChildren(h('div', { className: 'as-error' }, e.message));
      }
    },
  }, input, h('button', { type: 'submit', className: 'btn btn-default' }, 'Attach'),
  h('span', { className: 'as-muted' }, 'Photos (PNG, JPEG, GIF, WebP), PDF or text, up to 10 MB')), status);

  root.append(h('h3', {}, 'Earlier cases of this customer or unit'));
  if (!tab.earlier || tab.earlier.length === 0) {
    root.append(h('p', { className: 'as-muted' }, 'None.'));
  } else {
    root.append(h('table', { className: 'as-earlier' },
      h('tr', {}, h('th', {}, 'Case'), h('th', {}, 'Opened'), h('th', {}, 'Category'), h('th', {}, 'Status'),
        h('th', {}, 'What was asked'), h('th', {}, 'Resolution')),
      tab.earlier.map((e) => h('tr', {}, h('td', {}, e.caseNumber + (e.sameUnit ? ' (same unit)' : '')),
        h('td', {}, when(e.openedAt)), h('td', {}, e.category || ''), h('td', {}, e.status),
        h('td', {}, (e.description || '').slice(0, 200)), h('td', {}, e.resolutionSummary || '')))));
  }

  root.append(h('h3', {}, 'Timeline'));
  root.append(h('table', { className: 'as-timeline' },
    h('tr', {}, h('th', {}, 'When'), h('th', {}, 'Process'), h('th', {}, 'Step'), h('th', {}, 'Who'), h('th', {}, 'Note')),
    (c.timeline || []).map((t) => h('tr', {}, h('td', {}, when(t.at)), h('td', {}, t.process || ''),
      h('td', {}, t.activity || t.activityId || ''), h('td', {}, t.assignee || ''),
      h('td', {}, [t.comment, t.target].filter(Boolean).join(' → '))))));
  node.replaceChildren(root);
}

// -------------------------------------------------------------------------------- approval tab

const OPERATIONS = {
  transfer: { label: 'Transfer to', path: 'transfer', input: 'to', placeholder: 'user id' },
  'add-approver': { label: 'Add approver', path: 'approvers', input: 'user', placeholder: 'user id' },
  copy: { label: 'Send a copy to', path: 'copies', input: 'users', placeholder: 'user ids, comma separated' },
  urge: { label: 'Urge', path: 'urge' },
  withdraw: { label: 'Withdraw', path: 'withdraw' },
  return: { label: 'Return to the previous step', path: 'return', commentRequired: true },
};

async function approvalOf(taskId) {
  const task = await api('GET', `/camunda/api/engine/engine/default/task/${encodeURIComponent(taskId)}`);
  return task.processDefinitionId && task.processDefinitionId.startsWith('approval:') ? task.processInstanceId : null;
}

function operationForm(name, approvalId, rerender, status) {
  const op = OPERATIONS[name];
  const value = op.input ? h('input', { type: 'text', name: op.input, placeholder: op.placeholder, 'aria-label': op.label }) : null;
  const comment = h('input', { type: 'text', name: 'comment', 'aria-label': `${op.label}: comment`,
    placeholder: op.commentRequired ? 'comment (required)' : 'comment (optional)' });
  return h('form', {
    className: `as-op as-op-${name}`,
    onsubmit: async (event) => {
      event.preventDefault();
      const body = {};
      if (comment.value.trim()) body.comment = comment.value.trim();
      if (op.input === 'users') body.users = value.value.split(',').map((u) => u.trim()).filter(Boolean);
      else if (op.input) body[op.input] = value.value.trim();
      try {
        await api('POST', `/api/approvals/${encodeURIComponent(approvalId)}/${op.path}`, body);
        await rerender(`${op.label}: done.`);
      } catch (e) {
        status.replaceChildren(h('div', { className: 'as-error' }, e.message));
      }
    },
  }, value, comment, h('button', { type: 'submit', className: 'btn btn-default' }, op.label));
}

async function renderApproval(node, taskId, notice) {
  node.replaceChildren(h('div', { className: 'as-tab as-approval' }, h('p', { className: 'as-muted' }, 'Loading the approval…')));
  let approvalId;
  let view;
  try {
    approvalId = await approvalOf(taskId);
    if (!approvalId) {
      node.replaceChildren(h('div', { className: 'as-tab as-approval' }, h('p', { className: 'as-muted' }, 'This task is no approval step.')));
      return;
    }
    view = await api('GET', `/api/approvals/${encodeURIComponent(approvalId)}`);
  } catch (e) {
    node.replaceChildren(h('div', { className: 'as-tab as-approval' }, h('p', { className: 'as-error' }, e.message)));
    return;
  }
  const rerender = (message) => renderApproval(node, taskId, message);
  const status = h('div', {}, notice ? h('div', { className: 'as-ok' }, notice) : null);
  const root = h('div', { className: 'as-tab as-approval' });
  root.append(
    h('h3', {}, `Approval ${view.businessKey || view.processInstanceId}`),
    details([['Status', view.status], ['Subject', view.subjectType], ['Amount', view.amount === undefined ? '' : `${view.amount} ${view.currency || ''}`],
      ['Requester', view.requester], ['Department', view.department], ['Summary', view.summary], ['Round', view.round],
      ['Current step', view.currentStep ? `${view.currentStep.name} (${view.currentStep.signMode})` : 'none'],
      ['Waiting for', view.currentStep ? view.currentStep.tasks.map((t) => t.assignee || (t.candidates || []).join(', ')).join('; ') : ''],
      ['Copied to', (view.copiedTo || []).join(', ')]]));
  root.append(h('h3', {}, 'What you can do'), status);
  const operations = view.operations || [];
  if (operations.length === 0) {
    root.append(h('p', { className: 'as-muted' }, 'Nothing: only the requester and the current approvers act on an approval.'));
  }
  for (const name of operations) {
    if (OPERATIONS[name]) root.append(operationForm(name, approvalId, rerender, status));
  }
  root.append(h('h3', {}, 'Who decided what'));
  root.append(h('table', { className: 'as-records' },
    h('tr', {}, h('th', {}, 'When'), h('th', {}, 'Step'), h('th', {}, 'Who'), h('th', {}, 'What'), h('th', {}, 'Whom'), h('th', {}, 'Comment')),
    (view.records || []).map((r) => h('tr', {}, h('td', {}, when(r.at)), h('td', {}, r.stepName || ''), h('td', {}, r.actor || ''),
      h('td', {}, r.action), h('td', {}, r.target || ''), h('td', {}, r.comment || '')))));
  node.replaceChildren(root);
}

export default [
  {
    id: 'aftersales-case',
    pluginPoint: 'tasklist.task.detail',
    priority: 20,
    properties: { label: 'Case' },
    render: (node, { taskId }) => {
      style();
      renderCase(node, taskId);
    },
  },
  {
    id: 'aftersales-approval',
    pluginPoint: 'tasklist.task.detail',
    priority: 19,
    properties: { label: 'Approval' },
    render: (node, { taskId }) => {
      style();
      renderApproval(node, taskId);
    },
  },
];
