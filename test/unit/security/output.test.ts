import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { formatReport, lintCommand, type ReportedProblem } from '../../../src/cli/lint';

/** Characters a terminal or a CI log acts on: C0 controls but tab and the line feed ending each line, DEL, C1. */
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202e]/;
/** Line starts GitHub Actions and Azure Pipelines read as commands. */
const COMMAND_LINE = /^\s*(?:::|##)/;

const hostile: ReportedProblem = {
  file: '::error::x.md',
  line: 3,
  column: 1,
  endLine: 3,
  endColumn: 9,
  rule: 'empty-section',
  severity: 'warning',
  message: 'the section "Notes\n::error::Injected by the post \u001b[31mred\u001b]8;;https://example.com\u0007link\u009b2J\u202e" is empty',
};

describe('security: the text and github formats cannot command CI or the terminal', () => {
  it('text: no line starts a workflow command and no control character is printed raw', () => {
    const out = formatReport('text', 1, [hostile, { ...hostile, file: '##vso[task.setvariable variable=x]1.md' }]);
    const lines = out.split('\n').slice(0, -1);
    assert.equal(lines.length, 3, 'one line a problem and the summary');
    for (const line of lines) {
      assert.doesNotMatch(line, COMMAND_LINE, line);
      assert.doesNotMatch(line, RAW_CONTROL, line);
    }
    assert.match(lines[0], /^\.\/::error::x\.md:3:1 {2}warning {2}the section "Notes\\x0a::error::Injected by the post \\x1b\[31mred\\x1b\]8;;https:\/\/example\.com\\x07link\\x9b2J\\u202e" is empty/);
  });

  it('github: one annotation a problem, its data escaped, nothing raw', () => {
    const out = formatReport('github', 1, [hostile]);
    const lines = out.split('\n').slice(0, -1);
    assert.equal(lines.length, 1);
    assert.match(lines[0], /^::warning file=%3A%3Aerror%3A%3Ax\.md,line=3,/);
    assert.match(lines[0], /::the section "Notes%0A::error::Injected by the post \\x1b\[31m/);
    assert.doesNotMatch(lines[0], RAW_CONTROL);
  });

  it('a real post with escape sequences in a heading prints none of them', async () => {
    const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'release-post-output-'));
    try {
      const file = path.join(temp, '2026-01-01-widget-2-7-0-released.md');
      fs.writeFileSync(file, '---\nlayout: post\ntitle: Widget 2.7.0 Released\n---\n\n## Notes \u001b[2J\u001b]0;owned\u0007\n\n## Next\n\nText.\n');
      for (const format of ['text', 'github']) {
        let out = '';
        await lintCommand(['--format', format, file], { out: (t) => (out += t), err: () => {}, cwd: temp });
        assert.match(out, /Notes \\x1b\[2J\\x1b\]0;owned\\x07/, format);
        assert.doesNotMatch(out, RAW_CONTROL, format);
      }
    } finally {
      fs.rmSync(temp, { recursive: true, force: true });
    }
  });
});
