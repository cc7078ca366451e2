import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parsePost } from '../../../src/core/post/parse';
import { findSiteRoot, loadSite, siteModelForFile } from '../../../src/core/site/model';
import { CORPUS, SITES } from '../corpus';

interface Expected {
  root: string;
  generator: string;
  postsFolder: string;
  posts: number;
  format: string;
  latestRelease: string;
  fileName: string;
  title: string;
  required: string[];
  url: string;
}

const EXPECTED: Record<string, Expected> = {
  jekyll: {
    root: 'docs',
    generator: 'jekyll',
    postsFolder: '_posts',
    posts: 102,
    format: 'yaml',
    latestRelease: '_posts/2025-01-29-jekyll-4-4-1-released.markdown',
    fileName: '{year}-{month}-{day}-jekyll-{major}-{minor}-{patch}-released',
    title: 'Jekyll {version} Released',
    required: ['author', 'title', 'date'],
    url: '/news/2025/01/29/jekyll-4-4-1-released/',
  },
  hexo: {
    root: '.',
    generator: 'hexo',
    postsFolder: 'source/_posts',
    posts: 58,
    format: 'yaml',
    latestRelease: 'source/_posts/2025-10-26-hexo-8-1-0-released.md',
    fileName: '{year}-{month}-{day}-hexo-{major}-{minor}-{patch}-released',
    title: 'hexo {version} Released',
    required: ['title'],
    url: '/news/2025/10/26/hexo-8-1-0-released/',
  },
  flink: {
    root: 'docs',
    generator: 'hugo',
    postsFolder: 'content/posts',
    posts: 237,
    format: 'yaml',
    latestRelease: 'content/posts/2024-08-02-release-1.20.0.md',
    fileName: '{year}-{month}-{day}-release-{version}',
    title: 'Announcing the Release of Apache Flink {major}.{minor}',
    required: ['date', 'title', 'aliases'],
    url: '/2024/08/02/announcing-the-release-of-apache-flink-1.20/',
  },
  rust: {
    root: '.',
    generator: 'zola',
    postsFolder: 'content',
    posts: 750,
    format: 'toml',
    latestRelease: 'content/Rust-1.98.0.md',
    fileName: 'Rust-{version}',
    title: 'Announcing Rust {version}',
    required: ['authors', 'path', 'title'],
    url: '/2026/08/20/Rust-1.98.0/',
  },
  gitea: {
    root: '.',
    generator: 'hugo',
    postsFolder: 'content/post',
    posts: 40,
    format: 'yaml',
    latestRelease: 'content/post/release-of-1.8.3.md',
    fileName: 'release-of-{version}',
    title: 'Gitea {version} is released',
    required: ['author', 'date', 'tags', 'title'],
    url: '/2019/06/gitea-1.8.3-is-released/',
  },
};

describe('site model: the corpus sites, with no config file', function () {
  this.timeout(60000);
  before(function () {
    if (!fs.existsSync(SITES)) {
      console.log('corpus sites absent: skipped');
      this.skip();
    }
  });

  for (const [name, want] of Object.entries(EXPECTED)) {
    it(`${name}: ${want.generator}, its posts, release naming, required fields and a release post's URL`, () => {
      const root = path.join(SITES, name, want.root);
      assert.equal(findSiteRoot(path.join(root, want.latestRelease)), root);
      const site = loadSite(root)!;
      assert.equal(site.generator.value, want.generator);
      assert.deepEqual(site.postsFolders, [want.postsFolder]);
      assert.equal(site.postFiles.length, want.posts);
      assert.equal(site.frontMatterFormat.value, want.format);
      const naming = site.conventions.releaseNaming!;
      assert.equal(naming.source, want.latestRelease);
      assert.equal(naming.value.fileName, want.fileName);
      assert.equal(naming.value.title, want.title);
      assert.deepEqual(site.conventions.requiredFields.value, want.required);
      const latest = path.join(root, want.latestRelease);
      assert.ok(site.isPost(latest) && site.isReleasePost(latest));
      const data = parsePost(fs.readFileSync(latest, 'utf8')).frontMatter?.data as Record<string, unknown>;
      assert.equal(site.urlOf(latest, data), want.url);
    });
  }

  it('Hugo and Zola section pages (_index.md) are not posts', () => {
    const flink = loadSite(path.join(SITES, 'flink/docs'))!;
    assert.equal(flink.isPost(path.join(SITES, 'flink/docs/content/posts/_index.md')), false);
    const rust = loadSite(path.join(SITES, 'rust'))!;
    assert.ok(!rust.postFiles.some((f) => f.endsWith('_index.md') || f.endsWith('releases/latest.md')));
  });

  it('Mesos: a Middleman blog rooted at the project, posts and dates from the file names', function () {
    if (!fs.existsSync(CORPUS)) this.skip();
    const site = siteModelForFile(path.join(CORPUS, 'site/source/blog/2016-07-27-mesos-1-0-0-released.md'))!;
    assert.equal(site.root, CORPUS);
    assert.equal(site.generator.value, 'middleman');
    assert.equal(site.postFiles.length, 78);
    assert.equal(site.dateSource.value, 'file-name');
    assert.equal(site.urlOf(path.join(CORPUS, 'site/source/blog/2016-07-27-mesos-1-0-0-released.md'), {}), '/blog/mesos-1-0-0-released/');
  });
});

describe('site model: generators recognised by their own files', () => {
  let root: string;
  beforeEach(() => (root = fs.mkdtempSync(path.join(os.tmpdir(), 'release-post-model-'))));
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  function write(rel: string, text: string): string {
    const file = path.join(root, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    return file;
  }

  it('Docusaurus: blog/ posts with a date in the name, authors.yml is not a post', () => {
    write('docusaurus.config.js', 'module.exports = {};\n');
    write('blog/authors.yml', 'jo:\n  name: Jo\n');
    const post = write('blog/2024-03-01-kestrel-2.1.md', '---\ntitle: Kestrel 2.1\nauthors: [jo]\n---\nText\n');
    const site = loadSite(root)!;
    assert.equal(site.generator.value, 'docusaurus');
    assert.deepEqual(site.postFiles, [post]);
    assert.equal(site.urlOf(post, { title: 'Kestrel 2.1' }), '/blog/kestrel-2.1/');
  });

  it('Eleventy and Astro are recognised from their config files', () => {
    write('eleventy.config.js', 'export default {};\n');
    write('posts/hello.md', '---\ntitle: Hello\n---\n');
    assert.equal(loadSite(root)?.generator.value, 'eleventy');
    fs.rmSync(path.join(root, 'eleventy.config.js'));
    write('astro.config.mjs', 'export default {};\n');
    write('src/content/blog/hello.md', '---\ntitle: Hello\npubDate: 2024-01-01\n---\n');
    const astro = loadSite(root)!;
    assert.equal(astro.generator.value, 'astro');
    assert.equal(astro.dateOf(path.join(root, 'src/content/blog/hello.md'), { pubDate: '2024-01-01' }), '2024-01-01');
  });

  it('a Hugo site with TOML and JSON front matter: the usual format is the one most posts use', () => {
    write('hugo.toml', 'baseURL = "https://example.org"\n[permalinks]\nposts = "/:year/:title/"\n');
    write('content/posts/_index.md', '---\ntitle: Blog\n---\n');
    write('content/posts/a.md', '+++\ntitle = "Kestrel 1.0.0"\ndate = 2024-01-02\n+++\n');
    write('content/posts/b.md', '+++\ntitle = "Kestrel 1.1.0"\ndate = 2024-02-02\n+++\n');
    write('content/posts/c.md', '{\n  "title": "Kestrel 1.2.0",\n  "date": "2024-03-02"\n}\n');
    const site = loadSite(root)!;
    assert.equal(site.generator.value, 'hugo');
    assert.equal(site.postFiles.length, 3);
    assert.equal(site.frontMatterFormat.value, 'toml');
    assert.deepEqual(site.conventions.releasePosts.map((r) => r.version), ['1.2.0', '1.1.0', '1.0.0']);
    assert.equal(site.urlOf(path.join(root, 'content/posts/c.md'), { title: 'Kestrel 1.2.0', date: '2024-03-02' }), '/2024/kestrel-1.2.0/');
  });

  it('a folder with no generator files has no model', () => {
    write('notes/a.md', '# A\n');
    assert.equal(loadSite(root), undefined);
  });

  it('a changed post is seen: the model is rebuilt when a post changes', () => {
    write('_config.yml', 'title: x\n');
    write('_posts/2024-01-01-kestrel-1-0-0-released.md', '---\ntitle: Kestrel 1.0.0 Released\n---\n');
    assert.equal(loadSite(root)!.postFiles.length, 1);
    write('_posts/2024-02-01-kestrel-1-1-0-released.md', '---\ntitle: Kestrel 1.1.0 Released\n---\n');
    const site = loadSite(root)!;
    assert.equal(site.postFiles.length, 2);
    assert.equal(site.conventions.releaseNaming?.value.title, 'Kestrel {version} Released');
  });
});
