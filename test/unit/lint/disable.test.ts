import * as assert from 'node:assert/strict';
import { defaultProfile } from '../../../src/core/site/profile';
import { edited, GOOD_NAME, GOOD_POST, lint, rules } from './helpers';

const BROKEN = edited('let us know what you think.', 'let us know what you think. TODO for[docs](/d/)');

describe('lint: silencing rules', () => {
  it('reports both problems without comments', () => {
    assert.deepEqual(rules(lint(BROKEN)), ['placeholder', 'glued-link']);
  });

  it('disable-next-line silences the named rule on the next line only', () => {
    const text = edited('We encourage you', '<!-- release-post-disable-next-line placeholder -->\nWe encourage you', BROKEN);
    assert.deepEqual(rules(lint(text)), ['glued-link']);
  });

  it('disable silences the rest of the file; enable turns rules back on', () => {
    const disabled = edited('### Try it out', '<!-- release-post-disable placeholder glued-link -->\n\n### Try it out', BROKEN);
    assert.deepEqual(lint(disabled), []);
    const reenabled = disabled.replace('We encourage you', '<!-- release-post-enable glued-link -->\nWe encourage you');
    assert.deepEqual(rules(lint(reenabled)), ['glued-link']);
  });

  it('disable with no names silences every rule', () => {
    const text = edited('### Try it out', '<!-- release-post-disable -->\n\n### Try it out', BROKEN);
    assert.deepEqual(lint(text), []);
  });

  it('does not silence what comes before the comment', () => {
    const text = BROKEN + '\n<!-- release-post-disable -->\n';
    assert.deepEqual(rules(lint(text)), ['placeholder', 'glued-link']);
  });

  it('a disable at the top of the body covers the front matter and the file name', () => {
    const text = GOOD_POST.replace('published: true\n', '').replace('---\n\nThe latest', '---\n<!-- release-post-disable field-missing filename-format -->\n\nThe latest');
    assert.deepEqual(lint(text, 'Mesos.md'), []);
  });

  it('ignores comments inside code', () => {
    const text = edited('### Try it out', '```\n<!-- release-post-disable -->\n```\n\n### Try it out', BROKEN);
    assert.deepEqual(rules(lint(text)), ['placeholder', 'glued-link']);
  });

  it('the profile can turn a rule off or change its severity', () => {
    const profile = defaultProfile();
    profile.rules = { placeholder: 'off', 'glued-link': 'error' };
    const problems = lint(BROKEN, GOOD_NAME, profile);
    assert.deepEqual(problems.map((p) => [p.rule, p.severity]), [['glued-link', 'error']]);
  });
});
