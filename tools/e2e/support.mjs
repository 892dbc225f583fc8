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
  const page = await browser.newPage({ viewport, locale: 'en-US', ...options }); // English unless a test says otherwise
  page.setDefaultTimeout(60_000);
  const serverErrors = [];
  page.on('response', (response) => {
    if (response.status() >= 500) serverErrors.push(`${response.status()} ${response.url()}`);
  });
  const username = page.locator('input[ng-model="username"]');
  for (let attempt = 1; attempt <= 3; attempt++) {
    await page.goto(`${base}/camunda/app/${app}/default/`);
    await username.fill(user);
    await page.fill('input[type="password"]', password);
    const answered = page.waitForResponse((r) => r.url().includes('/auth/user/default/login/')
      && r.request().method() === 'POST', { timeout: 15_000 }).catch(() => null);
    await page.click('button[type="submit"]');
    const answer = await answered;
    if (!answer) continue; // clicked before the login form was wired up: load it again
    if (answer.status() === 401) break; // refused: the page says so, which some tests check
    if (answer.status() === 200) {
      // logged in; should the app not leave its login view (seen once in a while), a reload shows the session
      if (await username.waitFor({ state: 'detached', timeout: 20_000 }).then(() => true, () => false)) break;
      await page.reload();
      if (await username.waitFor({ state: 'detached', timeout: 20_000 }).then(() => true, () => false)) break;
    }
  }
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
  const item = field.locator('.fjs-dropdownlist-item', { hasText: option }).first();
  // a click while form-js re-renders the form (after a claim, say) opens nothing: open it again
  for (let attempt = 1; ; attempt++) {
    await field.locator('.fjs-input-group').click();
    if (await item.waitFor({ timeout: 5_000 }).then(() => true, () => false)) break;
    if (attempt === 3) throw new Error(`the options of "${label}" did not open`);
    await page.keyboard.press('Escape');
    await page.waitForTimeout(500);
  }
  await item.click();
  await field.locator('.fjs-dropdownlist').waitFor({ state: 'detached' });
  await page.waitForTimeout(300); // form-js applies the choice after a short debounce
}


/** Clicks a Tasklist button that submits and returns the answer to the POST whose URL contains urlPart. */
export async function submit(page, button, urlPart) {
  for (let attempt = 1; attempt <= 3; attempt++) {
    await page.locator('.flatpickr-calendar.open').waitFor({ state: 'hidden' }); // an open date picker swallows a click
    await page.waitForTimeout(500); // form-js validates changes after a short debounce
    const answer = page.waitForResponse((r) => r.url().includes(urlPart) && r.request().method() === 'POST',
      { timeout: 15_000 }).catch(() => null);
    await button.click();
    const response = await answer;
    if (response) return response;
  }
  throw new Error(`Tasklist sent no ${urlPart} after three clicks`);
}

/**
 * Opens the task whose name contains `name` from the person's filters ("Offered to me", then "My
 * tasks"), waiting up to `seconds` for the engine to create it, and claims it if nobody has.
 */
export async function openTask(page, name, seconds = 60) {
  const item = page.locator('ol.tasks-list li', { hasText: name });
  const until = Date.now() + seconds * 1000;
  for (let found = false; !found;) {
    for (const filter of ['Offered to me', 'My tasks']) {
      await page.locator('.task-filter', { hasText: filter }).first().click();
      await page.mouse.move(0, 0); // the filter's tooltip would cover the next filter
      found = await item.first().waitFor({ timeout: 4_000 }).then(() => true, () => false);
      if (found) break;
    }
    if (!found && Date.now() > until) throw new Error(`no task "${name}" in Offered to me or My tasks`);
  }
  await item.first().locator('a').first().click();
  // an unclaimed task shows Claim once its view has loaded; one of theirs already is theirs
  const claim = page.getByRole('button', { name: /^\s*Claim\s*$/ });
  if (await claim.waitFor({ timeout: 5_000 }).then(() => true, () => false)) {
    await Promise.all([page.waitForResponse((r) => r.url().endsWith('/claim')), claim.click()]);
  }
}

/** Opens a task, fills its form with `fill(form)` and completes it; the submission's answer must be 204. */
export async function complete(page, name, fill) {
  try {
    await openTask(page, name);
    const form = page.locator('form.fjs-form');
    await form.waitFor();
    await fill(form);
    const answer = await submit(page, page.locator('button:has-text("Complete"):enabled'), '/submit-form');
    if (answer.status() !== 204) throw new Error(`Tasklist's submission was answered ${answer.status()}: ${await answer.text()}`);
  } catch (error) {
    await shot(page, `failed-${name.replace(/[^\w-]+/g, '_')}`, { fullPage: true }).catch(() => {});
    throw new Error(`${name}: ${error.message}`);
  }
}

/**
 * Opens the task named `name` (a unique part of it) from the filter `filter` (clicked again until the
 * task shows), claiming it if nobody has; `seen(item)` looks at its list item first (a claimed task
 * leaves a group queue). Returns the task's Camunda Form.
 */
export async function openFromFilter(page, filter, name, seen = async () => {}) {
  const item = page.locator('ol.tasks-list li', { hasText: name });
  const until = Date.now() + 60_000;
  for (;;) {
    await page.locator('.task-filter', { hasText: filter }).first().click();
    await page.mouse.move(0, 0);
    if (await item.first().waitFor({ timeout: 4_000 }).then(() => true, () => false)) break;
    if (Date.now() > until) throw new Error(`no task "${name}" in ${filter}`);
  }
  await seen(item.first());
  await item.first().locator('a').first().click();
  const claim = page.getByRole('button', { name: /^\s*(认领|Claim)\s*$/ });
  if (await claim.waitFor({ timeout: 5_000 }).then(() => true, () => false)) {
    await Promise.all([page.waitForResponse((r) => r.url().endsWith('/claim')), claim.click()]);
  }
  return page.locator('form.fjs-form');
}
