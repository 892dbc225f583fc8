// Issue 14: the service desk's whole workplace is Tasklist. A hotline agent opens a case from
// "Start process" with the "Open a case" form, and it lands in their queue with its case number.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chooseOption, fillForm, login, rest, shot, submit, useBrowser } from './support.mjs';

useBrowser();

/** Clicks Start; a form Tasklist finds invalid fails the test with the fields it marks. */
async function submitStart(page) {
  const start = page.locator('.modal-dialog').getByRole('button', { name: /^\s*Start\s*$/ });
  await page.locator('.flatpickr-calendar.open').waitFor({ state: 'hidden' });
  await page.waitForTimeout(500);
  if (await start.isDisabled()) {
    await shot(page, 'start-case-invalid', { fullPage: true });
    const errors = await page.locator('.modal-dialog .fjs-form-field:has(.fjs-form-field-error)').allInnerTexts();
    throw new Error(`Start is disabled: the form finds it invalid: ${errors.join('; ')}`);
  }
  return submit(page, start, '/submit-form');
}

test('a hotline agent opens a case from Start process; a bad value is named, nothing is stored until it is right', { timeout: 180_000 }, async () => {
  const { page, serverErrors } = await login('tasklist', 'service');
  await page.getByText('Start process').first().click();
  await page.locator('.modal-dialog').getByText('Service request', { exact: true }).click();
  const form = page.locator('.modal-dialog form.fjs-form');
  // choices first: a choice re-renders the form, which can drop text typed just before it settles
  await chooseOption(form, 'Product line', 'Printer');
  await chooseOption(form, 'Priority', 'High');
  await fillForm(form, [['Customer number', 'C-E2E-10'], [/^Customer\*?$/, 'Start Form Print Shop'],
    ['Contact (name, phone or e-mail)', 'Ms Li, 138 0000 0000'], [/^City$/, 'Wuhan'], ['City tier', '1'],
    ['Product (SKU)', 'PRN-800'], ['Serial number', 'SN-E2E-START'],
    ['What the customer reports', 'The printer jams after ten pages']]);
  // a purchase date in the future: the intake refuses it and names the field; no case is opened
  const purchase = form.getByLabel('Purchase date');
  await purchase.fill('01/01/2099');
  await form.getByText('Open a case').click(); // leaves the date field, nothing else opens
  const refused = await submitStart(page);
  assert.equal(refused.status(), 400);
  assert.match(await refused.text(), /purchaseDate/);
  const refusal = page.getByText('Purchase date (purchaseDate) must not be in the future').first();
  await refusal.waitFor();
  await refusal.scrollIntoViewIfNeeded();
  await shot(page, 'tasklist-open-case-refused');

  await purchase.fill('05/20/2025');
  await form.getByText('Open a case').click(); // leaves the date field, nothing else opens
  const started = await submitStart(page);
  assert.equal(started.status(), 200, await started.text());
  const { businessKey: caseNumber } = await started.json();
  assert.match(caseNumber, /^AS-\d{4}-\d{6}$/);
  // the case is in the agent's first filter at once, named with its number and customer
  const task = page.locator('ol.tasks-list li', { hasText: `Acknowledge customer · ${caseNumber} · Start Form Print Shop` });
  await task.waitFor();
  await shot(page, 'tasklist-open-case-started');
  const opened = await rest('service', 'GET', `/api/cases/${caseNumber}`);
  assert.equal(opened.customer.contact, 'Ms Li, 138 0000 0000');
  assert.equal(opened.product.purchaseDate, '2025-05-20');
  assert.equal(opened.priority, 'high');
  assert.equal(opened.openedBy, 'service');
  assert.deepEqual(serverErrors, []);
  await page.close();
});
