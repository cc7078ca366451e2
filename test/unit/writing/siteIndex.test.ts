import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parsePost } from '../../../src/core/post/parse';
import { defaultProfile } from '../../../src/core/site/profile';
import { buildSiteIndex, releaseVersionOf, resolveSiteUrl } from '../../../src/core/site/siteIndex';
import { scanSiteFiles } from '../../../src/core/site/siteFiles';
import { findSiteLinks } from '../../../src/core/site/siteLinks';
import { CORPUS, indexSite, SAMPLE_SITE, sampleProfile } from './helpers';

describe('site index: the sample site', () => {
  const index = indexSite(SAMPLE_SITE, sampleProfile());

  it('lists every post newest first with its URL, title, date and released version', () => {
    assert.deepEqual(
      index.posts.map((p) => [p.url, p.title, p.date, p.version]),
      [
        ['/blog/orbit-1-1-0-released/', 'Orbit 1.1.0 Released', '2025-06-10', '1.1.0'],
        ['/blog/orbit-community-update/', 'Orbit Community Update: Spring 2025', '2025-04-15', undefined],
        ['/blog/orbit-1-0-0-released/', 'Orbit 1.0.0 Released', '2025-03-04', '1.0.0'],
      ],
    );
    assert.equal(index.posts[0].path, 'site/source/blog/2025-06-10-orbit-1-1-0-released.md');
  });

  it('knows each author once, with their handle, picture, post count and latest date', () => {
    assert.deepEqual(index.authors, [
      { display_name: 'Chen Wei', twitter: 'chenwei_dev', posts: 1, lastDate: '2025-06-10' },
      { display_name: 'Bruno Salas', gravatar: '0bc83cb571cd1c50ba6f3e8a78ef1346', posts: 1, lastDate: '2025-04-15' },
      { display_name: 'Ada Quinn', twitter: 'adaquinn', posts: 1, lastDate: '2025-03-04' },
    ]);
  });

  it('counts the tags of the comma-separated strings, most used first', () => {
    assert.deepEqual(index.tags, [
      { tag: 'Release', count: 2 },
      { tag: 'Community', count: 1 },
      { tag: 'Scheduling', count: 1 },
    ]);
  });

  it('resolves posts, pages and images to the files behind them', () => {
    assert.equal(resolveSiteUrl(index, '/blog/orbit-1-0-0-released/'), 'site/source/blog/2025-03-04-orbit-1-0-0-released.md');
    assert.equal(resolveSiteUrl(index, '/blog/orbit-1-0-0-released'), 'site/source/blog/2025-03-04-orbit-1-0-0-released.md');
    assert.equal(resolveSiteUrl(index, '/blog/orbit-1-0-0-released/#thanks'), 'site/source/blog/2025-03-04-orbit-1-0-0-released.md');
    assert.equal(resolveSiteUrl(index, '/documentation/latest/getting-started/?x=1'), 'site/source/documentation/latest/getting-started.md');
    assert.equal(resolveSiteUrl(index, '/documentation/latest/getting-started.html'), 'site/source/documentation/latest/getting-started.md');
    assert.equal(resolveSiteUrl(index, '/assets/img/blog/orbit-architecture.png'), 'site/source/assets/img/blog/orbit-architecture.png');
  });

  it('resolves nothing for missing files, external and protocol-relative links', () => {
    assert.equal(resolveSiteUrl(index, '/blog/orbit-2-0-0-released/'), undefined);
    assert.equal(resolveSiteUrl(index, '/assets/img/blog/missing.png'), undefined);
    assert.equal(resolveSiteUrl(index, '/documentation/latest/getting-started.md'), undefined);
    assert.equal(resolveSiteUrl(index, 'https://orbit.example.org/blog/orbit-1-0-0-released/'), undefined);
    assert.equal(resolveSiteUrl(index, '//orbit.example.org/assets/img/blog/orbit-architecture.png'), undefined);
  });
});

describe('site index: how Middleman serves the source folder', () => {
  const profile = defaultProfile();
  const files = [
    'site/source/index.html.erb',
    'site/source/documentation/latest/upgrades.md',
    'site/source/documentation/latest/index.md',
    'site/source/community.html.md',
    'site/source/downloads.html',
    'site/source/feed.xml.builder',
    'site/source/_partial.html.erb',
    'site/source/layouts/post.erb',
    'site/source/assets/img/documentation/csi architecture.png',
    'site/source/blog/2018-08-20-mesos-1.4.2-released.md',
  ];
  const index = buildSiteIndex({ root: '/srv/site', profile }, [], files);

  it('gives pages their folder URL and their .html, index pages the folder', () => {
    assert.equal(resolveSiteUrl(index, '/'), 'site/source/index.html.erb');
    assert.equal(resolveSiteUrl(index, '/index.html'), 'site/source/index.html.erb');
    assert.equal(resolveSiteUrl(index, '/documentation/latest/upgrades/'), 'site/source/documentation/latest/upgrades.md');
    assert.equal(resolveSiteUrl(index, '/documentation/latest/upgrades.html'), 'site/source/documentation/latest/upgrades.md');
    assert.equal(resolveSiteUrl(index, '/documentation/latest/'), 'site/source/documentation/latest/index.md');
    assert.equal(resolveSiteUrl(index, '/documentation/latest/index.html'), 'site/source/documentation/latest/index.md');
    assert.equal(resolveSiteUrl(index, '/community'), 'site/source/community.html.md');
    assert.equal(resolveSiteUrl(index, '/downloads/'), 'site/source/downloads.html');
    assert.equal(resolveSiteUrl(index, '/feed.xml'), 'site/source/feed.xml.builder');
  });

  it('serves no partials or layouts, decodes escaped paths, and keeps a dotted post slug dotted', () => {
    assert.equal(resolveSiteUrl(index, '/_partial/'), undefined);
    assert.equal(resolveSiteUrl(index, '/layouts/post/'), undefined);
    assert.equal(resolveSiteUrl(index, '/assets/img/documentation/csi%20architecture.png'), 'site/source/assets/img/documentation/csi architecture.png');
    assert.equal(resolveSiteUrl(index, '/blog/mesos-1.4.2-released/'), 'site/source/blog/2018-08-20-mesos-1.4.2-released.md');
    assert.equal(resolveSiteUrl(index, '/blog/mesos-1-4-2-released/'), undefined);
  });

  it('merges authors by name, newest twitter and gravatar winning, and reads tag lists', () => {
    const post = (author: string, tags: string) => parsePost(`---\ntitle: x\npost_author:\n${author}\ntags: ${tags}\n---\n`);
    const posts = [
      { path: '/srv/site/site/source/blog/2016-01-01-b.md', post: post('  display_name: Ann\n  twitter: new_ann', '[Release, Docker]') },
      { path: '/srv/site/site/source/blog/2014-01-01-a.md', post: post('  display_name: Ann\n  twitter: old_ann\n  gravatar: 0123456789abcdef0123456789abcdef', 'Release') },
      { path: '/srv/site/site/source/blog/2015-01-01-c.md', post: post('  display_name: Bob', 'Release, , Docker, Release') },
    ];
    const merged = buildSiteIndex({ root: '/srv/site', profile }, posts, []);
    assert.deepEqual(merged.authors, [
      { display_name: 'Ann', twitter: 'new_ann', gravatar: '0123456789abcdef0123456789abcdef', posts: 2, lastDate: '2016-01-01' },
      { display_name: 'Bob', posts: 1, lastDate: '2015-01-01' },
    ]);
    assert.deepEqual(merged.tags, [
      { tag: 'Release', count: 3 },
      { tag: 'Docker', count: 2 },
    ]);
    assert.equal(merged.posts[0].path, 'site/source/blog/2016-01-01-b.md', 'post paths are made site-relative');
    assert.equal(resolveSiteUrl(merged, '/blog/b/'), 'site/source/blog/2016-01-01-b.md', 'posts resolve even when the scan missed them');
  });

  it('reads the version of a release post from its title or its slug', () => {
    assert.equal(releaseVersionOf(profile, 'mesos-1-11-0-released', 'Apache Mesos 1.11.0 Released'), '1.11.0');
    assert.equal(releaseVersionOf(profile, 'mesos-0-28-2-released', 'Something else'), '0.28.2');
    assert.equal(releaseVersionOf(profile, 'mesos-1.4.2-released', ''), '1.4.2');
    assert.equal(releaseVersionOf(profile, 'mesoscon-2015', 'MesosCon 2015'), undefined);
  });
});

describe('site files scan', () => {
  it('lists the source folder, skipping dot-folders, dependencies and build output, within the limit', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'site-files-'));
    try {
      for (const f of [
        'site/source/blog/2025-01-01-a.md',
        'site/source/assets/img/blog/a.png',
        'site/source/.cache/x.md',
        'site/source/node_modules/pkg/index.js',
        'site/source/build/index.html',
        'site/build/index.html',
        'README.md',
      ]) {
        fs.mkdirSync(path.dirname(path.join(root, f)), { recursive: true });
        fs.writeFileSync(path.join(root, f), '');
      }
      const profile = defaultProfile();
      assert.deepEqual(scanSiteFiles({ root, profile }).sort(), ['site/source/assets/img/blog/a.png', 'site/source/blog/2025-01-01-a.md']);
      assert.equal(scanSiteFiles({ root, profile }, 1).length, 1);
      assert.deepEqual(scanSiteFiles({ root: path.join(root, 'nowhere'), profile }), []);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('site index: the Mesos blog', function () {
  before(function () {
    if (!fs.existsSync(CORPUS)) {
      console.log('corpus absent: skipped');
      this.skip();
    }
  });

  it('indexes the 78 posts, 25 tags with Release on 55, and resolves the 1.0.0 post and blog images', () => {
    const index = indexSite(CORPUS, defaultProfile());
    assert.equal(index.posts.length, 78);
    assert.equal(index.tags.length, 25);
    assert.deepEqual(index.tags[0], { tag: 'Release', count: 55 });
    assert.equal(resolveSiteUrl(index, '/blog/mesos-1-0-0-released/'), 'site/source/blog/2016-07-27-mesos-1-0-0-released.md');
    assert.equal(index.posts.find((p) => p.slug === 'mesos-1-0-0-released')?.version, '1.0.0');
    assert.ok(resolveSiteUrl(index, '/assets/img/blog/mesos-1-7-0-performance.png'));
    const vinod = index.authors.find((a) => a.display_name === 'Vinod Kone');
    assert.equal(vinod?.posts, 9);
    assert.equal(vinod?.twitter, 'vinodkone');
    assert.equal(index.authors.length, 32);
  });

  it('resolves every blog and blog-image link the published posts make', () => {
    const index = indexSite(CORPUS, defaultProfile());
    const blog = path.join(CORPUS, 'site/source/blog');
    const links = fs
      .readdirSync(blog)
      .flatMap((f) => findSiteLinks(parsePost(fs.readFileSync(path.join(blog, f), 'utf8'))))
      .filter((l) => l.href.startsWith('/blog/') || l.href.startsWith('/assets/img/blog/'));
    assert.ok(links.length >= 20, `${links.length} links`);
    assert.deepEqual(links.filter((l) => !resolveSiteUrl(index, l.href)).map((l) => l.href), []);
  });
});
