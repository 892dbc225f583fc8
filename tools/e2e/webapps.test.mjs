// The three webapps as the people of DESIGN §6 meet them, in a real browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { base, login, rest, shot, useBrowser } from './support.mjs';

useBrowser();


test('a service-desk lead sees the filters of both their groups in Tasklist', async () => {
  const { page, serverErrors } = await login('tasklist', 'lead');
  await page.getByText('Customer service — group queue').waitFor();
  await page.getByText('Approvers: team leads — overdue').waitFor();
  await page.getByText('My tasks').first().waitFor();
  assert.equal(await page.getByText('Finance — group queue').count(), 0, 'another group\'s filter is visible');
  assert.equal(await page.getByText('It is time to migrate to Camunda 8').isVisible(), false,
    'the Camunda 8 migration banner is shown to staff');
  await shot(page, 'tasklist-lead');
  assert.deepEqual(serverErrors, []);
  await page.close();
});

test('an auditor reaches Cockpit', async () => {
  const { page, serverErrors } = await login('cockpit', 'auditor');
  await page.getByText('Running Process Instances').waitFor();
  await page.getByText('Auditor Demo').waitFor();
  assert.equal(await page.getByText('It is time to migrate to Camunda 8').isVisible(), false);
  await shot(page, 'cockpit-auditor');
  assert.deepEqual(serverErrors, []);
  await page.close();
});

test('staff are refused Cockpit', async () => {
  const { page } = await login('cockpit', 'service');
  await page.getByText('Login Failed').waitFor();
  assert.equal(await page.getByText('Running Process Instances').count(), 0);
  await shot(page, 'cockpit-refused-staff');
  await page.close();
});

test('the admin manages users in Admin and sees the seeded groups', async () => {
  const { page, serverErrors } = await login('admin', 'admin');
  await page.goto(`${base}/camunda/app/admin/default/#/groups`);
  await page.getByText('customer-service').first().waitFor();
  await page.getByText('approver-director').first().waitFor();
  await shot(page, 'admin-groups');
  assert.deepEqual(serverErrors, []);
  await page.close();
});

test('the service desk acknowledges a sample case through its Camunda Form in Tasklist', async () => {
  const { page, serverErrors } = await login('tasklist', 'service');
  await page.getByText('Customer service — group queue').click();
  await page.getByText('Acknowledge customer').first().click();
  await page.getByRole('button', { name: /^\s*Claim\s*$/ }).click();
  const message = page.getByLabel('Message to the customer');
  await message.waitFor();
  // the form shows the case it belongs to
  assert.match(await page.getByLabel('Case number').inputValue(), /^AS-\d{4}-\d{6}$/);
  await message.fill('Thank you, we are looking into it and will call you today.');
  await shot(page, 'tasklist-acknowledge-form');
  await page.getByRole('button', { name: /^\s*Complete\s*$/ }).click();
  // the owner's next step lands in their own list
  await page.getByText('My tasks').first().click();
  await page.getByText('Triage').first().waitFor();
  await shot(page, 'tasklist-triage-next');
  assert.deepEqual(serverErrors, []);
  await page.close();
});


// ---- a real repair case, driven to a group task through the APIs, then worked in the browser

/** The case's one open task with this definition key, waiting for the engine to get there. */
async function openTask(user, caseNumber, taskDefinitionKey) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const tasks = await rest(user, 'GET', `/engine-rest/task?processInstanceBusinessKey=${caseNumber}`
      + `&taskDefinitionKey=${taskDefinitionKey}&firstResult=0&maxResults=10`);
    if (tasks.length === 1) return tasks[0];
    if (Date.now() > deadline) throw new Error(`${caseNumber}: no single ${taskDefinitionKey} task (${tasks.length})`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

async function completeTask(user, caseNumber, taskDefinitionKey, values) {
  const task = await openTask(user, caseNumber, taskDefinitionKey);
  if (task.assignee !== user) await rest(user, 'POST', `/engine-rest/task/${task.id}/claim`, { userId: user });
  const variables = Object.fromEntries(Object.entries(values).map(([name, value]) => [name, { value }]));
  await rest(user, 'POST', `/engine-rest/task/${task.id}/complete`, { variables });
}

/**
 * An out-of-warranty printer repair opened through the case API, acknowledged and triaged by the
 * service desk and assessed by after-sales through /engine-rest: it waits at "Prepare quote" for
 * the after-sales group. Opened once; both tests below follow it.
 */
let repairCase;
function outOfWarrantyRepair() {
  repairCase ??= (async () => {
    const opened = await rest('service', 'POST', '/api/cases', {
      customer: { id: 'C-E2E-01', name: 'Browser Check Print Shop', city: 'Wuhan', cityTier: 1, contractLevel: 'standard' },
      product: { sku: 'PRN-800', productLine: 'printer', serialNumber: 'SN-E2E-0001', purchaseDate: '2023-01-10' },
      channel: 'hotline', priority: 'normal', complaint: false,
      description: 'The printer jams on every page (opened by the browser check)',
    });
    const { caseNumber } = opened;
    await completeTask('service', caseNumber, 'AcknowledgeCustomer',
      { acknowledgementMessage: 'Thank you, an engineer will look at your printer.' });
    await completeTask('service', caseNumber, 'TriageCase', { category: 'repair', triageNotes: 'Paper feed' });
    await completeTask('engineer', caseNumber, 'AssessFault',
      { damageCause: 'normal-use', faultType: 'hardware-fault', faultNotes: 'Feed roller worn, jams on every page' });
    const quoteTask = await openTask('engineer', caseNumber, 'PrepareQuote');
    return { ...opened, quoteTaskId: quoteTask.id };
  })();
  return repairCase;
}

test('after-sales claims a repair quote in Tasklist: a discount above 100 % is refused, corrected and completed', { timeout: 240_000 }, async () => {
  const { caseNumber, quoteTaskId } = await outOfWarrantyRepair();
  const { page, serverErrors } = await login('tasklist', 'engineer');
  const taskInList = page.locator(`ol.tasks-list a[href$="task=${quoteTaskId}"]`);
  const completeButton = page.getByRole('button', { name: /^\s*Complete\s*$/ });

  // the group queue offers the case's task; the engineer opens and claims it
  await page.getByText(/— group queue/).first().click();
  await taskInList.click();
  await Promise.all([
    page.waitForResponse((r) => r.url().endsWith(`/task/${quoteTaskId}/claim`) && r.status() === 204),
    page.getByRole('button', { name: /^\s*Claim\s*$/ }).click(),
  ]);
  const price = page.getByLabel('List price');
  // claimed: it is in the engineer's own list now; they work on it from there
  await page.getByText('My tasks').first().click();
  await taskInList.click();
  await price.waitFor();
  assert.equal(await page.getByLabel('Case number').inputValue(), caseNumber);
  assert.match(await page.getByLabel('Warranty').inputValue(), /warranty/i);

  // one invalid value: a 150 % discount (the form allows 0 to 100)
  await price.fill('480');
  await page.getByLabel('What the quote covers').fill('New feed roller, cleaning and a test print run');
  const discount = page.getByLabel('Discount (%)');
  await discount.fill('150');
  await discount.blur();
  const discountError = page.locator('.fjs-form-field-number', { has: discount }).locator('.fjs-form-field-error');
  await discountError.getByText('Field must have maximum value of 100.').waitFor();
  assert.equal(await discount.getAttribute('aria-invalid'), 'true');
  // Tasklist refuses to complete: the button is disabled and a click changes nothing
  assert.ok(await completeButton.isDisabled(), 'Complete is enabled with a discount of 150 %');
  await completeButton.click({ force: true });
  await page.waitForTimeout(1000); // a short settle: a completion would have been sent by now
  await discountError.waitFor();
  const stillOpen = await rest('engineer', 'GET', `/engine-rest/task/${quoteTaskId}`);
  assert.equal(stillOpen.assignee, 'engineer');
  await completeButton.evaluate((button) => button.scrollIntoView({ block: 'center' }));
  await shot(page, 'tasklist-quote-refused');

  // corrected to 5 %: the error goes, the task completes and leaves the engineer's list
  await discount.fill('5');
  await discount.blur();
  await discountError.waitFor({ state: 'detached' });
  await page.locator('button:has-text("Complete"):enabled').click();
  await taskInList.waitFor({ state: 'detached' });
  await page.getByText('Select a task in the list.').waitFor();
  await shot(page, 'tasklist-quote-completed');

  // the engine has the corrected quote and the case waits for the customer's answer
  const done = await rest('auditor', 'GET', `/engine-rest/history/task?taskId=${quoteTaskId}&firstResult=0&maxResults=1`);
  assert.equal(done[0].deleteReason, 'completed');
  const discountVar = await rest('auditor', 'GET', `/engine-rest/history/variable-instance?processInstanceIdIn=${done[0].processInstanceId}`
    + '&variableName=quoteDiscountPercent&firstResult=0&maxResults=1');
  assert.equal(Number(discountVar[0].value), 5);
  await openTask('engineer', caseNumber, 'RecordQuoteAnswer');
  assert.deepEqual(serverErrors, []);
  await page.close();
});

test('an auditor finds the repair case\'s process instance in Cockpit by its case number', { timeout: 240_000 }, async () => {
  const { caseNumber, processInstanceId } = await outOfWarrantyRepair();
  const { page, serverErrors } = await login('cockpit', 'auditor');
  await page.getByText('Running Process Instances').waitFor();
  await page.getByRole('link', { name: 'Processes', exact: true }).first().click();
  await page.getByRole('link', { name: 'Service request', exact: true }).click();
  // the definition's running instances, with the case number as business key
  const row = page.locator('tr', { has: page.locator('td.business-key', { hasText: caseNumber }) });
  await row.waitFor();
  await shot(page, 'cockpit-service-request-instances');
  await row.locator('td.instance-id a', { hasText: processInstanceId }).click();
  // the instance view: its id and the case number as business key
  await page.waitForURL(new RegExp(`#/process-instance/${processInstanceId}`));
  const information = page.locator('dl.process-information');
  await information.locator('dd.business-key', { hasText: caseNumber }).waitFor();
  assert.equal((await information.locator('dd.business-key').innerText()).trim(), caseNumber);
  assert.equal((await information.locator('dd.instance-id').innerText()).trim(), processInstanceId);
  // the auditor reads the case's variables there too
  await page.getByText('caseNumber', { exact: true }).first().waitFor();
  await shot(page, 'cockpit-case-instance');
  assert.deepEqual(serverErrors, []);
  await page.close();
});


// ---- an on-site repair: the technician's "Arrive on site" holds a read-only date Tasklist sends back

test('a technician completes "Arrive on site" in Tasklist, whose read-only "Arrive by" date comes back as Tasklist formats it', { timeout: 240_000 }, async () => {
  const opened = await rest('service', 'POST', '/api/cases', {
    customer: { id: 'C-E2E-02', name: 'On-site Check Copy Centre', city: 'Chengdu', cityTier: 1, contractLevel: 'standard' },
    product: { sku: 'PRN-800', productLine: 'printer', serialNumber: 'SN-E2E-0002', purchaseDate: '2026-06-01' },
    channel: 'hotline', priority: 'high', complaint: false,
    description: 'The printer does not power on (opened by the browser check)',
  });
  const { caseNumber } = opened;
  await completeTask('service', caseNumber, 'AcknowledgeCustomer', { acknowledgementMessage: 'A technician will come.' });
  await completeTask('service', caseNumber, 'TriageCase', { category: 'repair' });
  await completeTask('engineer', caseNumber, 'AssessFault',
    { damageCause: 'normal-use', faultType: 'hardware-fault', faultNotes: 'No power, fuse suspected' });
  await completeTask('engineer', caseNumber, 'ConfirmRepairMode', { repairMode: 'on-site' });
  const arrive = await openTask('technician', caseNumber, 'ArriveOnSite');

  // a technician in China: their browser shows stored dates in Shanghai time and sends them back so
  const { page, serverErrors } = await login('tasklist', 'technician', 'demo', undefined,
    { timezoneId: 'Asia/Shanghai' });
  const taskInList = page.locator(`ol.tasks-list a[href$="task=${arrive.id}"]`);
  // they land where the work is: the first filter, "Offered to me", lists the task without a click
  await page.locator('.task-filter.active', { hasText: 'Offered to me' }).waitFor();
  await taskInList.click();
  await Promise.all([
    page.waitForResponse((r) => r.url().endsWith(`/task/${arrive.id}/claim`) && r.status() === 204),
    page.getByRole('button', { name: /^\s*Claim\s*$/ }).click(),
  ]);
  const note = page.getByLabel('Note on arrival');
  await note.waitFor();
  assert.equal(await page.getByLabel('Case number').inputValue(), caseNumber);
  assert.notEqual(await page.getByLabel('Arrive by').inputValue(), '');
  await note.fill('On site, customer present');
  await shot(page, 'tasklist-arrive-on-site');
  const [submitted] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith(`/task/${arrive.id}/submit-form`)),
    page.locator('button:has-text("Complete"):enabled').click(),
  ]);
  assert.equal(submitted.status(), 204, `Tasklist's submission was refused: ${await submitted.text()}`);
  await taskInList.waitFor({ state: 'detached' });
  await openTask('technician', caseNumber, 'RepairOnSite');
  assert.deepEqual(serverErrors, []);
  await page.close();
});
