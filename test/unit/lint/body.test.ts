import * as assert from 'node:assert/strict';
import { applyFirstFix, at, covered, edited, GOOD_POST, lint, ofRule } from './helpers';
import { fixAll } from '../../../src/core/rules/lint';

const TRY = '### Try it out\n\nWe encourage you to try out this release and let us know what you think.\n';

describe('lint: empty-heading', () => {
  it('reports "#" and "## " with no text', () => {
    const text = edited('### Try it out', '##\n\n### Try it out');
    const [problem] = ofRule(lint(text), 'empty-heading');
    assert.equal(problem.severity, 'error');
    assert.equal(covered(text, problem), '##');
    assert.equal(ofRule(lint(edited('### Try it out', '### \n\nText.\n\n### Try it out')), 'empty-heading').length, 1);
  });
});

describe('lint: empty-section', () => {
  it('reports a heading followed by a heading of the same level', () => {
    const text = edited(TRY, '### Feature\n\n' + TRY);
    const [problem] = ofRule(lint(text), 'empty-section');
    assert.equal(covered(text, problem), '### Feature');
    assert.match(problem.message, /"Feature" is empty/);
  });

  it('reports a heading followed by a higher-level heading, or by the end', () => {
    assert.equal(ofRule(lint(edited(TRY, '### Feature\n## Next\n\nText.\n\n' + TRY)), 'empty-section').length, 1);
    assert.equal(ofRule(lint(GOOD_POST + '\n### Links\n'), 'empty-section').length, 1);
  });

  it('removes the empty heading with the blank lines after it, or before it at the end of the post', () => {
    const between = edited(TRY, '### Feature\n\n' + TRY);
    const [inside] = ofRule(lint(between), 'empty-section');
    assert.equal(inside.fixes?.[0].title, 'Remove the empty heading "Feature"');
    assert.equal(applyFirstFix(between, inside), GOOD_POST);
    const setext = edited(TRY, 'Feature\n-------\n\n<!-- write me -->\n\n## Next\n\nText.\n\n' + TRY);
    const kept = edited(TRY, '<!-- write me -->\n\n## Next\n\nText.\n\n' + TRY);
    assert.equal(applyFirstFix(setext, ofRule(lint(setext), 'empty-section')[0]), kept);
    const last = GOOD_POST + '\n### Links\n';
    assert.equal(applyFirstFix(last, ofRule(lint(last), 'empty-section')[0]), GOOD_POST);
    const twoEmpty = edited(TRY, '### Feature\n\n### Links\n\n## Next\n\nText.\n\n' + TRY);
    assert.equal(fixAll(twoEmpty, lint(twoEmpty)), edited(TRY, '## Next\n\nText.\n\n' + TRY));
  });

  it('counts a deeper sub-heading as content, not a comment', () => {
    assert.deepEqual(ofRule(lint(edited(TRY, '## Features\n\n### Feature A\n\nText.\n\n' + TRY)), 'empty-section'), []);
    assert.equal(ofRule(lint(edited(TRY, '### Feature\n\n<!-- write me -->\n\n' + TRY)), 'empty-section').length, 1);
  });
});

describe('lint: empty-link', () => {
  it('reports [text](), [text](<>), [text](#) and [](url)', () => {
    for (const link of ['[companies]()', '[companies](<>)', '[companies](#)', '[](http://mesos.apache.org/)']) {
      const text = edited('let us know what you think.', `let us know what you think, ${link}.`);
      const problems = ofRule(lint(text), 'empty-link');
      assert.equal(problems.length, 1, link);
      assert.equal(covered(text, problems[0]), link);
      assert.equal(problems[0].severity, 'error');
    }
  });

  it('offers to keep the text or show the URL, by hand only: fix-all leaves the link as written', () => {
    const cases = [
      ['[companies]()', 'Remove the link, keep its text "companies"', 'companies'],
      ['[`mesos-agent`](#)', 'Remove the link, keep its text "`mesos-agent`"', '`mesos-agent`'],
      ['[](http://mesos.apache.org/a_b/)', 'Show the URL as the link text', '[http://mesos.apache.org/a\\_b/](http://mesos.apache.org/a_b/)'],
      ['[ ](<http://mesos.apache.org/> "Mesos")', 'Show the URL as the link text', '[http://mesos.apache.org/](<http://mesos.apache.org/> "Mesos")'],
    ];
    for (const [link, title, replaced] of cases) {
      const text = edited('let us know what you think.', `let us know what you think, ${link}.`);
      const problems = lint(text);
      const [problem] = ofRule(problems, 'empty-link');
      const fix = problem.fixes?.[0];
      assert.ok(fix && 'edits' in fix && fix.byHand, link);
      assert.equal(fix.title, title);
      const applied = fixAll(text, [{ ...problem, fixes: [{ ...fix, byHand: false }] }]);
      assert.equal(applied, edited('let us know what you think.', `let us know what you think, ${replaced}.`));
      assert.deepEqual(ofRule(lint(applied), 'empty-link'), [], link);
      assert.equal(fixAll(text, problems), text, `fix-all leaves ${link}`);
    }
  });

  it('leaves images, code and real links alone', () => {
    const text = edited('let us know what you think.', 'see ![](/assets/img/blog/a.png), `[x]()` and [docs](/documentation/latest/).');
    assert.deepEqual(ofRule(lint(text), 'empty-link'), []);
  });
});

describe('lint: glued-link', () => {
  it('reports a word glued to a link and adds the space', () => {
    const text = edited('is now available for [download]', 'is now available for[download]');
    const [problem] = ofRule(lint(text), 'glued-link');
    assert.equal(problem.severity, 'warning');
    assert.match(covered(text, problem), /^r\[download\]/);
    assert.equal(applyFirstFix(text, problem), GOOD_POST);
  });

  it('leaves punctuation before a link and code alone', () => {
    const text = edited('let us know what you think.', 'let us know (see [docs](/d/)) and `a[i](x)`.');
    assert.deepEqual(ofRule(lint(text), 'glued-link'), []);
  });
});

describe('lint: placeholder', () => {
  it('looks into TOML (+++) front matter as into YAML: string values, at their exact place; not keys, tables or comments', () => {
    // A Zola post as a draft leaves it: placeholders in a plain string, a list, a multi-line string, an inline table
    // and under [extra]; the same words as keys, in a table name and in comments are not values.
    const text = [
      '+++',
      'path = "2026/12/02/Rust-1.99.0"',
      'title = "Announcing Rust 1.99.0: TODO"',
      'description = "TODO"',
      "authors = ['The Rust Release Team', \"FIXME\"]",
      'summary = """',
      'First line.',
      'Then {{version}} \\" and XXX."""',
      'TODO = "a key, not a value" # TODO in a comment',
      '"FIXME" = 1',
      'links = { "TBD" = "release notes: TBD", other = \'{previous_version}\' }',
      '',
      '[extra]',
      'release = true',
      'note = "TODO: check the numbers"',
      '["TBD"]',
      'x = 1',
      '+++',
      '',
      'Body.',
      '',
    ].join('\n');
    const found = ofRule(lint(text, 'Rust-1.99.0.md'), 'placeholder').map((p) => [p.range.start.line, p.range.start.character, covered(text, p)]);
    assert.deepEqual(found, [
      [2, 33, 'TODO'],
      [3, 15, 'TODO'],
      [4, 37, 'FIXME'],
      [7, 5, '{{version}}'],
      [7, 24, 'XXX'],
      [10, 34, 'TBD'],
      [10, 49, '{previous_version}'],
      [14, 8, 'TODO'],
    ]);
  });

  it('reports TODO, TBD, FIXME, XXX and unfilled variables', () => {
    for (const leftover of ['TODO', 'TBD', 'FIXME', 'XXX', '{{version}}', '{ previous_version }'.replace(/ /g, ''), '{{ contributors }}']) {
      const text = edited('let us know what you think.', `let us know what you think. ${leftover}`);
      const [problem] = ofRule(lint(text), 'placeholder');
      assert.ok(problem, leftover);
      assert.equal(covered(text, problem), leftover);
    }
  });

  it('reports empty emphasis, not two bold words', () => {
    const text = edited('let us know what you think.', 'let us know what you think. **** and ** **');
    assert.deepEqual(ofRule(lint(text), 'placeholder').map((p) => covered(text, p)), ['****', '** **']);
    assert.deepEqual(ofRule(lint(edited('let us know what you think.', '**really** **soon**.')), 'placeholder'), []);
  });

  it('reports a lone ** or __ where a bold value was never filled in, not a product or a bold word', () => {
    const text = edited('let us know what you think.', 'Thanks to the ** contributors who made it and the __ people.');
    assert.deepEqual(ofRule(lint(text), 'placeholder').map((p) => covered(text, p)), ['**', '__']);
    assert.deepEqual(ofRule(lint(edited('let us know what you think.', 'a **b** c and 2**10 and x__y')), 'placeholder'), []);
  });

  it("reports a quoted YAML value that is a leftover: the quotes are YAML's, not a mention", () => {
    for (const [value, found] of [
      ['"TODO"', [[6, 17, 'TODO']]],
      ["'TBD'", [[6, 17, 'TBD']]],
      ['"Notes: FIXME"', [[6, 24, 'FIXME']]],
      ['"the \u201CTODO\u201D list"', []],
      ['"a \'TODO\' list"', []],
    ] as [string, [number, number, string][]][]) {
      const text = edited('display_name: Ada Quinn', `display_name: ${value}`);
      const problems = ofRule(lint(text), 'placeholder');
      assert.deepEqual(problems.map((p) => [...at(p), covered(text, p)]), found, value);
    }
  });

  it('reports leftovers in front-matter values, not in code or words', () => {
    const text = edited('display_name: Ada Quinn', 'display_name: TODO');
    assert.deepEqual(at(ofRule(lint(text), 'placeholder')[0]), [6, 16]);
    const quiet = edited('let us know what you think.', 'let us know: `TODO` TODOs, MESOS-XXXX, {#anchor}.');
    assert.deepEqual(ofRule(lint(quiet), 'placeholder'), []);
  });
});

describe('lint: dangling-lead-in', () => {
  it('reports a lead-in at the end of the post', () => {
    const text = GOOD_POST.replace(/\nAda Quinn, Bruno Salas, Chen Wei\n$/, '');
    const [problem] = ofRule(lint(text), 'dangling-lead-in');
    assert.equal(covered(text, problem), 'Thanks to the 3 contributors who made 1.11.0 possible:');
  });

  it('reports a lead-in followed by the next section', () => {
    const text = edited('\nWe encourage you', '\nTry these features:\n\n### Extra\n\nWe encourage you');
    assert.equal(ofRule(lint(text), 'dangling-lead-in').length, 1);
  });

  it('accepts a lead-in followed by a list, or by sub-sections', () => {
    assert.deepEqual(ofRule(lint(GOOD_POST), 'dangling-lead-in'), []);
    const sections = edited(
      '* [MESOS-101](https://issues.apache.org/jira/browse/MESOS-101) - Fair sharing of CPU between roles.\n* [MESOS-117](https://issues.apache.org/jira/browse/MESOS-117) - A `--work_dir` flag for the agent.\n',
      '#### Fair sharing\n\nCPU is shared.\n',
    );
    assert.deepEqual(ofRule(lint(sections), 'dangling-lead-in'), []);
  });
});
