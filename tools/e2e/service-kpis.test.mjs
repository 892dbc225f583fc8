// The auditor reads the service figures in Cockpit's "Service KPIs" plugin, in a real browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { base, login as webappLogin, useBrowser } from './support.mjs';

useBrowser();

/** Logs in to one webapp and returns the page plus the server errors it met. */
function login(app, user, password = 'demo') {
  return webappLogin(app, user, password, { width: 1400, height: 1300 });
}

function isoDate(date) {
  return date.toISOString().slice(0, 10);
}

test('the auditor opens Service KPIs in Cockpit: figures of the demo cases, charts and the CSV', { timeout: 180_000 }, async () => {
  const { page, serverErrors } = await login('cockpit', 'auditor');
  await page.getByText('Running Process Instances').waitFor();
  await page.getByRole('link', { name: 'Service KPIs', exact: true }).first().click();
  await page.waitForURL(/#\/service-kpis/);
  await page.getByRole('heading', { name: 'Service KPIs' }).waitFor();

  // a period around today: the demo profile opens its sample cases at start-up
  const day = 24 * 3600 * 1000;
  const to = isoDate(new Date(Date.now() + day));
  await page.fill('.service-kpis input[name="from"]', isoDate(new Date(Date.now() - 7 * day)));
  await page.fill('.service-kpis input[name="to"]', to);
  // the answer for this period, not the page's first one for its default period
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().includes('/api/cockpit/plugin/service-kpis/default/report')
      && r.url().includes(`to=${to}`)),
    page.getByRole('button', { name: 'Show' }).click(),
  ]);
  assert.equal(response.status(), 200);
  const figures = await response.json();
  assert.ok(figures.requestsHandled > 0, `no request in the period: ${JSON.stringify(figures)}`);

  // the cards show the same figures
  const requests = page.locator('.service-kpis-card-value[data-figure="requestsHandled"]');
  await requests.waitFor();
  assert.equal((await requests.innerText()).trim(), String(figures.requestsHandled));
  assert.equal((await page.locator('.service-kpis-card-value[data-figure="pureService"]').innerText()).trim(),
    String(figures.pureService));

  // the charts are drawn, the requests chart with a non-empty bar
  const charts = page.locator('svg.service-kpis-chart');
  assert.equal(await charts.count(), 4);
  const requestsBar = page.locator('svg[aria-label="Requests"] rect.service-kpis-bar[data-label="Requests handled"]');
  assert.equal(await requestsBar.getAttribute('data-value'), String(figures.requestsHandled));
  assert.ok(Number(await requestsBar.getAttribute('width')) > 1);

  // the CSV link answers text/csv with the same session, in the browser's language
  const href = await page.locator('a.service-kpis-csv').getAttribute('href');
  assert.match(href, /format=csv/);
  const csv = await page.request.get(new URL(href, page.url()).toString(), { headers: { 'Accept-Language': 'en-US' } });
  assert.equal(csv.status(), 200);
  assert.match(csv.headers()['content-type'], /^text\/csv/);
  // the header in the browser's language, as the link's download sends it (an English browser here)
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('a.service-kpis-csv').click()]);
  const text = (await readFile(await download.path())).toString('utf8');
  assert.equal(text, await csv.text());
  // UTF-8 with a byte order mark, so that Excel opens Chinese names as they are
  assert.match(text, /^\uFEFFfigure,value,unit,definition/);
  assert.match(text, new RegExp(`^requestsHandled,${figures.requestsHandled},`, 'm'));

  await page.screenshot({ path: 'screenshots/cockpit-service-kpis.png', fullPage: true });
  assert.deepEqual(serverErrors, []);
  await page.close();
});

test('a team lead opens Service KPIs from Cockpit too, and sees no process instances there', { timeout: 120_000 }, async () => {
  const { page, serverErrors } = await login('cockpit', 'lead');
  await page.getByRole('link', { name: 'Service KPIs', exact: true }).first().click();
  await page.waitForURL(/#\/service-kpis/);
  await page.locator('.service-kpis-card-value[data-figure="requestsHandled"]').waitFor();
  const instances = await page.request.get(`${base}/camunda/api/engine/engine/default/process-instance/count`);
  assert.equal((await instances.json()).count, 0, 'a lead reads no process instances in Cockpit');
  assert.deepEqual(serverErrors, []);
  await page.close();
});

