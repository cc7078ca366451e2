import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { newCommand } from '../../../src/cli/new';
import { planReleasePost } from '../../../src/core/draft/newPost';
import { suggestNextVersions, validateVersion } from '../../../src/core/draft/versions';
import { releaseKind, rewordLatest } from '../../../src/core/draft/wording';
import { findSiteInFolder } from '../../../src/core/site/workspace';

const SAMPLE_SITE = path.join(__dirname, '../../fixtures/sample-site');

describe('versions and wording', () => {
  it('rejects leading zeros, naming the version meant', () => {
    assert.equal(validateVersion('01.10.0'), '"01.10.0" has a leading zero, which no tag or post would carry; write 1.10.0');
    assert.match(validateVersion('1.010.0-rc1') ?? '', /write 1\.10\.0-rc1$/);
    assert.equal(validateVersion('1.10.0'), undefined);
    assert.equal(validateVersion('0.28.0'), undefined);
  });

  it('suggests a tagged release with no post before the CHANGELOG\'s unreleased entry', () => {
    const next = suggestNextVersions({
      postVersions: ['1.9.0'],
      changelogVersions: [{ version: '1.11.0', wip: true }, { version: '1.10.0', wip: false }],
      tagVersions: ['1.9.0', '1.10.0', '1.10.0-rc1'],
    });
    assert.deepEqual(next.slice(0, 2), ['1.10.0', '1.11.0']);
    assert.ok(!next.includes('1.10.0-rc1'), 'a release candidate whose release is tagged is not offered');
  });

  it('tells a patch on an older line and a pre-release from the latest release', () => {
    const known = ['1.4.1', '1.5.0', '1.6.0', '1.6.1'];
    assert.equal(releaseKind('1.4.2', known), 'older-line');
    assert.equal(releaseKind('1.6.2', known), 'latest');
    assert.equal(releaseKind('1.7.0', known), 'latest');
    assert.equal(releaseKind('1.5.0', known), 'latest', 'a feature release is not a patch on an older line');
    assert.equal(releaseKind('1.7.0-rc1', known), 'pre-release');
    const intro = 'The latest Mesos release, 1.4.2, is now available for [download](x).';
    assert.equal(rewordLatest(intro, '1.4.2', 'older-line'), 'The latest 1.4.x release of Mesos, 1.4.2, is now available for [download](x).');
    assert.equal(rewordLatest(intro.replace(/1\.4\.2/, '1.7.0-rc1'), '1.7.0-rc1', 'pre-release'), 'A pre-release of Mesos, 1.7.0-rc1, is now available for [download](x).');
    assert.equal(rewordLatest(intro, '1.4.2', 'latest'), intro);
  });

  describe('on the sample site', () => {
    let site = '';
    beforeEach(() => {
      site = fs.mkdtempSync(path.join(os.tmpdir(), 'release-post-words-'));
      fs.cpSync(SAMPLE_SITE, site, { recursive: true });
    });
    afterEach(() => fs.rmSync(site, { recursive: true, force: true }));

    it('a patch on an older line is "the latest 1.0.x release", and says so in the notes', async () => {
      const r = await planReleasePost(findSiteInFolder(site)!, { version: '1.0.1', date: '2025-07-01', author: 'A' });
      assert.ok('plan' in r, JSON.stringify(r));
      assert.match(r.plan.text, /\nThe latest 1\.0\.x release of Orbit, 1\.0\.1, is now available/);
      assert.ok(!r.plan.text.includes('The latest Orbit release'));
      assert.ok(r.plan.notes.some((n) => n.startsWith('1.0.1 is a patch on an older line')));
    });

    it('a pre-release needs --pre-release (exit 2, nothing written) and is then worded as one', async () => {
      const before = fs.readdirSync(path.join(site, 'site/source/blog')).sort();
      const err = { out: '', err: '' };
      const io = { cwd: site, out: (t: string) => void (err.out += t), err: (t: string) => void (err.err += t) };
      assert.equal(await newCommand(['--version', '1.2.0-rc1', '--author', 'A', '--date', '2025-07-01'], io), 2);
      assert.match(err.err, /1\.2\.0-rc1 is a pre-release; say so with --pre-release/);
      assert.deepEqual(fs.readdirSync(path.join(site, 'site/source/blog')).sort(), before);

      assert.equal(await newCommand(['--version', '1.2.0-rc1', '--author', 'A', '--date', '2025-07-01', '--pre-release'], io), 0, err.err);
      const text = fs.readFileSync(path.join(site, 'site/source/blog/2025-07-01-orbit-1-2-0-rc1-released.md'), 'utf8');
      assert.match(text, /\nA pre-release of Orbit, 1\.2\.0-rc1, is now available/);
    });

    it('01.10.0 is bad usage (exit 2), not a search for a tag that cannot exist', async () => {
      const out = { err: '' };
      const io = { cwd: site, out: () => undefined, err: (t: string) => void (out.err += t) };
      assert.equal(await newCommand(['--version', '01.10.0', '--author', 'A'], io), 2);
      assert.match(out.err, /leading zero.*write 1\.10\.0/);
    });
  });
});
