// The three webapps as the people of DESIGN §6 meet them, in a real browser.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

const base = process.env.E2E_BASE_URL ?? 'http://localhost:18080';
let browser;

before(async () => {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

after(async () => {
  await browser?.close();
});

/** Logs in to one webapp and returns the page plus the server errors it met. */
async function login(app, user, password = 'demo') {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const serverErrors = [];
  page.on('response', (response) => {
    if (response.status() >= 500) serverErrors.push(`${response.status()} ${response.url()}`);
  });
  await page.goto(`${base}/camunda/app/${app}/default/`);
  await page.fill('input[ng-model="username"]', user);
  await page.fill('input[type="password"]', password);
  await page.click('button[type="submit"]');
  return { page, serverErrors };
}

async function shot(page, name) {
  await page.screenshot({ path: `screenshots/${name}.png` });
}

test('a service-desk lead sees the filters of both their groups in Tasklist', async () => {
  const { page, serverErrors } = await login('tasklist', 'lead');
  await page.getByText('Customer service — group queue').waitFor();
  await page.getByText('Approvers: team leads — overdue').waitFor();
  await page.getByText('My tasks').first().waitFor();
  assert.equal(await page.getByText('Finance — group queue').count(), 0, 'another group\'s filter is visible');
  await shot(page, 'tasklist-lead');
  assert.deepEqual(serverErrors, []);
  await page.close();
});

test('an auditor reaches Cockpit', async () => {
  const { page, serverErrors } = await login('cockpit', 'auditor');
  await page.getByText('Running Process Instances').waitFor();
  await page.getByText('Auditor Demo').waitFor();
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
