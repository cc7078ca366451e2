import * as assert from 'node:assert/strict';
import { defaultProfile } from '../../../src/core/site/profile';
import { applyFirstFix, at, covered, edited, GOOD_NAME, GOOD_POST, lint, ofRule } from './helpers';

describe('lint: filename-format', () => {
  function nameProblem(name: string, text = GOOD_POST) {
    const problems = ofRule(lint(text, name), 'filename-format');
    assert.equal(problems.length, 1, name);
    assert.deepEqual(at(problems[0]), [0, 0]);
    return problems[0];
  }

  it('accepts YYYY-MM-DD-<slug>.md and .markdown', () => {
    assert.deepEqual(ofRule(lint(GOOD_POST, GOOD_NAME), 'filename-format'), []);
    assert.deepEqual(ofRule(lint(GOOD_POST, '2021-01-05-mesos-1-11-0-released.markdown'), 'filename-format'), []);
  });

  it('reports a name without the date', () => {
    assert.match(nameProblem('mesos-1-11-0-released.md').message, /YYYY-MM-DD-<slug>\.md/);
  });

  it('reports a date that does not exist', () => {
    assert.match(nameProblem('2021-02-30-mesos-1-11-0-released.md').message, /2021-02-30.*not a real date/);
  });

  it('reports dots in the slug and offers the dashed name', () => {
    const problem = nameProblem('2018-08-20-mesos-1.4.2-released.md', GOOD_POST.replace(/1[.-]11[.-]0/g, (v) => v.replace('11', '4').replace('0', '2')));
    assert.match(problem.message, /dots/);
    assert.deepEqual(problem.fixes, [{ title: 'Rename the file to 2018-08-20-mesos-1-4-2-released.md', rename: '2018-08-20-mesos-1-4-2-released.md' }]);
  });

  it('reports capitals and spaces', () => {
    assert.match(nameProblem('2021-01-05-Mesos-1-11-0-released.md').message, /capitals/);
    const spaced = nameProblem('2021-01-05-mesos 1-11-0 released.md');
    assert.match(spaced.message, /spaces/);
    assert.deepEqual(spaced.fixes?.map((f) => ('rename' in f ? f.rename : '')), ['2021-01-05-mesos-1-11-0-released.md']);
  });
});

describe('lint: permalink-mismatch', () => {
  it('reports a permalink that is not the file name URL, at the value, and sets it', () => {
    const text = edited('permalink: /blog/mesos-1-11-0-released/', 'permalink: /blog/mesos-1.11-0-released/');
    const [problem] = ofRule(lint(text), 'permalink-mismatch');
    assert.equal(problem.severity, 'warning');
    assert.equal(covered(text, problem), '/blog/mesos-1.11-0-released/');
    assert.equal(applyFirstFix(text, problem), GOOD_POST);
  });

  it('offers to rename a dotted file whose clean name gives the permalink', () => {
    const [problem] = ofRule(lint(GOOD_POST, '2021-01-05-mesos-1.11.0-released.md'), 'permalink-mismatch');
    assert.match(problem.message, /\/blog\/mesos-1\.11\.0-released\//);
    assert.deepEqual(problem.fixes, [{ title: 'Rename the file to 2021-01-05-mesos-1-11-0-released.md', rename: '2021-01-05-mesos-1-11-0-released.md' }]);
  });

  it('follows the profile permalink pattern and is quiet without a permalink', () => {
    const profile = defaultProfile();
    profile.permalink = '/news/{slug}.html';
    assert.equal(ofRule(lint(GOOD_POST, GOOD_NAME, profile), 'permalink-mismatch').length, 1);
    assert.deepEqual(lint(edited('permalink: /blog/mesos-1-11-0-released/\n', '')), []);
  });
});
