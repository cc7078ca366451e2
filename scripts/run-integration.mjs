// Runs the integration suite inside a real VS Code (code-server 4.100.3 = VS Code 1.100.3), opened by headless
// Debian Chromium through playwright-core. Exit code 0 only when every test passed.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, ROOT, copySampleSite, ensureHost, freePort, makeProfile, startServer, workbenchUrl } from './host.mjs';

const TIMEOUT_MS = Number(process.env.RELEASE_POST_IT_TIMEOUT ?? 10 * 60 * 1000);
const index = join(ROOT, 'out', 'test', 'integration', 'index.js');
const reportFile = join(ROOT, 'out', 'test', 'integration-report.json');
const summaryFile = join(ROOT, 'out', 'test', 'integration-summary.json');

if (!existsSync(index)) {
  console.error('integration: out/test/integration/index.js is missing; run "npm run build" first');
  process.exit(2);
}
ensureHost();
rmSync(reportFile, { force: true });
// RELEASE_POST_IT_GREP runs only the tests whose full title matches it (a regular expression). The extension host
// does not see this process's environment, so the filter goes beside the suite's index.
const grepFile = join(ROOT, 'out', 'test', 'integration-grep.txt');
if (process.env.RELEASE_POST_IT_GREP) writeFileSync(grepFile, process.env.RELEASE_POST_IT_GREP);
else rmSync(grepFile, { force: true });

// RELEASE_POST_RESTRICTED=1 (npm run test:restricted): workspace trust on, the folder not trusted, and only the
// restricted-mode tests.
const restricted = Boolean(process.env.RELEASE_POST_RESTRICTED);
if (restricted) writeFileSync(grepFile, 'Restricted mode');
const profile = makeProfile(
  restricted ? { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never', 'security.workspace.trust.emptyWindow': false } : {},
);
const folder = copySampleSite(join(profile, 'workspace'));
const port = await freePort();
const server = await startServer({ port, profile, folder, trust: restricted });
let browser;
let code = 1;
try {
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const exit = new Promise((resolve) => page.exposeFunction('codeAutomationExit', (c) => resolve(Number(c))));
  process.env.RELEASE_POST_SCREENSHOTS = join(ROOT, 'out', 'screenshots');
  mkdirSync(process.env.RELEASE_POST_SCREENSHOTS, { recursive: true });
  await page.goto(workbenchUrl({ port, folder, testsPath: index }));
  const timeout = new Promise((resolve) => setTimeout(() => resolve('timeout'), TIMEOUT_MS));
  const result = await Promise.race([exit, timeout]);
  if (result === 'timeout') {
    console.error(`integration: no result within ${TIMEOUT_MS / 1000} s`);
    await page.screenshot({ path: join(ROOT, 'out', 'screenshots', 'integration-timeout.png') }).catch(() => {});
  } else {
    code = result;
  }
} finally {
  await browser?.close().catch(() => {});
  server.kill('SIGTERM');
  setTimeout(() => server.kill('SIGKILL'), 3000).unref();
  rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
}

let passed = 0;
let failed = 0;
if (existsSync(reportFile)) {
  const report = JSON.parse(readFileSync(reportFile, 'utf8'));
  console.log(report.lines.join('\n'));
  passed = report.passed;
  failed = report.failed;
} else {
  console.error('integration: the suite wrote no report (the extension host did not run it)');
}
if (code !== 0 && failed === 0) failed = 1;
writeFileSync(summaryFile, JSON.stringify({ passed, failed }));
console.log(`integration: ${passed} passed, ${failed} failed`);
process.exit(code === 0 && failed === 0 ? 0 : 1);
