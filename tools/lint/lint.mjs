#!/usr/bin/env node
// Lints BPMN, DMN and Camunda Forms files for Camunda Platform 7.24 the way
// Camunda Modeler 5 does, plus a few checks for what the Camunda 7 engine
// rejects at deployment, and validates Camunda 7 element templates the way
// Camunda Modeler 5 loads them. See README.md.
//
//   node lint.mjs [--help] [path...]
//
// Paths may be files or folders (searched recursively for *.bpmn, *.dmn,
// *.form, and for *.json inside a folder named element-templates). A *.json
// file named as an argument is an element template too. Relative paths are
// resolved against the current directory; run.sh resolves them against the
// repository root. Without paths, the repository's processes/, forms/ and
// .camunda/element-templates/ folders are linted.
//
// Exit code: 1 if any error was found, 0 otherwise (warnings and infos never
// fail the run), 2 on usage or setup problems.

import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { BpmnModdle } from 'bpmn-moddle';
import { DmnModdle } from 'dmn-moddle';

const require = createRequire(import.meta.url);

const camundaBpmnPackage = require('camunda-bpmn-moddle/resources/camunda.json');
const modelerBpmnPackage = require('modeler-moddle/resources/modeler.json');
const camundaDmnPackage = require('camunda-dmn-moddle/resources/camunda.json');
const modelerDmnPackage = require('modeler-moddle/resources/dmn-modeler.json');

const { Linter: BpmnLinter } = require('bpmnlint');
const NodeResolver = require('bpmnlint/lib/resolver/node-resolver');

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = path.resolve(HERE, '..', '..');
const BUNDLE = path.join(HERE, 'dist', 'camunda-linting.mjs');

// what the project deploys to; every model and form must target exactly this
const EXPECTED_PLATFORM = 'Camunda Platform';
const EXPECTED_VERSION = process.env.LINT_EXECUTION_PLATFORM_VERSION || '7.24.0';

// form-js version the Camunda 7.2x Tasklist renders forms with, and its schema
const TASKLIST_FORM_JS_VERSION = '1.8.7';
const TASKLIST_FORM_SCHEMA_VERSION = 16;

// Camunda Platform 7.22 is the newest C7 version @camunda/form-linting has a
// rule set for; newer 7.x versions still ship form-js 1.8.x in Tasklist, so
// they are linted with that rule set (see lintForm)
const FORM_LINTING_FALLBACK_VERSION = '7.22.0';

const DEFAULT_PATHS = [ 'processes', 'forms', path.join('.camunda', 'element-templates') ].map(p => path.join(REPO_ROOT, p));

const EXTENSIONS = [ '.bpmn', '.dmn', '.form' ];

// element templates: *.json in a folder of this name (Camunda Modeler reads
// .camunda/element-templates/ next to and above a diagram, and
// resources/element-templates/ of its own configuration), or named explicitly
const TEMPLATE_EXTENSION = '.json';
const TEMPLATE_DIR = 'element-templates';

const SKIP_DIRS = new Set([ 'node_modules', '.git', 'target', 'dist', 'build', '.idea' ]);

const SEVERITY_ORDER = { error: 3, warning: 2, info: 1 };


// ---------------------------------------------------------------------------
// command line

function usage() {
  return [
    'usage: node lint.mjs [path...]',
    '',
    'Lints *.bpmn, *.dmn and *.form files and Camunda 7 element templates (*.json in',
    `a folder named ${ TEMPLATE_DIR }, or a *.json file named as an argument); folders are`,
    'searched recursively.',
    `Default paths: ${ DEFAULT_PATHS.map(display).join(' ') }`,
    `Target: ${ EXPECTED_PLATFORM } ${ EXPECTED_VERSION } (override with LINT_EXECUTION_PLATFORM_VERSION).`,
    'Exit code 1 on any error, 0 otherwise.'
  ].join('\n');
}

function display(file) {
  const rel = path.relative(REPO_ROOT, file);

  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}


// ---------------------------------------------------------------------------
// findings

class Findings {
  constructor() {
    this.byFile = new Map();
  }

  add(file, severity, id, rule, message) {
    if (!this.byFile.has(file)) {
      this.byFile.set(file, []);
    }

    this.byFile.get(file).push({ severity, id: id || '-', rule, message });
  }

  list(file) {
    return this.byFile.get(file) || [];
  }

  count(severity) {
    let n = 0;

    for (const findings of this.byFile.values()) {
      n += findings.filter(f => f.severity === severity).length;
    }

    return n;
  }
}

function mapCategory(category) {
  switch (category) {
  case 'error':
  case 'rule-error':
    return 'error';
  case 'warn':
  case 'warning':
    return 'warning';
  case 'info':
    return 'info';
  default:
    return 'error';
  }
}


// ---------------------------------------------------------------------------
// file discovery

async function collect(args) {
  const explicit = args.length > 0;

  const roots = explicit ? args.map(a => path.resolve(a)) : DEFAULT_PATHS;

  const files = [];
  const notes = [];

  for (const root of roots) {
    let info;

    try {
      info = await stat(root);
    } catch (err) {
      if (explicit) {
        notes.push(`warning: path not found: ${ display(root) }`);
      }
      continue;
    }

    if (info.isDirectory()) {
      const skipped = [];

      for (const file of await walk(root, isTemplateDir(root), skipped)) {
        files.push({ file, root });
      }

      if (explicit && skipped.length) {
        notes.push(`note: ${ plural(skipped.length, '.json file') } in ${ display(root) } skipped: ` +
          `only *.json in a folder named ${ TEMPLATE_DIR } (or named as an argument) are element templates`);
      }
    } else if ([ ...EXTENSIONS, TEMPLATE_EXTENSION ].includes(path.extname(root).toLowerCase())) {
      files.push({ file: root, root });
    } else {
      notes.push(`warning: not a .bpmn, .dmn, .form or element template (.json) file, skipped: ${ display(root) }`);
    }
  }

  // a file named twice (e.g. folder and file argument) is linted once
  const seen = new Set();

  return {
    files: files.filter(({ file }) => !seen.has(file) && seen.add(file)),
    notes
  };
}

/**
 * Whether *.json files in dir (or below) are element templates: dir or one of
 * its ancestors is named element-templates.
 */
function isTemplateDir(dir) {
  return path.resolve(dir).split(path.sep).includes(TEMPLATE_DIR);
}

async function walk(dir, templates, skipped = []) {
  const entries = await readdir(dir, { withFileTypes: true });

  entries.sort((a, b) => a.name.localeCompare(b.name));

  const files = [];

  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    const ext = path.extname(entry.name).toLowerCase();

    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) {
        files.push(...await walk(full, templates || entry.name === TEMPLATE_DIR, skipped));
      }
    } else if (entry.isFile() && (EXTENSIONS.includes(ext) || (templates && ext === TEMPLATE_EXTENSION))) {
      files.push(full);
    } else if (entry.isFile() && ext === TEMPLATE_EXTENSION) {
      skipped.push(full);
    }
  }

  return files;
}


// ---------------------------------------------------------------------------
// helpers for moddle trees

function is(element, type) {
  return element && typeof element.$instanceOf === 'function' && element.$instanceOf(type);
}

/**
 * Visits every moddle element below (and including) root, once.
 */
function traverse(root, visit) {
  const seen = new Set();

  function visitElement(element) {
    if (!element || typeof element !== 'object' || seen.has(element) || !element.$type) {
      return;
    }

    seen.add(element);
    visit(element);

    const descriptor = element.$descriptor;

    for (const property of descriptor.properties) {

      // references point elsewhere in the tree; do not follow them
      if (property.isReference) {
        continue;
      }

      const value = element.get(property.name);

      if (Array.isArray(value)) {
        value.forEach(visitElement);
      } else if (value && typeof value === 'object') {
        visitElement(value);
      }
    }
  }

  visitElement(root);
}

function extensionValues(element, type) {
  const extensionElements = element.get('extensionElements');

  return extensionElements ? (extensionElements.get('values') || []).filter(v => is(v, type)) : [];
}

function isExpression(value) {
  return typeof value === 'string' && /^\s*[$#]\{/.test(value);
}

function nonEmpty(value) {
  return typeof value === 'string' ? value.trim() !== '' : value !== undefined && value !== null;
}


// ---------------------------------------------------------------------------
// BPMN

function createBpmnModdle() {
  return new BpmnModdle({ camunda: camundaBpmnPackage, modeler: modelerBpmnPackage });
}

/**
 * One line from a moddle(-xml) message: first line plus position and cause.
 */
function moddleMessage(message) {
  const [ first, ...rest ] = String(message).split('\n').map(line => line.trim());
  const details = Object.fromEntries(rest
    .map(line => /^([^:]+):\s*(.*)$/.exec(line))
    .filter(Boolean)
    .map(([ , key, value ]) => [ key, value ]));

  let text = first;

  if (details.line !== undefined) {
    text += ` (line ${ Number(details.line) + 1 }, column ${ details.column })`;
  }

  if (details['nested error']) {
    text += `: ${ details['nested error'] }`;
  }

  return text;
}

function moddleWarnings(findings, file, warnings, rule) {
  for (const warning of warnings || []) {
    const id = warning.element && warning.element.id;

    findings.add(file, 'error', id, rule, moddleMessage(warning.message));
  }
}

function checkExecutionPlatform(findings, file, definitions, kind) {
  const platform = definitions.get('modeler:executionPlatform');
  const version = definitions.get('modeler:executionPlatformVersion');

  if (!platform || !version) {
    findings.add(file, 'error', definitions.id, 'execution-platform',
      `${ kind } has no modeler:executionPlatform / modeler:executionPlatformVersion; ` +
      `set the execution platform to ${ EXPECTED_PLATFORM } ${ EXPECTED_VERSION } ` +
      '(Camunda Modeler: the version selector in the status bar; in XML: attributes on <bpmn:definitions>, ' +
      'xmlns:modeler="http://camunda.org/schema/modeler/1.0")');
  } else if (platform !== EXPECTED_PLATFORM || version !== EXPECTED_VERSION) {
    findings.add(file, 'error', definitions.id, 'execution-platform',
      `${ kind } targets ${ platform } ${ version }, expected ${ EXPECTED_PLATFORM } ${ EXPECTED_VERSION }`);
  }
}

/**
 * Camunda Modeler linting (@camunda/linting), always against the target
 * platform so that a file with a missing or wrong platform is still linted.
 */
async function camundaLint(findings, file, definitions, bundle) {
  const platform = definitions.get('modeler:executionPlatform');
  const version = definitions.get('modeler:executionPlatformVersion');

  definitions.set('modeler:executionPlatform', EXPECTED_PLATFORM);
  definitions.set('modeler:executionPlatformVersion', EXPECTED_VERSION);

  try {
    const linter = new bundle.Linter({ modeler: 'desktop', type: 'platform' });

    const reports = await linter.lint(definitions);

    return reports.map(report => ({
      severity: mapCategory(report.category),
      id: report.id,
      rule: report.rule.includes('/') ? report.rule : `bpmnlint/${ report.rule }`,
      message: report.message
    }));
  } finally {
    definitions.set('modeler:executionPlatform', platform);
    definitions.set('modeler:executionPlatformVersion', version);
  }
}

/**
 * Plain bpmnlint with its recommended rule set.
 */
async function bpmnlintRecommended(definitions) {
  const linter = new BpmnLinter({
    config: { extends: [ 'bpmnlint:recommended' ] },
    resolver: new NodeResolver({ require })
  });

  const reportsByRule = await linter.lint(definitions);

  return Object.entries(reportsByRule).flatMap(([ rule, reports ]) => reports.map(report => ({
    severity: mapCategory(report.category),
    id: report.id,
    rule: rule.includes('/') ? rule : `bpmnlint/${ rule }`,
    message: report.message
  })));
}

const SERVICE_TASK_LIKE = [ 'bpmn:ServiceTask', 'bpmn:SendTask', 'bpmn:BusinessRuleTask' ];
const FORM_REF_BINDINGS = [ 'deployment', 'latest', 'version' ];

// ISO 8601 duration, e.g. PT5M, P1DT2H
const DURATION = /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/;

/**
 * What the Camunda 7 engine rejects when it deploys a process (and what
 * @camunda/linting does not check for Camunda Platform 7).
 */
function camunda7Checks(definitions, context) {
  const results = [];
  const report = (severity, id, rule, message) => results.push({ severity, id, rule: `camunda7/${ rule }`, message });

  const processes = definitions.get('rootElements').filter(e => is(e, 'bpmn:Process'));

  if (processes.length && !processes.some(p => p.get('isExecutable'))) {
    report('warning', definitions.id, 'executable-process',
      'No process is marked isExecutable="true"; the engine deploys nothing from this file');
  }

  for (const process of processes) {
    if (!process.get('isExecutable')) {
      continue;
    }

    context.processIds.push(process.id);

    if (!nonEmpty(process.get('camunda:historyTimeToLive'))) {
      report('error', process.id, 'history-time-to-live',
        'Executable process has no camunda:historyTimeToLive (Camunda 7.20+ refuses to deploy it ' +
        'unless the engine sets a default); e.g. camunda:historyTimeToLive="P180D" or "180"');
    }

    traverse(process, element => checkFlowElement(element, report, context));
  }

  return results;
}

function checkFlowElement(element, report, context) {
  const id = element.id;

  if (SERVICE_TASK_LIKE.some(type => is(element, type))) {
    const isDecision = is(element, 'bpmn:BusinessRuleTask') && nonEmpty(element.get('camunda:decisionRef'));
    const hasConnector = extensionValues(element, 'camunda:Connector').length > 0;
    const implementation = [ 'camunda:class', 'camunda:delegateExpression', 'camunda:expression', 'camunda:type' ]
      .filter(attr => nonEmpty(element.get(attr)));

    if (!isDecision && !hasConnector && implementation.length === 0) {
      report('error', id, 'implementation',
        `${ element.$type.replace('bpmn:', '') } has no implementation; set one of camunda:class, ` +
        'camunda:delegateExpression, camunda:expression, camunda:type="external" (+ camunda:topic)' +
        (is(element, 'bpmn:BusinessRuleTask') ? ', camunda:decisionRef' : '') +
        ' or a connector');
    }

    if (element.get('camunda:type') === 'external' && !nonEmpty(element.get('camunda:topic'))) {
      report('error', id, 'implementation', 'External task (camunda:type="external") has no camunda:topic');
    }
  }

  if (is(element, 'bpmn:ScriptTask')) {
    if (!nonEmpty(element.get('scriptFormat'))) {
      report('error', id, 'script-task', 'Script task has no scriptFormat');
    }

    if (!nonEmpty(element.get('script')) && !nonEmpty(element.get('camunda:resource'))) {
      report('error', id, 'script-task', 'Script task has neither an inline script nor camunda:resource');
    }
  }

  if (is(element, 'bpmn:UserTask') || is(element, 'bpmn:StartEvent')) {
    checkFormReference(element, report, context);
  }

  for (const retry of extensionValues(element, 'camunda:FailedJobRetryTimeCycle')) {
    const cycle = (retry.get('body') || '').trim();

    if (!isExpression(cycle) && !isRetryCycle(cycle)) {
      report('warning', id, 'failed-job-retry-time-cycle',
        `camunda:failedJobRetryTimeCycle "${ cycle }" is neither R<n>/<ISO 8601 duration> ` +
        '(e.g. R3/PT5M), a comma-separated list of durations (e.g. PT1M,PT5M,PT10M) nor an expression');
    }
  }
}

function isRetryCycle(cycle) {
  const repeat = /^R\d+\/(.+)$/.exec(cycle);

  if (repeat) {
    return DURATION.test(repeat[1]);
  }

  return cycle !== '' && cycle.split(',').every(part => DURATION.test(part.trim()));
}

function checkFormReference(element, report, context) {
  const id = element.id;
  const formKey = element.get('camunda:formKey');
  const formRef = element.get('camunda:formRef');
  const binding = element.get('camunda:formRefBinding');
  const version = element.get('camunda:formRefVersion');

  if (!nonEmpty(formRef)) {
    if (nonEmpty(binding) || nonEmpty(version)) {
      report('warning', id, 'form-ref', 'camunda:formRefBinding / camunda:formRefVersion without camunda:formRef');
    }

    return;
  }

  if (nonEmpty(formKey)) {
    report('error', id, 'form-ref', 'Only one of camunda:formKey and camunda:formRef is allowed');
  }

  if (nonEmpty(binding) && !FORM_REF_BINDINGS.includes(binding)) {
    report('error', id, 'form-ref',
      `camunda:formRefBinding must be one of ${ FORM_REF_BINDINGS.join(', ') }, was "${ binding }"`);
  }

  if (binding === 'version' && !nonEmpty(version)) {
    report('error', id, 'form-ref', 'camunda:formRefBinding="version" needs camunda:formRefVersion');
  }

  if (!isExpression(formRef)) {
    context.formRefs.push({ id, formRef, report });
  }
}

/**
 * bpmnlint follows a flow node's bpmn:incoming / bpmn:outgoing, not the
 * sequence flows' sourceRef / targetRef. Hand-written XML often leaves them
 * out (the engine does not need them), which bpmnlint reports as
 * disconnected elements: say so in those messages.
 */
function explainMissingFlowRefs(definitions, reports) {
  const missing = new Map();

  traverse(definitions, element => {
    if (!is(element, 'bpmn:SequenceFlow')) {
      return;
    }

    for (const [ end, list ] of [ [ element.sourceRef, 'outgoing' ], [ element.targetRef, 'incoming' ] ]) {
      if (end && end.id && !(end.get(list) || []).includes(element)) {
        missing.set(end.id, [ ...(missing.get(end.id) || []), `bpmn:${ list } ${ element.id }` ]);
      }
    }
  });

  const RULES = [ 'bpmnlint/no-disconnected', 'bpmnlint/no-implicit-start', 'bpmnlint/no-implicit-end' ];

  for (const report of reports) {
    if (RULES.includes(report.rule) && missing.has(report.id)) {
      report.message += ` (the element lacks ${ missing.get(report.id).join(', ') }: list every sequence flow ` +
        'as <bpmn:incoming>/<bpmn:outgoing> child of its source and target)';
    }
  }
}

/**
 * Merges the reports of all linters: the same finding (element, rule,
 * message) reported twice is shown once, with the higher severity.
 */
function mergeReports(reports) {
  const byKey = new Map();

  for (const r of reports) {
    const rule = r.rule.replace(/^bpmnlint\//, '');
    const key = `${ r.id }\u0000${ rule }\u0000${ r.message }`;
    const existing = byKey.get(key);

    if (!existing || SEVERITY_ORDER[r.severity] > SEVERITY_ORDER[existing.severity]) {
      byKey.set(key, r);
    }
  }

  return [ ...byKey.values() ];
}

async function lintBpmn(file, xml, findings, bundle, context) {
  let definitions, warnings;

  try {
    ({ rootElement: definitions, warnings } = await createBpmnModdle().fromXML(xml, 'bpmn:Definitions'));
  } catch (err) {
    findings.add(file, 'error', null, 'bpmn-parse', `cannot parse BPMN: ${ moddleMessage(err.message) }`);
    return;
  }

  moddleWarnings(findings, file, warnings, 'bpmn-parse');

  checkExecutionPlatform(findings, file, definitions, 'BPMN diagram');

  const reports = [
    ...await camundaLint(findings, file, definitions, bundle),
    ...await bpmnlintRecommended(definitions),
    ...camunda7Checks(definitions, { ...context, file })
  ];

  explainMissingFlowRefs(definitions, reports);

  // our history-time-to-live error supersedes the Modeler's info
  const httlErrors = new Set(reports
    .filter(r => r.rule === 'camunda7/history-time-to-live')
    .map(r => r.id));

  for (const r of mergeReports(reports)) {
    if (r.rule === 'camunda-compat/history-time-to-live' && httlErrors.has(r.id)) {
      continue;
    }

    findings.add(file, r.severity, r.id, r.rule, r.message);
  }
}


// ---------------------------------------------------------------------------
// DMN

async function lintDmn(file, xml, findings, context) {
  let definitions, warnings;

  const moddle = new DmnModdle({ camunda: camundaDmnPackage, modeler: modelerDmnPackage });

  try {
    ({ rootElement: definitions, warnings } = await moddle.fromXML(xml, 'dmn:Definitions'));
  } catch (err) {
    const hint = /DMN\/20151101|DMN\/20180521|dmn\.xsd|20151101\/dmn/.test(xml) ?
      ' (this looks like DMN 1.1/1.2; open and save it in Camunda Modeler 5 to migrate it to DMN 1.3)' : '';

    findings.add(file, 'error', null, 'dmn-parse', `cannot parse DMN: ${ moddleMessage(err.message) }${ hint }`);
    return;
  }

  moddleWarnings(findings, file, warnings, 'dmn-parse');

  const platform = definitions.get('modeler:executionPlatform');
  const version = definitions.get('modeler:executionPlatformVersion');

  if (!platform || !version) {
    findings.add(file, 'warning', definitions.id, 'execution-platform',
      `DMN diagram has no modeler:executionPlatform / modeler:executionPlatformVersion (expected ${ EXPECTED_PLATFORM } ${ EXPECTED_VERSION })`);
  } else if (platform !== EXPECTED_PLATFORM || version !== EXPECTED_VERSION) {
    findings.add(file, 'error', definitions.id, 'execution-platform',
      `DMN diagram targets ${ platform } ${ version }, expected ${ EXPECTED_PLATFORM } ${ EXPECTED_VERSION }`);
  }

  for (const decision of (definitions.get('drgElement') || []).filter(e => is(e, 'dmn:Decision'))) {
    context.decisionIds.push(decision.id);

    if (!nonEmpty(decision.get('camunda:historyTimeToLive'))) {
      findings.add(file, 'error', decision.id, 'camunda7/history-time-to-live',
        'Decision has no camunda:historyTimeToLive (Camunda 7.20+ refuses to deploy it unless the engine sets a default)');
    }

    const logic = decision.get('decisionLogic');

    if (!logic) {
      findings.add(file, 'error', decision.id, 'camunda7/decision-logic',
        'Decision has no decision table or literal expression');
    } else if (!is(logic, 'dmn:DecisionTable') && !is(logic, 'dmn:LiteralExpression')) {
      findings.add(file, 'error', decision.id, 'camunda7/decision-logic',
        `Decision logic ${ logic.$type } is not supported by Camunda 7 (only decision tables and literal expressions)`);
    }
  }
}


// ---------------------------------------------------------------------------
// forms

function checkFormKeys(schema, findings, file) {
  const ids = new Map();
  const paths = new Map();

  const CONTAINERS = [ 'default', 'group', 'dynamiclist' ];

  // form-js field types that bind a variable through "key"
  const KEYED = [ 'textfield', 'textarea', 'number', 'datetime', 'expression', 'checkbox', 'checklist', 'radio', 'select', 'taglist', 'filepicker' ];

  function visit(node, scope) {
    if (!node || typeof node !== 'object') {
      return;
    }

    if (node.id !== undefined) {
      if (ids.has(node.id)) {
        findings.add(file, 'error', node.id, 'form/duplicate-id', `Form field id "${ node.id }" is used more than once`);
      }
      ids.set(node.id, true);
    }

    if (node !== schema && !node.type) {
      findings.add(file, 'error', node.id, 'form/component-type', 'Form component has no type');
    }

    if (KEYED.includes(node.type)) {
      if (!nonEmpty(node.key)) {
        findings.add(file, 'error', node.id, 'form/key', `Form field of type ${ node.type } has no key`);
      } else {
        const full = [ ...scope, ...String(node.key).split('.') ].join('.');

        if (paths.has(full)) {
          findings.add(file, 'error', node.id, 'form/duplicate-key', `Binding "${ full }" is used by more than one field (also ${ paths.get(full) })`);
        } else {
          paths.set(full, node.id || node.key);
        }
      }
    }

    if (Array.isArray(node.components)) {
      const childScope = CONTAINERS.includes(node.type) && node !== schema && nonEmpty(node.path) ?
        [ ...scope, ...String(node.path).split('.') ] : scope;

      node.components.forEach(child => visit(child, childScope));
    }
  }

  visit(schema, []);
}

async function lintForm(file, text, findings, bundle, context) {
  let schema;

  try {
    schema = JSON.parse(text);
  } catch (err) {
    findings.add(file, 'error', null, 'form-parse', `invalid JSON: ${ err.message }`);
    return;
  }

  if (!schema || typeof schema !== 'object' || Array.isArray(schema)) {
    findings.add(file, 'error', null, 'form-parse', 'form schema must be a JSON object');
    return;
  }

  const formId = schema.id;

  if (!nonEmpty(formId) || typeof formId !== 'string') {
    findings.add(file, 'error', null, 'form/id', 'Form has no "id" (camunda:formRef refers to it)');
  } else {
    context.formIds.push(formId);
  }

  const { executionPlatform, executionPlatformVersion } = schema;

  if (!executionPlatform || !executionPlatformVersion) {
    findings.add(file, 'error', formId, 'execution-platform',
      `Form has no executionPlatform / executionPlatformVersion; expected "executionPlatform": "${ EXPECTED_PLATFORM }", ` +
      `"executionPlatformVersion": "${ EXPECTED_VERSION }"`);
  } else if (executionPlatform !== EXPECTED_PLATFORM || executionPlatformVersion !== EXPECTED_VERSION) {
    findings.add(file, 'error', formId, 'execution-platform',
      `Form targets ${ executionPlatform } ${ executionPlatformVersion }, expected ${ EXPECTED_PLATFORM } ${ EXPECTED_VERSION }`);
  }

  if (schema.type !== 'default') {
    findings.add(file, 'error', formId, 'form/type', `Form root must have "type": "default", was ${ JSON.stringify(schema.type) }`);
  }

  if (!Array.isArray(schema.components)) {
    findings.add(file, 'error', formId, 'form/components', 'Form has no "components" array');
    return;
  }

  if (typeof schema.schemaVersion !== 'number') {
    findings.add(file, 'warning', formId, 'form/schema-version',
      `Form has no numeric schemaVersion (Camunda 7.24 Tasklist renders with form-js ${ TASKLIST_FORM_JS_VERSION }, schemaVersion ${ TASKLIST_FORM_SCHEMA_VERSION })`);
  } else if (schema.schemaVersion > TASKLIST_FORM_SCHEMA_VERSION) {
    findings.add(file, 'info', formId, 'form/schema-version',
      `schemaVersion ${ schema.schemaVersion } is newer than form-js ${ TASKLIST_FORM_JS_VERSION } (${ TASKLIST_FORM_SCHEMA_VERSION }) used by Camunda 7.24 Tasklist; ` +
      'fine as long as only features linted as supported are used');
  }

  checkFormKeys(schema, findings, file);

  // Camunda Modeler's form linting, always against the target platform;
  // @camunda/form-linting has no rule set for 7.23+, so fall back to 7.22's
  // (same form-js 1.8.x in Tasklist) and say so in the messages
  const target = { ...schema, executionPlatform: EXPECTED_PLATFORM, executionPlatformVersion: EXPECTED_VERSION };
  let label = null;

  if (!bundle.getFormJSVersion(target)) {
    target.executionPlatformVersion = FORM_LINTING_FALLBACK_VERSION;
    label = `${ EXPECTED_PLATFORM } ${ EXPECTED_VERSION.split('.').slice(0, 2).join('.') }`;
  }

  const reports = new bundle.FormLinter().lint(target);
  const ruleNames = formRuleNames(target, bundle);

  for (const report of reports) {
    let message = report.message;
    const rule = ruleNames.get(`${ report.id }\u0000${ report.message }`) || 'form';

    if (label) {
      message = message.replace(`${ EXPECTED_PLATFORM } ${ FORM_LINTING_FALLBACK_VERSION.split('.').slice(0, 2).join('.') }`, label);
    }

    findings.add(file, mapCategory(report.category), report.id || report.label, `form-linting/${ rule }`, message);
  }
}

/**
 * FormLinter reports carry no rule name; run its rules one by one (as
 * FormLinter#lint does) to tell which rule produced which report.
 */
function formRuleNames(schema, bundle) {
  const names = new Map();
  const formJSVersion = bundle.getFormJSVersion(schema);

  if (!formJSVersion) {
    return names;
  }

  const executionPlatformLabel = bundle.getExecutionPlatformLabel(schema);

  for (const [ rule, category ] of Object.entries(bundle.getRuleConfig(formJSVersion))) {
    const execute = bundle.defaultRuleRegistry[rule];

    if (!execute) {
      continue;
    }

    const reporter = new bundle.ProblemsReporter();

    try {
      bundle.executeRecursively(execute, schema, { executionPlatformLabel, formJSVersion, reporter, category });
    } catch (err) {
      continue;
    }

    for (const report of reporter.getReports()) {
      names.set(`${ report.id }\u0000${ report.message }`, rule);
    }
  }

  return names;
}


// ---------------------------------------------------------------------------
// element templates (Camunda 7)

// the JSON schema package this linter pins (package.json); the validator
// below must have been built from the same version
const TEMPLATE_SCHEMA_PACKAGE = '@camunda/element-templates-json-schema';

// a Camunda 7 template's $schema, e.g.
// https://unpkg.com/@camunda/element-templates-json-schema/resources/schema.json
// (without a version Camunda Modeler assumes the newest one it supports)
const C7_SCHEMA_URI = /@camunda\/element-templates-json-schema(@[^/]+)?\/resources\/schema\.json$/;

// types a template with elementType may change an element into (as Modeler's
// bpmn-js-element-templates Validator)
const MORPHABLE_TYPES = [ 'bpmn:Activity', 'bpmn:Event', 'bpmn:Gateway' ];

let templateValidator = null;

// a broken installation, not a finding: exit 2
class SetupError extends Error {}

/**
 * @bpmn-io/element-templates-validator is what Camunda Modeler 5 validates
 * Camunda 7 templates with (through bpmn-js-element-templates); its validate()
 * runs the JSON schema it was built from.
 */
async function loadTemplateValidator() {
  if (templateValidator) {
    return templateValidator;
  }

  const validator = await import('@bpmn-io/element-templates-validator');
  const pinned = require(`${ TEMPLATE_SCHEMA_PACKAGE }/package.json`).version;
  const used = validator.getSchemaVersion();

  if (validator.getSchemaPackage() !== TEMPLATE_SCHEMA_PACKAGE || used !== pinned) {
    throw new SetupError(`@bpmn-io/element-templates-validator validates against ${ validator.getSchemaPackage() }@${ used }, ` +
      `but package.json pins ${ TEMPLATE_SCHEMA_PACKAGE }@${ pinned }; pin a validator version built from that schema ` +
      `(npm view @bpmn-io/element-templates-validator@<version> dependencies)`);
  }

  templateValidator = validator;

  return validator;
}

/**
 * Version in a $schema URI, as Modeler reads it (first x.y.z in the URI).
 */
function schemaUriVersion(uri) {
  const match = /\d+\.\d+\.\d+/.exec(uri);

  return match ? match[0] : undefined;
}

function compareVersions(a, b) {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);

  for (let i = 0; i < 3; i++) {
    if (pa[i] !== pb[i]) {
      return pa[i] < pb[i] ? -1 : 1;
    }
  }

  return 0;
}

/**
 * "line L, column C" of a JSON source map position (0-based).
 */
function jsonPosition(pointer) {
  const at = pointer && (pointer.key || pointer.value);

  return at ? `line ${ at.line + 1 }, column ${ at.column + 1 }` : null;
}

function jsonParseMessage(text, err) {
  const match = /at position (\d+)/.exec(err.message);

  if (!match || /\(line \d+/.test(err.message)) {
    return err.message;
  }

  const before = text.slice(0, Number(match[1])).split('\n');

  return `${ err.message } (line ${ before.length }, column ${ before[before.length - 1].length + 1 })`;
}

/**
 * The schema errors Modeler shows (bpmn-js-element-templates
 * filteredSchemaErrors): the schema's own messages and data type errors.
 * Anything else only when nothing of that kind is left.
 */
function relevantSchemaErrors(errors, inArray) {
  const local = error => inArray ? error.instancePath.replace(/^\/\d+/, '') : error.instancePath;

  const relevant = errors.filter(error => error.keyword === 'errorMessage' ||
    (error.keyword === 'type' && local(error) && !local(error).startsWith('/scopes/')));

  if (relevant.length) {
    return relevant;
  }

  // the root allows a template or a list of templates; its failures say nothing
  return errors.filter(error => error.keyword !== 'if' && error.instancePath !== '');
}

function moddleType(moddle, name) {
  try {
    return moddle.getType(name) ? moddle.getElementDescriptor(moddle.getType(name)) : null;
  } catch (err) {
    return null;
  }
}

function isModdleType(moddle, type, baseType) {
  const descriptor = moddleType(moddle, type);

  return !!descriptor && baseType in descriptor.allTypesByName;
}

/**
 * What Modeler checks besides the schema, and a few things it does not check
 * but that make a template do nothing: unknown BPMN types, property bindings
 * naming an attribute the element does not have.
 */
function checkTemplateSemantics(template, report, moddle) {
  const appliesTo = Array.isArray(template.appliesTo) ? template.appliesTo.filter(t => typeof t === 'string') : [];
  const elementType = template.elementType && typeof template.elementType.value === 'string' ? template.elementType.value : null;

  for (const type of [ ...appliesTo, ...(elementType ? [ elementType ] : []) ]) {
    if (!moddleType(moddle, type)) {
      report('error', 'element-templates/applies-to',
        `unknown BPMN type ${ type } (bpmn-moddle + camunda-bpmn-moddle); the template would never apply`);
    }
  }

  if (elementType && appliesTo.length && moddleType(moddle, elementType)) {
    if (!appliesTo.some(type => isModdleType(moddle, elementType, type))) {
      report('error', 'element-templates/element-type',
        `template does not apply to requested element type <${ elementType }> (Camunda Modeler ignores the template)`);
    }

    for (const sourceType of appliesTo.filter(type => moddleType(moddle, type))) {
      const base = MORPHABLE_TYPES.find(type => isModdleType(moddle, sourceType, type));

      if (sourceType !== elementType && !(base && isModdleType(moddle, elementType, base))) {
        report('error', 'element-templates/element-type',
          `can not morph <${ sourceType }> into <${ elementType }> (Camunda Modeler ignores the template)`);
      }
    }
  }

  // property bindings write an attribute of the element the template is applied to
  const targets = (elementType ? [ elementType ] : appliesTo).filter(type => moddleType(moddle, type));

  if (!targets.length || !Array.isArray(template.properties)) {
    return;
  }

  template.properties.forEach((property, index) => {
    const binding = property && property.binding;

    if (!binding || binding.type !== 'property' || typeof binding.name !== 'string') {
      return;
    }

    const missing = targets.filter(type => !(binding.name in moddleType(moddle, type).propertiesByName));

    if (missing.length) {
      report(missing.length === targets.length ? 'error' : 'warning', 'element-templates/binding-name',
        `/properties/${ index }/binding: ${ missing.join(', ') } has no attribute "${ binding.name }" ` +
        '(bpmn-moddle + camunda-bpmn-moddle); Modeler would write an unknown attribute that the engine ignores');
    }
  });
}

/**
 * One *.json file: a Camunda 7 element template or a list of them, checked
 * as Camunda Modeler 5 does before it offers a template (an invalid template
 * is left out of the template list, with a message in Modeler's log).
 */
async function lintElementTemplates(file, text, findings, context) {
  let parsed;

  try {
    parsed = JSON.parse(text);
  } catch (err) {
    findings.add(file, 'error', null, 'element-templates/parse', `invalid JSON: ${ jsonParseMessage(text, err) }`);
    return;
  }

  const inArray = Array.isArray(parsed);
  const templates = inArray ? parsed : [ parsed ];

  if (!templates.length) {
    findings.add(file, 'warning', null, 'element-templates/empty', 'file holds an empty list of templates');
    return;
  }

  const validator = await loadTemplateValidator();
  const moddle = createBpmnModdle();

  // validated as written, so that the positions point into the file
  const { errors } = validator.validate(text);
  const schemaErrors = relevantSchemaErrors(errors || [], inArray);

  templates.forEach((template, index) => {
    const prefix = inArray ? `/${ index }` : '';
    const templateId = template && typeof template === 'object' && typeof template.id === 'string' && template.id ?
      template.id : (inArray ? `[${ index }]` : null);

    let errorCount = 0;

    const report = (severity, rule, message) => {
      errorCount += severity === 'error' ? 1 : 0;
      findings.add(file, severity, templateId, rule, message);
    };

    if (!template || typeof template !== 'object' || Array.isArray(template)) {
      report('error', 'element-templates/schema', `${ prefix || '/' }: a template must be a JSON object`);
      return;
    }

    const schema = template.$schema;

    if (schema === undefined) {
      report('warning', 'element-templates/schema-uri',
        'no $schema; Camunda Modeler takes it for a Camunda 7 template of the newest schema it supports, ' +
        'editors cannot check it: add "$schema": "https://unpkg.com/@camunda/element-templates-json-schema/resources/schema.json"');
    } else if (typeof schema === 'string' && /zeebe/.test(schema)) {
      report('error', 'element-templates/schema-uri',
        `$schema ${ schema } is a Camunda 8 (Zeebe) template schema; Camunda Modeler offers such templates only in ` +
        'Camunda 8 diagrams, this project deploys to Camunda Platform 7');
    } else if (typeof schema === 'string' && !C7_SCHEMA_URI.test(schema)) {
      report('warning', 'element-templates/schema-uri',
        `$schema ${ schema } is not the Camunda 7 element template schema ` +
        '(https://unpkg.com/@camunda/element-templates-json-schema[@<version>]/resources/schema.json)');
    }

    const schemaVersion = typeof schema === 'string' ? schemaUriVersion(schema) : undefined;
    const supported = validator.getSchemaVersion();

    if (schemaVersion && compareVersions(supported, schemaVersion) < 0) {
      report('error', 'element-templates/schema-version',
        `unsupported element template schema version <${ schemaVersion }>; this linter (and a Camunda Modeler of the ` +
        `same age) supports up to <${ supported }> and ignores the template`);
    }

    const mine = schemaErrors.filter(error => !inArray || error.instancePath === prefix ||
      error.instancePath.startsWith(`${ prefix }/`));

    for (const error of mine) {
      const where = error.instancePath.slice(prefix.length) || '/';
      const position = jsonPosition(error.dataPointer);

      report('error', 'element-templates/schema', `${ where }${ position ? ` (${ position })` : '' }: ${ error.message }`);
    }

    checkTemplateSemantics(template, report, moddle);

    // Modeler registers only templates it accepted; only those can clash
    if (typeof template.id === 'string' && !errorCount) {
      context.templates.push({ id: template.id, version: template.version });
    }
  });
}


// ---------------------------------------------------------------------------
// cross-file checks (one deployment per path argument)

function crossFileChecks(results, findings) {
  const formIds = new Set(results.flatMap(r => r.context.formIds));

  const byRoot = new Map();

  for (const r of results) {
    if (!byRoot.has(r.root)) {
      byRoot.set(r.root, []);
    }
    byRoot.get(r.root).push(r);
  }

  for (const group of byRoot.values()) {
    for (const [ kind, key ] of [ [ 'process', 'processIds' ], [ 'decision', 'decisionIds' ], [ 'form', 'formIds' ] ]) {
      const seen = new Map();

      for (const r of group) {
        for (const id of r.context[key]) {
          if (seen.has(id) && seen.get(id) !== r.file) {
            findings.add(r.file, 'error', id, 'camunda7/duplicate-key',
              `${ kind } id "${ id }" is also defined in ${ display(seen.get(id)) }; the engine refuses two ${ kind } definitions with the same key in one deployment`);
          } else {
            seen.set(id, r.file);
          }
        }
      }
    }
  }

  // Camunda Modeler keeps one template per id and version (all the
  // element-templates folders it reads count together)
  const templates = new Map();

  for (const r of results) {
    for (const { id, version } of r.context.templates) {
      const key = `${ id }\u0000${ version === undefined ? '_' : version }`;
      const versionText = version === undefined ? '' : ` and version <${ version }>`;

      if (templates.has(key)) {
        findings.add(r.file, 'error', id, 'element-templates/duplicate-id',
          `template id <${ id }>${ versionText } already used in ${ display(templates.get(key)) }; Camunda Modeler ignores the second one`);
      } else {
        templates.set(key, r.file);
      }
    }
  }

  // a form referenced by camunda:formRef should be among the linted forms
  if (formIds.size === 0) {
    return;
  }

  for (const r of results) {
    for (const { id, formRef } of r.context.formRefs) {
      if (!formIds.has(formRef)) {
        findings.add(r.file, 'warning', id, 'camunda7/form-ref',
          `camunda:formRef="${ formRef }" matches no linted form (form ids: ${ [ ...formIds ].join(', ') })`);
      }
    }
  }
}


// ---------------------------------------------------------------------------
// output

function pad(value, width) {
  value = String(value);

  return value.length >= width ? value : value + ' '.repeat(width - value.length);
}

function plural(n, word) {
  return `${ n } ${ word }${ n === 1 ? '' : 's' }`;
}

function print(files, findings) {
  for (const file of files) {
    const list = findings.list(file)
      .sort((a, b) => SEVERITY_ORDER[b.severity] - SEVERITY_ORDER[a.severity] || a.id.localeCompare(b.id));

    if (!list.length) {
      continue;
    }

    console.log(display(file));

    const idWidth = Math.min(40, Math.max(...list.map(f => f.id.length)));
    const ruleWidth = Math.min(50, Math.max(...list.map(f => f.rule.length)));

    for (const f of list) {
      console.log(`  ${ pad(f.severity, 7) }  ${ pad(f.id, idWidth) }  ${ pad(f.rule, ruleWidth) }  ${ f.message }`);
    }

    console.log('');
  }
}


// ---------------------------------------------------------------------------
// main

async function loadBundle() {
  if (!existsSync(BUNDLE)) {
    console.error(`lint: ${ display(BUNDLE) } is missing; run "npm run build" in ${ display(HERE) } (run.sh does this)`);
    process.exit(2);
  }

  return import(pathToFileURL(BUNDLE).href);
}

async function main(argv) {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(usage());
    return 0;
  }

  const unknown = argv.filter(a => a.startsWith('-'));

  if (unknown.length) {
    console.error(`lint: unknown option ${ unknown.join(' ') }\n\n${ usage() }`);
    return 2;
  }

  const { files, notes } = await collect(argv);

  notes.forEach(note => console.log(note));

  if (files.length === 0) {
    console.log(`lint: no .bpmn, .dmn, .form or element template files found in ${ (argv.length ? argv.map(a => display(path.resolve(a))) : DEFAULT_PATHS.map(display)).join(', ') }; nothing to lint`);
    return 0;
  }

  const bundle = await loadBundle();

  if (files.some(({ file }) => path.extname(file).toLowerCase() === TEMPLATE_EXTENSION)) {
    try {
      await loadTemplateValidator();
    } catch (err) {
      console.error(`lint: ${ err.message }`);
      return 2;
    }
  }

  const findings = new Findings();
  const results = [];

  for (const { file, root } of files) {
    const context = { processIds: [], decisionIds: [], formIds: [], formRefs: [], templates: [] };
    const ext = path.extname(file).toLowerCase();

    results.push({ file, root, context });

    let text;

    try {
      text = await readFile(file, 'utf8');
    } catch (err) {
      findings.add(file, 'error', null, 'read', err.message);
      continue;
    }

    try {
      if (ext === '.bpmn') {
        await lintBpmn(file, text, findings, bundle, context);
      } else if (ext === '.dmn') {
        await lintDmn(file, text, findings, context);
      } else if (ext === TEMPLATE_EXTENSION) {
        await lintElementTemplates(file, text, findings, context);
      } else {
        await lintForm(file, text, findings, bundle, context);
      }
    } catch (err) {
      findings.add(file, 'error', null, 'lint-crash', `linting failed: ${ err.stack || err.message }`);
    }
  }

  crossFileChecks(results, findings);

  print(files.map(f => f.file), findings);

  const errors = findings.count('error');
  const warnings = findings.count('warning');
  const infos = findings.count('info');

  console.log(`lint: ${ plural(files.length, 'file') }, ${ plural(errors, 'error') }, ${ plural(warnings, 'warning') }` +
    (infos ? `, ${ plural(infos, 'info') }` : ''));

  return errors > 0 ? 1 : 0;
}

main(process.argv.slice(2)).then(
  code => { process.exitCode = code; },
  err => {
    console.error(err.stack || err);
    process.exitCode = 2;
  }
);
