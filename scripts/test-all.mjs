// `npm test`: type check, lint, build, unit tests, then the integration suite in a real VS Code.
// Ends with one line "N passed, N failed" (tests, plus any failed check step counted as a failure).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './host.mjs';

const npx = (args) => ['npx', ['--no-install', ...args]];
const steps = [
  { name: 'type check', cmd: npx(['tsc', '--noEmit', '-p', '.']) },
  { name: 'type check (webview)', cmd: npx(['tsc', '--noEmit', '-p', 'src/webview']) },
  { name: 'lint', cmd: npx(['eslint', 'src', 'test', 'scripts']) },
  { name: 'build', cmd: ['node', ['scripts/build.mjs']] },
  { name: 'unit tests', cmd: npx(['mocha', '--reporter', 'spec']), counts: 'mocha' },
  { name: 'integration tests', cmd: ['node', ['scripts/run-integration.mjs']], counts: join(ROOT, 'out', 'test', 'integration-summary.json') },
  { name: 'end-to-end tests', cmd: ['node', ['scripts/run-e2e.mjs']], counts: join(ROOT, 'out', 'test', 'e2e-summary.json') },
];

let passed = 0;
let failed = 0;
const failedSteps = [];
for (const step of steps) {
  console.log(`\n== ${step.name}`);
  const [cmd, args] = step.cmd;
  const summary = step.counts && step.counts !== 'mocha' ? step.counts : undefined;
  if (summary) rmSync(summary, { force: true });
  const res = spawnSync(cmd, args, { cwd: ROOT, stdio: step.counts === 'mocha' ? ['inherit', 'pipe', 'inherit'] : 'inherit', encoding: 'utf8' });
  let counted = false;
  if (step.counts === 'mocha') {
    process.stdout.write(res.stdout ?? '');
    const p = /(\d+) passing/.exec(res.stdout ?? '');
    const f = /(\d+) failing/.exec(res.stdout ?? '');
    if (p || f) {
      passed += p ? Number(p[1]) : 0;
      failed += f ? Number(f[1]) : 0;
      counted = true;
    }
  } else if (summary && existsSync(summary)) {
    const s = JSON.parse(readFileSync(summary, 'utf8'));
    passed += s.passed;
    failed += s.failed;
    counted = true;
  }
  if (res.status !== 0) {
    failedSteps.push(step.name);
    if (!counted) failed += 1;
  }
}
console.log('');
if (failedSteps.length) console.log(`failed steps: ${failedSteps.join(', ')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failedSteps.length ? 1 : 0);
