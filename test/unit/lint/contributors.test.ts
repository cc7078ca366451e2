import * as assert from 'node:assert/strict';
import { fixAll } from '../../../src/core/rules/lint';
import { applyFirstFix, covered, edited, GOOD_POST, lint, ofRule } from './helpers';

const NAMES = 'Ada Quinn, Bruno Salas, Chen Wei';

function countProblems(text: string) {
  return ofRule(lint(text), 'contributor-count');
}

describe('lint: contributor-count', () => {
  it('accepts a count that matches the names', () => {
    assert.deepEqual(countProblems(GOOD_POST), []);
    assert.deepEqual(countProblems(edited(NAMES, 'Ada Quinn, Bruno Salas and Chen Wei.')), []);
    assert.deepEqual(countProblems(edited(NAMES, 'Ada Quinn, Bruno Salas, and Chen Wei.')), []);
  });

  it('reports a stated count that differs from the names listed, at the number, and corrects it', () => {
    const text = edited(NAMES, 'Ada Quinn, Bruno Salas, Chen Wei, Dana Okafor');
    const [problem] = countProblems(text);
    assert.equal(problem.severity, 'warning');
    assert.equal(covered(text, problem), '3');
    assert.match(problem.message, /thanks 3 contributors but lists 4 different names/);
    assert.equal(applyFirstFix(text, problem), text.replace('Thanks to the 3', 'Thanks to the 4'));
  });

  it('reads names on the lines after the sentence in the same paragraph, over several lines', () => {
    const text = edited(`possible:\n\n${NAMES}`, 'possible:\nAda Quinn, Bruno Salas,\nChen Wei, Dana Okafor');
    assert.equal(countProblems(text).length, 1);
  });

  it('reads a list of names', () => {
    assert.deepEqual(countProblems(edited(NAMES, '* Ada Quinn\n* Bruno Salas\n* Chen Wei')), []);
    assert.equal(countProblems(edited(NAMES, '* Ada Quinn\n* Bruno Salas')).length, 1);
  });

  it('reads a count whose "contributors" is a link', () => {
    const text = edited('the 3 contributors', 'the 4 [contributors](https://github.com/apache/mesos/graphs/contributors)');
    assert.equal(countProblems(text).length, 1);
  });

  it('reports a name that repeats, ignoring case, spacing and accents, and removes it', () => {
    const text = edited(NAMES, 'Ada Quinn, Bruno Salas, Chen Wei, ada  quinn');
    const problems = countProblems(text);
    // Three different people are listed, as stated: only the repeat is reported.
    assert.equal(problems.length, 1);
    const [repeat] = problems;
    assert.match(repeat.message, /"ada {2}quinn" is already listed as "Ada Quinn"/);
    assert.equal(covered(text, repeat), 'ada  quinn');
    assert.equal(fixAll(text, problems), GOOD_POST);
    assert.deepEqual(countProblems(fixAll(text, problems)), []);
    assert.equal(countProblems(edited(NAMES, 'Gastón Kleiman, Gaston Kleiman, Chen Wei')).length, 2);
  });

  it('says nothing when no names follow (dangling-lead-in reports that)', () => {
    const text = GOOD_POST.replace(`\n${NAMES}\n`, '');
    assert.deepEqual(countProblems(text), []);
    assert.equal(ofRule(lint(text), 'dangling-lead-in').length, 1);
  });

  it('does not read prose as names', () => {
    const text = edited(NAMES, 'Many people helped with this release, and we are grateful to all of them for it.');
    assert.deepEqual(countProblems(text), []);
  });
});
