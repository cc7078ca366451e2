import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { lintCommand } from '../../../src/cli/lint';
import { lintPost } from '../../../src/core/rules/lint';
import { claimOf } from '../../../src/core/rules/duplicates';
import { parsePost } from '../../../src/core/post/parse';
import { defaultProfile } from '../../../src/core/site/profile';
import { GOOD_NAME, GOOD_POST } from './helpers';

const profile = defaultProfile();

describe('duplicate-post', () => {
  it('reports another post claiming this URL through its permalink, or announcing this release', () => {
    const post = parsePost(GOOD_POST);
    const dotted = parsePost(GOOD_POST.replace(/^permalink: .*$/m, 'permalink: /blog/mesos-1-11-0-released/'));
    const others = [claimOf(profile, '2020-01-01-mesos-1.11.0-released.md', dotted)];
    const found = lintPost(post, GOOD_NAME, profile, { otherPosts: others }).filter((p) => p.rule === 'duplicate-post');
    assert.equal(found.length, 1, JSON.stringify(found));
    assert.equal(found[0].message, '2020-01-01-mesos-1.11.0-released.md claims the same URL, /blog/mesos-1-11-0-released/');
    assert.equal(found[0].severity, 'warning');

    const sameRelease = [{ path: '2021-05-05-mesos-1-11-0-released-again.md', urls: ['/blog/other/'], version: '1.11' }];
    const again = lintPost(post, GOOD_NAME, profile, { otherPosts: sameRelease }).filter((p) => p.rule === 'duplicate-post');
    assert.match(again[0]?.message ?? '', /announces 1\.11\.0 too/);
  });

  it('says nothing about other releases, or without the site\'s posts', () => {
    const post = parsePost(GOOD_POST);
    const others = [{ path: 'a.md', urls: ['/blog/mesos-1-10-0-released/'], version: '1.10.0' }, { path: 'b.md', urls: ['/blog/mesos-1-11-1-released/'], version: '1.11.1' }];
    assert.deepEqual(lintPost(post, GOOD_NAME, profile, { otherPosts: others }).filter((p) => p.rule === 'duplicate-post'), []);
    assert.deepEqual(lintPost(post, GOOD_NAME, profile).filter((p) => p.rule === 'duplicate-post'), []);
  });

  it('release-post lint reports both posts of one release, one dotted and one dashed', async () => {
    const site = fs.mkdtempSync(path.join(os.tmpdir(), 'release-post-dups-'));
    try {
      const blog = path.join(site, 'site/source/blog');
      fs.mkdirSync(blog, { recursive: true });
      fs.writeFileSync(path.join(blog, GOOD_NAME), GOOD_POST);
      fs.writeFileSync(path.join(blog, GOOD_NAME.replace('1-11-0', '1.11.0').replace(/^\d{4}-\d{2}-\d{2}/, '2020-12-01')), GOOD_POST);
      let out = '';
      await lintCommand([blog], { out: (t) => (out += t), err: () => undefined, cwd: site });
      const lines = out.split('\n').filter((l) => l.includes('duplicate-post'));
      assert.equal(lines.length, 2, out);
    } finally {
      fs.rmSync(site, { recursive: true, force: true });
    }
  });
});
