// Tasklist plugins of Aftersales Flow: two tabs beside a task's form.
// "Case": the task's case (customer, product, SLA clocks with the time left, description,
// attachments with upload, timeline) and earlier cases of the same customer or unit.
// "Approval": an approval's route and records, and the operations its reader may call
// (transfer, add approver, copy, urge, withdraw, return).
// Both call the application's /api with the Tasklist session; changes carry the webapps'
// CSRF token. Plain ES module, no build step, nothing loaded from elsewhere.
//
// Every text follows the page's language as the webapps choose it (the browser's first language:
// zh… Chinese, anything else English; docs/languages.md); what /api returns in words (step names,
// record actions, timeline, refusals) the server gives in the same language (Accept-Language).
// Dates and times are the service zone's (app/service-zone.js). Values sent stay as they are.

const LANGUAGE = (((navigator.languages && navigator.languages[0]) || navigator.language || 'en')
  .split('-')[0].toLowerCase() === 'zh') ? 'zh' : 'en';

const TEXTS = {
  en: {
    tabCase: 'Case', tabApproval: 'Approval',
    loadingCase: 'Loading the case…', noCase: 'This task belongs to no case.',
    caseHeading: 'Case {number}', status: 'Status', category: 'Category', notTriaged: 'not triaged yet',
    priority: 'Priority', complaint: 'Complaint', yes: 'yes', no: 'no', channel: 'Channel', opened: 'Opened',
    openedBy: '{when} by {who}', owner: 'Owner',
    customer: 'Customer', name: 'Name', customerNumber: 'Number', contact: 'Contact', city: 'City', cityTier: 'City tier',
    contract: 'Contract', product: 'Product', sku: 'SKU', productLine: 'Product line', serialNumber: 'Serial number',
    purchaseDate: 'Purchase date', reports: 'What the customer reports',
    serviceLevel: 'Service level', noSla: 'No SLA clock runs for this case.', clock: 'Clock', deadline: 'Deadline',
    timeLeft: 'Time left', slaClock: '{kind} ({minutes} min, {clock})',
    left: '{time} left', late: '{time} late', days: '{d} d {h} h', hours: '{h} h {m} min', minutes: '{m} min',
    attachments: 'Attachments', noAttachments: 'No attachments yet.', uploaded: ' {type}, {size} KB, {when} by {who}',
    fileToAttach: 'File to attach', chooseFile: 'Choose a file first.', attach: 'Attach',
    attachHint: 'Photos (PNG, JPEG, GIF, WebP), PDF or text, up to 10 MB',
    earlierCases: 'Earlier cases of this customer or unit', none: 'None.', caseColumn: 'Case', sameUnit: ' (same unit)',
    asked: 'What was asked', resolution: 'Resolution',
    timeline: 'Timeline', when: 'When', process: 'Process', step: 'Step', who: 'Who', note: 'Note',
    sessionEnded: 'Your session has ended: log in again.', serverAnswered: 'The server answered {status}.',
    loadingApproval: 'Loading the approval…', noApproval: 'This task is no approval step.',
    approvalHeading: 'Approval {key}', subject: 'Subject', amount: 'Amount', requester: 'Requester',
    department: 'Department', summary: 'Summary', round: 'Round', currentStep: 'Current step', noStep: 'none',
    waitingFor: 'Waiting for', copiedTo: 'Copied to', whatYouCanDo: 'What you can do',
    nothingToDo: 'Nothing: only the requester and the current approvers act on an approval.',
    whoDecided: 'Who decided what', what: 'What', whom: 'Whom', comment: 'Comment',
    done: '{operation}: done.', commentRequired: 'comment (required)', commentOptional: 'comment (optional)',
    commentOf: '{operation}: comment', userId: 'user id', userIds: 'user ids, comma separated',
    opTransfer: 'Transfer to', opAddApprover: 'Add approver', opCopy: 'Send a copy to', opUrge: 'Urge',
    opWithdraw: 'Withdraw', opReturn: 'Return to the previous step',
  },
  zh: {
    tabCase: '工单', tabApproval: '审批',
    loadingCase: '正在加载工单…', noCase: '此任务不属于任何工单。',
    caseHeading: '工单 {number}', status: '状态', category: '类别', notTriaged: '尚未分诊',
    priority: '优先级', complaint: '投诉', yes: '是', no: '否', channel: '来源渠道', opened: '创建时间',
    openedBy: '{when}，由 {who} 创建', owner: '负责人',
    customer: '客户', name: '名称', customerNumber: '客户编号', contact: '联系方式', city: '城市', cityTier: '城市等级',
    contract: '服务合同', product: '产品', sku: 'SKU', productLine: '产品线', serialNumber: '序列号',
    purchaseDate: '购买日期', reports: '客户描述',
    serviceLevel: '服务时效（SLA）', noSla: '此工单没有运行中的 SLA 计时。', clock: '计时', deadline: '截止时间',
    timeLeft: '剩余时间', slaClock: '{kind}（{minutes} 分钟，{clock}）',
    left: '剩余 {time}', late: '已逾期 {time}', days: '{d} 天 {h} 小时', hours: '{h} 小时 {m} 分钟', minutes: '{m} 分钟',
    attachments: '附件', noAttachments: '暂无附件。', uploaded: ' {type}，{size} KB，{when}，由 {who} 上传',
    fileToAttach: '要上传的文件', chooseFile: '请先选择文件。', attach: '上传附件',
    attachHint: '照片（PNG、JPEG、GIF、WebP）、PDF 或文本，最大 10 MB',
    earlierCases: '此客户或此机器以前的工单', none: '无。', caseColumn: '工单', sameUnit: '（同一机器）',
    asked: '客户的问题', resolution: '解决方案',
    timeline: '时间线', when: '时间', process: '流程', step: '环节', who: '处理人', note: '备注',
    sessionEnded: '您的会话已结束，请重新登录。', serverAnswered: '服务器返回了 {status}。',
    loadingApproval: '正在加载审批…', noApproval: '此任务不是审批环节。',
    approvalHeading: '审批 {key}', subject: '审批事项', amount: '金额', requester: '申请人',
    department: '部门', summary: '摘要', round: '轮次', currentStep: '当前环节', noStep: '无',
    waitingFor: '等待审批人', copiedTo: '抄送', whatYouCanDo: '您可以进行的操作',
    nothingToDo: '无：只有申请人和当前审批人可以操作审批。',
    whoDecided: '审批记录', what: '操作', whom: '对象', comment: '意见',
    done: '{operation}：已完成。', commentRequired: '意见（必填）', commentOptional: '意见（选填）',
    commentOf: '{operation}：意见', userId: '用户 ID', userIds: '用户 ID，以逗号分隔',
    opTransfer: '转交给', opAddApprover: '加签', opCopy: '抄送给', opUrge: '催办',
    opWithdraw: '撤回', opReturn: '退回上一环节',
  },
};

/** Chinese words for the codes /api returns (statuses, kinds, modes); a code without one is shown as it is. */
const CODES = {
  en: {}, // English shows the codes themselves (first-response, running, …), as the API names them
  zh: {
    caseStatus: { open: '待受理', acknowledged: '已受理', 'in-progress': '处理中', resolved: '已解决', closed: '已关闭' },
    category: { consultation: '咨询', bug: '软件缺陷', repair: '维修', 'return-exchange': '退换货', refund: '退款或价格调整' },
    priority: { low: '低', normal: '普通', high: '高', urgent: '紧急' },
    channel: { hotline: '热线电话', sales: '销售', portal: '客户门户', email: '电子邮件' },
    contract: { standard: '标准（工作时间）', premium: '高级（7x24 小时）' },
    productLine: { software: '软件', printer: '打印机', display: '显示器', hardware: '其他硬件' },
    slaKind: { 'first-response': '首次响应', 'on-site-arrival': '上门到达' },
    slaClock: { '24x7': '7x24 小时', 'business-hours': '工作时间' },
    slaStatus: { running: '计时中', warned: '已预警', met: '已达成', missed: '已逾期' },
    approvalStatus: { running: '审批中', approved: '已同意', rejected: '已驳回', withdrawn: '已撤回', abandoned: '未重新提交' },
    signMode: { single: '单人审批', all: '会签', any: '或签', ratio: '按比例表决' },
    subject: { generic: '通用', refund: '退款', 'repair-quote': '维修报价', 'return-exception': '退货例外' },
    department: { service: '客服', sales: '销售', logistics: '物流', finance: '财务', rnd: '研发', qa: '质检' },
    field: { to: '转交给', user: '审批人', users: '抄送给', comment: '意见', file: '文件', taskId: '任务' },
  },
};

function t(key, values = {}) {
  const text = TEXTS[LANGUAGE][key] ?? TEXTS.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (all, name) => (values[name] === undefined || values[name] === null ? '' : String(values[name])));
}

function word(kind, code) {
  if (code === undefined || code === null || code === '') return code;
  const words = CODES[LANGUAGE][kind] || {};
  return words[code] ?? code;
}

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
.as-tab table td:first-child, .as-tab .as-records th, .as-tab .as-records td:not(:last-child) { white-space: nowrap; }
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

/**
 * The date and time in the service zone (app/service-zone.js, which may still be loading while this
 * module starts: asked when first needed; the browser's zone should it not load).
 */
let whenFormat;

function when(value) {
  if (!value) return '';
  whenFormat = whenFormat || new Intl.DateTimeFormat(LANGUAGE === 'zh' ? 'zh-CN' : 'en-GB', {
    timeZone: window.aftersalesServiceZone ? window.aftersalesServiceZone.zone : undefined,
    year: 'numeric', month: LANGUAGE === 'zh' ? 'long' : 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  });
  return whenFormat.format(new Date(value));
}

/** "3 h 20 min left" or "2 h 5 min late" (剩余 3 小时 20 分钟, 已逾期 2 小时 5 分钟). */
function timeLeft(deadline) {
  const minutes = Math.round((new Date(deadline).getTime() - Date.now()) / 60000);
  const abs = Math.abs(minutes);
  const time = abs >= 60 * 24 ? t('days', { d: Math.floor(abs / 1440), h: Math.floor((abs % 1440) / 60) })
    : abs >= 60 ? t('hours', { h: Math.floor(abs / 60), m: abs % 60 }) : t('minutes', { m: abs });
  return minutes >= 0 ? { text: t('left', { time }), late: false } : { text: t('late', { time }), late: true };
}

function csrfToken() {
  const cookie = document.cookie.split(';').map((c) => c.trim()).find((c) => c.startsWith('XSRF-TOKEN='));
  return cookie ? decodeURIComponent(cookie.slice('XSRF-TOKEN='.length)) : '';
}

/** A refusal as a sentence: the answer's message and each named field. */
async function problem(response) {
  if (response.status === 401) return t('sessionEnded');
  let body = {};
  try {
    body = await response.json();
  } catch (e) {
    // no JSON: the status says it
  }
  const fields = (body.fields || []).map((f) => `${word('field', f.field)} ${f.message}`).join(LANGUAGE === 'zh' ? '；' : '; ');
  // instants in a refusal ("urge again after 2026-12-03T18:26:05Z") on the service zone's clock
  const message = (body.message || t('serverAnswered', { status: response.status }))
    .replace(/\b\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d(?:\.\d+)?)?Z\b/g, (instant) => when(instant));
  if (!fields || message.includes(fields)) return message;
  return LANGUAGE === 'zh' ? `${message}（${fields}）` : `${message} (${fields})`;
}

async function api(method, path, body) {
  // fetch sends the browser's Accept-Language; the page's language decides (the same rule, stated)
  const headers = { Accept: 'application/json', 'Accept-Language': LANGUAGE === 'zh' ? 'zh-CN' : 'en' };
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
  node.replaceChildren(h('div', { className: 'as-tab as-case' }, h('p', { className: 'as-muted' }, t('loadingCase'))));
  let tab;
  try {
    tab = await api('GET', `/api/tasks/${encodeURIComponent(taskId)}/case`);
  } catch (e) {
    node.replaceChildren(h('div', { className: 'as-tab as-case' },
      h('p', { className: 'as-muted' }, e.status === 404 ? t('noCase') : e.message)));
    return;
  }
  const c = tab.current;
  const root = h('div', { className: 'as-tab as-case' });
  const customer = c.customer || {};
  const product = c.product || {};
  root.append(
    h('h3', {}, t('caseHeading', { number: c.caseNumber })),
    details([[t('status'), word('caseStatus', c.status)], [t('category'), word('category', c.category) || t('notTriaged')],
      [t('priority'), word('priority', c.priority)], [t('complaint'), c.complaint ? t('yes') : t('no')],
      [t('channel'), word('channel', c.channel)], [t('opened'), t('openedBy', { when: when(c.openedAt), who: c.openedBy || '' })],
      [t('owner'), c.owner]]),
    h('h3', {}, t('customer')),
    details([[t('name'), customer.name], [t('customerNumber'), customer.id], [t('contact'), customer.contact],
      [t('city'), customer.city], [t('cityTier'), customer.cityTier], [t('contract'), word('contract', customer.contractLevel)]]),
    h('h3', {}, t('product')),
    details([[t('sku'), product.sku], [t('productLine'), word('productLine', product.productLine)],
      [t('serialNumber'), product.serialNumber], [t('purchaseDate'), product.purchaseDate]]),
    h('h3', {}, t('reports')),
    h('p', { style: 'white-space: pre-wrap' }, c.description || ''));

  root.append(h('h3', {}, t('serviceLevel')));
  if (!c.sla || c.sla.length === 0) {
    root.append(h('p', { className: 'as-muted' }, t('noSla')));
  } else {
    root.append(h('table', { className: 'as-sla' },
      h('tr', {}, h('th', {}, t('clock')), h('th', {}, t('deadline')), h('th', {}, t('timeLeft')), h('th', {}, t('status'))),
      c.sla.map((s) => {
        const running = s.status === 'running' || s.status === 'warned';
        const left = running && s.deadline ? timeLeft(s.deadline) : null;
        return h('tr', {},
          h('td', {}, t('slaClock', { kind: word('slaKind', s.kind), minutes: s.targetMinutes, clock: word('slaClock', s.clock) })),
          h('td', {}, when(s.deadline)),
          h('td', { className: left && left.late ? 'as-late' : '' }, left ? left.text : ''), h('td', {}, word('slaStatus', s.status)));
      })));
  }

  root.append(h('h3', {}, t('attachments')));
  const thumbs = h('div', { className: 'as-thumbs' });
  const files = h('ul', {});
  for (const a of c.attachments || []) {
    if (a.contentType && a.contentType.startsWith('image/')) {
      thumbs.append(h('figure', {}, h('a', { href: a.download, target: '_blank' },
        h('img', { src: a.download, alt: a.fileName })), h('figcaption', {}, a.fileName)));
    } else {
      files.append(h('li', {}, h('a', { href: a.download, target: '_blank' }, a.fileName),
        h('span', { className: 'as-muted' }, t('uploaded', { type: a.contentType, size: Math.ceil(a.sizeBytes / 1024),
          when: when(a.uploadedAt), who: a.uploadedBy }))));
    }
  }
  if ((c.attachments || []).length === 0) root.append(h('p', { className: 'as-muted' }, t('noAttachments')));
  root.append(thumbs, files);
  const input = h('input', { type: 'file', name: 'file', 'aria-label': t('fileToAttach') });
  const status = h('div', {});
  root.append(h('form', {
    className: 'as-op as-upload',
    onsubmit: async (event) => {
      event.preventDefault();
      if (!input.files || input.files.length === 0) {
        status.replaceChildren(h('div', { className: 'as-error' }, t('chooseFile')));
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
  }, input, h('button', { type: 'submit', className: 'btn btn-default' }, t('attach')),
  h('span', { className: 'as-muted' }, t('attachHint'))), status);

  root.append(h('h3', {}, t('earlierCases')));
  if (!tab.earlier || tab.earlier.length === 0) {
    root.append(h('p', { className: 'as-muted' }, t('none')));
  } else {
    root.append(h('table', { className: 'as-earlier' },
      h('tr', {}, h('th', {}, t('caseColumn')), h('th', {}, t('opened')), h('th', {}, t('category')), h('th', {}, t('status')),
        h('th', {}, t('asked')), h('th', {}, t('resolution'))),
      tab.earlier.map((e) => h('tr', {}, h('td', {}, e.caseNumber + (e.sameUnit ? t('sameUnit') : '')),
        h('td', {}, when(e.openedAt)), h('td', {}, word('category', e.category) || ''), h('td', {}, word('caseStatus', e.status)),
        h('td', {}, (e.description || '').slice(0, 200)), h('td', {}, e.resolutionSummary || '')))));
  }

  root.append(h('h3', {}, t('timeline')));
  root.append(h('table', { className: 'as-timeline' },
    h('tr', {}, h('th', {}, t('when')), h('th', {}, t('process')), h('th', {}, t('step')), h('th', {}, t('who')), h('th', {}, t('note'))),
    (c.timeline || []).map((e) => h('tr', {}, h('td', {}, when(e.at)), h('td', {}, e.processName || e.process || ''),
      h('td', {}, e.activity || e.activityId || ''), h('td', {}, e.assignee || ''),
      h('td', {}, [e.comment, e.target].filter(Boolean).join(' → '))))));
  node.replaceChildren(root);
}

// -------------------------------------------------------------------------------- approval tab

const OPERATIONS = {
  transfer: { label: 'opTransfer', path: 'transfer', input: 'to', placeholder: 'userId' },
  'add-approver': { label: 'opAddApprover', path: 'approvers', input: 'user', placeholder: 'userId' },
  copy: { label: 'opCopy', path: 'copies', input: 'users', placeholder: 'userIds' },
  urge: { label: 'opUrge', path: 'urge' },
  withdraw: { label: 'opWithdraw', path: 'withdraw' },
  return: { label: 'opReturn', path: 'return', commentRequired: true },
};

async function approvalOf(taskId) {
  const task = await api('GET', `/camunda/api/engine/engine/default/task/${encodeURIComponent(taskId)}`);
  return task.processDefinitionId && task.processDefinitionId.startsWith('approval:') ? task.processInstanceId : null;
}

function operationForm(name, approvalId, rerender, status) {
  const op = OPERATIONS[name];
  const label = t(op.label);
  const value = op.input ? h('input', { type: 'text', name: op.input, placeholder: t(op.placeholder), 'aria-label': label }) : null;
  const comment = h('input', { type: 'text', name: 'comment', 'aria-label': t('commentOf', { operation: label }),
    placeholder: op.commentRequired ? t('commentRequired') : t('commentOptional') });
  return h('form', {
    className: `as-op as-op-${name}`,
    onsubmit: async (event) => {
      event.preventDefault();
      const body = {};
      if (comment.value.trim()) body.comment = comment.value.trim();
      if (op.input === 'users') body.users = value.value.split(/[,，]/).map((u) => u.trim()).filter(Boolean);
      else if (op.input) body[op.input] = value.value.trim();
      try {
        await api('POST', `/api/approvals/${encodeURIComponent(approvalId)}/${op.path}`, body);
        await rerender(t('done', { operation: label }));
      } catch (e) {
        status.replaceChildren(h('div', { className: 'as-error' }, e.message));
      }
    },
  }, value, comment, h('button', { type: 'submit', className: 'btn btn-default' }, label));
}

async function renderApproval(node, taskId, notice) {
  node.replaceChildren(h('div', { className: 'as-tab as-approval' }, h('p', { className: 'as-muted' }, t('loadingApproval'))));
  let approvalId;
  let view;
  try {
    approvalId = await approvalOf(taskId);
    if (!approvalId) {
      node.replaceChildren(h('div', { className: 'as-tab as-approval' }, h('p', { className: 'as-muted' }, t('noApproval'))));
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
  const step = view.currentStep;
  const list = (items) => items.join(LANGUAGE === 'zh' ? '、' : ', ');
  root.append(
    h('h3', {}, t('approvalHeading', { key: view.businessKey || view.processInstanceId })),
    details([[t('status'), word('approvalStatus', view.status)], [t('subject'), word('subject', view.subjectType)],
      [t('amount'), view.amount === undefined ? '' : `${view.amount} ${view.currency || ''}`],
      [t('requester'), view.requester], [t('department'), word('department', view.department)], [t('summary'), view.summary],
      [t('round'), view.round],
      [t('currentStep'), step ? (LANGUAGE === 'zh' ? `${step.name}（${word('signMode', step.signMode)}）`
        : `${step.name} (${word('signMode', step.signMode)})`) : t('noStep')],
      [t('waitingFor'), step ? step.tasks.map((task) => task.assignee || list(task.candidates || [])).join(LANGUAGE === 'zh' ? '；' : '; ') : ''],
      [t('copiedTo'), list(view.copiedTo || [])]]));
  root.append(h('h3', {}, t('whatYouCanDo')), status);
  const operations = view.operations || [];
  if (operations.length === 0) {
    root.append(h('p', { className: 'as-muted' }, t('nothingToDo')));
  }
  for (const name of operations) {
    if (OPERATIONS[name]) root.append(operationForm(name, approvalId, rerender, status));
  }
  root.append(h('h3', {}, t('whoDecided')));
  root.append(h('table', { className: 'as-records' },
    h('tr', {}, h('th', {}, t('when')), h('th', {}, t('step')), h('th', {}, t('who')), h('th', {}, t('what')), h('th', {}, t('whom')),
      h('th', {}, t('comment'))),
    (view.records || []).map((r) => h('tr', { 'data-action': r.action }, h('td', {}, when(r.at)), h('td', {}, r.stepName || ''),
      h('td', {}, r.actor || ''), h('td', {}, r.actionText || r.action), h('td', {}, r.target || ''), h('td', {}, r.comment || '')))));
  node.replaceChildren(root);
}

export default [
  {
    id: 'aftersales-case',
    pluginPoint: 'tasklist.task.detail',
    priority: 20,
    properties: { label: t('tabCase') },
    render: (node, { taskId }) => {
      style();
      renderCase(node, taskId);
    },
  },
  {
    id: 'aftersales-approval',
    pluginPoint: 'tasklist.task.detail',
    priority: 19,
    properties: { label: t('tabApproval') },
    render: (node, { taskId }) => {
      style();
      renderApproval(node, taskId);
    },
  },
];
