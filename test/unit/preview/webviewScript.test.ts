import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { renderPostContent, renderPostPage, type PageInput } from '../../../src/core/preview/page';
import { parsePost } from '../../../src/core/post/parse';
import { defaultProfile } from '../../../src/core/site/profile';

const CHROMIUM = '/usr/bin/chromium';
const NONCE = 'dGVzdC1ub25jZQ==';
const ROOT = path.join(__dirname, '..', '..', '..');

/** A long post: a heading and three paragraphs per section, so scroll positions are far apart. */
function longPost(extraFirstParagraph = ''): string {
  const sections: string[] = [];
  for (let s = 0; s < 15; s++) {
    sections.push(`### Section ${s}`, '');
    for (let p = 0; p < 3; p++) sections.push(`Paragraph ${s}.${p} ${'with some words to fill the line '.repeat(6)}`, '');
  }
  return [
    '---',
    'title: Scrolling',
    'post_author:',
    '  display_name: Ada',
    '---',
    '',
    ...(extraFirstParagraph ? [extraFirstParagraph, ''] : []),
    'Intro with [a site link](/blog/other/) and [an external one](https://mesos.apache.org/).',
    '',
    '![logo](/logo.png)',
    '',
    ...sections,
  ].join('\n');
}

function input(text: string): PageInput {
  return {
    post: parsePost(text),
    fileName: '2016-07-27-scrolling.md',
    profile: defaultProfile(),
    mode: { kind: 'webview', cspSource: 'file:', nonce: NONCE, scriptUri: 'preview.js', styleUris: [path.join(ROOT, 'media', 'preview.css')] },
    resolveUrl: (href) => href,
    uri: 'file:///site/2016-07-27-scrolling.md',
  };
}

function lineOf(text: string, start: string): number {
  return text.split('\n').findIndex((l) => l.startsWith(start));
}

describe('webview script (in Chromium)', function () {
  this.timeout(30000);
  let browser: Browser;
  let dir: string;
  let page: Page;
  const text = longPost();

  before(async function () {
    if (!fs.existsSync(CHROMIUM)) {
      console.log('chromium absent: skipped');
      this.skip();
    }
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'release-post-webview-'));
    const bundle = await build({ entryPoints: [path.join(ROOT, 'src', 'webview', 'preview.ts')], bundle: true, format: 'iife', platform: 'browser', write: false });
    fs.writeFileSync(path.join(dir, 'preview.js'), bundle.outputFiles[0].text);
    fs.writeFileSync(path.join(dir, 'index.html'), renderPostPage(input(text)));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
  });

  after(async () => {
    await browser?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  async function open(savedState?: unknown, file = 'index.html'): Promise<Page> {
    page = await browser.newPage({ viewport: { width: 1000, height: 600 } });
    // A string, not a function: the test runner's compiler decorates functions with helpers the page lacks.
    await page.addInitScript(`
      window.posted = [];
      window.saved = ${JSON.stringify(savedState ?? null)} ?? undefined;
      window.acquireVsCodeApi = function () {
        return {
          postMessage: function (m) { window.posted.push(m); },
          getState: function () { return window.saved; },
          setState: function (s) { window.saved = s; },
        };
      };
    `);
    await page.goto(`file://${path.join(dir, file)}`);
    await until("window.posted.some((m) => m.type === 'ready')");
    return page;
  }

  afterEach(async () => {
    await page?.close();
  });

  /** Page-side code goes in as strings: this project compiles without the DOM library. */
  const js = <T>(expression: string): Promise<T> => page.evaluate(expression) as Promise<T>;
  /** Polls from outside: the page's CSP rightly forbids the eval that waitForFunction would use. */
  async function until(expression: string): Promise<void> {
    for (let i = 0; i < 150; i++) {
      if (await js<boolean>(expression)) return;
      await page.waitForTimeout(20);
    }
    throw new Error(`timed out waiting for ${expression}`);
  }
  const posted = () => js<{ type: string; line?: number; href?: string }[]>('window.posted');
  const send = (message: unknown) => js<void>(`window.postMessage(${JSON.stringify(message) ?? 'undefined'}, '*')`);
  const topOf = (line: number) => js<number>(`document.querySelector('[data-line="${line}"]').getBoundingClientRect().top`);
  const sameContent = (html: string) =>
    js<boolean>(`(() => { const t = document.createElement('template'); t.innerHTML = ${JSON.stringify(html)}; return t.innerHTML === document.querySelector('[data-rp-content]').innerHTML; })()`);

  it('scrolls a block to the top on scrollToLine, without echoing a revealLine', async () => {
    await open();
    const line = lineOf(text, '### Section 7');
    await send({ type: 'scrollToLine', line });
    await page.waitForTimeout(300);
    assert.ok(Math.abs(await topOf(line)) <= 1, `top ${await topOf(line)}`);
    assert.deepEqual((await posted()).filter((m) => m.type === 'revealLine'), []);
    assert.equal(await js<number>('window.saved.line'), line);
  });

  it('interpolates between blocks for a line in between', async () => {
    await open();
    const heading = lineOf(text, '### Section 4');
    const next = lineOf(text, 'Paragraph 4.0');
    assert.equal(next, heading + 2);
    const [a, b] = [await topOf(heading), await topOf(next)];
    await send({ type: 'scrollToLine', line: heading + 1 });
    await page.waitForTimeout(100);
    const scrollY = await js<number>('window.scrollY');
    assert.ok(Math.abs(scrollY - (a + b) / 2) <= 1, `${scrollY} vs ${(a + b) / 2}`);
  });

  it('reports the line at the top when the user scrolls', async () => {
    await open();
    const line = lineOf(text, 'Paragraph 9.1');
    const y = await topOf(line);
    await page.mouse.move(500, 300);
    await page.mouse.wheel(0, y);
    await until("window.posted.some((m) => m.type === 'revealLine')");
    await page.waitForTimeout(150);
    const reveals = (await posted()).filter((m) => m.type === 'revealLine');
    assert.equal(reveals[reveals.length - 1].line, line);
  });

  it('asks to open the line of a double-clicked block', async () => {
    await open();
    const line = lineOf(text, 'Paragraph 0.1');
    await page.dblclick(`[data-line="${line}"]`);
    assert.deepEqual((await posted()).filter((m) => m.type === 'openLine'), [{ type: 'openLine', line }]);
    await page.dblclick('h1.rp-title');
    assert.deepEqual((await posted()).filter((m) => m.type === 'openLine').pop(), { type: 'openLine', line: 1 });
  });

  it('hands link clicks to the extension and never navigates', async () => {
    await open();
    const url = page.url();
    await page.click('a[href="/blog/other/"]');
    await page.click('a[href="https://mesos.apache.org/"]');
    await page.click('.navbar-brand');
    assert.equal(page.url(), url);
    assert.deepEqual(
      (await posted()).filter((m) => m.type === 'openLink').map((m) => m.href),
      ['/blog/other/', 'https://mesos.apache.org/', '/'],
    );
  });

  it("shows the page at once while the site's CSS is built, then swaps the CSS in place, under the page's CSP", async () => {
    const pending = input(text);
    pending.mode = { ...(pending.mode as Extract<PageInput['mode'], { kind: 'webview' }>), inlineCss: '', stylesPending: true };
    fs.writeFileSync(path.join(dir, 'pending.html'), renderPostPage(pending));
    await open(undefined, 'pending.html');
    const note = () => js<string>("getComputedStyle(document.body, '::after').content");
    assert.match(await note(), /Building the site.s styles/, 'the page says the site CSS is on its way');
    const line = lineOf(text, '### Section 8');
    await send({ type: 'scrollToLine', line });
    await page.waitForTimeout(100);
    const titleColor = () => js<string>("getComputedStyle(document.querySelector('h1.rp-title')).color");
    assert.notEqual(await titleColor(), 'rgb(1, 2, 3)');
    await send({ type: 'styles', css: 'h1.rp-title { color: rgb(1, 2, 3); } h3 { margin-top: 200px; }' });
    await until("document.body.dataset.rpStyles === undefined");
    assert.equal(await titleColor(), 'rgb(1, 2, 3)', "the site's CSS applies: the page's nonce allows its style element");
    assert.equal(await note(), 'none', 'the note is gone');
    assert.ok(Math.abs(await topOf(line)) <= 1, `the line at the top stays there when the CSS moves the blocks (top ${await topOf(line)})`);
    assert.equal(page.url().endsWith('pending.html'), true, 'no reload');
  });

  it('swaps content in place on update, keeping the block at the top and unchanged nodes', async () => {
    await open();
    const line = lineOf(text, '### Section 10');
    await send({ type: 'scrollToLine', line });
    await page.waitForTimeout(100);
    await js<boolean>("document.querySelector('img').marker = true");
    const edited = longPost('A new first paragraph, added while the preview was open.');
    const content = renderPostContent({ ...input(edited), problems: [] });
    await send({ type: 'update', html: content.html, title: 'New title', banner: '<div class="rp-banner-box rp-banner-error"><p>broken</p></div>' });
    await page.waitForTimeout(100);
    const newLine = lineOf(edited, '### Section 10');
    assert.equal(newLine, line + 2);
    const bannerHeight = await js<number>("document.querySelector('[data-rp-banner]').getBoundingClientRect().height");
    assert.ok(bannerHeight > 0);
    const blockTop = await topOf(newLine);
    assert.ok(Math.abs(blockTop - bannerHeight) <= 1, `the block moved: top ${blockTop}, banner ${bannerHeight}`);
    assert.equal(await page.title(), 'New title');
    assert.equal(await js<boolean>("document.querySelector('img').marker"), true, 'the image element was kept');
    assert.equal(await js<string>("document.querySelector('[data-rp-body] p').textContent"), 'A new first paragraph, added while the preview was open.');
    assert.equal(await js<string>("document.querySelector('[data-rp-banner]').textContent"), 'broken');
    const same = await sameContent(content.html);
    assert.ok(same, 'the patched content equals the new content');
  });

  it('reproduces the new content exactly across successive edits', async () => {
    await open();
    const edits = [
      longPost(),
      longPost().replace('Paragraph 3.1', 'Paragraph three point one, *edited*'),
      longPost().replace(/### Section 5[\s\S]*?### Section 6/, '### Section 6'),
      longPost('* a list\n* added\n\n> and a quote'),
      longPost().replace('![logo](/logo.png)', '<div class="note">raw <b>html</b></div>'),
      '---\ntitle: [broken\n---\n',
      longPost(),
    ];
    for (const edited of edits) {
      const content = renderPostContent(input(edited));
      await send({ type: 'update', html: content.html, title: content.title, banner: content.banner });
      const same = await sameContent(content.html);
      assert.ok(same, edited.slice(0, 60));
    }
  });

  it('ignores unknown or malformed messages', async () => {
    await open();
    const before = await js<string>("document.querySelector('[data-rp-content]').innerHTML");
    for (const message of [null, 'update', { type: 'evil', html: '<img src=x>' }, { type: 'update', html: 42, title: 't' }, { type: 'update', html: '<p>x</p>' }, { type: 'scrollToLine', line: 'x' }, { type: 'scrollToLine', line: Infinity }]) {
      await send(message);
    }
    await page.waitForTimeout(50);
    assert.equal(await js<string>("document.querySelector('[data-rp-content]').innerHTML"), before);
    assert.equal(await js<number>('window.scrollY'), 0);
  });

  it('restores the saved line after a reload of the same post', async () => {
    const line = lineOf(text, '### Section 12');
    await open({ uri: 'file:///site/2016-07-27-scrolling.md', line });
    await page.waitForTimeout(100);
    assert.ok(Math.abs(await topOf(line)) <= 1);
    await page.close();
    await open({ uri: 'file:///site/another-post.md', line });
    await page.waitForTimeout(100);
    assert.equal(await js<number>('window.scrollY'), 0, 'a state saved for another post is not applied');
  });
});
