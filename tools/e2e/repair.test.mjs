// Issue 14: a repair case from opening to closing, every step in Tasklist by a person of the group
// that owns it, in the browser's own format: read-only dates and numbers (purchase date, the
// discounted amount to approve, the quote total, the invoice amount, the arrival deadline) go back
// to the server as Tasklist sends them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chooseOption, complete, fillForm, login, rest, shot, submit, useBrowser } from './support.mjs';

useBrowser();

const shanghai = { timezoneId: 'Asia/Shanghai' };

test('an out-of-warranty printer repaired on site: quoted with an approved discount, paid, repaired and closed, every step in Tasklist', { timeout: 900_000 }, async () => {
  const errors = [];
  const person = async (user) => {
    const { page, serverErrors } = await login('tasklist', user, 'demo', undefined, shanghai);
    errors.push(serverErrors);
    return page;
  };

  // the hotline opens the case from Start process
  const desk = await person('service');
  await desk.getByText('Start process').first().click();
  await desk.locator('.modal-dialog').getByText('Service request', { exact: true }).click();
  const open = desk.locator('.modal-dialog form.fjs-form');
  await chooseOption(open, 'Product line', 'Printer');
  await chooseOption(open, 'Category if known', 'Repair');
  await fillForm(open, [['Customer number', 'C-E2E-30'], [/^Customer\*?$/, 'Pearl River Print Works'],
    [/^City$/, 'Guangzhou'], ['City tier', '1'], ['Product (SKU)', 'PRN-800'], ['Serial number', 'SN-E2E-REPAIR'],
    ['What the customer reports', 'Paper jams on every page, error E-12']]);
  await open.getByLabel('Purchase date').fill('03/15/2022');
  await open.getByText('Open a case').click(); // leaves the date field
  const started = await submit(desk, desk.locator('.modal-dialog').getByRole('button', { name: /^\s*Start\s*$/ }),
    '/submit-form');
  assert.equal(started.status(), 200, await started.text());
  const { businessKey: caseNumber } = await started.json();
  await complete(desk, `Acknowledge customer · ${caseNumber}`, (f) =>
    fillForm(f, [['Message to the customer', 'We will send you a quote for the repair.']]));
  await complete(desk, `Triage · ${caseNumber}`, async (f) => {
    if (await f.locator('.fjs-form-field-select', { hasText: 'Category' }).locator('.fjs-select-placeholder').count()) {
      await chooseOption(f, 'Category', 'Repair');
    }
  });

  // after-sales assesses the fault (the purchase date is shown read-only) and quotes 15 % off
  const engineer = await person('engineer');
  await complete(engineer, `Assess fault · ${caseNumber}`, async (f) => {
    assert.equal(await f.getByLabel('Purchase date').inputValue(), '2022-03-15');
    await chooseOption(f, 'Cause of the damage', 'Normal use');
    await chooseOption(f, 'Fault type', 'Hardware fault');
    await fillForm(f, [['Fault description', 'Worn pick-up roller']]);
  });
  await complete(engineer, `Prepare quote · ${caseNumber}`, async (f) => {
    await chooseOption(f, 'Currency', 'CNY (yuan)');
    await fillForm(f, [['List price', '1200'], ['Discount (%)', '15'], ['What the quote covers', 'Roller kit and labour']]);
  });

  // the engineer's manager approves the discount (the amount is a read-only number), after
  // sending a copy to the team lead from the Approval tab, which offers an approver's operations
  const manager = await person('manager');
  await complete(manager, caseNumber, async (f) => {
    await manager.getByRole('link', { name: 'Approval', exact: true }).click();
    const tab = manager.locator('.as-approval');
    await tab.locator('table.as-records', { hasText: 'submitted' }).waitFor();
    assert.equal(await tab.locator('form.as-op-withdraw').count(), 0, 'an approver is offered the requester\'s withdraw');
    assert.match(await tab.innerText(), /Amount\s+1020(\.00)? CNY/);
    await tab.locator('form.as-op-copy input[name=users]').fill('lead');
    await tab.locator('form.as-op-copy button').click();
    await tab.locator('.as-ok', { hasText: 'Send a copy to: done.' }).waitFor();
    await tab.locator('table.as-records', { hasText: 'lead' }).waitFor();
    // a transfer to nobody known is refused with a sentence, nothing changes
    await tab.locator('form.as-op-transfer input[name=to]').fill('nobody-here');
    await tab.locator('form.as-op-transfer button').click();
    await tab.locator('.as-error').waitFor();
    await shot(manager, 'tasklist-approval-tab-approver');
    await manager.getByRole('link', { name: 'Form', exact: true }).click();
    assert.equal(Number(await f.getByLabel('Amount').inputValue()), 1020);
    await f.getByLabel('Approve', { exact: true }).check();
  });
  await shot(manager, 'repair-discount-approved');

  // sales records the customer's acceptance: the quote total is read-only
  const sales = await person('sales');
  await complete(sales, `Record customer's answer · ${caseNumber}`, async (f) => {
    assert.equal(Number(await f.getByLabel('Quote total').inputValue()), 1020);
    await f.getByLabel('Customer accepts').check();
  });

  // finance confirms the payment of the invoice: its amount is read-only
  const finance = await person('finance');
  await complete(finance, `Confirm settlement FIN-${caseNumber.slice(3)}`, async (f) => {
    assert.equal(Number(await f.getByLabel('Amount').inputValue()), 1020);
    await f.getByLabel('Settled: the money has moved').check();
  });

  // the rules propose the depot for a printer; the engineer sends a technician instead
  await complete(engineer, `Confirm repair mode · ${caseNumber}`, (f) =>
    chooseOption(f, 'Repair mode', 'On site (field technician)'));

  // the technician arrives (the read-only "Arrive by" is a date) and reports
  const technician = await person('technician');
  await complete(technician, `Arrive on site · ${caseNumber}`, async (f) => {
    assert.notEqual(await f.getByLabel('Arrive by').inputValue(), '');
    await fillForm(f, [['Note on arrival', 'On site at 14:00']]);
  });
  await complete(technician, `Repair on site and report · ${caseNumber}`, async (f) => {
    await fillForm(f, [['Work performed', 'Replaced the pick-up roller, 50 test pages'], ["Signed by (customer's name)", 'Ms Chen']]);
    await f.getByLabel('Repair successful').check();
  });

  await complete(engineer, `Record root cause and defect code · ${caseNumber}`, async (f) => {
    await chooseOption(f, 'Root cause', 'Wear');
    await fillForm(f, [['Defect code', 'PRN-12']]);
  });

  await complete(desk, `Record resolution · ${caseNumber}`, (f) =>
    fillForm(f, [[/Resolution summary/, 'Pick-up roller worn after three years: replaced on site']]));
  await shot(desk, 'repair-resolved');

  // the customer's rating comes in through the service channel's API, and the case closes
  await rest('service', 'POST', `/api/cases/${caseNumber}/feedback`, { satisfaction: 5, comment: 'Fast and friendly' });
  let closed;
  for (let i = 0; i < 30 && closed?.status !== 'closed'; i++) {
    closed = await rest('service', 'GET', `/api/cases/${caseNumber}`);
    if (closed.status !== 'closed') await new Promise((r) => setTimeout(r, 1000));
  }
  assert.equal(closed.status, 'closed');
  assert.deepEqual(errors.flat(), []);
  for (const page of [desk, engineer, manager, sales, finance, technician]) await page.close();
});
