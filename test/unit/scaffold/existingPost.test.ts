import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { newCommand } from '../../../src/cli/new';
import type { CliIO } from '../../../src/cli/io';
import { findExistingPost } from '../../../src/core/draft/existingPost';
import { existingPostFor, planReleasePost } from '../../../src/core/draft/newPost';
import { findSiteInFolder } from '../../../src/core/site/workspace';
import { defaultProfile } from '../../../src/core/site/profile';

const SAMPLE_SITE = path.join(__dirname, '../../fixtures/sample-site');
const BLOG = 'site/source/blog';

function captureIO(cwd: string): CliIO & { stdout: string; stderr: string } {
  const io = { stdout: '', stderr: '', cwd, out: (t: string) => void (io.stdout += t), err: (t: string) => void (io.stderr += t) };
  return io;
}

function listing(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[]).sort();
}

const post = (title: string, permalink?: string) =>
  `---\nlayout: post\ntitle: ${title}\n${permalink ? `permalink: ${permalink}\n` : ''}---\n\nBody.\n`;

describe('one post per release', () => {
  const profile = { ...defaultProfile(), projectName: 'Orbit' };

  describe('findExistingPost', () => {
    it('finds the release by a dotted file name, a permalink, a title or the data file', () => {
      const planned = { version: '1.4.2', slug: 'orbit-1-4-2-released', permalink: '/blog/orbit-1-4-2-released/' };
      const dotted = { fileName: `${BLOG}/2018-08-20-orbit-1.4.2-released.md`, text: post('Orbit 1.4.2 Released') };
      assert.deepEqual(findExistingPost(profile, [dotted], planned), { path: dotted.fileName, why: 'its file name announces 1.4.2' });

      const claimed = { fileName: `${BLOG}/2018-08-21-patch-day.md`, text: post('Patch day', '/blog/orbit-1-4-2-released') };
      assert.equal(findExistingPost(profile, [claimed], planned)?.why, 'its permalink is /blog/orbit-1-4-2-released');

      const titled = [
        { fileName: `${BLOG}/2018-01-01-spring.md`, text: post('Orbit 1.4.1 is out') },
        { fileName: `${BLOG}/2018-08-22-summer.md`, text: post('Orbit 1.4.2 is out') },
      ];
      assert.equal(findExistingPost(profile, titled, planned)?.path, titled[1].fileName);

      const linked = { fileName: `${BLOG}/2018-08-23-news.md`, text: post('News') };
      const data = 'news:\n  - title: x\n    target_version: 1.4.2\n    blog: news\n';
      assert.equal(findExistingPost(profile, [linked], planned, data)?.why, "the data file's news item for 1.4.2 links to it");
    });

    it('does not take another release or a post on another project for this one', () => {
      const planned = { version: '1.4.2', slug: 'orbit-1-4-2-released', permalink: '/blog/orbit-1-4-2-released/' };
      const posts = [
        { fileName: `${BLOG}/2018-08-20-orbit-1-4-1-released.md`, text: post('Orbit 1.4.1 Released') },
        { fileName: `${BLOG}/2018-08-21-orbit-1-4-20-released.md`, text: post('Orbit 1.4.20 Released') },
        { fileName: `${BLOG}/2018-08-22-meetup.md`, text: post('Meetup notes') },
      ];
      assert.equal(findExistingPost(profile, posts, planned), undefined);
    });
  });

  describe('release-post new', () => {
    let site = '';
    beforeEach(() => {
      site = fs.mkdtempSync(path.join(os.tmpdir(), 'release-post-dup-'));
      fs.cpSync(SAMPLE_SITE, site, { recursive: true });
    });
    afterEach(() => fs.rmSync(site, { recursive: true, force: true }));

    it('writes nothing and exits 1 naming the post when the release has a post under another date or spelling', async () => {
      fs.renameSync(path.join(site, BLOG, '2025-06-10-orbit-1-1-0-released.md'), path.join(site, BLOG, '2025-06-10-orbit-1.1.0-released.md'));
      const before = listing(site);
      const data = fs.readFileSync(path.join(site, 'site/data/releases.yml'), 'utf8');
      const io = captureIO(site);
      const code = await newCommand(['--version', '1.1.0', '--date', '2025-07-01', '--author', 'A', '--update-data-file'], io);
      assert.equal(code, 1, io.stderr);
      assert.equal(io.stdout, '');
      assert.match(io.stderr, /1\.1\.0 already has a post: site[\\/]source[\\/]blog[\\/]2025-06-10-orbit-1\.1\.0-released\.md \(its file name announces 1\.1\.0\); nothing was written/);
      assert.deepEqual(listing(site), before);
      assert.equal(fs.readFileSync(path.join(site, 'site/data/releases.yml'), 'utf8'), data);
    });

    it('a second run with another date writes no second post', async () => {
      const first = captureIO(site);
      assert.equal(await newCommand(['--version', '1.2.0', '--date', '2025-08-01', '--author', 'A'], first), 0, first.stderr);
      const before = listing(site);
      const second = captureIO(site);
      assert.equal(await newCommand(['--version', '1.2.0', '--date', '2025-08-02', '--author', 'A'], second), 1);
      assert.match(second.stderr, /1\.2\.0 already has a post: .*2025-08-01-orbit-1-2-0-released\.md/);
      assert.deepEqual(listing(site), before);
    });
  });

  it('knows from the version alone that a release has its post, as the plan does with the date (New Release Post asks no more)', async () => {
    const model = fs.mkdtempSync(path.join(os.tmpdir(), 'release-post-dup-version-'));
    try {
      // The built-in layout: the slug, the permalink or the title gives the post away.
      const sample = path.join(model, 'sample');
      fs.cpSync(SAMPLE_SITE, sample, { recursive: true });
      const sampleSite = findSiteInFolder(sample)!;
      assert.equal(existingPostFor(sampleSite, '1.1.0')?.path, path.join(sample, BLOG, '2025-06-10-orbit-1-1-0-released.md'));
      fs.writeFileSync(path.join(sample, BLOG, '2025-09-20-orbit-two-jobs.md'), post('Orbit 1.2.0 Released', '/blog/orbit-1-2-0-released/'));
      const byTitle = existingPostFor(sampleSite, ' 1.2.0 ');
      assert.equal(byTitle?.path, path.join(sample, BLOG, '2025-09-20-orbit-two-jobs.md'));
      const plan = await planReleasePost(sampleSite, { version: '1.2.0', date: '2025-10-01', author: 'A' });
      assert.ok('plan' in plan && plan.plan.announcedBy?.path === byTitle.path);
      assert.equal(existingPostFor(sampleSite, '1.3.0'), undefined);
      assert.equal(existingPostFor(sampleSite, 'not a version'), undefined);
      // A site drafted after its own posts: the version in its file names and titles.
      fs.mkdirSync(path.join(model, 'kestrel', '_posts'), { recursive: true });
      fs.writeFileSync(path.join(model, 'kestrel', '_posts/2025-03-01-kestrel-2-1-0-released.md'), post('Kestrel 2.1.0 Released'));
      const kestrel = findSiteInFolder(path.join(model, 'kestrel'))!;
      assert.equal(existingPostFor(kestrel, '2.1.0')?.path, path.join(model, 'kestrel', '_posts/2025-03-01-kestrel-2-1-0-released.md'));
      assert.equal(existingPostFor(kestrel, '2.2.0'), undefined);
    } finally {
      fs.rmSync(model, { recursive: true, force: true });
    }
  });

  it('a site drafted after its own posts: the plan names the post that already announces the release', async () => {
    const site = fs.mkdtempSync(path.join(os.tmpdir(), 'release-post-dup-model-'));
    try {
      fs.mkdirSync(path.join(site, '_posts'));
      fs.writeFileSync(path.join(site, '_posts/2025-01-01-kestrel-2-0-0-released.md'), post('Kestrel 2.0.0 Released'));
      fs.writeFileSync(path.join(site, '_posts/2025-03-01-kestrel-2-1-0-released.md'), post('Kestrel 2.1.0 Released'));
      const r = await planReleasePost(findSiteInFolder(site)!, { version: '2.1.0', date: '2025-06-01', author: 'A' });
      assert.ok('plan' in r, JSON.stringify(r));
      assert.equal(r.plan.exists, false);
      assert.equal(r.plan.announcedBy?.path, path.join(site, '_posts/2025-03-01-kestrel-2-1-0-released.md'));
      const fresh = await planReleasePost(findSiteInFolder(site)!, { version: '2.2.0', date: '2025-06-01', author: 'A' });
      assert.ok('plan' in fresh && fresh.plan.announcedBy === undefined);
    } finally {
      fs.rmSync(site, { recursive: true, force: true });
    }
  });
});
