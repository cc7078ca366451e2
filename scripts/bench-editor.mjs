// The extension's speed in the real editor (code-server = VS Code 1.100.3, headless Chromium) on a copy of the Mesos
// site: activation, open → first diagnostics, keystroke → updated diagnostics (median of 20). Run it under the
// machine's shared lock: flock /tmp/rp-heavy.lock node scripts/bench-editor.mjs
import { cpSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, ROOT, ensureHost, freePort, makeProfile, startServer, workbenchUrl } from './host.mjs';

const suite = join(ROOT, 'out', 'test', 'integration', 'bench', 'editorBench.js');
const resultFile = join(ROOT, 'out', 'test', 'bench-editor.json');
const corpus = join(ROOT, '..', 'shared', 'corpus', 'mesos', 'site');
if (!existsSync(suite)) {
  console.error('bench-editor: run "npm run build" first');
  process.exit(2);
}
if (!existsSync(corpus)) {
  console.log(`bench-editor: skipped, the Mesos corpus is not at ${corpus}`);
  process.exit(0);
}
ensureHost();
rmSync(resultFile, { force: true });
const profile = makeProfile();
const folder = join(profile, 'mesos');
cpSync(corpus, join(folder, 'site'), { recursive: true });
const port = await freePort();
const server = await startServer({ port, profile, folder });
let browser;
let counts = [];
try {
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const done = new Promise((resolve) => page.exposeFunction('codeAutomationExit', resolve));
  // What the user sees: each change of the problem counts in the status bar, with the time (ms since the epoch).
  await page.addInitScript(() => {
    window.__rpProblemCounts = [];
    const find = setInterval(() => {
      const item = document.getElementById('status.problems');
      if (!item) return;
      clearInterval(find);
      let last = item.textContent;
      new MutationObserver(() => {
        if (item.textContent === last) return;
        last = item.textContent;
        window.__rpProblemCounts.push([performance.timeOrigin + performance.now(), last]);
      }).observe(item, { subtree: true, childList: true, characterData: true, attributes: true });
    }, 20);
  });
  await page.goto(workbenchUrl({ port, folder, testsPath: suite }));
  // The limit's timer must not keep this process (and the machine's shared lock) alive after the result is in.
  let limit;
  await Promise.race([done, new Promise((r) => (limit = setTimeout(r, 5 * 60 * 1000)))]);
  clearTimeout(limit);
  counts = await page.evaluate(() => window.__rpProblemCounts).catch(() => []);
} finally {
  await browser?.close().catch(() => {});
  server.kill('SIGTERM');
  setTimeout(() => server.kill('SIGKILL'), 3000).unref();
  rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
}
if (!existsSync(resultFile)) {
  console.error('bench-editor: the editor wrote no result');
  process.exit(1);
}
const r = JSON.parse(readFileSync(resultFile, 'utf8'));
if (r.error) {
  console.error(`bench-editor: ${r.error}`);
  process.exit(1);
}
const ms = (n) => `${Math.round(n)} ms`;
console.log(`Editor timings in ${r.editor} on the Mesos site (${r.post}):`);
console.log(`  activation (activate() itself)           ${ms(r.activationMs)}`);
console.log(`  open → first diagnostics, cold           ${ms(r.coldOpenToDiagnosticsMs)}  (includes loading and activating the extension)`);
console.log(`  activated → first diagnostics            ${ms(r.activatedToDiagnosticsMs)}  (problems handed to VS Code after ${ms(r.activatedToPublishMs)}; the check itself ${ms(r.firstCheckMs)})`);
// The first post's problems are the first change of the counts after activation (the second post's come later).
const firstShown = counts.find(([t]) => t > r.activatedEpoch && t < (r.editEpochs?.[0] ?? Infinity));
console.log(`  activated → first problems on screen     ${firstShown ? ms(firstShown[0] - r.activatedEpoch) : 'not measured'}  (the status bar's counts in the workbench)`);
console.log(`  open → first diagnostics, warm           ${ms(r.warmOpenToDiagnosticsMs)}  (problems handed to VS Code after ${ms(r.warmOpenToPublishMs)})`);
console.log(`    of which VS Code opening the document  ${ms(r.warmOpenToDocumentMs)}  (until extensions are told of it)`);
console.log(`    and the extension's check              ${ms(r.warmDocumentToPublishMs)}  (document handed over → problems published)`);
console.log(`  keystroke → diagnostics, median of 20    ${ms(r.keystrokeToDiagnosticsMedianMs)}  (lint delay ${r.lintDelayMs} ms)`);
// Each edit's problems on screen: the first change of the status bar's problem counts after it (before the next edit).
const shown = (r.editEpochs ?? [])
  .map((at, i, all) => counts.find(([t]) => t > at && t < (all[i + 1] ?? Infinity)))
  .map((change, i) => (change ? change[0] - r.editEpochs[i] : undefined));
const seen = shown.filter((v) => v !== undefined).sort((a, b) => a - b);
if (seen.length) {
  const mid = seen.length >> 1;
  const median = seen.length % 2 ? seen[mid] : (seen[mid - 1] + seen[mid]) / 2;
  console.log(`  keystroke → problems on screen, median   ${ms(median)}  (the status bar's counts in the workbench; ${seen.length} of ${shown.length} edits changed them)`);
} else {
  console.log('  keystroke → problems on screen           not measured (the status bar showed no change of its counts)');
}
console.log(`  change event → problems published        ${ms(r.changeToPublishMedianMs)}  (median; VS Code then debounces its diagnostics event by 50 ms)`);
