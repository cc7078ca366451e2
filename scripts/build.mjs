// Builds every target with esbuild: the extension (Node, cjs), the CLI (also into cli/ for its npm package and into
// action/ for the GitHub Action), the preview's webview script (browser), and the integration suite (loaded by the
// VS Code extension host). `--packages` builds only the CLI bundles.
import * as esbuild from 'esbuild';
import { copyFileSync, cpSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
// Only the CLI bundles, shipped outside the .vsix too: `npm pack` of the repository and of cli/, and the GitHub Action.
const packagesOnly = process.argv.includes('--packages');

const common = {
  bundle: true,
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
  // Prefer packages' ES module builds: jsonc-parser's UMD main hides its requires from the bundler.
  mainFields: ['module', 'main'],
};

function testEntries(dir) {
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(dir, f));
}

const cli = {
  ...common,
  entryPoints: { cli: 'src/cli/main.ts' },
  outdir: 'dist',
  platform: 'node',
  format: 'cjs',
  target: 'node18',
  banner: { js: '#!/usr/bin/env node' },
  define: { __VERSION__: JSON.stringify(pkg.version) },
};

const packages = [
  cli,
  // The npm package of the CLI (cli/) and the GitHub Action (action.yml): the same self-contained bundle with no
  // node_modules and no source maps, since each is shipped as it is.
  { ...cli, outdir: 'cli/dist', sourcemap: false },
  { ...cli, entryPoints: { index: 'src/action/main.ts' }, outdir: 'action/dist', sourcemap: false, banner: {} },
];

// The extension host never compiles Sass: the preview asks stylesWorker.js for the site's CSS and hands it to the
// page builder. So extension.js leaves the compiler (about 6 MB of its 8) out, which it would otherwise load and parse
// for nothing; a call that reaches it anyway fails with this message instead of a missing module.
const sassInWorkerOnly = {
  name: 'sass-in-worker-only',
  setup(build) {
    build.onResolve({ filter: /^sass$/ }, () => ({ path: 'sass', namespace: 'sass-in-worker-only' }));
    build.onLoad({ filter: /.*/, namespace: 'sass-in-worker-only' }, () => ({
      contents: 'throw new Error("the Sass compiler runs in the styles worker (dist/stylesWorker.js), not in the extension host");',
      loader: 'js',
    }));
  },
};

const nodeBundle = { ...common, outdir: 'dist', platform: 'node', format: 'cjs', target: 'node18', external: ['vscode'] };

const editor = [
  { ...nodeBundle, entryPoints: { extension: 'src/extension/extension.ts' }, plugins: [sassInWorkerOnly] },
  // The preview renders large posts in renderWorker.js (src/extension/preview/renderWorker.ts); it never builds CSS.
  { ...nodeBundle, entryPoints: { renderWorker: 'src/extension/preview/renderWorker.ts' }, plugins: [sassInWorkerOnly] },
  {
    ...nodeBundle,
    // Worker threads beside extension.js, so the host never stalls: the site's CSS is built in stylesWorker.js (Sass),
    // large posts are checked in checkWorker.js (src/extension/checkClient.ts).
    entryPoints: { stylesWorker: 'src/core/preview/site/stylesWorker.ts', checkWorker: 'src/extension/checkWorker.ts' },
  },
  {
    ...common,
    entryPoints: { preview: 'src/webview/preview.ts' },
    outdir: 'dist/webview',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
  },
];
const targets = packagesOnly ? packages : [...editor, ...packages];
if (!production && !packagesOnly) {
  targets.push({
    ...common,
    entryPoints: testEntries('test/integration'),
    outdir: 'out/test/integration',
    outbase: 'test/integration',
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    external: ['vscode', 'mocha', 'playwright-core'],
  });
}

if (watch) {
  const contexts = await Promise.all(targets.map((t) => esbuild.context(t)));
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('watching for changes...');
} else {
  await Promise.all(targets.map((t) => esbuild.build(t)));
}
// What the CLI package needs beside its bundle: `render`'s stylesheets (not the walkthrough's pictures) and the license.
rmSync('cli/media', { recursive: true, force: true });
cpSync('media', 'cli/media', { recursive: true, filter: (from) => !from.includes('walkthrough') });
copyFileSync('LICENSE', 'cli/LICENSE');
