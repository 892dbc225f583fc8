// Entry for the esbuild bundle (see build.mjs).
//
// @camunda/linting and @camunda/form-linting are published as untranspiled
// ES sources for browser bundlers (extension-less imports, JSON imports,
// CommonJS rule modules), so node cannot load them directly. Everything they
// need is bundled into dist/camunda-linting.mjs.

export { Linter } from '@camunda/linting';

export { FormLinter } from '@camunda/form-linting';

// internals of @camunda/form-linting that its index does not export:
// getFormJSVersion tells whether it has a rule set for a platform version;
// the rest lets lint.mjs name the rule behind each FormLinter report
export { getFormJSVersion } from '@camunda/form-linting/lib/config/formVersion';
export { getRuleConfig } from '@camunda/form-linting/lib/config/ruleConfig';
export { getExecutionPlatformLabel } from '@camunda/form-linting/lib/config/util';
export { defaultRuleRegistry } from '@camunda/form-linting/lib/rules/ruleRegistry';
export { executeRecursively } from '@camunda/form-linting/lib/util';
export { default as ProblemsReporter } from '@camunda/form-linting/lib/ProblemsReporter';
