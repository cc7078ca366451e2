import * as assert from 'node:assert/strict';
import { applyFirstFix, at, covered, edited, GOOD_POST, lint, ofRule, rules } from './helpers';
import { fixAll } from '../../../src/core/rules/lint';

const NAME = '2021-01-05-mesos-1-11-0-released.md';

describe('lint: front-matter-missing', () => {
  it('reports a post with no front matter, with a fix that inserts the required fields', () => {
    const text = 'The latest Mesos release is out.\n';
    const [problem] = ofRule(lint(text), 'front-matter-missing');
    assert.deepEqual(at(problem), [0, 0]);
    const fix = problem.fixes?.[0];
    assert.ok(fix && 'edits' in fix);
    const fixed = fix.edits[0].newText + text;
    assert.deepEqual(lint(fixed, NAME).filter((p) => p.severity === 'error'), []);
    assert.match(fixed, /^---\nlayout: post\ntitle: Apache Mesos 1\.11\.0 Released\npublished: true\npost_author:\n {2}display_name: TODO\ntags: Release\n---\n\n/);
  });

  it('reports front matter that starts below a blank line, and removes the blank line', () => {
    const text = '\n' + GOOD_POST;
    const [problem] = ofRule(lint(text), 'front-matter-missing');
    assert.match(problem.message, /starts on line 2/);
    const fix = problem.fixes?.[0];
    assert.ok(fix && 'edits' in fix);
    assert.equal(fix.edits[0].range.end.line, 1);
  });

  it('accepts a BOM before the opening line and CRLF line ends', () => {
    assert.deepEqual(lint('\uFEFF' + GOOD_POST), []);
    assert.deepEqual(lint(GOOD_POST.replace(/\n/g, '\r\n')), []);
  });
});

describe('lint: front-matter-syntax', () => {
  it('never evaluates a ---js or ---javascript block', () => {
    const flag = '__releasePostFrontMatterRan';
    for (const opening of ['---js', '---javascript', '---JavaScript']) {
      const text = `${opening}\nglobalThis.${flag} = true; process.exit(7);\n---\n\nBody.\n`;
      const problems = lint(text);
      assert.equal((globalThis as Record<string, unknown>)[flag], undefined, `${opening} did not run`);
      const [problem] = ofRule(problems, 'front-matter-syntax');
      assert.match(problem.message, /never run/);
      assert.deepEqual(at(problem), [0, 0]);
    }
  });

  it('reports a missing closing line at the opening line', () => {
    const [problem] = ofRule(lint('---\nlayout: post\ntitle: x\n'), 'front-matter-syntax');
    assert.match(problem.message, /no closing "---"/);
    assert.deepEqual(at(problem), [0, 0]);
  });

  it('closes the block after its last field, before the body, a heading or the end of the file', () => {
    const open = edited('tags: Release\n---\n', 'tags: Release\n');
    const [problem] = ofRule(lint(open), 'front-matter-syntax');
    assert.equal(problem.fixes?.[0].title, 'Close the front matter after line 9');
    assert.equal(applyFirstFix(open, problem), GOOD_POST);
    assert.equal(fixAll(open, lint(open)), GOOD_POST);
    const crlf = open.replace(/\n/g, '\r\n');
    assert.equal(applyFirstFix(crlf, ofRule(lint(crlf), 'front-matter-syntax')[0]), GOOD_POST.replace(/\n/g, '\r\n'));
    const heading = '---\nlayout: post\ntags:\n- Release\n### Upgrades\n';
    assert.equal(applyFirstFix(heading, ofRule(lint(heading), 'front-matter-syntax')[0]), '---\nlayout: post\ntags:\n- Release\n---\n### Upgrades\n');
    const atEnd = '---\nlayout: post\ntitle: x';
    assert.equal(applyFirstFix(atEnd, ofRule(lint(atEnd), 'front-matter-syntax')[0]), '---\nlayout: post\ntitle: x\n---\n');
  });

  it('takes a line of the wrong number of dashes as the closing line meant, and guesses nothing without a field', () => {
    const dashes = edited('tags: Release\n---\n', 'tags: Release\n----\n');
    const [problem] = ofRule(lint(dashes), 'front-matter-syntax');
    assert.equal(problem.fixes?.[0].title, 'Replace "----" with the closing "---"');
    assert.equal(applyFirstFix(dashes, problem), GOOD_POST);
    for (const text of ['---\n\nlayout: post\n', '---\nThe latest Mesos release is out.\n']) {
      const [unclosed] = ofRule(lint(text), 'front-matter-syntax');
      assert.match(unclosed.message, /no closing "---"/);
      assert.equal(unclosed.fixes, undefined, text);
    }
  });

  it('puts a YAML error at its own line and column', () => {
    const duplicate = edited('published: true\n', 'published: true\ntitle: Again\n');
    const [dup] = ofRule(lint(duplicate), 'front-matter-syntax');
    assert.deepEqual(at(dup), [5, 0]);
    assert.match(dup.message, /unique/);

    const compact = edited('title: Apache Mesos 1.11.0 Released', 'title: Apache Mesos: 1.11.0 Released');
    const [nested] = ofRule(lint(compact), 'front-matter-syntax');
    assert.deepEqual(at(nested), [2, 7]);
    assert.match(nested.message, /compact mappings/);
  });

  it('reports a YAML error every time the same text is linted (no parse cache)', () => {
    const broken = edited('title: Apache Mesos 1.11.0 Released', 'title: [Apache Mesos');
    const first = ofRule(lint(broken), 'front-matter-syntax');
    const second = ofRule(lint(broken), 'front-matter-syntax');
    assert.equal(first.length, 1);
    assert.deepEqual(second, first);
  });

  it('reports a tab in the indentation once, where it is', () => {
    const text = edited('  display_name: Ada Quinn', '\tdisplay_name: Ada Quinn');
    const problems = ofRule(lint(text), 'front-matter-syntax');
    assert.equal(problems.length, 1);
    assert.deepEqual(at(problems[0]), [6, 0]);
    assert.match(problems[0].message, /tab/);
  });

  it('reports front matter that is not a mapping, and skips the field rules then', () => {
    const problems = lint('---\n- layout\n- post\n---\n\nBody.\n', NAME);
    assert.deepEqual(rules(problems), ['front-matter-syntax']);
    assert.match(problems[0].message, /mapping/);
  });

  it('marks exactly the text the parser points at', () => {
    const text = edited('title: Apache Mesos 1.11.0 Released', 'title: a: b');
    const [problem] = ofRule(lint(text), 'front-matter-syntax');
    assert.deepEqual(at(problem), [2, 7]);
    assert.equal(covered(text, problem), 'a');
  });
});
