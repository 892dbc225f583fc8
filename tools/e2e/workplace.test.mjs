// Issue 14: Tasklist is the staff's whole workplace. A consultation worked from opening to
// resolution entirely in Tasklist by the groups that own each step; an attachment added from
// the "Case" tab; an approval requested, urged and withdrawn from the "Approval" tab.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chooseOption, complete, fillForm, login, openTask, rest, shot, submit, useBrowser } from './support.mjs';

useBrowser();

// A 1x1 PNG: what a phone photo of the fault is, as far as the checks go.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

test('a consultation from opening to resolution, entirely in Tasklist, with a photo added from the Case tab', { timeout: 300_000 }, async () => {
  const { page, serverErrors } = await login('tasklist', 'service');
  await page.getByText('Start process').first().click();
  await page.locator('.modal-dialog').getByText('Service request', { exact: true }).click();
  const form = page.locator('.modal-dialog form.fjs-form');
  await chooseOption(form, 'Category if known', 'Consultation');
  await fillForm(form, [['Customer number', 'C-E2E-20'], [/^Customer\*?$/, 'Workplace Check Studio'],
    ['Product (SKU)', 'OA-SUITE'], ['What the customer reports', 'How do I export the approval history?']]);
  const started = await submit(page, page.locator('.modal-dialog').getByRole('button', { name: /^\s*Start\s*$/ }),
    '/submit-form');
  assert.equal(started.status(), 200, await started.text());
  const { businessKey: caseNumber } = await started.json();

  // service desk: acknowledge, with a screenshot from the customer added on the Case tab
  await openTask(page, `Acknowledge customer · ${caseNumber}`);
  await page.getByRole('link', { name: 'Case', exact: true }).click();
  const tab = page.locator('.as-case');
  await tab.getByText(`Case ${caseNumber}`).waitFor();
  await tab.getByText('Workplace Check Studio').first().waitFor();
  assert.match(await tab.locator('table.as-sla').innerText(), /first-response.*left/s);
  await tab.locator('input[type=file]').setInputFiles({ name: 'export-screen.png', mimeType: 'image/png', buffer: PNG });
  await tab.getByRole('button', { name: 'Attach', exact: true }).click();
  await tab.locator('.as-thumbs img[alt="export-screen.png"]').waitFor();
  // a file that is no image, PDF or text is refused with a sentence naming the field
  await tab.locator('input[type=file]').setInputFiles({ name: 'tool.exe', mimeType: 'image/png',
    buffer: Buffer.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0]) });
  await tab.getByRole('button', { name: 'Attach', exact: true }).click();
  await tab.locator('.as-error', { hasText: 'file' }).waitFor();
  await shot(page, 'tasklist-case-tab');
  await page.getByRole('link', { name: 'Form', exact: true }).click();
  const acknowledge = page.locator('form.fjs-form');
  await fillForm(acknowledge, [['Message to the customer', 'Thank you, we answer within the hour.']]);
  const acked = await submit(page, page.locator('button:has-text("Complete"):enabled'), '/submit-form');
  assert.equal(acked.status(), 204, await acked.text());

  await complete(page, `Triage · ${caseNumber}`, async (f) => {
    await fillForm(f, [['Notes', 'How-to question about exports']]);
  });
  await complete(page, `Answer consultation · ${caseNumber}`, async (f) => {
    await fillForm(f, [['Answer to the customer', 'Open the approval, then Export in its menu.']]);
  });
  await complete(page, `Record resolution · ${caseNumber}`, async (f) => {
    await fillForm(f, [[/Resolution summary/, 'Explained the export of the approval history']]);
  });
  await shot(page, 'tasklist-consultation-resolved');
  const resolved = await rest('service', 'GET', `/api/cases/${caseNumber}`);
  assert.equal(resolved.status, 'resolved');
  assert.equal(resolved.attachments.length, 1);
  assert.deepEqual(serverErrors, []);
  await page.close();
});

test('a staff member requests an approval, follows it in My requests, urges and withdraws it from the Approval tab', { timeout: 240_000 }, async () => {
  const { page, serverErrors } = await login('tasklist', 'qa');
  await page.getByText('Start process').first().click();
  await page.locator('.modal-dialog').getByText('Approval', { exact: true }).click();
  const form = page.locator('.modal-dialog form.fjs-form');
  await chooseOption(form, 'Department', 'Quality assurance');
  await fillForm(form, [[/^Title\*?$/, 'Calibration weights for the lab'], [/^Amount\*?$/, '1280.50'],
    ['What and why', 'Two class F1 weights; the old ones failed inspection.']]);
  const started = await submit(page, page.locator('.modal-dialog').getByRole('button', { name: /^\s*Start\s*$/ }),
    '/submit-form');
  assert.equal(started.status(), 200, await started.text());

  await page.locator('.task-filter', { hasText: 'My requests' }).first().click();
  const step = page.locator('ol.tasks-list li', { hasText: 'Team lead approval: Calibration weights for the lab' });
  await step.first().locator('a').first().click();
  await page.getByRole('link', { name: 'Approval', exact: true }).click();
  const tab = page.locator('.as-approval');
  await tab.locator('table.as-records', { hasText: 'submitted' }).waitFor();
  assert.equal(await tab.locator('form.as-op-transfer').count(), 0, 'the requester is offered an approver\'s operation');
  await tab.locator('form.as-op-urge input[name=comment]').fill('Needed by Friday');
  await tab.locator('form.as-op-urge button').click();
  await tab.locator('.as-ok', { hasText: 'Urge: done.' }).waitFor();
  await tab.locator('table.as-records', { hasText: 'urged' }).waitFor();
  // urging again at once is refused with a sentence (429)
  await tab.locator('form.as-op-urge button').click();
  await tab.locator('.as-error', { hasText: 'urge again after' }).waitFor();
  await shot(page, 'tasklist-approval-tab');
  await tab.locator('form.as-op-withdraw input[name=comment]').fill('Bought through the framework contract');
  const [withdrawn] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/withdraw')),
    tab.locator('form.as-op-withdraw button').click(),
  ]);
  assert.equal(withdrawn.status(), 200, await withdrawn.text());
  // the approval has ended: its step leaves My requests, its records keep the withdrawal
  await step.first().waitFor({ state: 'detached' });
  const { id } = await started.json();
  const approval = await rest('qa', 'GET', `/api/approvals/${id}`);
  assert.equal(approval.status, 'withdrawn');
  assert.equal(approval.summary, 'Calibration weights for the lab\nTwo class F1 weights; the old ones failed inspection.');
  assert.ok(approval.records.some((r) => r.action === 'withdrawn' && r.comment === 'Bought through the framework contract'));
  assert.deepEqual(serverErrors.filter((e) => !e.includes('/api/')), []);
  await page.close();
});
