import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintPost } from '../../../src/core/rules/lint';
import { parsePost } from '../../../src/core/post/parse';
import { defaultProfile } from '../../../src/core/site/profile';
import { assertRangesInside, GOOD_POST } from './helpers';

const SAMPLE_POST = path.resolve(__dirname, '../../fixtures/sample-site/site/source/blog/2025-06-10-orbit-1-1-0-released.md');

function lintText(text: string, name = '2025-06-10-orbit-1-1-0-released.md') {
  const post = parsePost(text);
  const problems = lintPost(post, name, defaultProfile());
  assertRangesInside(post, problems);
  for (const p of problems) assert.doesNotMatch(p.message, /could not check/, `${p.rule} ran without failing`);
  return problems;
}

describe('lint: inputs it must survive', function () {
  // Hundreds of lints per test: generous on a busy machine.
  this.timeout(60000);

  it('every prefix of a real post (a post being typed), with LF and CRLF', () => {
    const text = fs.readFileSync(SAMPLE_POST, 'utf8');
    for (let i = 0; i <= text.length; i++) {
      const prefix = text.slice(0, i);
      lintText(prefix);
      lintText(prefix.replace(/\n/g, '\r\n'));
    }
  });

  it('every prefix of a post with defects of every rule', () => {
    const text = GOOD_POST.replace('hb=1.11.0', 'hb=1.10.0').replace('for [download]', 'for[download]').replace('### Try it out', '###\n\n### Empty\n\n### Try it out [x]() TODO ****');
    for (let i = 0; i <= text.length; i += 3) lintText(text.slice(0, i), '2021-01-05-mesos-1.11.0-released.md');
  });

  it('hazardous texts: empty, delimiters only, CR-only, NUL, garbage, alias bombs, tabs, duplicates', () => {
    const aliasBomb = '---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n---\n';
    const inputs = [
      '',
      '---',
      '---\n---',
      '---\n---\n',
      '\uFEFF',
      '---\rlayout: post\rtitle: x\r---\rBody TODO\r',
      'a\u0000b\n---\n\u0000',
      '\uFFFD\uFFFD\n'.repeat(500),
      aliasBomb,
      '---\nparent:\n\tchild: 1\n---\n',
      '---\ntitle: a\ntitle: b\n---\n',
      '---\n42\n---\n',
      '---\nnull\n---\n',
      '---\n[1, 2]\n---\n',
      '---\ndate: 2024-01-02\nversion: 1.10\n---\n',
      '---\n' + '['.repeat(2000) + '\n---\n',
      '> '.repeat(2000) + 'x',
      '* '.repeat(1000) + 'x',
      '`'.repeat(20000),
      '` x '.repeat(20000),
      '[a]('.repeat(5000),
      '**'.repeat(20000),
      'Thanks to the 3 contributors:\n\n' + 'a, '.repeat(5000),
      'Thanks to the 3 contributors:\n\na' + ' '.repeat(20000) + 'b and c',
      '---\ntitle: Apache Mesos 1.0.0 Released\n---\n\nx[a](b) ' + 'changelog;hb=0.1.0;'.repeat(3000),
      '---\ntitle: Apache Mesos 1.0.0 Released\n---\n\nx[a](b) ' + 'y[a'.repeat(5000) + '[](x'.repeat(5000),
    ];
    for (const input of inputs) lintText(input);
  });

  it('a 1 MiB post with a defect in every copy of its body', () => {
    const body = GOOD_POST.slice(GOOD_POST.indexOf('\n---\n') + 5).replace('for [download]', 'for[download]');
    const big = GOOD_POST + body.repeat(Math.ceil((1024 * 1024) / body.length));
    const problems = lintText(big, '2021-01-05-mesos-1-11-0-released.md');
    assert.equal(problems.filter((p) => p.rule === 'glued-link').length, Math.ceil((1024 * 1024) / body.length));
  });
});
