import * as assert from 'node:assert/strict';
import { fixAll } from '../../../src/core/rules/lint';
import { defaultProfile } from '../../../src/core/site/profile';
import { applyFirstFix, at, covered, edited, GOOD_POST, lint, ofRule } from './helpers';

describe('lint: field-missing', () => {
  it('names each missing required field', () => {
    const text = GOOD_POST.replace('layout: post\n', '').replace('tags: Release\n', '');
    const problems = ofRule(lint(text), 'field-missing');
    assert.deepEqual(
      problems.map((p) => p.message),
      ['the required field "layout" is missing', 'the required field "tags" is missing'],
    );
    assert.deepEqual(at(problems[0]), [0, 0]);
  });

  it('inserts a missing field at its place in the key order', () => {
    const text = edited('published: true\n', '');
    const [problem] = ofRule(lint(text), 'field-missing');
    assert.equal(applyFirstFix(text, problem), GOOD_POST);
  });

  it('inserts several missing fields in key order, with values from the file name', () => {
    const text = GOOD_POST.replace('title: Apache Mesos 1.11.0 Released\n', '').replace('published: true\n', '').replace('layout: post\n', '');
    const fixed = fixAll(text, lint(text));
    assert.equal(fixed, GOOD_POST);
  });

  it('reports a missing sub-field at its parent and inserts it there', () => {
    const text = edited('  display_name: Ada Quinn\n', '');
    const [problem] = ofRule(lint(text), 'field-missing');
    assert.equal(problem.message, 'the required field "post_author.display_name" is missing');
    assert.equal(covered(text, problem), 'post_author');
    assert.match(applyFirstFix(text, problem), /post_author:\n {2}display_name: TODO\n {2}twitter: adaquinn\n/);
  });

  it('creates the parent mapping when it is absent too', () => {
    const text = edited('post_author:\n  display_name: Ada Quinn\n  twitter: adaquinn\n', '');
    const [problem] = ofRule(lint(text), 'field-missing');
    assert.match(applyFirstFix(text, problem), /published: true\npost_author:\n {2}display_name: TODO\ntags: Release\n/);
  });

  it('reports a field with no value at its key', () => {
    const text = edited('title: Apache Mesos 1.11.0 Released', 'title:');
    const [problem] = ofRule(lint(text), 'field-missing');
    assert.equal(problem.message, 'the required field "title" has no value');
    assert.equal(covered(text, problem), 'title');
    assert.equal(applyFirstFix(text, problem), GOOD_POST);
  });

  it('keeps CRLF line ends in what it inserts', () => {
    const text = edited('published: true\n', '').replace(/\n/g, '\r\n');
    const fixed = fixAll(text, lint(text));
    assert.equal(fixed, GOOD_POST.replace(/\n/g, '\r\n'));
  });

  it('follows the profile: its required fields only', () => {
    const profile = defaultProfile();
    profile.requiredFields = ['layout', 'title'];
    const text = edited('tags: Release\n', '');
    assert.deepEqual(ofRule(lint(text, undefined, profile), 'field-missing'), []);
  });
});

describe('lint: field-type', () => {
  function typeProblem(from: string, to: string) {
    const text = edited(from, to);
    const problems = ofRule(lint(text), 'field-type');
    assert.equal(problems.length, 1, `one field-type problem for ${to}`);
    return { text, problem: problems[0] };
  }

  it('published must be a boolean; a quoted "true" or yes is fixed', () => {
    const { text, problem } = typeProblem('published: true', 'published: "true"');
    assert.equal(covered(text, problem), '"true"');
    assert.equal(applyFirstFix(text, problem), GOOD_POST);
    const yes = typeProblem('published: true', 'published: yes');
    assert.equal(applyFirstFix(yes.text, yes.problem), GOOD_POST);
  });

  it('title must be text; a number is quoted', () => {
    const { text, problem } = typeProblem('title: Apache Mesos 1.11.0 Released', 'title: 1.11');
    assert.match(problem.message, /must be text/);
    assert.match(applyFirstFix(text, problem), /title: "1\.11"/);
  });

  it('tags must be one comma-separated string; a list is joined', () => {
    const { text, problem } = typeProblem('tags: Release', 'tags:\n  - Release\n  - Docker');
    assert.match(problem.message, /comma-separated/);
    const fixed = applyFirstFix(text, problem);
    assert.match(fixed, /\ntags: Release, Docker\n---/);
    assert.deepEqual(ofRule(lint(fixed), 'field-type'), []);
    typeProblem('tags: Release', 'tags: Release,,Docker');
  });

  it('twitter is a handle without @', () => {
    const { text, problem } = typeProblem('twitter: adaquinn', 'twitter: "@adaquinn"');
    assert.equal(applyFirstFix(text, problem), GOOD_POST.replace('twitter: adaquinn', 'twitter: "adaquinn"'));
    const bad = typeProblem('twitter: adaquinn', 'twitter: ada quinn!');
    assert.equal(bad.problem.fixes, undefined);
  });

  it('gravatar is 32 lower-case hex characters', () => {
    const hash = '0bc83cb571cd1c50ba6f3e8a78ef1346';
    assert.deepEqual(ofRule(lint(edited('  twitter: adaquinn', `  twitter: adaquinn\n  gravatar: ${hash}`)), 'field-type'), []);
    const short = typeProblem('  twitter: adaquinn', '  twitter: adaquinn\n  gravatar: 0bc83cb5');
    assert.match(short.problem.message, /32 hexadecimal/);
    const upper = typeProblem('  twitter: adaquinn', `  twitter: adaquinn\n  gravatar: ${hash.toUpperCase()}`);
    assert.match(applyFirstFix(upper.text, upper.problem), new RegExp(`gravatar: ${hash}\\n`));
  });

  it('layout is one the site has', () => {
    const { text, problem } = typeProblem('layout: post', 'layout: article');
    assert.match(problem.message, /not a layout of this site \(post\)/);
    assert.equal(covered(text, problem), 'article');
  });

  it('a date, when set, is the file name date', () => {
    assert.deepEqual(ofRule(lint(edited('tags: Release', 'tags: Release\ndate: 2021-01-05')), 'field-type'), []);
    const { problem } = typeProblem('tags: Release', 'tags: Release\ndate: 2021-01-06');
    assert.match(problem.message, /file name says 2021-01-05/);
  });

  it('post_author must be a mapping', () => {
    const { problem } = typeProblem('post_author:\n  display_name: Ada Quinn\n  twitter: adaquinn', 'post_author: Ada Quinn');
    assert.match(problem.message, /mapping/);
    assert.deepEqual(ofRule(lint(edited('post_author:\n  display_name: Ada Quinn\n  twitter: adaquinn', 'post_author: Ada Quinn')), 'field-missing'), []);
  });

  it('canonical_url is an absolute URL', () => {
    typeProblem('tags: Release', 'tags: Release\ncanonical_url: /blog/x/');
    assert.deepEqual(ofRule(lint(edited('tags: Release', 'tags: Release\ncanonical_url: https://example.org/x')), 'field-type'), []);
  });
});
