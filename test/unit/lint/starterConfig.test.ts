import * as assert from 'node:assert/strict';
import { parseConfig } from '../../../src/core/site/config';
import { defaultProfile } from '../../../src/core/site/profile';
import { starterConfig } from '../../../src/core/site/starterConfig';

describe('starter config file', () => {
  it('reads back, with no problem, as the profile it was written from', () => {
    const profile = { ...defaultProfile(), projectName: 'Kestrel', releaseTitle: '{project} {version} Released', postsFolder: '_posts', sourceFolder: '' };
    const { profile: read, problems } = parseConfig(starterConfig(profile));
    assert.deepEqual(problems, []);
    assert.equal(read.projectName, 'Kestrel');
    assert.equal(read.releaseTitle, '{project} {version} Released');
    assert.equal(read.postsFolder, '_posts');
    assert.equal(read.sourceFolder, '');
    assert.deepEqual(read.links, profile.links);
  });
});
