import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { addReleaseToDataFile, suggestNewsTitle } from '../../../src/core/draft/dataFile';

const SAMPLE = path.join(__dirname, '../../fixtures/sample-site/site/data/releases.yml');
import { CORPUS as CORPUS_ROOT } from '../corpus';
const CORPUS = path.join(CORPUS_ROOT, 'site/data/releases.yml');

/** The lines of `after` that are not in `before`, and the reverse, compared line by line in order. */
function lineDiff(before: string, after: string): { added: string[]; removed: string[] } {
  const a = before.split('\n');
  const b = after.split('\n');
  let start = 0;
  while (start < a.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  return { removed: a.slice(start, endA), added: b.slice(start, endB) };
}

describe('addReleaseToDataFile', () => {
  const sample = fs.readFileSync(SAMPLE, 'utf8');

  it('adds a news item on top and moves latest_stable, changing nothing else (sample site)', () => {
    const title = suggestNewsTitle(sample, 'Orbit', '1.2.0');
    assert.equal(title, 'Orbit 1.2.0 is released!');
    const r = addReleaseToDataFile(sample, { title, date: 'August 1, 2025', version: '1.2.0', slug: 'orbit-1-2-0-released' });
    assert.ok('text' in r, JSON.stringify(r));
    const expected = sample
      .replace('  version: 1.1.0\n', '  version: 1.2.0\n')
      .replace(
        '  - title: Orbit 1.1.0 is released!',
        '  - title: Orbit 1.2.0 is released!\n    date: August 1, 2025\n    target_version: 1.2.0\n    blog: orbit-1-2-0-released\n  - title: Orbit 1.1.0 is released!',
      );
    assert.equal(r.text, expected);
    assert.deepEqual(r.changes, ['news: added "Orbit 1.2.0 is released!"', 'latest_stable.version: 1.1.0 -> 1.2.0']);
  });

  it('keeps latest_stable when the release is older (a patch of an older line)', () => {
    const r = addReleaseToDataFile(sample, { title: 'Orbit 1.0.1 is released!', date: 'July 1, 2025', version: '1.0.1', slug: 'orbit-1-0-1-released' });
    assert.ok('text' in r);
    assert.ok(r.text.includes('latest_stable:\n  version: 1.1.0\n'));
    assert.deepEqual(r.changes, [
      'news: added "Orbit 1.0.1 is released!"',
      'latest_stable stays 1.1.0: 1.0.1 is a patch on an older line (the latest 1.0.x release)',
    ]);
    const rc = addReleaseToDataFile(sample, { title: 'Orbit 1.2.0-rc1', date: 'July 1, 2025', version: '1.2.0-rc1', slug: 'orbit-1-2-0-rc1-released' });
    assert.ok('text' in rc && rc.changes[1] === 'latest_stable stays 1.1.0 (1.2.0-rc1 is a pre-release)');
    assert.deepEqual(lineDiff(sample, r.text).removed, []);
  });

  it('refuses, changing nothing, when the version or the post is already listed', () => {
    const again = addReleaseToDataFile(sample, { title: 'x', date: 'June 10, 2025', version: '1.1.0', slug: 'orbit-1-1-0-x' });
    assert.deepEqual(again, { error: 'the data file already has a news item for 1.1.0' });
    const samePost = addReleaseToDataFile(sample, { title: 'x', date: 'June 10, 2025', version: '1.1.9', slug: 'orbit-1-1-0-released' });
    assert.ok('error' in samePost && samePost.error.includes('orbit-1-1-0-released'));
  });

  it('refuses a file that is not valid YAML, naming the line', () => {
    const r = addReleaseToDataFile('news:\n  - title: [unclosed\n', { title: 't', date: 'd', version: '1.0.0', slug: 's' });
    assert.ok('error' in r && /not valid YAML \(line \d+/.test(r.error));
  });

  it('keeps CRLF line endings and fills an empty news list', () => {
    const r = addReleaseToDataFile('latest_stable:\r\n  version: 0.9.0\r\nnews:\r\n', { title: 'P 1.0.0', date: 'May 1, 2025', version: '1.0.0', slug: 'p-1-0-0-released' });
    assert.ok('text' in r);
    assert.equal(
      r.text,
      'latest_stable:\r\n  version: 1.0.0\r\nnews:\r\n  - title: P 1.0.0\r\n    date: May 1, 2025\r\n    target_version: 1.0.0\r\n    blog: p-1-0-0-released\r\n',
    );
  });

  it('on a copy of the Mesos data file only the intended lines change', function () {
    if (!fs.existsSync(CORPUS)) {
      console.log('corpus absent: skipped');
      this.skip();
    }
    const original = fs.readFileSync(CORPUS, 'utf8');
    const title = suggestNewsTitle(original, 'Mesos', '1.11.1');
    assert.equal(title, 'Mesos 1.11.1 is released!');
    const r = addReleaseToDataFile(original, { title, date: 'December 1, 2020', version: '1.11.1', slug: 'mesos-1-11-1-released' });
    assert.ok('text' in r, JSON.stringify(r));
    const lines = original.split('\n');
    const out = r.text.split('\n');
    // Four news lines and a versions entry of two lines; latest_stable waits for 1.11.1's jira_version.
    assert.equal(out.length, lines.length + 6);
    assert.ok(r.text.includes('latest_stable:\n  version: 1.11.0\n'));
    assert.ok(r.changes.includes('latest_stable stays 1.11.0: the versions entry of 1.11.1 has no jira_version yet; fill it in and run again'));
    // The four new lines go right above the newest item, below the comment block that documents the items.
    const firstItem = lines.indexOf('  - title: Mesos 1.10.0 is released!');
    assert.deepEqual(out.slice(firstItem, firstItem + 5), [
      '  - title: Mesos 1.11.1 is released!',
      '    date: December 1, 2020',
      '    target_version: 1.11.1',
      '    blog: mesos-1-11-1-released',
      '  - title: Mesos 1.10.0 is released!',
    ]);
    assert.deepEqual(out.slice(0, firstItem), lines.slice(0, firstItem));
    // The versions entry goes above 1.11.0, the newest of its line, with the keys the entries have.
    const entry = out.indexOf('  - version: 1.11.1');
    assert.deepEqual(out.slice(entry, entry + 3), ['  - version: 1.11.1', '    jira_version: # TODO: the jira_version of 1.11.1', '  - version: 1.11.0']);
  });
});

describe('addReleaseToDataFile: every field that names the release', () => {
  // The shape of Mesos's releases.yml before its 1.7.0 post (commit b02b92a64^), cut short.
  const before = [
    '---',
    '# * When releasing a new version, we need to append an item to `news` and',
    '#   `versions` below.',
    'latest_stable:',
    '  version: 1.6.1',
    '  jira_version: 12343270',
    'news:',
    '## * If the news is used to announce a release version, the item structure is',
    '  - title: Mesos 1.4.2 is released!',
    '    date: August 20, 2018',
    '    blog: mesos-1-4-2-released',
    '  - title: Mesos 1.6.1 is released!',
    '    date: July 25, 2018',
    '    blog: mesos-1-6-1-released',
    'versions:',
    '## `versions` field is the definition of release versions.',
    '  - version: 1.7.0',
    '    jira_version: 12343250',
    '  - version: 1.6.1',
    '    jira_version: 12343270',
    '  - version: 1.4.1',
    '    jira_version: 12341353',
    '',
  ].join('\n');

  it('moves latest_stable.version and its jira_version together, in the newest news item\'s keys (as the 1.7.0 commit did)', () => {
    const r = addReleaseToDataFile(before, { title: 'Mesos 1.7.0 is released!', date: 'September 24, 2018', version: '1.7.0', slug: 'mesos-1-7-0-released' });
    assert.ok('text' in r, JSON.stringify(r));
    const expected = before
      .replace('  version: 1.6.1\n  jira_version: 12343270', '  version: 1.7.0\n  jira_version: 12343250')
      .replace('  - title: Mesos 1.4.2', '  - title: Mesos 1.7.0 is released!\n    date: September 24, 2018\n    blog: mesos-1-7-0-released\n  - title: Mesos 1.4.2');
    assert.equal(r.text, expected);
    assert.ok(r.changes.includes('latest_stable.jira_version: 12343270 -> 12343250'));
  });

  it('adds a versions entry above the newest of its line and leaves latest_stable alone for an older line, saying so', () => {
    const patch = addReleaseToDataFile(before.replace(/  - title: Mesos 1\.4\.2[^\n]*\n[^\n]*\n[^\n]*\n/, ''), {
      title: 'Mesos 1.4.2 is released!',
      date: 'August 20, 2018',
      version: '1.4.2',
      slug: 'mesos-1-4-2-released',
    });
    assert.ok('text' in patch, JSON.stringify(patch));
    assert.ok(patch.text.includes('latest_stable:\n  version: 1.6.1\n  jira_version: 12343270\n'));
    assert.ok(patch.text.includes('  - version: 1.6.1\n    jira_version: 12343270\n  - version: 1.4.2\n    jira_version: # TODO: the jira_version of 1.4.2\n  - version: 1.4.1\n'));
    assert.ok(patch.changes.includes('latest_stable stays 1.6.1: 1.4.2 is a patch on an older line (the latest 1.4.x release)'));
    assert.ok(patch.changes.includes('versions: added 1.4.2 (fill in its jira_version)'));
  });

  it('leaves latest_stable alone when the new release has no jira_version yet, rather than pointing at the wrong release notes', () => {
    const r = addReleaseToDataFile(before, { title: 'Mesos 1.8.0 is released!', date: 'May 2, 2019', version: '1.8.0', slug: 'mesos-1-8-0-released' });
    assert.ok('text' in r, JSON.stringify(r));
    assert.ok(r.text.includes('latest_stable:\n  version: 1.6.1\n  jira_version: 12343270\n'));
    assert.ok(r.text.includes('versions:\n## `versions` field is the definition of release versions.\n  - version: 1.8.0\n    jira_version: # TODO: the jira_version of 1.8.0\n  - version: 1.7.0\n'));
  });
});
