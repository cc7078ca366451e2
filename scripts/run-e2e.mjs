// End-to-end: drives the browser workbench as a person would (quick open, command palette, typing) and checks
// what the preview shows. Screenshots go to out/screenshots/. With UPDATE_SCREENSHOTS=1 and the Mesos corpus
// beside the project, it also refreshes the README's screenshot of a real post.
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:net';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, ROOT, copySampleSite, ensureHost, freePort, makeProfile, startServer, workbenchUrl } from './host.mjs';

const shots = join(ROOT, 'out', 'screenshots');
mkdirSync(shots, { recursive: true });
const summaryFile = join(ROOT, 'out', 'test', 'e2e-summary.json');
const results = [];
/** The page of the running session, for a screenshot when a check fails. */
let currentPage;

// RELEASE_POST_E2E_GREP runs only the checks whose name matches it (a regular expression).
const only = process.env.RELEASE_POST_E2E_GREP ? new RegExp(process.env.RELEASE_POST_E2E_GREP) : undefined;

async function check(name, fn) {
  if (only && !only.test(name)) return;
  try {
    await fn();
    results.push({ name, ok: true });
    console.log(`    ✓ ${name}`);
  } catch (err) {
    results.push({ name, ok: false });
    await currentPage?.screenshot({ path: join(shots, `e2e-failed-${results.length}.png`) }).catch(() => {});
    console.log(`    ✗ ${name}\n      ${String(err?.message ?? err).split('\n').slice(0, 4).join('\n      ')}`);
  }
}

function assert(cond, message) {
  if (!cond) throw new Error(message);
}

/** The frame of our preview's page (webviews are nested iframes). */
async function previewFrame(page, timeoutMs = 20000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      const found = await frame.$('[data-rp-content]').catch(() => null);
      if (found) return frame;
    }
    await page.waitForTimeout(200);
  }
  throw new Error('the preview page did not appear');
}

/** Runs a command from the palette; retried while the extension is still activating. */
async function runCommand(page, title) {
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('F1');
    await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
    await page.keyboard.type(title);
    try {
      await page.waitForSelector(`.quick-input-list .monaco-list-row[aria-label*="${title}"]`, { timeout: 5000 });
      await page.keyboard.press('Enter');
      return;
    } catch (err) {
      await page.keyboard.press('Escape');
      if (attempt === 4) throw err;
    }
  }
}

/** Opens a file with Quick Open; retried, since the first file search of a new window can be slow. */
async function quickOpen(page, fileName) {
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('Control+P');
    await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
    await page.keyboard.type(fileName);
    try {
      await page.waitForSelector(`.quick-input-list .monaco-list-row[aria-label*="${fileName}"]`, { timeout: 10000 });
      await page.keyboard.press('Enter');
      await page.waitForSelector(`.editor-group-container.active .tab.active[aria-label*="${fileName}"]`, { timeout: 10000 });
      return;
    } catch (err) {
      await page.keyboard.press('Escape');
      if (attempt === 3) throw err;
    }
  }
}

/** The label of the focused row of a list (quick input or suggest widget), or '' when none is focused yet. */
async function focusedRow(page, list) {
  return (await page.getAttribute(`${list} .monaco-list-row.focused`, 'aria-label', { timeout: 5000 }).catch(() => '')) ?? '';
}

async function session(folder, fn, { viewport = { width: 2200, height: 1100 }, deviceScaleFactor = 1 } = {}) {
  const profile = makeProfile({ 'workbench.colorTheme': 'Default Light Modern', 'window.commandCenter': false });
  const port = await freePort();
  const server = await startServer({ port, profile, folder });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  try {
    // Wide enough that the preview beside the editor gets the site's desktop layout (Bootstrap's md grid, 992 px+).
    const page = await browser.newPage({ viewport, deviceScaleFactor });
    page.cspViolations = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) page.cspViolations.push(m.text().slice(0, 300));
    });
    currentPage = page;
    await page.goto(workbenchUrl({ port, folder }));
    await page.waitForSelector('.monaco-workbench', { timeout: 60000 });
    // The extension activates on the first Markdown file; give the workbench a moment to settle its layout.
    await page.waitForTimeout(1500);
    await fn(page);
  } finally {
    await browser.close().catch(() => {});
    server.kill('SIGTERM');
    setTimeout(() => server.kill('SIGKILL'), 3000).unref();
    rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
  }
}

/** A post with the usual slips, for pictures of the Problems panel. */
const BROKEN_POST =
  '---\nlayout: post\ntitle: Orbit 1.2.0 Released\npermalink: /blog/orbit-1-1-0-released/\npost_author:\n  display_name: Ada Quinn\ntags: Release\n---\n\n' +
  'The latest Orbit release, 1.2.0, is now available for[download](https://orbit.example.org/downloads/).\n\n### Features\n\n### Upgrades\n\n' +
  'Rolling upgrades from an Orbit 1.1.0 cluster to Orbit 1.2.0 are straightforward.\n\n### Thanks!\n\nThanks to the 3 contributors who made 1.2.0 possible:\n\nAda Quinn, Chen Wei\n';

/** A screenshot made small for the package: at most 256 colours, no metadata (Debian's pngquant), else as it is. */
function optimisePng(from, to) {
  mkdirSync(dirname(to), { recursive: true });
  try {
    execFileSync('pngquant', ['--strip', '--speed', '1', '--quality', '70-95', '--force', '--output', to, from]);
  } catch {
    console.log(`      (pngquant is not installed: ${to} is not optimised; apt-get install pngquant)`);
    cpSync(from, to);
  }
}

ensureHost();
console.log('End-to-end in the browser workbench (VS Code 1.100.3)');
const work = makeProfile();
const sample = copySampleSite(join(work, 'sample-site'));
// A long post, for scrolling.
const LONG_POST = '2025-08-01-orbit-scheduler-deep-dive.md';
writeFileSync(
  join(sample, 'site', 'source', 'blog', LONG_POST),
  '---\nlayout: post\ntitle: Orbit Scheduler Deep Dive\npublished: true\npost_author:\n  display_name: Ada Quinn\ntags: Scheduling\n---\n\n' +
    Array.from({ length: 150 }, (_, i) => `Paragraph ${i + 1} of the deep dive, long enough to take a line of its own in the preview.\n`).join('\n'),
);
// A post naming a remote image on a local port: every connection to it is a request the preview made.
const REMOTE_POST = '2025-09-01-orbit-remote-image.md';
const remoteHits = [];
const remoteServer = createServer((socket) => {
  remoteHits.push(Date.now());
  socket.destroy();
});
await new Promise((resolve) => remoteServer.listen(0, '127.0.0.1', resolve));
const remoteUrl = `https://127.0.0.1:${remoteServer.address().port}/pixel.gif`;
writeFileSync(
  join(sample, 'site', 'source', 'blog', REMOTE_POST),
  `---\nlayout: post\ntitle: Orbit Remote Image\npublished: true\npost_author:\n  display_name: Ada Quinn\ntags: Release\n---\n\nA tracking pixel: ![pixel](${remoteUrl})\n`,
);
try {
  await session(sample, async (page) => {
    let frame;
    await check('command palette → "Release Post: Open Preview to the Side" shows the post beside the editor', async () => {
      await quickOpen(page, '2025-03-04-orbit-1-0-0-released.md');
      await runCommand(page, 'Release Post: Open Preview to the Side');
      frame = await previewFrame(page);
      const title = await frame.textContent('h1.rp-title');
      assert(title?.trim() === 'Orbit 1.0.0 Released', `h1 is "${title}"`);
      const author = await frame.textContent('.rp-author');
      assert(/Ada Quinn/.test(author) && /@adaquinn/.test(author) && /Posted March 4, 2025/.test(author), `author column: ${author}`);
      await page.waitForTimeout(500);
      await page.screenshot({ path: join(shots, 'preview-sample.png') });
    });
    await check('the post is styled like the site: 36 px title, Helvetica body, 75 % column', async () => {
      const style = await frame.evaluate(() => {
        const h1 = getComputedStyle(document.querySelector('h1.rp-title'));
        const body = getComputedStyle(document.body);
        const post = document.querySelector('.rp-post').getBoundingClientRect().width;
        const row = document.querySelector('.rp-post').parentElement.getBoundingClientRect().width;
        return { h1: h1.fontSize, font: body.fontFamily, color: body.color, share: post / row };
      });
      assert(Math.abs(style.share - 0.75) < 0.02, `post column is ${Math.round(style.share * 100)} % of the row`);
      assert(style.h1 === '36px', `h1 font-size ${style.h1}`);
      assert(/Helvetica/.test(style.font), `font ${style.font}`);
    });
    await check('the preview loads its stylesheet and script with no CSP violation', async () => {
      const sheets = await frame.evaluate(() => [...document.styleSheets].filter((s) => s.href && /preview\.css/.test(s.href)).length);
      assert(sheets === 1, `preview.css loaded ${sheets} times`);
      assert(page.cspViolations.length === 0, `CSP violations: ${page.cspViolations.join(' | ')}`);
    });
    await check('a local site image loads in the preview', async () => {
      const ok = await frame.evaluate(async () => {
        const img = document.querySelector('img[alt="Orbit architecture"]');
        if (!img) return 'no image';
        if (!img.complete) await new Promise((r) => img.addEventListener('load', r, { once: true }));
        return img.naturalWidth > 0 ? true : `naturalWidth ${img.naturalWidth}, src ${img.getAttribute('src')}`;
      });
      assert(ok === true, String(ok));
    });
    await check('typing in the post updates the preview', async () => {
      await page.click('.editor-group-container .monaco-editor .view-lines');
      await page.keyboard.press('Control+End');
      await page.keyboard.type('\n\nA line typed just now.\n');
      const deadline = Date.now() + 10000;
      let text = '';
      while (Date.now() < deadline && !/A line typed just now\./.test(text)) {
        await page.waitForTimeout(200);
        text = (await frame.textContent('[data-rp-body]')) ?? '';
      }
      assert(/A line typed just now\./.test(text), 'the typed line never showed');
    });
    await check('a double-click in the preview puts the cursor on that line of the post', async () => {
      await frame.dblclick('p:has-text("For full release notes")');
      const deadline = Date.now() + 5000;
      let status = '';
      while (Date.now() < deadline && !/Ln 21,/.test(status)) {
        await page.waitForTimeout(100);
        status = (await page.textContent('#status\\.editor\\.selection').catch(() => '')) ?? '';
      }
      assert(/Ln 21,/.test(status), `status bar says "${status}"`);
    });
    await check('scrolling the editor scrolls the preview to the same place', async () => {
      await quickOpen(page, LONG_POST);
      frame = await previewFrame(page);
      await page.waitForFunction(() => true);
      const deadline0 = Date.now() + 5000;
      while (Date.now() < deadline0 && !/Deep Dive/.test((await frame.textContent('h1.rp-title').catch(() => '')) ?? '')) await page.waitForTimeout(100);
      await page.keyboard.press('Control+G');
      await page.keyboard.type('200');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Control+L'); // keep focus in the editor; scroll so line 200 is in view
      const deadline = Date.now() + 5000;
      let top = 0;
      while (Date.now() < deadline && top < 100) {
        await page.waitForTimeout(150);
        top = await frame.evaluate(() => {
          const blocks = [...document.querySelectorAll('[data-rp-body] > [data-line]')];
          const first = blocks.find((b) => b.getBoundingClientRect().bottom > 0);
          return first ? Number(first.getAttribute('data-line')) : 0;
        });
      }
      assert(top >= 100, `the preview's top block is at line ${top}`);
    });
    await check('the preview comes back after the window is reloaded', async () => {
      // As a person does it: the command saves the window's state (the webview's too) before reloading.
      const reloaded = page.waitForEvent('load', { timeout: 30000 });
      await runCommand(page, 'Developer: Reload Window');
      await reloaded;
      await page.waitForSelector('.monaco-workbench', { timeout: 60000 });
      frame = await previewFrame(page, 90000);
      const deadline = Date.now() + 10000;
      let title = '';
      while (Date.now() < deadline && !/Deep Dive/.test(title)) {
        await page.waitForTimeout(200);
        title = (await frame.textContent('h1.rp-title').catch(() => '')) ?? '';
      }
      assert(/Orbit Scheduler Deep Dive/.test(title), `after the reload the preview shows "${title}"`);
    });
  });

  writeFileSync(join(sample, 'NOTES.md'), '# Notes\n\nNot a post.\n');
  await session(sample, async (page) => {
    const opened = [];
    page.context().on('page', (p) => opened.push(p));
    const dialogShown = async () => (await page.$('.monaco-dialog-box')) !== null;

    await check('a web link clicked in the preview opens once, by the extension (one browser tab after one confirmation)', async () => {
      await quickOpen(page, '2025-04-15-orbit-community-update.md');
      await runCommand(page, 'Release Post: Open Preview to the Side');
      const frame = await previewFrame(page);
      await frame.click('a[href="https://orbit.example.org/community/"]');
      await page.waitForTimeout(2500);
      const atOnce = opened.length;
      // VS Code asks before it opens a website that is not trusted; the person answers "Open".
      const dialog = await dialogShown();
      if (dialog) {
        await page.click('.monaco-dialog-box .monaco-button >> text="Open"');
        await page.waitForTimeout(2500);
      }
      const urls = opened.map((p) => p.url());
      for (const p of opened.splice(0)) await p.close().catch(() => {});
      assert(urls.length === 1, `${urls.length} browser tabs opened (${atOnce} at once, then ${dialog ? 'one after the dialog' : 'no dialog'}): ${urls.join(' ')}`);
      assert(!(await dialogShown()), 'a second dialog is waiting');
    });
    await check('a site link clicked in the preview opens the post in the editor, and nothing else', async () => {
      const frame = await previewFrame(page);
      await frame.click('a[href="/blog/orbit-1-0-0-released/"]');
      await page.waitForSelector('.tab.active[aria-label*="2025-03-04-orbit-1-0-0-released.md"]', { timeout: 10000 });
      await page.waitForTimeout(1500);
      const stray = opened.map((p) => p.url());
      for (const p of opened.splice(0)) await p.close().catch(() => {});
      assert(stray.length === 0, `also opened: ${stray.join(', ')}`);
      assert(!(await dialogShown()), 'a VS Code dialog appeared');
    });
    await check('the preview\'s footer names the post shown after a switch', async () => {
      const frame = await previewFrame(page);
      const deadline = Date.now() + 10000;
      let file = '';
      while (Date.now() < deadline && file !== '2025-03-04-orbit-1-0-0-released.md') {
        await page.waitForTimeout(200);
        file = ((await frame.textContent('.rp-file').catch(() => '')) ?? '').trim();
      }
      assert(file === '2025-03-04-orbit-1-0-0-released.md', `the footer names "${file}"`);
    });
    await check('a post has one "Open Preview to the Side" button (ours); another Markdown file keeps the built-in one', async () => {
      const buttons = () => page.$$eval('.editor-group-container.active .editor-actions .action-label', (els) =>
        els.filter((e) => /Open Preview to the Side/.test(e.getAttribute('aria-label') ?? '')).length,
      );
      await quickOpen(page, '2025-06-10-orbit-1-1-0-released.md');
      await page.waitForTimeout(1000);
      const onPost = await buttons();
      await quickOpen(page, 'NOTES.md');
      await page.waitForTimeout(1000);
      const onNotes = await buttons();
      assert(onPost === 1, `${onPost} preview buttons on a post`);
      assert(onNotes === 1, `${onNotes} preview buttons on NOTES.md`);
    });
    await check('New Release Post: typing part of an existing author\'s name keeps that author on top, above a new author', async () => {
      await runCommand(page, 'Release Post: New Release Post');
      for (let step = 0; step < 2; step++) {
        await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
        await page.waitForTimeout(800);
        await page.keyboard.press('Enter');
      }
      await page.waitForSelector('.quick-input-list .monaco-list-row', { timeout: 15000 });
      await page.keyboard.type('Chen', { delay: 60 });
      await page.waitForTimeout(1000);
      const row = await focusedRow(page, '.quick-input-list');
      await page.keyboard.press('Escape');
      assert(/Chen Wei/.test(row) && !/new author/i.test(row), `the selected author is "${row}"`);
    });
  });

  await session(sample, async (page) => {
    const requests = [];
    page.on('request', (r) => {
      if (r.url().startsWith(remoteUrl.replace(/\/pixel\.gif$/, ''))) requests.push(r.url());
    });
    let frame;
    await check('a post naming a remote image: the preview makes no request until the user allows it', async () => {
      await quickOpen(page, REMOTE_POST);
      await runCommand(page, 'Release Post: Open Preview to the Side');
      frame = await previewFrame(page);
      await frame.waitForSelector('.rp-remote-images', { timeout: 20000 });
      const notice = await frame.textContent('.rp-remote-images');
      assert(/One remote image is not loaded/.test(notice), `notice: ${notice}`);
      await page.waitForTimeout(3000);
      assert(remoteHits.length === 0 && requests.length === 0, `${remoteHits.length} connections, requests: ${requests.join(' ')}`);
    });
    await check('"Load remote images for this post" loads it (one click)', async () => {
      await frame.click('[data-rp-load-remote-images]');
      const deadline = Date.now() + 20000;
      while (Date.now() < deadline && remoteHits.length === 0 && requests.length === 0) await page.waitForTimeout(250);
      assert(remoteHits.length > 0 || requests.length > 0, 'no request to the remote image after allowing it');
      const again = await previewFrame(page);
      const left = await again.$('.rp-remote-images');
      assert(!left, 'the notice is still shown after allowing remote images');
    });
  });

  if (process.env.UPDATE_SCREENSHOTS) {
    const broken = join(sample, 'site', 'source', 'blog', '2025-09-01-orbit-1.2.0-released.md');
    writeFileSync(broken, BROKEN_POST);
    await session(sample, async (page) => {
      await check('README screenshot: problems of a copied post in the Problems panel', async () => {
        await quickOpen(page, '2025-09-01-orbit-1.2.0-released.md');
        await page.keyboard.press('Control+Shift+M');
        await page.waitForSelector('.markers-panel .monaco-list-row', { timeout: 15000 });
        await page.waitForTimeout(1500);
        await page.screenshot({ path: join(ROOT, 'docs', 'images', 'problems.png'), clip: { x: 0, y: 0, width: 1500, height: 1100 } });
      });
      await check('README screenshot: New Release Post asks for the version', async () => {
        await runCommand(page, 'Release Post: New Release Post');
        await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
        await page.waitForTimeout(1000);
        await page.screenshot({ path: join(ROOT, 'docs', 'images', 'new-release-post.png'), clip: { x: 500, y: 0, width: 1200, height: 300 } });
        await page.keyboard.press('Escape');
      });
    });
  }

  // The "Get Started" walkthrough: it opens with its four steps, and each step's picture is one of the workbench
  // itself, taken here (UPDATE_SCREENSHOTS=1) at 1000 px wide: a 1250 x 760 window at 0.8 scale.
  const walkthroughSite = copySampleSite(join(work, 'walkthrough-site'));
  const walkthroughShots = join(ROOT, 'media', 'walkthrough');
  const shoot = async (page, name) => {
    const file = join(shots, `walkthrough-${name}.png`);
    // Below the window's title bar, which names the test window ("[Extension Development Host]"), not the user's.
    const title = await page.$eval('.part.titlebar', (el) => el.getBoundingClientRect().height).catch(() => 0);
    const { width, height } = page.viewportSize();
    await page.screenshot({ path: file, clip: { x: 0, y: title, width, height: height - title } });
    if (process.env.UPDATE_SCREENSHOTS) optimisePng(file, join(walkthroughShots, `${name}.png`));
  };
  await session(
    walkthroughSite,
    async (page) => {
      if (process.env.UPDATE_SCREENSHOTS) {
        await check('walkthrough picture: New Release Post asks for the version', async () => {
          await quickOpen(page, '2025-06-10-orbit-1-1-0-released.md');
          await runCommand(page, 'Release Post: New Release Post');
          await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
          await page.waitForTimeout(1000);
          await shoot(page, 'new-post');
          await page.keyboard.press('Escape');
        });
        await check('walkthrough picture: Check All Posts fills the Problems panel', async () => {
          // Written after the first picture, which shows 1.2.0 as the version offered.
          writeFileSync(join(walkthroughSite, 'site', 'source', 'blog', '2025-09-01-orbit-1.2.0-released.md'), BROKEN_POST);
          await quickOpen(page, '2025-09-01-orbit-1.2.0-released.md');
          await runCommand(page, 'Release Post: Check All Posts in the Workspace');
          await page.keyboard.press('Control+Shift+M');
          await page.waitForSelector('.markers-panel .monaco-list-row', { timeout: 15000 });
          await page.waitForTimeout(1500);
          await shoot(page, 'check-site');
          await runCommand(page, 'View: Hide Panel');
          await runCommand(page, 'View: Close All Editors');
          await runCommand(page, 'Notifications: Clear All Notifications');
        });
        await check('walkthrough picture: the preview beside the post', async () => {
          await quickOpen(page, '2025-06-10-orbit-1-1-0-released.md');
          await runCommand(page, 'Release Post: Open Preview to the Side');
          await previewFrame(page);
          await page.waitForTimeout(1500);
          await shoot(page, 'preview');
          await runCommand(page, 'View: Close All Editors');
        });
        await check("walkthrough picture: Create Site Configuration opens the site's .releasepost.json", async () => {
          await runCommand(page, 'Release Post: Create Site Configuration');
          await page.waitForSelector('.editor-group-container.active .tab.active[aria-label*=".releasepost.json"]', { timeout: 15000 });
          await page.waitForTimeout(1500);
          await shoot(page, 'configure');
          await runCommand(page, 'View: Close All Editors');
        });
      }
      await check('the Get Started walkthrough opens with its four steps and the picture of the first', async () => {
        // A fresh window may still open code-server's own "Setup VS Code Web" walkthrough while it starts, over ours:
        // pick ours by its row and wait until its steps show, once more if the other one took the tab.
        let text = '';
        for (let attempt = 0; attempt < 3 && !text.includes('Write a release post'); attempt++) {
          await runCommand(page, 'View: Close All Editors');
          await runCommand(page, 'Welcome: Open Walkthrough...');
          await page.keyboard.type('Get Started with Release Post');
          const row = await page.waitForSelector('.quick-input-list .monaco-list-row[aria-label*="Get Started with Release Post"]', { timeout: 10000 });
          await row.click();
          await page
            .waitForFunction(() => document.querySelector('.gettingStartedSlideDetails')?.textContent?.includes('Write a release post'), null, { timeout: 10000 })
            .catch(() => undefined);
          text = (await page.textContent('.gettingStartedSlideDetails').catch(() => '')) ?? '';
        }
        for (const step of ['Write a release post', "Check the site's posts", 'See the post as the site shows it', 'Tell Release Post about your site']) {
          assert(text.includes(step), `the walkthrough shows "${step}"`);
        }
        // VS Code shows a step's picture through srcset at 1.5x: 1000 px make 667 CSS pixels.
        const img = await page.waitForSelector('.getting-started-media img[srcset*="new-post.png"]', { timeout: 15000 });
        await page.waitForFunction((el) => el.complete && el.naturalWidth > 0, img, { timeout: 15000 });
        const width = await img.evaluate((el) => el.naturalWidth);
        assert(Math.abs(width * 1.5 - 1000) < 2, `the first step's picture shows ${width} CSS pixels wide`);
        await page.screenshot({ path: join(shots, 'walkthrough-open.png') });
      });
    },
    { viewport: { width: 1250, height: 760 }, deviceScaleFactor: 0.8 },
  );

  const corpusSite = join(ROOT, '..', 'shared', 'corpus', 'mesos', 'site');
  if (process.env.UPDATE_SCREENSHOTS && existsSync(corpusSite)) {
    const copy = join(work, 'mesos');
    cpSync(corpusSite, join(copy, 'site'), { recursive: true });
    await session(copy, async (page) => {
      await check('README screenshot: the real Mesos 1.0.0 post in the preview', async () => {
        await quickOpen(page, '2016-07-27-mesos-1-0-0-released.md');
        await runCommand(page, 'Release Post: Open Preview to the Side');
        await previewFrame(page);
        await page.waitForTimeout(1500);
        await page.screenshot({ path: join(ROOT, 'docs', 'images', 'preview-mesos-1.0.0.png') });
      });
    });
  }

  // A Jekyll site of the corpus: the site's Sass is built in a worker and swapped into the open page by message.
  const jekyllSite = join(ROOT, '..', 'shared', 'corpus', 'sites', 'jekyll', 'docs');
  if (existsSync(jekyllSite)) {
    const copy = join(work, 'jekyll');
    cpSync(jekyllSite, copy, { recursive: true });
    await session(copy, async (page) => {
      await check("a Jekyll post's preview gets the site's own CSS in place, under the page's CSP", async () => {
        await quickOpen(page, '2025-01-29-jekyll-4-4-1-released.markdown');
        await runCommand(page, 'Release Post: Open Preview to the Side');
        const frame = await previewFrame(page, 30000);
        const deadline = Date.now() + 60000;
        let background = '';
        while (Date.now() < deadline) {
          background = await frame.evaluate(
            "document.body.dataset.rpStyles === undefined && document.querySelector('style[data-rp-site-css]').textContent.includes('.main-nav') ? getComputedStyle(document.body).backgroundColor : ''",
          );
          if (background) break;
          await page.waitForTimeout(250);
        }
        assert(background === 'rgb(51, 51, 51)', `the site's dark body (#333) did not arrive: "${background}"`);
        const releases = await frame.evaluate("[...document.querySelectorAll('aside li a')].map((a) => a.textContent.trim()).join(', ')");
        assert(releases.includes('Version 4.4.0'), `the sidebar's recent releases: ${releases}`);
        assert(page.cspViolations.length === 0, `CSP violations: ${page.cspViolations.join(' | ')}`);
        if (process.env.UPDATE_SCREENSHOTS) {
          await page.waitForTimeout(1000);
          await page.screenshot({ path: join(ROOT, 'docs', 'images', 'preview-jekyll-4.4.1.png'), clip: { x: 0, y: 0, width: 2200, height: 1000 } });
        }
      });
    });
  } else {
    console.log("  (the Jekyll corpus site is not beside the project: its preview check is skipped)");
  }
} finally {
  remoteServer.close();
  rmSync(work, { recursive: true, force: true, maxRetries: 3 });
}

const passed = results.filter((r) => r.ok).length;
const failed = results.length - passed;
writeFileSync(summaryFile, JSON.stringify({ passed, failed }));
console.log(`e2e: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
