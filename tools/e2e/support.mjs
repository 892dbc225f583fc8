// What every browser test file needs: Debian's chromium, a login to a webapp, screenshots.
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';

export const base = process.env.E2E_BASE_URL ?? 'http://localhost:18080';
let browser;

/** Starts chromium before the file's tests and closes it after them. */
export function useBrowser() {
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
}

/**
 * Logs in to one webapp and returns the page plus the server errors (5xx) it met; options are
 * chromium's page options (a time zone, a locale).
 */
export async function login(app, user, password = 'demo', viewport = { width: 1400, height: 900 }, options = {}) {
  const page = await browser.newPage({ viewport, ...options });
  page.setDefaultTimeout(60_000);
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

/** Keeps a screenshot as test output in screenshots/. */
export async function shot(page, name, options = {}) {
  await page.screenshot({ path: `screenshots/${name}.png`, ...options });
}

/** Calls /api or /engine-rest as a demo user (HTTP Basic) and returns the parsed body. */
export async function rest(user, method, path, body) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: {
      Authorization: `Basic ${Buffer.from(`${user}:demo`).toString('base64')}`,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} as ${user}: ${response.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

/**
 * Fills a form-js form's fields ([label or RegExp, value] pairs) as a person would, and checks each
 * value stuck: form-js re-renders after each change and can drop what was typed in that instant.
 */
export async function fillForm(form, fields) {
  for (let attempt = 1; attempt <= 3; attempt++) {
    for (const [label, value] of fields) {
      const input = form.getByLabel(label);
      if ((await input.inputValue()) !== value) {
        await input.fill(value);
        await form.page().waitForTimeout(300);
      }
    }
    await form.page().waitForTimeout(500);
    let lost = false;
    for (const [label, value] of fields) {
      if ((await form.getByLabel(label).inputValue()) !== value) lost = true;
    }
    if (!lost) return;
  }
  throw new Error('form-js kept dropping typed values');
}

/** Picks an option of a form-js select by its label (a required field's label ends with "*"). */
export async function chooseOption(form, label, option) {
  const page = form.page();
  const field = form.locator('.fjs-form-field-select', { has: page.locator('label', { hasText: new RegExp(`^${label}\\*?$`) }) });
  await field.locator('.fjs-input-group').click();
  await field.locator('.fjs-dropdownlist-item', { hasText: option }).first().click();
  await field.locator('.fjs-dropdownlist').waitFor({ state: 'detached' });
  await page.waitForTimeout(300); // form-js applies the choice after a short debounce
}
