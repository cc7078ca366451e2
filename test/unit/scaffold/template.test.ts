import assert from 'node:assert/strict';
import { BUILT_IN_TEMPLATE, renderTemplate, TEMPLATE_VARIABLES, type TemplateVars } from '../../../src/core/draft/template';

function vars(overrides: Partial<TemplateVars> = {}): TemplateVars {
  const all = Object.fromEntries(TEMPLATE_VARIABLES.filter((v) => v.name !== 'cursor').map((v) => [v.name, `<${v.name}>`]));
  return { ...(all as TemplateVars), ...overrides };
}

describe('templates', () => {
  it('fills every documented variable, with or without spaces in the braces', () => {
    const r = renderTemplate('{{version}} after {{ previous_version }} of {{project}}', vars({ version: '1.11.0', previous_version: '1.10.0', project: 'Mesos' }));
    assert.deepEqual(r.errors, []);
    assert.equal(r.text, '1.11.0 after 1.10.0 of Mesos');
  });

  it('reports an unknown variable by name and 1-based line, and leaves it in the text', () => {
    const r = renderTemplate('Intro {{version}}\n\nThanks {{contributers}}!\n{{ nope }}', vars());
    assert.deepEqual(r.errors, ['unknown template variable "{{contributers}}" on line 3', 'unknown template variable "{{nope}}" on line 4']);
    assert.ok(r.text.includes('{{contributers}}'));
  });

  it('reports a "{{" that is never closed', () => {
    const r = renderTemplate('ok {{version}}\nbroken {{version', vars());
    assert.deepEqual(r.errors, ['"{{" without a closing "}}" on line 2']);
  });

  it('gives the position of {{cursor}} and removes it', () => {
    const r = renderTemplate('line one\n  here{{cursor}} rest', vars());
    assert.equal(r.text, 'line one\n  here rest');
    assert.deepEqual(r.cursor, { line: 1, character: 6 });
    assert.equal(renderTemplate('no cursor', vars()).cursor, undefined);
  });

  it('indents the following lines of a multi-line value like the variable', () => {
    const r = renderTemplate('List:\n\n  {{features}}\n', vars({ features: '* a\n* b' }));
    assert.equal(r.text, 'List:\n\n  * a\n  * b\n');
  });

  it('the built-in template uses only documented variables and has the site sections', () => {
    const r = renderTemplate(BUILT_IN_TEMPLATE, vars());
    assert.deepEqual(r.errors, []);
    for (const heading of ['### Upgrades', '### Try it out', '### Thanks!']) assert.ok(r.text.includes(`\n${heading}\n`), heading);
    assert.ok(r.text.includes('[CHANGELOG](<changelog_url>)'));
    assert.ok(r.text.includes('from <article> <project> <previous_version> cluster to <project> <version>'));
    assert.ok(r.cursor);
  });

  it('documents every variable with a description', () => {
    const names = TEMPLATE_VARIABLES.map((v) => v.name);
    assert.equal(new Set(names).size, names.length);
    for (const v of TEMPLATE_VARIABLES) assert.ok(v.description.length > 10, v.name);
    for (const needed of ['version', 'previous_version', 'project', 'features', 'changelog_url', 'download_url', 'upgrades_url', 'community_url', 'contributor_count', 'contributors', 'date', 'title', 'cursor']) {
      assert.ok(names.includes(needed as never), needed);
    }
  });
});
