import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parsePost } from '../../../src/core/post/parse';
import { findSiteForFile, findSiteInFolder, isPostFile, listPostFiles } from '../../../src/core/site/workspace';

const SAMPLE_SITE = path.resolve(__dirname, '../../fixtures/sample-site');
const SAMPLE_POST = path.join(SAMPLE_SITE, 'site/source/blog/2025-03-04-orbit-1-0-0-released.md');

function tempTree(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'release-post-ws-'));
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
  return root;
}

describe('workspace: finding the site', () => {
  const made: string[] = [];
  after(() => made.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));
  const tree = (files: Record<string, string>) => {
    const root = tempTree(files);
    made.push(root);
    return root;
  };

  it('finds the nearest config file above a post', () => {
    const site = findSiteForFile(SAMPLE_POST);
    assert.ok(site);
    assert.equal(site.root, SAMPLE_SITE);
    assert.equal(site.configPath, path.join(SAMPLE_SITE, '.releasepost.json'));
    assert.equal(site.profile.projectName, 'Orbit');
    assert.deepEqual(site.problems, []);
  });

  it('without a config, recognises a known posts folder in the path', () => {
    const root = tree({ '_posts/2024-01-02-hello.md': '---\n---\n', 'content/posts/2024-01-02-x.md': '' });
    const jekyll = findSiteForFile(path.join(root, '_posts/2024-01-02-hello.md'));
    assert.ok(jekyll);
    assert.equal(jekyll.root, root);
    assert.equal(jekyll.configPath, undefined);
    assert.equal(jekyll.profile.postsFolder, '_posts');
    assert.equal(jekyll.profile.sourceFolder, '');
    const hugo = findSiteForFile(path.join(root, 'content/posts/2024-01-02-x.md'));
    assert.equal(hugo?.profile.postsFolder, 'content/posts');
    assert.equal(hugo?.profile.sourceFolder, 'static');
    assert.equal(findSiteForFile(path.join(root, 'notes/x.md')), undefined);
  });

  it('reports a broken config as problems with their line, with the default profile underneath', () => {
    const root = tree({ '.releasepost.json': '{\n  "projectName": 7\n}\n', 'site/source/blog/2024-01-02-x.md': '' });
    const site = findSiteForFile(path.join(root, 'site/source/blog/2024-01-02-x.md'));
    assert.ok(site);
    assert.equal(site.problems.length, 1);
    assert.equal(site.problems[0].range.start.line, 1);
    assert.equal(site.profile.projectName, 'Mesos');
  });

  it('reads a changed config again (the cache follows the file)', () => {
    const root = tree({ '.releasepost.json': '{ "projectName": "One" }' });
    assert.equal(findSiteInFolder(root)?.profile.projectName, 'One');
    const config = path.join(root, '.releasepost.json');
    fs.writeFileSync(config, '{ "projectName": "Second" }');
    const later = new Date(Date.now() + 5000);
    fs.utimesSync(config, later, later);
    assert.equal(findSiteInFolder(root)?.profile.projectName, 'Second');
  });

  it('findSiteInFolder: the config, else the first known posts folder below', () => {
    assert.equal(findSiteInFolder(SAMPLE_SITE)?.profile.projectName, 'Orbit');
    const root = tree({ 'source/_posts/a.md': '', '_posts/b.md': '' });
    assert.equal(findSiteInFolder(root)?.profile.postsFolder, 'source/_posts');
    assert.equal(findSiteInFolder(tree({ 'docs/a.md': '' })), undefined);
  });

  it('lists the Markdown files of the posts folder, sorted, skipping dot-folders and node_modules', () => {
    const root = tree({
      '_posts/2024-01-02-b.md': '',
      '_posts/2024-01-01-a.markdown': '',
      '_posts/2023/2023-05-05-c.md': '',
      '_posts/image.png': '',
      '_posts/.drafts/d.md': '',
      '_posts/node_modules/e.md': '',
    });
    const site = findSiteInFolder(root)!;
    assert.deepEqual(
      listPostFiles(site).map((f) => path.relative(root, f).split(path.sep).join('/')),
      ['_posts/2023/2023-05-05-c.md', '_posts/2024-01-01-a.markdown', '_posts/2024-01-02-b.md'],
    );
  });

  it('isPostFile: inside the posts folder, or post-like front matter', () => {
    const site = findSiteForFile(SAMPLE_POST);
    assert.equal(isPostFile(SAMPLE_POST, site, parsePost('no front matter')), true);
    const readme = path.join(SAMPLE_SITE, 'README.md');
    assert.equal(isPostFile(readme, site, parsePost('# Read me\n')), false);
    assert.equal(isPostFile(readme, site, parsePost('---\nlayout: post\ntitle: Draft\n---\n')), true);
    assert.equal(isPostFile(readme, undefined, parsePost('---\npost_author:\n  display_name: A\n---\n')), true);
    assert.equal(isPostFile(readme, undefined, parsePost('---\ntitle: Docs\n---\n')), false);
  });
});
