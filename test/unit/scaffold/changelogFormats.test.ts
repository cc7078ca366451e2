import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findRelease, headingVersion, parseAnyChangelog } from '../../../src/core/draft/changelog';
import { CORPUS, SITES } from '../corpus';
import * as os from 'node:os';
import { planReleasePost } from '../../../src/core/draft/newPost';
import { findSiteInFolder } from '../../../src/core/site/workspace';

const FIXTURES = path.join(__dirname, '../../fixtures/changelogs');
const read = (file: string) => fs.readFileSync(file, 'utf8');
const texts = (items: { text: string }[]) => items.map((i) => i.text);

describe('CHANGELOG formats', () => {
  it('reads the version of each heading shape, and no version from prose headings', () => {
    assert.equal(headingVersion('[1.1.1] - 2023-03-05'), '1.1.1');
    assert.equal(headingVersion('4.4.1 / 2025-01-29'), '4.4.1');
    assert.equal(headingVersion('Version 1.2.0 - 2023-04-14'), '1.2.0');
    assert.equal(headingVersion('v2.0.0-rc.1'), '2.0.0-rc.1');
    for (const none of ['[Unreleased]', 'HEAD', "What's Changed", 'Version ??? - Not yet released', '2023 roadmap']) {
      assert.equal(headingVersion(none), undefined, none);
    }
  });

  it('Keep a Changelog: Added and Changed are the highlights, Unreleased is no release', () => {
    const releases = parseAnyChangelog(read(path.join(FIXTURES, 'keep-a-changelog.md')));
    assert.deepEqual(releases.map((r) => r.version), ['1.1.1', '1.1.0', '0.2.0']);
    const r = findRelease(releases, '1.1.1')!;
    assert.equal(r.heading, '## [1.1.1] - 2023-03-05');
    assert.equal(r.highlights.length, 11, 'ten Added items and one Changed item');
    assert.equal(r.highlights[0].text, 'Arabic translation (#444).');
    assert.ok(!texts(r.highlights).some((t) => t.startsWith('Improve French')), 'fixes are not highlights');
    assert.equal(findRelease(releases, '0.2.0')!.highlights[0].text, 'Remove exclusionary mentions of "open source" since this project can benefit both "open" and "closed" source projects equally.');
  });

  it('GitHub "What\'s Changed" lists and plain lists under `## x.y.z - date`', () => {
    const releases = parseAnyChangelog(read(path.join(FIXTURES, 'whats-changed.md')));
    assert.deepEqual(releases.map((r) => r.version), ['5.1.0', '5.0.0', '4.11.0']);
    assert.deepEqual(texts(releases[0].highlights), ['Laravel 10.x Compatibility by @laravel-shift in https://github.com/spatie/laravel-newsletter/pull/292']);
    assert.equal(releases[1].highlights.length, 4);
  });

  it('`## Version x.y.z - date` headings, wrapped items joined', () => {
    const releases = parseAnyChangelog(read(path.join(FIXTURES, 'version-headings.md')));
    assert.deepEqual(releases.map((r) => r.version), ['1.2.1', '1.2.0', '1.1.8']);
    assert.equal(releases[1].highlights[3].text, "Remove DBLP author disambiguation numbers (DBLP would sometimes return `John Doe 0002`, which you don't want in your file)");
  });

  it("Jekyll's History.markdown: `## 4.4.1 / 2025-01-29` is a bug-fix release; 4.4.0's enhancements are its highlights", function () {
    const file = path.join(SITES, 'jekyll/History.markdown');
    if (!fs.existsSync(file)) {
      console.log('corpus absent: skipped');
      this.skip();
    }
    const releases = parseAnyChangelog(read(file));
    const patch = findRelease(releases, '4.4.1')!;
    assert.equal(patch.heading, '## 4.4.1 / 2025-01-29');
    assert.equal(patch.bugFixRelease, true);
    assert.ok(patch.issueGroups[0].items.length > 0);
    const minor = findRelease(releases, '4.4.0')!;
    assert.equal(minor.bugFixRelease, false);
    assert.equal(minor.highlights[0].text, 'Allow marking specific highlighted lines via Liquid (#9138)');
    assert.ok(!minor.sections.some((s) => s.title === 'Site Enhancements' && s.items.some((i) => minor.highlights.includes(i))), 'site changes are not the product\'s');
  });

  it('the Mesos CHANGELOG is still read as JIRA release notes', function () {
    const file = path.join(CORPUS, 'CHANGELOG');
    if (!fs.existsSync(file)) {
      console.log('corpus absent: skipped');
      this.skip();
    }
    const releases = parseAnyChangelog(read(file));
    assert.equal(releases[0].version, '1.11.0');
    assert.match(findRelease(releases, '1.10.0')!.heading ?? '', /^Release Notes - Mesos - Version 1\.10\.0/);
  });

  it('a draft finds History.markdown when there is no CHANGELOG, and says which file and entry the highlights came from', async () => {
    const site = fs.mkdtempSync(path.join(os.tmpdir(), 'release-post-history-'));
    try {
      fs.cpSync(path.join(__dirname, '../../fixtures/sample-site'), site, { recursive: true });
      fs.rmSync(path.join(site, 'CHANGELOG'));
      fs.writeFileSync(path.join(site, 'History.markdown'), '## HEAD\n\n## 1.2.0 / 2025-07-01\n\n### Minor Enhancements\n\n  * Faster orbit planning (#41)\n\n### Bug Fixes\n\n  * Fix a crash (#40)\n');
      const r = await planReleasePost(findSiteInFolder(site)!, { version: '1.2.0', date: '2025-07-02', author: 'A' });
      assert.ok('plan' in r, JSON.stringify(r));
      assert.match(r.plan.text, /\* Faster orbit planning \(#41\)\n/);
      assert.ok(!r.plan.text.includes('Fix a crash'));
      assert.ok(r.plan.notes.includes(`highlights from ${path.join(site, 'History.markdown')}, the entry "## 1.2.0 / 2025-07-01" (line 3)`), r.plan.notes.join('\n'));
    } finally {
      fs.rmSync(site, { recursive: true, force: true });
    }
  });
});
