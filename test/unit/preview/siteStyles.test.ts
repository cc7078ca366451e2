import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { previewSiteFor } from '../../../src/core/preview/site/previewSite';
import { cachedSiteStylesheets, siteStylesheets, siteStylesheetsAsync, type StylesSite } from '../../../src/core/preview/site/stylesheets';

/** A small Jekyll site whose layout links a Sass entry that imports a partial from `_sass`. */
function makeSite(): { root: string; site: StylesSite } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'rp-styles-'));
  const write = (rel: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  };
  write('_config.yml', 'title: Orbit\n');
  write('_layouts/default.html', '<html><head><link rel="stylesheet" href="/css/main.css"></head><body>{{ content }}</body></html>\n');
  write('_posts/2024-01-02-orbit-1-0-released.md', '---\nlayout: default\ntitle: Orbit 1.0\n---\nHello.\n');
  write('css/main.scss', '---\n---\n@import "colors";\n.post { color: $ink; }\n');
  write('_sass/_colors.scss', '$ink: #123456;\n');
  const site = previewSiteFor(path.join(root, '_posts', '2024-01-02-orbit-1-0-released.md'), undefined);
  assert.ok(site, 'the folder is a site');
  assert.equal(site.generator, 'jekyll');
  return { root, site };
}

/** Rewrites a file with a later modification time (a rewrite within the same clock tick must still count). */
function rewrite(file: string, text: string): void {
  fs.writeFileSync(file, text);
  const later = new Date(Date.now() + 5000);
  fs.utimesSync(file, later, later);
}

describe("the site's CSS built off the extension host's thread", function () {
  this.timeout(60_000);
  const roots: string[] = [];
  after(() => {
    for (const root of roots) fs.rmSync(root, { recursive: true, force: true });
  });

  it('builds the same CSS in a worker as on the thread, then serves it from the cache', async () => {
    const { root, site } = makeSite();
    roots.push(root);
    const styles = await siteStylesheetsAsync(site);
    assert.match(styles.css, /\.post\s*\{\s*color:\s*#123456/, 'the Sass entry and its partial, compiled');
    assert.deepEqual(styles.sheets, ['css/main.css']);
    assert.deepEqual(styles.errors, []);
    assert.equal(cachedSiteStylesheets(site), styles, 'cached for the site');
    assert.equal(await siteStylesheetsAsync(site), styles, 'a second request is answered from the cache');
    assert.equal(siteStylesheets(site), styles, 'and so is the synchronous one');
  });

  it('builds again when a partial changes or a sheet is added, and only then', async () => {
    const { root, site } = makeSite();
    roots.push(root);
    const first = await siteStylesheetsAsync(site);
    assert.equal(cachedSiteStylesheets(site), first);

    rewrite(path.join(root, '_sass', '_colors.scss'), '$ink: #abcdef;\n');
    assert.equal(cachedSiteStylesheets(site), undefined, 'a changed partial makes the cache stale');
    const second = await siteStylesheetsAsync(site);
    assert.match(second.css, /#abcdef/, 'the new colour reaches the CSS');
    assert.doesNotMatch(second.css, /#123456/);

    fs.writeFileSync(path.join(root, 'css', 'extra.css'), '.extra { margin: 0 }\n');
    assert.equal(cachedSiteStylesheets(site), undefined, 'a new sheet makes the cache stale');
    const third = await siteStylesheetsAsync(site);
    assert.doesNotMatch(third.css, /\.extra/, 'a sheet no layout links is not part of the page');
    assert.equal(cachedSiteStylesheets(site), third);

    rewrite(
      path.join(root, '_layouts', 'default.html'),
      '<html><head><link rel="stylesheet" href="/css/main.css"><link rel="stylesheet" href="/css/extra.css"></head><body>{{ content }}</body></html>\n',
    );
    assert.equal(cachedSiteStylesheets(site), undefined, 'a layout that links another sheet makes the cache stale');
    const fourth = await siteStylesheetsAsync(site);
    assert.deepEqual(fourth.sheets, ['css/main.css', 'css/extra.css']);
    assert.match(fourth.css, /\.extra/);
  });

  it('keeps the calling thread free while Sass runs, and stops a build that does not end', async () => {
    const { root, site } = makeSite();
    roots.push(root);
    // A site's Sass is untrusted: a loop that runs for hours must neither stall the host nor build forever.
    rewrite(path.join(root, 'css', 'main.scss'), '---\n---\n$n: 0;\n@while $n >= 0 { $n: $n + 1; }\n.post { color: red; }\n');
    let ticks = 0;
    const timer = setInterval(() => ticks++, 20);
    const started = Date.now();
    try {
      await assert.rejects(siteStylesheetsAsync(site, { timeoutMs: 1500 }), /took longer than 2 s to build/);
    } finally {
      clearInterval(timer);
    }
    const elapsed = Date.now() - started;
    assert.ok(elapsed < 10_000, `stopped after the time limit (${elapsed} ms)`);
    assert.ok(ticks >= 20, `the thread kept running its timers meanwhile (${ticks} ticks of 20 ms in ${elapsed} ms)`);
    assert.equal(cachedSiteStylesheets(site), undefined, 'nothing cached from a stopped build');
  });
});
