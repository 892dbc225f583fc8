// Issue 15, the Cockpit part: our Cockpit plugins in a browser set to Chinese, as staff (not admin)
// use them — Case history (search by a Chinese customer name, one case's history) and Service KPIs
// (labels, the default period ending on Shanghai's today, the CSV with its Chinese header).
// English browsers: case-history.test.mjs and service-kpis.test.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { base, login, rest, shot, useBrowser } from './support.mjs';

useBrowser();

const chinese = { locale: 'zh-CN', timezoneId: 'Asia/Shanghai' };
const viewport = { width: 1400, height: 1300 };
/** A time as the plugins show it in Chinese, in the service zone: 2026年12月4日 01:02:03. */
const chineseTime = /\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}:\d{2}/;

/** Today in Shanghai (the service zone), YYYY-MM-DD. */
const shanghaiToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

/** A case of a customer with a Chinese name, opened through /api/cases as the service desk does. */
async function chineseCase() {
  const tag = String(Date.now()).slice(-6);
  const name = `深圳市光年${tag}影视文化有限公司`;
  const opened = await rest('service', 'POST', '/api/cases', {
    customer: { id: `C-ZH-${tag}`, name, city: '深圳', cityTier: 1, contractLevel: 'standard' },
    product: { sku: 'OA-SUITE', productLine: 'software', serialNumber: `SN-ZH-${tag}`, purchaseDate: '2025-01-10' },
    channel: 'hotline', priority: 'normal', description: '审批历史如何导出？（浏览器检查）',
  });
  // an approval of the case, so that it has an approval record (submitted) to show
  const variables = { subjectType: 'generic', amount: 100, currency: 'CNY', requester: 'service', department: 'service',
    region: 'east', summary: '给客户的补偿券（浏览器检查）' };
  await rest('admin', 'POST', '/engine-rest/process-definition/key/approval/start', {
    businessKey: opened.caseNumber,
    variables: Object.fromEntries(Object.entries(variables).map(([key, value]) => [key, { value }])),
  });
  return { ...opened, name, tag };
}

test('an auditor finds a case by its Chinese customer name in 工单历史 and reads its history in Chinese', { timeout: 180_000 }, async () => {
  const { caseNumber, processInstanceId, name, tag } = await chineseCase();
  const { page, serverErrors } = await login('cockpit', 'auditor', 'demo', viewport, chinese);
  const failed = [];
  page.on('response', (response) => {
    if (response.url().includes('/camunda/api/') && response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
  });
  await page.getByText('运行中的流程实例').first().waitFor();
  await page.getByRole('link', { name: '工单历史', exact: true }).first().click();
  const plugin = page.locator('[data-plugin="case-history"]');
  await plugin.locator('h1', { hasText: '工单历史' }).waitFor();
  await plugin.getByText('时间均为 Asia/Shanghai 时区。').waitFor();
  for (const label of ['流程', '工单号', '客户编号', '客户名称', '开始日期自', '开始日期至', '状态']) {
    await plugin.locator('form.ch-search label', { hasText: label }).first().waitFor();
  }
  assert.equal(await plugin.locator('select[name="state"] option[value="running"]').innerText(), '运行中');
  await plugin.locator('select[name="processDefinitionKey"] option[value="service-request"]').waitFor({ state: 'attached' });

  // a part of the Chinese name finds the case (the search sends the words as typed)
  await page.fill('input[name="customerName"]', `光年${tag}影视`);
  await plugin.getByRole('button', { name: '搜索' }).click();
  const row = plugin.locator(`.ch-results tr.ch-row[data-instance-id="${processInstanceId}"]`);
  await row.waitFor();
  const rowText = await row.innerText();
  assert.ok(rowText.includes(name), rowText);
  assert.ok(rowText.includes(caseNumber), rowText);
  assert.ok(rowText.includes('运行中'), rowText);
  assert.match(rowText, chineseTime);
  assert.equal(await plugin.locator('.ch-results tr.ch-row').count(), 1, 'only that customer\'s case');
  const headers = await plugin.locator('.ch-results thead th').allInnerTexts();
  assert.deepEqual(headers, ['工单号', '流程', '客户', '状态', '开始时间', '结束时间', '持续时间']);
  await plugin.getByText('共 1 个实例').waitFor();
  await shot(page, 'zh-cockpit-case-history-search', { fullPage: true });

  // the case's history: headings, tables and values in Chinese
  await row.click();
  await plugin.locator('h1', { hasText: caseNumber }).waitFor();
  for (const heading of ['流程图与已走路径', '活动', '变量变更记录', '任务备注', '审批记录', '用户操作日志', '异常']) {
    await plugin.locator('section h2', { hasText: heading }).first().waitFor();
  }
  await plugin.getByRole('button', { name: '← 返回搜索' }).waitFor();
  await plugin.locator('.ch-summary', { hasText: '仍在运行' }).waitFor();
  const activities = plugin.locator('section[data-section="activities"]');
  await activities.locator('tbody tr').first().waitFor();
  assert.ok((await activities.innerText()).includes('开始事件'), 'activity types in Chinese');
  assert.match(await activities.locator('tbody tr').first().innerText(), chineseTime);
  // user tasks by their Chinese names, as Tasklist shows them, in the table and the diagram
  await activities.locator('tbody tr', { hasText: '受理客户' }).first().waitFor();
  await plugin.locator('section[data-section="diagram"] g.ch-shape[data-element-id="AcknowledgeCustomer"] text', { hasText: '受理客户' }).first().waitFor();
  // the model's other elements too: a start event, a service task, a gateway
  await activities.locator('tbody tr', { hasText: '工单已创建' }).first().waitFor();
  for (const name of ['工单已创建', '确定 SLA 目标', '类别？']) {
    await plugin.locator('section[data-section="diagram"] g.ch-shape text', { hasText: name }).first().waitFor();
  }
  // the approval record: the action in Chinese
  await plugin.locator('section[data-section="approvals"] tbody tr', { hasText: '已提交' }).first().waitFor();
  const variables = plugin.locator('section[data-section="variables"]');
  await variables.locator('tbody tr', { hasText: 'customerName' }).first().waitFor();
  assert.ok((await variables.innerText()).includes(name));
  await plugin.locator('section[data-section="incidents"]').getByText('无。').waitFor();
  await plugin.locator('.ch-legend', { hasText: '已执行' }).waitFor();
  const text = await plugin.innerText();
  for (const english of ['Back to the search', 'Variable changes', 'Loading', 'None.', 'still running', 'Search failed']) {
    assert.ok(!text.includes(english), `English left on the page: ${english}`);
  }
  await shot(page, 'zh-cockpit-case-history-instance', { fullPage: true });
  assert.deepEqual(failed, [], 'a request of the plugin was refused');
  assert.deepEqual(serverErrors, []);
  await page.close();
});

test('an auditor reads 服务指标 in Chinese: labels, the period ending on Shanghai\'s today, a Chinese CSV', { timeout: 180_000 }, async () => {
  // A browser far west of Shanghai (UTC-10): its own date is Shanghai's yesterday from 06:00 to 24:00
  // local time; the default period must end on Shanghai's today all the same.
  // (Approver leads have no access to the Cockpit app in the demo's grants: the auditor reads it.)
  const { page, serverErrors } = await login('cockpit', 'auditor', 'demo', viewport,
    { locale: 'zh-CN', timezoneId: 'Pacific/Honolulu' });
  await page.getByText('运行中的流程实例').first().waitFor();
  const firstReport = page.waitForResponse((r) => r.url().includes('/api/cockpit/plugin/service-kpis/default/report'));
  await page.getByRole('link', { name: '服务指标', exact: true }).first().click();
  await page.waitForURL(/#\/service-kpis/);
  await page.getByRole('heading', { name: '服务指标' }).waitFor();
  const report = await firstReport;
  assert.equal(report.status(), 200);
  const today = shanghaiToday();
  assert.ok(report.url().includes(`to=${today}`), `default period ${report.url()} does not end on ${today}`);
  assert.ok(report.url().includes(`from=${today.slice(0, 4)}-01-01`), report.url());
  assert.equal(await page.inputValue('.service-kpis input[name="to"]'), today);
  const figures = await report.json();

  for (const label of ['开始日期', '结束日期', '客户编号（可选）']) {
    await page.locator('.service-kpis form label', { hasText: label }).waitFor();
  }
  await page.getByRole('button', { name: '查看' }).waitFor();
  const card = (key) => page.locator('.service-kpis-card', { has: page.locator(`[data-figure="${key}"]`) });
  assert.equal((await card('requestsHandled').locator('.service-kpis-card-label').innerText()).trim(), '受理请求数');
  assert.equal((await card('requestsHandled').locator('.service-kpis-card-value').innerText()).trim(),
    String(figures.requestsHandled));
  assert.match(await card('firstResponseMean').innerText(), /首次响应平均时长/);
  assert.match(await card('slaBreaches').innerText(), /首次响应：\d+/);
  await page.locator('svg[data-chart="requests"][aria-label="服务请求"]').waitFor();
  const [year, month, day] = today.split('-').map(Number);
  await page.locator('.service-kpis-scope', { hasText: `统计 ${year}年1月1日 至 ${year}年${month}月${day}日（Asia/Shanghai）受理的工单，全部客户。` }).waitFor();
  const text = await page.locator('.service-kpis').innerText();
  for (const english of ['Requests handled', 'Download CSV', 'First response', 'SLA breaches', 'all customers']) {
    assert.ok(!text.includes(english), `English left on the page: ${english}`);
  }
  await shot(page, 'zh-cockpit-service-kpis', { fullPage: true });

  // the CSV as the browser downloads it: UTF-8 with a byte order mark, the header in Chinese
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '下载 CSV' }).click()]);
  const bytes = await readFile(await download.path());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const lines = bytes.subarray(3).toString('utf8').split('\r\n');
  assert.equal(lines[0], '指标,数值,单位,定义');
  assert.ok(lines.some((line) => line.startsWith(`requestsHandled,${figures.requestsHandled},工单,期间内受理的工单数`)), lines.slice(0, 8).join('\n'));
  assert.ok(lines.some((line) => line.startsWith('period.to,') && line.includes('时区 Asia/Shanghai。')));

  // a refusal in Chinese: a period that ends before it starts
  await page.fill('.service-kpis input[name="from"]', `${year}-02-01`);
  await page.fill('.service-kpis input[name="to"]', `${year}-01-01`);
  await page.getByRole('button', { name: '查看' }).click();
  await page.locator('.service-kpis-error', { hasText: `400: 结束日期：不能早于开始日期（${year}-02-01）` }).waitFor();
  assert.deepEqual(serverErrors, []);
  await page.close();
});

test('an API client that asks for English gets the CSV header in English; without a language, Chinese', async () => {
  const period = `from=${shanghaiToday().slice(0, 4)}-01-01&to=${shanghaiToday()}&format=csv`;
  const auth = { Authorization: `Basic ${Buffer.from('auditor:demo').toString('base64')}` };
  for (const [language, header] of [['en', 'figure,value,unit,definition'], ['en-US,zh;q=0.8', 'figure,value,unit,definition'],
    [undefined, '指标,数值,单位,定义'], ['zh-CN,en;q=0.8', '指标,数值,单位,定义']]) {
    const response = await fetch(`${base}/api/reports/service?${period}`,
      { headers: { ...auth, ...(language ? { 'Accept-Language': language } : {}) } });
    assert.equal(response.status, 200);
    const bytes = Buffer.from(await response.arrayBuffer());
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.equal(bytes.subarray(3).toString('utf8').split('\r\n')[0], header, `Accept-Language ${language}`);
  }
});
