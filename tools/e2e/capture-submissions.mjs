// Records, for every Camunda Form with a read-only field, the exact submission Tasklist makes,
// as the fixtures TasklistSubmissionsIT replays (src/test/resources/tasklist-submissions/).
//
//   1. mvn -o test -Dtest='*ScenarioTest' -Daftersales.test.record-form-variables=/tmp/form-variables
//      (the variables each form's task holds in the real processes, with their types)
//   2. start the application with the demo profile (as run.sh does) and run
//      E2E_BASE_URL=http://localhost:18080 node capture-submissions.mjs /tmp/form-variables [formId...]
//
// For each form, a one-task process with that form (the same task owner as in the real model) is
// deployed and started with those variables; its owner opens the task in Tasklist in chromium (time
// zone Asia/Shanghai), fills the required fields that are empty, and completes it. The request
// Tasklist sends, and the variables it read for the form, are kept.
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';

const base = process.env.E2E_BASE_URL ?? 'http://localhost:18080';
const root = new URL('../../', import.meta.url).pathname;
const output = `${root}src/test/resources/tasklist-submissions`;
const timeZone = 'Asia/Shanghai';
const admin = `Basic ${Buffer.from('admin:demo').toString('base64')}`;

/** A demo user of each group (DemoUsers). */
const memberOf = { 'customer-service': 'service', 'after-sales': 'engineer', 'field-service': 'technician',
  logistics: 'logistics', finance: 'finance', rnd: 'rnd', qa: 'qa', sales: 'sales', 'approver-lead': 'lead' };
/** Tasks whose person is chosen at run time: a step's approver, the requester. */
const personal = { 'approval-decide': ['manager', 'approver-manager'], 'approval-revise': ['service', 'customer-service'] };
/** Values a generic text would not pass (the field's pattern). */
const typed = { defectCode: 'PR-12' };

const [variablesFolder, ...only] = process.argv.slice(2);
if (!variablesFolder) {
  console.error('usage: node capture-submissions.mjs <recorded variables folder> [formId...]');
  process.exit(2);
}

const owners = taskOwners();
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
mkdirSync(output, { recursive: true });
let failed = 0;
for (const file of readdirSync(variablesFolder).filter((name) => name.endsWith('.json')).sort()) {
  const formId = file.replace(/\.json$/, '');
  const form = JSON.parse(readFileSync(`${root}forms/${formId}.form`, 'utf8'));
  if ((only.length && !only.includes(formId)) || !fields(form).some(isReadOnly)) continue;
  try {
    const fixture = await capture(formId, form, JSON.parse(readFileSync(`${variablesFolder}/${file}`, 'utf8')));
    writeFileSync(`${output}/${formId}.json`, `${JSON.stringify(fixture, null, 2)}\n`);
    console.log(`${formId}: ${Object.keys(fixture.submission.variables).length} variables submitted`);
  } catch (error) {
    failed++;
    console.error(`${formId}: ${error.message}`);
  }
}
await browser.close();
process.exit(failed ? 1 : 0);

async function capture(formId, form, variables) {
  const worker = personal[formId]
    ? { user: personal[formId][0], group: personal[formId][1], candidateUsers: personal[formId][0] }
    : { user: memberOf[owners[formId]], group: owners[formId], candidateGroups: owners[formId] };
  const task = await openTask(formId, worker, variables);
  const context = await browser.newContext({ timezoneId: timeZone, viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  let taskVariables;
  page.on('response', async (response) => {
    if (response.url().includes(`/task/${task}/form-variables`)) taskVariables = await response.json();
  });
  await page.goto(`${base}/camunda/app/tasklist/default/`);
  await page.fill('input[ng-model="username"]', worker.user);
  await page.fill('input[type="password"]', 'demo');
  await page.click('button[type="submit"]');
  await page.locator('.task-filter').first().waitFor();
  await page.goto(`${base}/camunda/app/tasklist/default/#/?task=${task}`);
  await page.locator('.fjs-form').waitFor();
  const claim = page.getByRole('button', { name: /^\s*Claim\s*$/ });
  if (await claim.waitFor({ timeout: 5_000 }).then(() => true, () => false)) {
    await Promise.all([page.waitForResponse((r) => r.url().endsWith('/claim')), claim.click()]);
  }
  await page.waitForTimeout(1000);
  for (const component of fields(form).filter((c) => c.validate?.required && !isReadOnly(c))) {
    await fill(page, component);
  }
  await page.waitForTimeout(500); // form-js validates a change after a short debounce
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith(`/task/${task}/submit-form`)),
    page.locator('button:has-text("Complete"):enabled').click(),
  ]);
  const request = response.request();
  if (response.status() !== 204) {
    await page.screenshot({ path: `screenshots/capture-${formId}.png`, fullPage: true });
    throw new Error(`Tasklist's submission was answered ${response.status()}: ${await response.text()}`);
  }
  await context.close();
  return {
    formId,
    recordedWith: `chromium ${browser.version()}, Tasklist 7.24, time zone ${timeZone}, ${new Date().toISOString().slice(0, 10)}`,
    worker,
    taskVariables,
    submission: JSON.parse(request.postData()),
  };
}

/** Deploys the one-task process of a form, starts it with the variables and returns its task's id. */
async function openTask(formId, worker, variables) {
  const owner = worker.candidateGroups ? `camunda:candidateGroups="${worker.candidateGroups}"`
    : `camunda:candidateUsers="${worker.candidateUsers}"`;
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="replay" targetNamespace="http://aftersales.org/replay">
  <bpmn:process id="tasklist-replay-${formId}" isExecutable="true" camunda:historyTimeToLive="1" camunda:isStartableInTasklist="false">
    <bpmn:startEvent id="start"/>
    <bpmn:sequenceFlow id="toTask" sourceRef="start" targetRef="task"/>
    <bpmn:userTask id="task" name="Replay ${formId}" camunda:formRef="${formId}" camunda:formRefBinding="latest" ${owner}/>
    <bpmn:sequenceFlow id="toEnd" sourceRef="task" targetRef="end"/>
    <bpmn:endEvent id="end"/>
  </bpmn:process>
</bpmn:definitions>`;
  const deployment = new FormData();
  deployment.append('deployment-name', `tasklist-replay-${formId}`);
  deployment.append('enable-duplicate-filtering', 'true');
  deployment.append('data', new Blob([xml]), `tasklist-replay-${formId}.bpmn`);
  await call('POST', '/engine-rest/deployment/create', deployment);
  const instance = await call('POST', `/engine-rest/process-definition/key/tasklist-replay-${formId}/start`,
    JSON.stringify({ variables }));
  const [task] = await call('GET', `/engine-rest/task?processInstanceId=${instance.id}&maxResults=1`);
  return task.id;
}

async function fill(page, component) {
  const field = page.locator(`.fjs-form-field:has([id$="-${component.id}"]), .fjs-form-field:has([id*="-${component.id}-"])`).first();
  if (!(await field.isVisible())) return; // hidden by a condition
  switch (component.type) {
    case 'select':
      if (await field.locator('.fjs-select-placeholder').count() === 0) return;
      await field.locator('.fjs-input-group').click();
      await field.locator('.fjs-dropdownlist-item').first().click();
      break;
    case 'radio':
      if (await field.locator('input:checked').count() > 0) return;
      await field.locator('input[type="radio"]').first().check();
      break;
    case 'number':
    case 'textfield':
    case 'textarea': {
      const input = field.locator('input, textarea').first();
      if ((await input.inputValue()) !== '') return;
      await input.fill(typed[component.key] ?? (component.type === 'number' ? '1' : `Recorded in Tasklist (${component.key})`));
      break;
    }
    default:
      throw new Error(`no way to fill the required ${component.type} field ${component.key}`);
  }
  await page.waitForTimeout(400); // form-js applies a change after a short debounce
}

async function call(method, path, body) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { Authorization: admin, ...(typeof body === 'string' ? { 'Content-Type': 'application/json' } : {}) },
    body,
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

/** The first candidate group of the user task that shows each form, read from the models. */
function taskOwners() {
  const owners = {};
  for (const model of readdirSync(`${root}processes`).filter((name) => name.endsWith('.bpmn'))) {
    const xml = readFileSync(`${root}processes/${model}`, 'utf8');
    for (const [task] of xml.matchAll(/<bpmn:userTask\b[^>]*>/g)) {
      const formRef = task.match(/camunda:formRef="([^"]+)"/)?.[1];
      const groups = task.match(/camunda:candidateGroups="([^"]+)"/)?.[1];
      if (formRef && groups) owners[formRef] = groups.split(',')[0].trim();
    }
  }
  return owners;
}

function fields(form) {
  const all = [];
  const walk = (components) => components?.forEach((c) => { all.push(c); walk(c.components); });
  walk(form.components);
  return all.filter((c) => c.key);
}

function isReadOnly(component) {
  return component.readonly === true || component.disabled === true;
}
