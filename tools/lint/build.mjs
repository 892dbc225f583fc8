// Bundles @camunda/linting and @camunda/form-linting for node (npm run build).
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));

await build({
  entryPoints: [ join(here, 'src/bundle-entry.js') ],
  outfile: join(here, 'dist/camunda-linting.mjs'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
  // bundled CommonJS modules call require(); give them one in ESM output
  banner: {
    js: "import { createRequire } from 'module'; const require = createRequire(import.meta.url);"
  }
});

console.log('build: dist/camunda-linting.mjs');
