import * as assert from 'node:assert/strict';

/**
 * The copy-and-edit drift of a release post, put into the draft `release-post new --version 1.2.0` writes for the
 * sample site: each edit is one fixable problem (missing field, twitter with "@", dotted permalink, previous version
 * in the CHANGELOG link, glued link, wrong contributor count).
 */
export function seedDefects(draft: string): string {
  const edits: [string | RegExp, string][] = [
    ['published: true\n', ''],
    ['  twitter: adaquinn', '  twitter: "@adaquinn"'],
    ['permalink: /blog/orbit-1-2-0-released/', 'permalink: /blog/orbit-1.2-0-released/'],
    ['blob/1.2.0/CHANGELOG', 'blob/1.1.0/CHANGELOG'],
    ['available for [download]', 'available for[download]'],
    ['Thanks to the TODO contributors', 'Thanks to the 4 contributors'],
    [/TODO: list the contributors.*\n/, 'Ada Quinn, Bruno Salas, Chen Wei\n'],
  ];
  return edits.reduce((text, [from, to]) => {
    assert.ok(typeof from === 'string' ? text.includes(from) : from.test(text), `the draft contains ${String(from)}`);
    return text.replace(from, to);
  }, draft);
}

/** The arguments of `release-post new` that write the seed draft. */
export const SEED_DRAFT_ARGS = ['--version', '1.2.0', '--author', 'Ada Quinn', '--twitter', 'adaquinn'];
