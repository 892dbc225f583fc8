// Issue 15, point 5: Tasklist in a browser set to Chinese shows our own texts in Chinese too —
// filter names, task names (case number and customer kept), form texts and the server's refusal
// of a bad value — and the task is then completed. English browsers: the other tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fillForm, login, rest, shot, submit, useBrowser, openFromFilter } from './support.mjs';

useBrowser();

const chinese = { locale: 'zh-CN', timezoneId: 'Asia/Shanghai' };
const viewport = { width: 1400, height: 900 };
const variables = (values) => Object.fromEntries(Object.entries(values).map(([name, value]) => [name, { value }]));

test('a service agent works a case task in Chinese: filters, task name, form', { timeout: 240_000 }, async () => {
  const customer = `北京光影影视有限公司 ${Date.now() % 100000}`;
  const { caseNumber } = await rest('service', 'POST', '/api/cases', {
    customer: { id: 'C-ZH-01', name: customer, city: '北京', cityTier: 1, contractLevel: 'standard' },
    product: { sku: 'OA-SUITE', productLine: 'software', serialNumber: 'SN-ZH-0001', purchaseDate: '2026-03-01' },
    channel: 'hotline', priority: 'normal', description: '修改表单后审批流程停止了（浏览器检查）',
  });
  const { page, serverErrors } = await login('tasklist', 'service', 'demo', viewport, chinese);
  for (const filter of ['待我认领', '我的任务', '我的申请', '客服 — 待认领', '客服 — 已逾期']) {
    await page.locator('.task-filter', { hasText: filter }).first().waitFor();
  }
  for (const english of ['Offered to me', 'My tasks', 'Customer service — group queue']) {
    assert.equal(await page.locator('.task-filter', { hasText: english }).count(), 0, `English filter ${english}`);
  }
  const name = `受理客户 · ${caseNumber} · ${customer}`;
  const form = await openFromFilter(page, '客服 — 待认领', name);
  await form.waitFor();
  await page.locator('.task-details h2, .task-details .names', { hasText: '受理客户' }).first().waitFor();
  for (const label of ['工单号', '客户', '来源渠道', '优先级', '客户描述', '给客户的消息']) {
    await form.locator('label', { hasText: new RegExp(`^${label}\\*?$`) }).first().waitFor();
  }
  await form.getByText('受理客户', { exact: false }).first().waitFor(); // the form's heading
  assert.equal(await form.getByText('Message to the customer').count(), 0, 'English label in the form');
  assert.equal(await page.locator('ol.tasks-list li', { hasText: 'Acknowledge customer' }).count(), 0);
  await shot(page, 'zh-tasklist-case-task');
  // read-only codes by their names: channel and priority
  const shown = await form.locator('input').evaluateAll((inputs) => inputs.map((input) => input.value));
  assert.ok(shown.includes('热线电话') && shown.includes('普通'), `read-only values: ${shown}`);
  // the diagram names the model's elements in Chinese too
  await page.locator('.task-details .nav-tabs a', { hasText: /^\s*流程图\s*$/ }).first().click();
  await page.locator('.task-details svg text', { hasText: '工单已创建' }).first().waitFor();
  await page.locator('.task-details svg text', { hasText: '受理客户' }).first().waitFor();
  await shot(page, 'zh-tasklist-diagram');
  await page.locator('.task-details .nav-tabs a', { hasText: /^\s*表单\s*$/ }).first().click();
  await form.waitFor();
  // form-js refuses an empty required field before sending anything, in Chinese too
  await page.getByRole('button', { name: /^\s*完成\s*$/ }).click();
  await form.locator('.fjs-form-field-error', { hasText: '此项为必填项。' }).first().waitFor();
  assert.equal(await form.getByText('Field is required.').count(), 0, 'form-js message in English');
  await shot(page, 'zh-tasklist-required-field');
  await page.locator('.page-notifications .close').filter({ visible: true }).first().click(); // Tasklist's "提交任务表单时出错"
  await fillForm(form, [[/^给客户的消息\*?$/, '您好，我们已收到您的工单，今天内答复您。']]);
  const done = await submit(page, page.getByRole('button', { name: /^\s*完成\s*$/ }), '/submit-form');
  assert.equal(done.status(), 204, await done.text());
  assert.deepEqual(serverErrors, []);
  await page.close();
});

test('a team lead decides an approval step in Chinese: a rejection without comment is refused in Chinese, then completed', { timeout: 240_000 }, async () => {
  const title = `实验室校准砝码 ${Date.now() % 100000}`;
  await rest('admin', 'POST', '/engine-rest/process-definition/key/approval/start', {
    variables: variables({ subjectType: 'generic', amount: 1280.5, currency: 'CNY', requester: 'service',
      department: 'service', region: 'east', summary: `${title}\n两个 F1 级砝码，旧砝码检定不合格。` }),
  });
  const { page, serverErrors } = await login('tasklist', 'lead', 'demo', viewport, chinese);
  const form = await openFromFilter(page, '待我审批', `团队主管审批：${title}`);
  await form.waitFor();
  for (const label of ['审批环节', '摘要', '金额', '申请人', '审批意见', '意见（驳回时必填）']) {
    await form.locator('label', { hasText: new RegExp(`^${label.replace(/[()（）]/g, '.')}\\*?$`) }).first().waitFor();
  }
  await form.getByRole('radio', { name: '驳回' }).check();
  const complete = page.getByRole('button', { name: /^\s*完成\s*$/ });
  const refused = await submit(page, complete, '/submit-form');
  assert.equal(refused.status(), 400);
  const sentence = '表单中有内容未通过检查：意见（驳回时必填）（comment）驳回时必须填写意见';
  assert.equal((await refused.json()).message, sentence);
  const refusal = page.getByText(sentence).first();
  await refusal.waitFor();
  await refusal.scrollIntoViewIfNeeded();
  await shot(page, 'zh-tasklist-approval-refused');
  // the refusal stays on the page until closed, over the Complete button
  await page.locator('.page-notifications .close').filter({ visible: true }).first().click();
  await refusal.waitFor({ state: 'detached' });
  await fillForm(form, [[/^意见（驳回时必填）$/, '请先比较框架合同的价格。']]);
  const done = await submit(page, complete, '/submit-form');
  assert.equal(done.status(), 204, await done.text());
  assert.deepEqual(serverErrors, []);
  await page.close();
});
