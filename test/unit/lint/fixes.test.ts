import * as assert from 'node:assert/strict';
import { fixAll } from '../../../src/core/rules/lint';
import { GOOD_POST, lint, rules } from './helpers';

/** The good post with one defect of each rule that has a clear fix. */
const BROKEN = GOOD_POST.replace('published: true\n', '')
  .replace('permalink: /blog/mesos-1-11-0-released/', 'permalink: /blog/mesos-1.11-0-released/')
  .replace('  twitter: adaquinn', '  twitter: "@adaquinn"')
  .replace('hb=1.11.0', 'hb=1.10.0')
  .replace('available for [download]', 'available for[download]')
  .replace('Thanks to the 3', 'Thanks to the 5');

describe('lint: fixAll', () => {
  it('applies every clear fix and leaves a clean post', () => {
    assert.deepEqual(rules(lint(BROKEN)).sort(), ['contributor-count', 'field-missing', 'field-type', 'glued-link', 'permalink-mismatch', 'version-mismatch']);
    const fixed = fixAll(BROKEN, lint(BROKEN));
    assert.deepEqual(lint(fixed), []);
    assert.equal(fixed, GOOD_POST.replace('twitter: adaquinn', 'twitter: "adaquinn"'));
  });

  it('does the same on CRLF text', () => {
    const crlf = BROKEN.replace(/\n/g, '\r\n');
    const fixed = fixAll(crlf, lint(crlf));
    assert.deepEqual(lint(fixed), []);
    assert.ok(!/[^\r]\n/.test(fixed), 'only CRLF line ends');
  });

  it('leaves renames to the caller and skips overlapping edits', () => {
    const problems = lint(GOOD_POST, '2021-01-05-Mesos-1-11-0-released.md');
    assert.ok(problems.some((p) => p.fixes?.some((f) => 'rename' in f)));
    assert.equal(fixAll(GOOD_POST, problems), GOOD_POST);
    const edit = (newText: string) => ({
      rule: 'placeholder',
      severity: 'warning' as const,
      message: 'x',
      range: { start: { line: 1, character: 0 }, end: { line: 1, character: 6 } },
      fixes: [{ title: 't', edits: [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 6 } }, newText }] }],
    });
    assert.match(fixAll(GOOD_POST, [edit('first'), edit('second')]), /^---\nfirst: post\n/);
  });
});
