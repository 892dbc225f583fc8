// Cockpit plugin "Case history" (app/cockpit/scripts/case-history.js), as the auditor uses it,
// in a real browser: search running and completed cases, open one, read its whole history.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { base, login, rest, shot as screenshot, useBrowser } from './support.mjs';

useBrowser();


function shot(page, name) {
  return screenshot(page, name, { fullPage: true });
}

const variables = (values) => Object.fromEntries(Object.entries(values).map(([name, value]) => [name, { value }]));
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The case's one open task, waiting for the engine to get there. */
async function openTask(caseNumber, taskDefinitionKey) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const tasks = await rest('service', 'GET', `/engine-rest/task?processInstanceBusinessKey=${caseNumber}`
      + `&taskDefinitionKey=${taskDefinitionKey}&firstResult=0&maxResults=10`);
    if (tasks.length === 1) return tasks[0];
    if (Date.now() > deadline) throw new Error(`${caseNumber}: no single ${taskDefinitionKey} task (${tasks.length})`);
    await sleep(500);
  }
}

async function work(caseNumber, taskDefinitionKey, values, comment) {
  const task = await openTask(caseNumber, taskDefinitionKey);
  if (task.assignee !== 'service') await rest('service', 'POST', `/engine-rest/task/${task.id}/claim`, { userId: 'service' });
  if (comment) await rest('admin', 'POST', `/engine-rest/task/${task.id}/comment/create`, { message: comment });
  await rest('service', 'POST', `/engine-rest/task/${task.id}/complete`, { variables: variables(values) });
}

/**
 * A consultation worked from start to end through the APIs (opened, acknowledged, triaged,
 * answered, resolved, rated by the customer): a COMPLETED instance with tasks, assignees,
 * variable changes, operation-log entries (claims and completions), a task comment, and an
 * approval record (an approval started with the case number).
 */
async function completedConsultation() {
  const opened = await rest('service', 'POST', '/api/cases', {
    customer: { id: 'C-HIST-01', name: 'History Check Studio', city: 'Wuhan', cityTier: 1, contractLevel: 'standard' },
    product: { sku: 'OA-SUITE', productLine: 'software', serialNumber: 'SN-HIST-0001', purchaseDate: '2025-01-10' },
    channel: 'hotline', priority: 'normal', description: 'How do I export the approval history? (browser check)',
  });
  const { caseNumber, processInstanceId } = opened;
  await work(caseNumber, 'AcknowledgeCustomer', { acknowledgementMessage: 'Thank you, we will answer today.' });
  await work(caseNumber, 'TriageCase', { category: 'consultation', triageNotes: 'How-to question' });
  await work(caseNumber, 'AnswerConsultation', { answer: 'Use Export in the approval view.' });
  await work(caseNumber, 'RecordResolution', { resolutionSummary: 'Answered the export question' },
    'Customer confirmed by phone that the answer helped');
  await rest('admin', 'POST', '/engine-rest/process-definition/key/approval/start', {
    businessKey: caseNumber,
    variables: variables({ subjectType: 'generic', amount: 100, currency: 'CNY', requester: 'service',
      department: 'service', region: 'east', summary: 'Goodwill voucher for the history check' }),
  });
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      await rest('service', 'POST', `/api/cases/${caseNumber}/feedback`, { satisfaction: 5, comment: 'Quick answer' });
      break;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await sleep(500); // the case is not waiting for the rating yet
    }
  }
  for (;;) {
    const instance = await rest('auditor', 'GET', `/engine-rest/history/process-instance/${processInstanceId}`);
    if (instance.state === 'COMPLETED') break;
    if (Date.now() > deadline) throw new Error(`${caseNumber} did not complete: ${instance.state}`);
    await sleep(500);
  }
  return opened;
}

async function openCaseHistory() {
  const { page, serverErrors } = await login('cockpit', 'auditor');
  await page.getByText('Auditor Demo').waitFor();
  await page.locator('a[href="#/case-history"]').first().click();
  await page.locator('[data-plugin="case-history"] h1', { hasText: 'Case history' }).waitFor();
  // the process select is filled from the engine
  await page.locator('select[name="processDefinitionKey"] option[value="service-request"]').waitFor({ state: 'attached' });
  return { page, serverErrors };
}

test('the auditor finds running demo cases by customer in "Case history"', { timeout: 120_000 }, async () => {
  const { page, serverErrors } = await openCaseHistory();
  await page.selectOption('select[name="processDefinitionKey"]', 'service-request');
  await page.fill('input[name="customerName"]', 'lumen');
  await page.getByRole('button', { name: 'Search' }).click();
  const rows = page.locator('.ch-results tr.ch-row');
  await rows.first().waitFor();
  assert.ok(await rows.count() >= 1);
  for (const text of await rows.allInnerTexts()) {
    assert.match(text, /Lumen/i, 'a row of another customer');
    assert.match(text, /AS-\d{4}-\d{6}/);
  }
  await page.getByText('ACTIVE').first().waitFor();
  await shot(page, 'cockpit-case-history-search');
  assert.deepEqual(serverErrors, []);
  await page.close();
});

test('the auditor opens a completed case: diagram, activities, variables, comments, approvals, operation log', { timeout: 240_000 }, async () => {
  const { caseNumber, processInstanceId } = await completedConsultation();
  const { page, serverErrors } = await openCaseHistory();
  const failed = [];
  page.on('response', (response) => {
    if (response.url().includes('/camunda/api/') && response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
  });

  await page.fill('input[name="caseNumber"]', caseNumber);
  await page.selectOption('select[name="state"]', 'completed');
  const today = new Date().toISOString().slice(0, 10);
  await page.fill('input[name="startedFrom"]', new Date(Date.now() - 86_400_000).toISOString().slice(0, 10));
  await page.fill('input[name="startedTo"]', new Date(Date.now() + 86_400_000).toISOString().slice(0, 10));
  assert.ok(today);
  await page.getByRole('button', { name: 'Search' }).click();
  const row = page.locator(`.ch-results tr.ch-row[data-instance-id="${processInstanceId}"]`);
  await row.waitFor();
  assert.match(await row.innerText(), /COMPLETED/);
  assert.match(await row.innerText(), /History Check Studio/);
  await shot(page, 'cockpit-case-history-completed-found');
  await row.click();

  const section = (key) => page.locator(`section[data-section="${key}"]`);
  await page.locator('[data-plugin="case-history"] h1', { hasText: caseNumber }).waitFor();

  // the diagram with the path taken
  const ranShapes = section('diagram').locator('svg[data-diagram] g.ch-shape.ran');
  await ranShapes.first().waitFor();
  assert.ok(await ranShapes.count() >= 8, `only ${await ranShapes.count()} elements marked as ran`);
  assert.ok(await section('diagram').locator('g.ch-shape.ran[data-element-id="AnswerConsultation"]').count() === 1);
  assert.ok(await section('diagram').locator('g.ch-shape.ran[data-element-id="CaseClosed"]').count() === 1);
  assert.equal(await section('diagram').locator('g.ch-shape.ran[data-element-id="RepairUnit"]').count(), 0);
  assert.ok(await section('diagram').locator('polyline.taken').count() >= 5);

  // every activity with start, end, duration and assignee
  const activities = section('activities').locator('tbody tr');
  await activities.first().waitFor();
  const activityText = await section('activities').innerText();
  for (const name of ['Acknowledge customer', 'Triage', 'Answer consultation', 'Record resolution', 'Case closed']) {
    assert.ok(activityText.includes(name), `activity ${name} missing`);
  }
  assert.ok((await section('activities').locator('tbody tr', { hasText: 'Answer consultation' }).innerText()).includes('service'),
    'the assignee of Answer consultation');

  // variable changes over time
  await section('variables').locator('tbody tr').first().waitFor();
  const variableText = await section('variables').innerText();
  for (const name of ['customerName', 'category', 'answer']) assert.ok(variableText.includes(name), `variable ${name} missing`);
  assert.ok(variableText.includes('consultation'));

  // task comments, approval records, operation log, incidents
  await section('comments').getByText('Customer confirmed by phone that the answer helped').waitFor();
  await section('approvals').locator('tbody tr', { hasText: 'submitted' }).first().waitFor();
  const operations = section('operations').locator('tbody tr');
  await operations.first().waitFor();
  const operationText = await section('operations').innerText();
  assert.ok(operationText.includes('Complete') && operationText.includes('Claim'), operationText.slice(0, 400));
  assert.ok(operationText.includes('service'));
  await section('incidents').getByText('None.').waitFor();

  await shot(page, 'cockpit-case-history-instance');
  await section('operations').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'screenshots/cockpit-case-history-operations.png' });
  assert.deepEqual(failed, [], 'a request of the plugin was refused');
  assert.deepEqual(serverErrors, []);
  await page.close();
});
