import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { planReleasePost, suggestReleaseVersions } from '../../../src/core/draft/newPost';
import { findSiteInFolder } from '../../../src/core/site/workspace';
import { defaultProfile } from '../../../src/core/site/profile';
import { inferReleaseNaming } from '../../../src/core/draft/releaseNaming';
import { releaseSlug, releaseTitle } from '../../../src/core/site/fileNames';

describe('release naming of a site without a config file', () => {
  it('keeps the built-in naming when the posts follow it (the Mesos site)', () => {
    const profile = defaultProfile();
    const posts = [
      { fileName: '2016-07-27-mesos-1-0-0-released.md', title: 'Apache Mesos 1.0.0 Released' },
      { fileName: '2019-10-20-mesos-1-10-0-released.md', title: 'Apache Mesos 1.10.0 Released' },
      { fileName: '2015-07-13-mesoscon-seattle.md', title: 'MesosCon Seattle 2015' },
    ];
    assert.equal(inferReleaseNaming(profile, posts), profile);
  });

  it("takes another project's naming from its release posts, the most common one winning", () => {
    const posts = [
      { fileName: '2024-01-05-kestrel-2-0-0-released.md', title: 'Kestrel 2.0.0 Released' },
      { fileName: '2024-04-05-kestrel-2-1-0-released.md', title: 'Kestrel 2.1.0 Released' },
      { fileName: '2023-02-01-kestrel-1-9-released.md', title: 'Announcing Kestrel v1.9' },
      { fileName: '2024-05-01-community-call.md', title: 'Community call: May' },
    ];
    const profile = inferReleaseNaming(defaultProfile(), posts);
    assert.equal(profile.projectName, 'Kestrel');
    assert.equal(releaseTitle(profile, '2.2.0'), 'Kestrel 2.2.0 Released');
    assert.equal(releaseSlug(profile, '2.2.0'), 'kestrel-2-2-0-released');
  });

  it('keeps "Apache" in the title but not in the slug', () => {
    const posts = [{ fileName: '2024-01-05-kudu-1-17-0-released.md', title: 'Apache Kudu 1.17.0 Released' }];
    const profile = inferReleaseNaming(defaultProfile(), posts);
    assert.equal(releaseTitle(profile, '1.18.0'), 'Apache Kudu 1.18.0 Released');
    assert.equal(releaseSlug(profile, '1.18.0'), 'kudu-1-18-0-released');
  });

  it('leaves the profile alone when no post announces a release', () => {
    const profile = defaultProfile();
    assert.equal(inferReleaseNaming(profile, [{ fileName: '2024-05-01-community-call.md', title: 'Community call' }]), profile);
  });
});

describe('New Release Post on a Jekyll site without a config file', () => {
  it("names the post after the site's own release posts", async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'release-post-jekyll-'));
    try {
      fs.mkdirSync(path.join(root, '_posts'));
      fs.writeFileSync(
        path.join(root, '_posts', '2024-04-05-kestrel-2-1-0-released.md'),
        '---\nlayout: post\ntitle: Kestrel 2.1.0 Released\n---\n\nKestrel 2.1.0 is out.\n',
      );
      const site = findSiteInFolder(root)!;
      assert.deepEqual((await suggestReleaseVersions(site)).slice(0, 1), ['2.1.1']);
      const result = await planReleasePost(site, { version: '2.2.0', date: '2024-07-01', author: 'Ada' });
      assert.ok('plan' in result, JSON.stringify(result));
      assert.equal(path.basename(result.plan.path), '2024-07-01-kestrel-2-2-0-released.md');
      assert.match(result.plan.text, /^title: Kestrel 2\.2\.0 Released$/m);
      assert.doesNotMatch(result.plan.text, /Mesos/);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
