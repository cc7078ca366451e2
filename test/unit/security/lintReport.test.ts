import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { lintCommand } from '../../../src/cli/lint';

const GOOD = `---
layout: post
title: Widget 1.0.0 Released
---

Widget 1.0.0 is out.
`;

async function lint(argv: string[], cwd: string) {
  let out = '';
  let err = '';
  const code = await lintCommand(argv, { out: (t) => (out += t), err: (t) => (err += t), cwd });
  return { code, out, err };
}

describe('security: lint reports what it could read and fails on what it could not', () => {
  let temp: string;
  beforeEach(() => {
    temp = fs.mkdtempSync(path.join(os.tmpdir(), 'release-post-report-'));
    fs.writeFileSync(path.join(temp, 'good.md'), GOOD);
  });
  afterEach(() => fs.rmSync(temp, { recursive: true, force: true }));

  it('--format json good.md missing.md prints valid JSON for good.md, names missing.md, exits 2', async () => {
    const r = await lint(['--format', 'json', 'good.md', 'missing.md'], temp);
    assert.equal(r.code, 2);
    const report = JSON.parse(r.out) as { files: number; problems: { file: string }[]; unreadable: string[] };
    assert.equal(report.files, 1);
    assert.ok(report.problems.every((p) => p.file === 'good.md'));
    assert.deepEqual(report.unreadable, ['missing.md']);
    assert.equal(r.err, 'release-post lint: cannot read "missing.md": no such file or folder.\n');
  });

  it('sarif stays one valid log too', async () => {
    const r = await lint(['--format', 'sarif', 'missing.md', 'good.md'], temp);
    assert.equal(r.code, 2);
    assert.equal((JSON.parse(r.out) as { version: string }).version, '2.1.0');
    assert.match(r.err, /cannot read "missing\.md"/);
  });

  it('a file over 5 MB is an error (exit 1), not a pass', async () => {
    fs.writeFileSync(path.join(temp, 'big.md'), GOOD + 'word '.repeat(1.1 * 1024 * 1024));
    const r = await lint(['--format', 'json', 'big.md'], temp);
    assert.equal(r.code, 1);
    const report = JSON.parse(r.out) as { problems: { rule: string; severity: string; message: string }[] };
    assert.deepEqual(
      report.problems.map((p) => [p.rule, p.severity]),
      [['file-too-large', 'error']],
    );
    assert.match(report.problems[0].message, /larger than 5 MB, so it was not checked/);
  });
});
