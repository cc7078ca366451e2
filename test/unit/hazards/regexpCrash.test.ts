import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Two mutated Mesos posts that, linted in one run in this order, once aborted the process (see its README). */
const CRASH = path.resolve(__dirname, '../../../../shared/corpus/hostile/regexp-crash');
const FIRST = 'a/site/source/blog/2018-07-25-mesos-1-6-1-released.md';
const SECOND = 'b/site/source/blog/2016-07-21-dev-community-status.md';
const CLI = path.resolve(__dirname, '../../../src/cli/main.ts');

describe('the regexp-crash pair of the hostile corpus', function () {
  // Its own process: a V8 abort cannot be caught, it would end the test run. Generous: the machine may be busy.
  this.timeout(240000);

  before(function () {
    if (!fs.existsSync(path.join(CRASH, FIRST))) {
      console.log(`    (skipped: ${CRASH} is absent)`);
      this.skip();
    }
  });

  it('lints both posts in one run, in the order that aborted it, with a JSON report', () => {
    const tsx = path.join(path.dirname(require.resolve('tsx/package.json')), 'dist/cli.mjs');
    const run = spawnSync(process.execPath, [tsx, CLI, 'lint', '--format', 'json', FIRST, SECOND], {
      cwd: CRASH,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    assert.equal(run.signal, null, `the process was killed: ${run.stderr.slice(-500)}`);
    assert.equal(run.status, 1, run.stderr.slice(-500));
    const report = JSON.parse(run.stdout) as { files: number; problems: { file: string; rule: string; message: string }[] };
    assert.equal(report.files, 2);
    const nesting = report.problems.find((p) => p.file === SECOND && p.rule === 'front-matter-syntax');
    assert.match(nesting?.message ?? '', /nests more than 100 levels/);
    assert.ok(report.problems.some((p) => p.file === FIRST && p.rule === 'front-matter-syntax'), 'the tab-indented author block is reported');
  });
});
