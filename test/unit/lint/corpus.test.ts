import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintPost, type Problem } from '../../../src/core/rules/lint';
import { parsePost } from '../../../src/core/post/parse';
import { findSiteForFile } from '../../../src/core/site/workspace';
import { assertRangesInside, covered } from './helpers';

import { CORPUS } from '../corpus';
const POSTS = path.join(CORPUS, 'site/source/blog');

describe('lint: the published Mesos posts', function () {
  this.timeout(60000);
  const results = new Map<string, { text: string; problems: Problem[] }>();

  before(function () {
    if (!fs.existsSync(CORPUS)) {
      console.log('corpus absent: skipped');
      this.skip();
    }
    for (const name of fs.readdirSync(POSTS).filter((f) => f.endsWith('.md'))) {
      const file = path.join(POSTS, name);
      const text = fs.readFileSync(file, 'utf8');
      const post = parsePost(text);
      const problems = lintPost(post, name, findSiteForFile(file)!.profile);
      assertRangesInside(post, problems);
      results.set(name, { text, problems });
    }
  });

  const problemsOf = (name: string, rule: string) => results.get(name)!.problems.filter((p) => p.rule === rule);

  it('lints all 78 posts without failing', () => {
    assert.equal(results.size, 78);
    for (const [name, { problems }] of results) {
      for (const p of problems) assert.doesNotMatch(p.message, /could not check/, name);
    }
  });

  it('reports as errors exactly the real defects', () => {
    const errors = [...results]
      .flatMap(([name, { text, problems }]) => problems.filter((p) => p.severity === 'error').map((p) => `${name} ${p.rule} ${covered(text, p)}`))
      .sort();
    assert.deepEqual(errors, [
      '2018-08-20-mesos-1.4.2-released.md filename-format ---',
      '2018-08-20-mesos-1.4.2-released.md version-mismatch 1.4.1',
      '2018-08-20-mesos-1.4.2-released.md version-mismatch 1.4.2',
      '2019-02-26-mesos-1-4-3-released.md version-mismatch 1.4.2',
    ]);
  });

  it('finds the dotted 1.4.2 file name and offers the dashed name', () => {
    const [problem] = problemsOf('2018-08-20-mesos-1.4.2-released.md', 'filename-format');
    assert.deepEqual(problem.fixes, [{ title: 'Rename the file to 2018-08-20-mesos-1-4-2-released.md', rename: '2018-08-20-mesos-1-4-2-released.md' }]);
  });

  it('finds the version drift of the 1.4.2 post', () => {
    const messages = problemsOf('2018-08-20-mesos-1.4.2-released.md', 'version-mismatch').map((p) => p.message);
    assert.deepEqual(messages, [
      '"on top of 1.4.2" should name the previous release, not this one (1.4.2)',
      '"upgrading to Mesos 1.4.1" names 1.4.1 but this post is about 1.4.2',
    ]);
  });

  it('finds the wrong permalinks', () => {
    const wrong = [...results].filter(([name]) => problemsOf(name, 'permalink-mismatch').length).map(([name]) => name);
    assert.deepEqual(wrong.sort(), [
      '2014-05-29-mesos-0-18-1-and-0-18-2-released.md',
      '2017-03-08-mesos-1-2-0-released.md',
      '2018-08-20-mesos-1.4.2-released.md',
    ]);
    const [dotted] = problemsOf('2017-03-08-mesos-1-2-0-released.md', 'permalink-mismatch');
    assert.match(dotted.message, /\/blog\/mesos-1\.2-0-released\//);
  });

  it('finds the contributor counts that disagree with the names, and repeated names', () => {
    const [count] = problemsOf('2016-06-19-mesos-0-27-3-released.md', 'contributor-count');
    assert.match(count.message, /thanks 4 contributors but lists 6 different names/);
    const repeats = problemsOf('2017-03-14-mesos-1-1-1-released.md', 'contributor-count').map((p) => p.message);
    assert.ok(repeats.includes('"haosdent huang" is already listed as "Haosdent Huang"'));
    const sections = [...results].filter(([name]) => problemsOf(name, 'contributor-count').some((p) => /^the post thanks/.test(p.message)));
    assert.equal(sections.length, 13);
  });

  it('finds empty links, glued links and a previous version in the CHANGELOG link wherever they occur', () => {
    for (const [name, { text }] of results) {
      if (/\[[^\]]*\]\(\)/.test(text)) assert.ok(problemsOf(name, 'empty-link').length, `${name}: empty link`);
      if (/[a-z]\[download\]\(/.test(text)) assert.ok(problemsOf(name, 'glued-link').length, `${name}: glued link`);
    }
  });

  it('finds the defects of earlier drafts planted in the real 1.0.0 post', () => {
    const name = '2016-07-27-mesos-1-0-0-released.md';
    const original = results.get(name)!.text;
    const draft = original
      .replace('https://github.com/apache/mesos/blob/1.0.0/CHANGELOG', 'https://gitbox.apache.org/repos/asf?p=mesos.git;a=blob_plain;f=CHANGELOG;hb=0.28.0')
      .replace('Internet companies like', 'Internet [companies]() like')
      .replace('for [download]', 'for[download]');
    assert.notEqual(draft, original);
    const problems = lintPost(parsePost(draft), name, findSiteForFile(path.join(POSTS, name))!.profile);
    const found = problems.map((p) => `${p.rule} ${covered(draft, p)}`);
    assert.deepEqual(found, ['glued-link r[download]', 'empty-link [companies]()', 'version-mismatch 0.28.0']);
  });
});
