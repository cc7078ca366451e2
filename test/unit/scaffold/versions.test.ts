import assert from 'node:assert/strict';
import { defaultProfile } from '../../../src/core/site/profile';
import {
  compareVersions,
  parseVersion,
  previousVersion,
  releaseVersionFromSlug,
  sortVersionsDescending,
  suggestNextVersions,
  validateVersion,
  versionFromTag,
  versionFromTitle,
} from '../../../src/core/draft/versions';

describe('versions', () => {
  it('parses X.Y.Z with an optional pre-release and refuses anything else', () => {
    assert.deepEqual(parseVersion('1.11.0'), { major: 1, minor: 11, patch: 0, pre: undefined });
    assert.deepEqual(parseVersion('1.11.0-rc1'), { major: 1, minor: 11, patch: 0, pre: 'rc1' });
    for (const bad of ['1.11', 'v1.11.0', '1.11.0.1', '', 'one.two.three', '1.11.0-']) assert.equal(parseVersion(bad), undefined, bad);
  });

  it('explains what is wrong with an invalid version', () => {
    assert.equal(validateVersion('1.11.0'), undefined);
    assert.match(validateVersion('v1.11.0')!, /without "v": 1\.11\.0/);
    assert.match(validateVersion('1.11')!, /patch number: 1\.11\.0/);
    assert.match(validateVersion('')!, /empty/);
    assert.match(validateVersion('latest')!, /"latest" is not a version/);
  });

  it('orders numerically, with pre-releases before their release', () => {
    assert.ok(compareVersions('1.10.0', '1.9.0') > 0);
    assert.ok(compareVersions('1.11.0-rc2', '1.11.0') < 0);
    assert.ok(compareVersions('1.11.0-rc10', '1.11.0-rc2') > 0);
    assert.deepEqual(sortVersionsDescending(['0.28.0', '1.9.0', '1.10.0', '1.10.0', 'junk', '1.0.0']), ['1.10.0', '1.9.0', '1.0.0', '0.28.0']);
  });

  it('reads the version of a title, a release slug and a tag', () => {
    assert.equal(versionFromTitle('Apache Mesos 1.4.2 Released'), '1.4.2');
    assert.equal(versionFromTitle('Apache Mesos 1.10: Container Resource Bursting'), '1.10.0');
    assert.equal(versionFromTitle('MesosCon 2018 CFP is now open'), undefined);
    const profile = defaultProfile();
    assert.equal(releaseVersionFromSlug(profile, 'mesos-1-11-0-released'), '1.11.0');
    assert.equal(releaseVersionFromSlug(profile, 'mesos-1.4.2-released'), '1.4.2');
    assert.equal(releaseVersionFromSlug(profile, 'mesos-1-7-0-performance-improvements'), undefined);
    assert.equal(releaseVersionFromSlug({ ...profile, projectName: 'Orbit' }, 'orbit-1-2-0-released'), '1.2.0');
    assert.equal(versionFromTag(profile, '1.10.0'), '1.10.0');
    assert.equal(versionFromTag({ ...profile, gitTag: 'v{version}' }, 'v2.0.1'), '2.0.1');
    assert.equal(versionFromTag(profile, 'release-candidate'), undefined);
  });

  describe('suggestNextVersions', () => {
    it('offers a CHANGELOG entry newer than every post first, WIP or not', () => {
      const orbit = suggestNextVersions({
        postVersions: ['1.0.0', '1.1.0'],
        changelogVersions: [
          { version: '1.2.0', wip: true },
          { version: '1.1.1', wip: false },
          { version: '1.1.0', wip: false },
        ],
        tagVersions: [],
      });
      assert.equal(orbit[0], '1.2.0');
      assert.ok(orbit.includes('1.1.1'), 'an unannounced released version is offered too');
      assert.ok(!orbit.includes('1.1.0'), 'a version that has a post is never offered');
    });

    it('for Mesos offers 1.11.0 (released, no post yet) before the stale 1.10.1 WIP entry', () => {
      const mesos = suggestNextVersions({
        postVersions: ['1.9.0', '1.10.0', '1.8.1'],
        changelogVersions: [
          { version: '1.11.0', wip: false },
          { version: '1.10.1', wip: true },
          { version: '1.10.0', wip: false },
          { version: '1.9.1', wip: true },
        ],
        tagVersions: [],
      });
      assert.deepEqual(mesos.slice(0, 2), ['1.11.0', '1.10.1']);
      assert.ok(!mesos.includes('1.9.1'), 'entries older than the newest post are not offered');
    });

    it('without a CHANGELOG, offers tags newer than every post, then the next patch, minor and major', () => {
      assert.deepEqual(suggestNextVersions({ postVersions: ['2.3.1'], changelogVersions: [], tagVersions: ['2.3.0', '2.4.0'] }), [
        '2.4.0',
        '2.3.2',
        '3.0.0',
      ]);
      assert.deepEqual(suggestNextVersions({ postVersions: [], changelogVersions: [], tagVersions: [] }), ['1.0.0']);
    });
  });

  describe('previousVersion', () => {
    const known = ['1.2.0', '1.2.1', '1.3.0', '1.3.1', '1.4.0', '1.4.1', '1.4.2', '1.5.0-rc1'];
    it('names the previous patch of the same line for a patch release', () => {
      assert.equal(previousVersion('1.4.2', known), '1.4.1');
      assert.equal(previousVersion('1.4.3', known), '1.4.2');
    });
    it('names the previous minor .0 for a minor release, as the site does (1.3.0 for 1.4.0)', () => {
      assert.equal(previousVersion('1.4.0', known), '1.3.0');
      assert.equal(previousVersion('1.5.0', known), '1.4.0');
      assert.equal(previousVersion('2.0.0', known), '1.4.0');
    });
    it('is undefined for the first release', () => {
      assert.equal(previousVersion('1.0.0', ['1.0.0', '1.1.0']), undefined);
    });
  });
});
