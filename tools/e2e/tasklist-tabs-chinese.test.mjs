// Issue 15: Tasklist's Case and Approval tabs in Chinese, candidate groups by their Chinese names,
// and dates in the service zone (Asia/Shanghai) for a browser set to Chinese that runs in UTC: the
// task's created date, the tabs' dates, the footer, and a follow-up date set in the picker.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { login, rest, shot, useBrowser, openFromFilter } from './support.mjs';

useBrowser();

const chineseInUtc = { locale: 'zh-CN', timezoneId: 'UTC' };
const viewport = { width: 1400, height: 1000 };
const variables = (values) => Object.fromEntries(Object.entries(values).map(([name, value]) => [name, { value }]));
// A 1x1 PNG and something that is no image, PDF or text.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const EXE = Buffer.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0]);

/** The month, day, hour and minute of an instant on Shanghai's clock: "12月4日", "01:14". */
function shanghai(instant) {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-US', {
    timeZone: 'Asia/Shanghai', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(new Date(instant)).map(({ type, value }) => [type, value]));
  return { day: `${parts.month}月${parts.day}日`, time: `${parts.hour}:${parts.minute}` };
}

test('a service agent in a UTC browser set to Chinese: Case tab, group name, dates in Shanghai time', { timeout: 240_000 }, async () => {
  const customer = `上海云帆贸易有限公司 ${Date.now() % 100000}`;
  const { caseNumber } = await rest('service', 'POST', '/api/cases', {
    customer: { id: 'C-ZH-TAB', name: customer, city: '上海', cityTier: 1, contractLevel: 'standard' },
    product: { sku: 'OA-SUITE', productLine: 'software', serialNumber: 'SN-ZH-TAB-1', purchaseDate: '2026-03-01' },
    channel: 'hotline', priority: 'normal', description: '导出审批记录时报错（浏览器检查）',
  });
  const { page, serverErrors } = await login('tasklist', 'service', 'demo', viewport, chineseInUtc);
  await page.locator('footer', { hasText: 'Asia/Shanghai' }).waitFor(); // "日期和时间按本地时区显示：Asia/Shanghai"

  const [task] = await rest('service', 'GET', `/engine-rest/task?processInstanceBusinessKey=${caseNumber}&maxResults=5`);
  // the created date in the list's tooltip: Shanghai's clock, not the browser's UTC
  const created = shanghai(task.created);
  await openFromFilter(page, '客服 — 待认领', `受理客户 · ${caseNumber}`, async (item) => {
    const tooltip = await item.locator('.creation-date [uib-tooltip]').getAttribute('uib-tooltip');
    assert.ok(tooltip.includes(created.day) && tooltip.includes(created.time), `created ${task.created} shown as ${tooltip}`);
  });
  // the candidate group by its Chinese name
  const groups = page.locator('[cam-tasklist-task-meta] .groups');
  await groups.getByText('客服', { exact: true }).waitFor();
  assert.doesNotMatch(await groups.innerText(), /Customer service/);

  // the Case tab
  await page.getByRole('link', { name: '工单', exact: true }).click();
  const tab = page.locator('.as-case');
  await tab.getByText(`工单 ${caseNumber}`).waitFor();
  await tab.getByText(customer).first().waitFor();
  for (const heading of ['客户', '产品', '客户描述', '服务时效（SLA）', '附件', '此客户或此机器以前的工单', '时间线']) {
    await tab.locator('h3', { hasText: heading }).first().waitFor();
  }
  const caseView = await rest('service', 'GET', `/api/cases/${caseNumber}`);
  const opened = shanghai(caseView.openedAt);
  const details = await tab.locator('dl').first().innerText();
  assert.match(details, /待受理|已受理/);
  assert.ok(details.includes('普通') && details.includes('热线电话'), details);
  assert.ok(details.includes(opened.day) && details.includes(opened.time), `opened ${caseView.openedAt}: ${details}`);
  assert.match(await tab.locator('table.as-sla').innerText(), /首次响应.*剩余 .*(小时|分钟)/s);
  const timeline = await tab.locator('table.as-timeline').innerText();
  assert.ok(timeline.includes('服务请求') && timeline.includes('工单已创建') && timeline.includes('受理客户'), timeline);
  assert.ok(!timeline.includes('Case opened') && !timeline.includes('Determine SLA targets'), timeline);
  await tab.locator('input[type=file]').setInputFiles({ name: '报错截图.png', mimeType: 'image/png', buffer: PNG });
  await tab.getByRole('button', { name: '上传附件', exact: true }).click();
  await tab.locator('.as-thumbs img[alt="报错截图.png"]').waitFor();
  await tab.locator('input[type=file]').setInputFiles({ name: 'tool.exe', mimeType: 'image/png', buffer: EXE });
  await tab.getByRole('button', { name: '上传附件', exact: true }).click();
  await tab.locator('.as-error', { hasText: '文件 必须是以下类型之一' }).waitFor();
  const text = await tab.innerText();
  for (const english of ['Customer', 'Service level', 'Timeline', ' left', 'Attach', 'Opened', 'The request has invalid fields']) {
    assert.ok(!text.includes(english), `English "${english}" in the Case tab`);
  }
  await shot(page, 'zh-tasklist-case-tab', { fullPage: true });

  assert.deepEqual(serverErrors, []);
  await page.close();
});

test('a follow-up date picked at 10:30 in a UTC browser set to Chinese is 10:30 in Shanghai', { timeout: 180_000 }, async () => {
  // Staff work tasks (TASK_WORK) but may not change their dates: an administrator does it here.
  const { caseNumber } = await rest('service', 'POST', '/api/cases', {
    customer: { id: 'C-ZH-TAB', name: '上海云帆贸易有限公司', city: '上海', cityTier: 1, contractLevel: 'standard' },
    product: { sku: 'OA-SUITE', productLine: 'software', serialNumber: 'SN-ZH-TAB-2', purchaseDate: '2026-03-01' },
    channel: 'email', priority: 'low', description: '跟进日期（浏览器检查）',
  });
  let task;
  for (let i = 0; !task && i < 30; i++) {
    [task] = await rest('admin', 'GET', `/engine-rest/task?processInstanceBusinessKey=${caseNumber}&maxResults=5`);
    if (!task) await new Promise((resolve) => { setTimeout(resolve, 1000); });
  }
  const { page, serverErrors } = await login('tasklist', 'admin', 'demo', viewport, chineseInUtc);
  await page.goto(`${page.url().split('#')[0]}#/?task=${task.id}`);
  await page.locator('[cam-tasklist-task-meta] .followup-date .view-value').click();
  const picker = page.locator('.cam-widget-inline-field.field-control'); // the webapps put it into the page's body
  await picker.locator('.uib-time.hours input').fill('10');
  await picker.locator('.uib-time.minutes input').fill('30');
  const [saved] = await Promise.all([
    page.waitForRequest((r) => r.method() === 'PUT' && r.url().endsWith(`/task/${task.id}`)),
    page.locator('.cam-widget-inline-field.btn-group > button[ng-click^="applyChange"]').click(),
  ]);
  const sent = JSON.parse(saved.postData()).followUp;
  assert.match(sent, /T10:30:00(\.000)?\+0800$/, `sent ${sent}`);
  const answer = await saved.response();
  assert.equal(answer.status(), 204, `${saved.postData()} → ${await answer.text()}`);
  const stored = (await rest('admin', 'GET', `/engine-rest/task/${task.id}`)).followUp;
  assert.equal(shanghai(stored).time, '10:30', `stored ${stored}`);
  assert.equal(new Date(stored).getTime(), new Date(sent.replace(/(\d\d)(\d\d)$/, '$1:$2')).getTime());
  const shown = page.locator('[cam-tasklist-task-meta] .followup-date [am-time-ago]');
  await page.waitForFunction((el) => /10:30/.test(el.getAttribute('uib-tooltip') || ''), await shown.elementHandle());
  assert.ok((await shown.getAttribute('uib-tooltip')).includes(shanghai(stored).day));
  await shot(page, 'zh-tasklist-follow-up-shanghai');
  assert.deepEqual(serverErrors, []);
  await page.close();
});

test('a requester follows an approval on the Approval tab in Chinese: step name, records, urge, withdraw', { timeout: 240_000 }, async () => {
  const title = `实验室校准砝码（标签页） ${Date.now() % 100000}`;
  const { id } = await rest('admin', 'POST', '/engine-rest/process-definition/key/approval/start', {
    variables: variables({ subjectType: 'generic', amount: 1280.5, currency: 'CNY', requester: 'qa',
      department: 'qa', region: 'east', summary: `${title}\n两个 F1 级砝码，旧砝码检定不合格。` }),
  });
  const { page, serverErrors } = await login('tasklist', 'qa', 'demo', viewport, chineseInUtc);
  await openFromFilter(page, '我的申请', `团队主管审批：${title}`);
  await page.getByRole('link', { name: '审批', exact: true }).click();
  const tab = page.locator('.as-approval');
  const records = tab.locator('table.as-records');
  await records.locator('tr[data-action=submitted]', { hasText: '已提交' }).waitFor();
  const details = await tab.locator('dl').first().innerText();
  assert.ok(details.includes('审批中') && details.includes('团队主管审批（单人审批）') && details.includes('质检'), details);
  const view = await rest('qa', 'GET', `/api/approvals/${id}`);
  const submitted = shanghai(view.records.find((r) => r.action === 'submitted').at);
  const row = await records.locator('tr[data-action=submitted]').innerText();
  assert.ok(row.includes('已提交') && row.includes(submitted.day) && row.includes(submitted.time), row);
  assert.equal(await tab.locator('form.as-op-transfer').count(), 0, 'the requester is offered an approver\'s operation');

  await tab.locator('form.as-op-urge input[name=comment]').fill('周五前需要');
  await tab.locator('form.as-op-urge button', { hasText: '催办' }).click();
  await tab.locator('.as-ok', { hasText: '催办：已完成。' }).waitFor();
  await records.locator('tr[data-action=urged]', { hasText: '已催办' }).waitFor();
  assert.match(await records.locator('tr[data-action=urged]').innerText(), /团队主管审批\s+qa\s+已催办/);
  await tab.locator('form.as-op-urge button').click(); // again at once: refused (429) in Chinese
  await tab.locator('.as-error', { hasText: '之后再催办' }).waitFor();
  assert.match(await tab.locator('.as-error').innerText(), /^已于 \d{4}年\d+月\d+日 \d\d:\d\d 催办过审批人/); // Shanghai's clock, no ISO instant
  const text = await tab.innerText();
  for (const english of ['Who decided what', 'Team lead approval', 'submitted', 'Urge', 'urge again after']) {
    assert.ok(!text.includes(english), `English "${english}" in the Approval tab`);
  }
  await shot(page, 'zh-tasklist-approval-tab', { fullPage: true });

  await tab.locator('form.as-op-withdraw input[name=comment]').fill('已通过框架合同购买');
  const [withdrawn] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/withdraw')),
    tab.locator('form.as-op-withdraw button').click(),
  ]);
  assert.equal(withdrawn.status(), 200, await withdrawn.text());
  const after = await withdrawn.json();
  assert.equal(after.status, 'withdrawn'); // codes stay as they are
  assert.ok(after.records.some((r) => r.action === 'withdrawn' && r.actionText === '已撤回'));
  assert.deepEqual(serverErrors, []);
  await page.close();
});
