import assert from 'node:assert/strict';
import { contentSecurityPolicy, readPostHeader, renderPostContent, renderPostPage, type PageInput } from '../../../src/core/preview/page';
import { parsePost } from '../../../src/core/post/parse';
import { defaultProfile } from '../../../src/core/site/profile';
import { activeContent, elementsOf, fixture, type FoundElement } from './helpers';

const NONCE = 'bm9uY2Utb2YtdGhpcy10ZXN0';
const CSP_SOURCE = 'https://file+.vscode-resource.vscode-cdn.net';
const STYLE_URI = 'vscode-resource:/ext/media/preview.css';
const SCRIPT_URI = 'vscode-resource:/ext/dist/webview/preview.js';

function webviewInput(text: string, fileName = '2016-07-27-mesos-1-0-0-released.md', extra: Partial<PageInput> = {}): PageInput {
  return {
    post: parsePost(text),
    fileName,
    profile: defaultProfile(),
    mode: { kind: 'webview', cspSource: CSP_SOURCE, nonce: NONCE, scriptUri: SCRIPT_URI, styleUris: [STYLE_URI] },
    resolveUrl: (href) => href,
    ...extra,
  };
}

function page(text: string, fileName?: string, extra: Partial<PageInput> = {}): { html: string; elements: FoundElement[] } {
  const html = renderPostPage(webviewInput(text, fileName, extra));
  return { html, elements: elementsOf(html) };
}

function byClass(elements: FoundElement[], cls: string): FoundElement[] {
  return elements.filter((e) => e.attrs.class?.split(' ').includes(cls));
}

/** Visible text of the first element with the class, read back through a parser. */
function textWithClass(html: string, cls: string): string {
  const start = html.indexOf(`class="${cls}`);
  assert.ok(start >= 0, `no .${cls}`);
  const tagStart = html.lastIndexOf('<', start);
  const tag = /^<([a-z0-9]+)/.exec(html.slice(tagStart))![1];
  let depth = 0;
  const re = new RegExp(`<(/?)${tag}\\b[^>]*>`, 'g');
  re.lastIndex = tagStart;
  let m: RegExpExecArray | null;
  while ((m = re.exec(html))) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) break;
  }
  const inner = html.slice(tagStart, re.lastIndex);
  return inner.replace(/<br>/g, '\n').replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

const GOOD = fixture('2016-07-27-kitchen-sink.md');
const HOSTILE = fixture('2020-01-01-hostile.md');

describe('renderPostPage: the site-styled page', () => {
  it('escapes a hostile title, author, handle and file name', () => {
    const { html, elements } = page(HOSTILE.text, '2020-01-01-<img src=x onerror=alert(1)>.md');
    const h1 = elements.find((e) => e.tag === 'h1');
    assert.ok(h1);
    assert.equal(textWithClass(html, 'rp-title'), '<img src=x onerror=alert(1)>');
    assert.match(html, /<h1 class="rp-title" data-fm-line="2">&lt;img src=x onerror=alert\(1\)&gt;<\/h1>/);
    assert.match(html, /<title>&lt;img src=x onerror=alert\(1\)&gt;<\/title>/);
    assert.match(textWithClass(html, 'rp-author-name'), /^<script>alert\('name'\)<\/script>$/);
    assert.match(textWithClass(html, 'rp-author-handle'), /^@x" onmouseover="alert\(1\)$/);
    const twitter = elements.find((e) => e.tag === 'a' && e.attrs.href?.startsWith('https://twitter.com/'));
    assert.equal(twitter?.attrs.href, 'https://twitter.com/x%22%20onmouseover%3D%22alert(1)');
    assert.match(textWithClass(html, 'rp-file'), /^2020-01-01-<img src=x onerror=alert\(1\)>\.md$/);
  });

  it('carries no script but ours, no handler and no unsafe URL, even for a hostile post', () => {
    const { html } = page(HOSTILE.text);
    assert.deepEqual(activeContent(html, { nonce: NONCE, stylesheetPrefix: 'vscode-resource:' }), []);
    const scripts = elementsOf(html).filter((e) => e.tag === 'script');
    assert.deepEqual(scripts.map((s) => s.attrs), [{ nonce: NONCE, src: SCRIPT_URI }]);
    assert.equal(html.split(NONCE).length - 1, 2, 'the nonce appears in the CSP and on our script tag only');
  });

  it('sets the exact webview CSP as the first thing in <head>', () => {
    const { elements } = page(GOOD.text);
    const metas = elements.filter((e) => e.attrs['http-equiv']?.toLowerCase() === 'content-security-policy');
    assert.equal(metas.length, 1);
    assert.equal(
      metas[0].attrs.content,
      `default-src 'none'; img-src ${CSP_SOURCE} data:; style-src ${CSP_SOURCE}; script-src 'nonce-${NONCE}'; font-src ${CSP_SOURCE}`,
    );
    const head = elements.slice(elements.findIndex((e) => e.tag === 'head'));
    const firstLoading = head.findIndex((e) => ['link', 'script', 'style', 'img'].includes(e.tag));
    assert.ok(head.indexOf(metas[0]) < firstLoading);
    assert.deepEqual(elements.filter((e) => e.tag === 'link').map((l) => l.attrs), [{ rel: 'stylesheet', href: STYLE_URI }]);
  });

  it('keeps a CSP source or nonce from widening the policy', () => {
    const csp = contentSecurityPolicy({ kind: 'webview', cspSource: "x; script-src 'unsafe-inline'", nonce: "n' 'unsafe-eval", scriptUri: '', styleUris: [] });
    assert.equal(csp.split(';').length, 5);
    assert.doesNotMatch(csp, /'unsafe-/, 'no quoted keyword can be smuggled in');
    assert.match(csp, /script-src 'nonce-[^' ]+'; font-src/);
  });

  it("keeps every source of VS Code's real cspSource, which lists several", () => {
    const csp = contentSecurityPolicy({ kind: 'webview', cspSource: "'self' https://*.vscode-cdn.net", nonce: 'abc', scriptUri: '', styleUris: [] });
    assert.match(csp, /style-src 'self' https:\/\/\*\.vscode-cdn\.net;/);
    assert.match(csp, /img-src 'self' https:\/\/\*\.vscode-cdn\.net data:;/);
  });

  it('builds a standalone page with the exact CSP, the stylesheet inline and no script', () => {
    const html = renderPostPage({
      ...webviewInput(HOSTILE.text),
      mode: { kind: 'standalone', inlineCss: 'body { color: #333 } /* </style><script>alert(1)</script> */' },
    });
    const elements = elementsOf(html);
    const csp = elements.find((e) => e.attrs['http-equiv'] === 'Content-Security-Policy');
    assert.equal(csp?.attrs.content, "default-src 'none'; img-src 'self' file: data:; style-src 'unsafe-inline'");
    assert.equal(elements.filter((e) => e.tag === 'script').length, 0);
    assert.deepEqual(activeContent(html, { styleElements: 1 }), []);
    assert.match(html, /<style>body \{ color: #333 \}/);
  });

  it('dates the post from its file name', () => {
    const { html } = page(GOOD.text, 'site/source/blog/2016-07-27-mesos-1-0-0-released.md');
    assert.match(html, /<p class="rp-date"><em>Posted July 27, 2016<\/em><\/p>/);
    const undated = page(GOOD.text, 'draft-post.md').html;
    assert.doesNotMatch(undated, /Posted/);
    assert.match(textWithClass(undated, 'rp-date'), /Not dated: the file name does not start with a YYYY-MM-DD date/);
    assert.match(textWithClass(page(GOOD.text, '2016-02-30-x.md').html, 'rp-date'), /Not dated: 2016-02-30 in the file name is not a real day/);
  });

  it('shows the author column as the site does: gravatar, bold name, @handle linked to Twitter', () => {
    const { html, elements } = page(GOOD.text, undefined, { remoteImages: true });
    const img = elements.find((e) => e.tag === 'img' && e.attrs.class === 'rp-gravatar author_gravatar');
    assert.equal(img?.attrs.src, 'https://secure.gravatar.com/avatar/0bc83cb571cd1c50ba6f3e8a78ef1346?s=80');
    assert.equal(img?.attrs.width, '80');
    assert.match(html, /<p class="rp-author-name"><strong>Ada Quinn<\/strong><\/p><p class="rp-author-handle"><a href="https:\/\/twitter.com\/adaquinn">@adaquinn<\/a><\/p>/);
  });

  it('shows no gravatar for an invalid hash, and no handle when there is none', () => {
    const text = '---\ntitle: T\npost_author:\n  display_name: Vinod Kone\n  gravatar: 0BC83CB571CD1C50BA6F3E8A78EF134\n---\nbody\n';
    const { html, elements } = page(text);
    assert.equal(elements.filter((e) => e.tag === 'img').length, 0);
    assert.match(textWithClass(html, 'rp-placeholder'), /Gravatar not shown: post_author.gravatar is not a 32-character hex hash/);
    assert.doesNotMatch(html, /twitter\.com/);
    const hostile = page(HOSTILE.text).elements;
    assert.equal(hostile.filter((e) => e.tag === 'img' && e.attrs.class?.includes('rp-gravatar')).length, 0);
    const upper = page('---\ntitle: T\npost_author:\n  display_name: A\n  gravatar: 0BC83CB571CD1C50BA6F3E8A78EF1346\n---\n', undefined, { remoteImages: true }).elements;
    assert.equal(upper.find((e) => e.tag === 'img' && e.attrs.class?.includes('rp-gravatar'))?.attrs.src, 'https://secure.gravatar.com/avatar/0bc83cb571cd1c50ba6f3e8a78ef1346?s=80');
  });

  it('shows visible placeholders for a missing title or author, never "undefined"', () => {
    const { html } = page('---\nlayout: post\npublished: true\n---\nBody.\n');
    assert.equal(textWithClass(html, 'rp-title'), 'Untitled post (no title in the front matter)');
    assert.match(textWithClass(html, 'rp-author-name'), /^Unknown author \(no post_author.display_name in the front matter\)$/);
    assert.match(html, /<title>Untitled post<\/title>/);
    for (const fm of ['title: \n', 'title: [a, b]\n', 'title: {a: 1}\n', 'title: 2016-01-01\n', 'post_author: Vinod\n', '- a\n- b\n', '"just a string"\n', '42\n', 'title: ~\n', 'title: "   "\n']) {
      const out = page(`---\n${fm}---\nBody.\n`).html;
      assert.doesNotMatch(out, /undefined|\bnull\b|\[object Object\]|NaN/, fm);
      assert.match(out, /Untitled post|rp-title/, fm);
    }
    assert.equal(textWithClass(page('---\ntitle: [a, b]\n---\n').html, 'rp-title'), 'Untitled post (the title in the front matter is not text)');
    assert.equal(textWithClass(page('---\ntitle: ""\n---\n').html, 'rp-title'), 'Untitled post (the title in the front matter is empty)');
    assert.equal(textWithClass(page('---\ntitle: 1.10\n---\n').html, 'rp-title'), '1.1');
  });

  it('shows a banner with the line of a front-matter syntax error, and placeholders', () => {
    const { html, elements } = page('---\ntitle: "unclosed\npost_author:\n  display_name: A\n---\nBody.\n');
    const banner = byClass(elements, 'rp-banner-error');
    assert.equal(banner.length, 1);
    assert.match(textWithClass(html, 'rp-banner-box'), /The front matter has errors\.\s*Line \d+: /);
    assert.equal(textWithClass(html, 'rp-title'), 'Untitled post (the front matter cannot be read)');
    const unterminated = page('---\ntitle: T\n\nBody never closes the block.\n').html;
    assert.match(textWithClass(unterminated, 'rp-banner-box'), /Line 1: the front matter has no closing "---" line/);
    const code = page('---js\nalert(1)\n---\nBody\n').html;
    assert.match(textWithClass(code, 'rp-banner-box'), /Line 1: front matter must open with "---"/);
  });

  it('shows the last readable header while the front matter cannot be read', () => {
    const fallbackHeader = readPostHeader(GOOD.post);
    assert.deepEqual(fallbackHeader, { title: 'Apache Mesos 9.9.9 Released', displayName: 'Ada Quinn', twitter: 'adaquinn', gravatar: '0bc83cb571cd1c50ba6f3e8a78ef1346' });
    const { html } = page('---\ntitle: [broken\n---\nBody\n', undefined, { fallbackHeader });
    assert.equal(textWithClass(html, 'rp-title'), 'Apache Mesos 9.9.9 Released');
    assert.match(textWithClass(html, 'rp-banner-box'), /last readable version/);
  });

  it('warns about a file without front matter', () => {
    const { html } = page('# Just Markdown\n\ntext\n');
    assert.match(textWithClass(html, 'rp-banner-box'), /no front matter/);
    assert.equal(textWithClass(html, 'rp-title'), 'Untitled post (no front matter)');
  });

  it('lists front-matter problems in the banner and marks body problems on their blocks', () => {
    const lineOf = (start: string) => GOOD.text.split('\n').findIndex((l) => l.startsWith(start));
    const { html, elements } = page(GOOD.text, undefined, {
      problems: [
        { line: lineOf('permalink:'), severity: 'warning', message: 'the permalink does not match the file name' },
        { line: lineOf('* second item'), severity: 'error', message: 'names a "problem"' },
        { line: lineOf('tags:'), severity: 'info', message: 'infos stay out of the banner' },
      ],
    });
    assert.equal(byClass(elements, 'rp-banner-warning').length, 1);
    assert.match(textWithClass(html, 'rp-banner-box'), /The front matter has problems\.\s*Line 4: the permalink does not match the file name$/);
    const marked = byClass(elements, 'rp-problem');
    assert.deepEqual(marked.map((e) => [e.tag, e.attrs['data-line'], e.attrs.title]), [['li', String(lineOf('* second item')), 'names a "problem"']]);
  });

  it('puts the post identity and start line on <body> for the script', () => {
    const { elements } = page(GOOD.text, undefined, { uri: 'file:///a/"b".md', initialLine: 14 });
    const body = elements.find((e) => e.tag === 'body');
    assert.equal(body?.attrs['data-rp-uri'], 'file:///a/"b".md');
    assert.equal(body?.attrs['data-rp-initial-line'], '14');
  });

  it('shows the site header from the profile, escaped, with unsafe links dropped', () => {
    const profile = defaultProfile();
    profile.preview.siteName = '<b>Orbit</b>';
    profile.preview.menu = [{ label: 'Evil', href: 'javascript:alert(1)' }, { label: 'Docs', href: '/docs/' }];
    const { html } = page(GOOD.text, undefined, { profile });
    assert.match(html, /<a class="navbar-brand" href="\/">&lt;b&gt;Orbit&lt;\/b&gt;<\/a>/);
    assert.match(html, /<li><a>Evil<\/a><\/li><li><a href="\/docs\/">Docs<\/a><\/li>/);
    assert.match(renderPostPage(webviewInput(GOOD.text)), /<ul class="breadcrumb"><li><a href="http:\/\/www.apache.org">Apache Software Foundation<\/a><\/li><li><a href="\/">Apache Mesos<\/a><\/li><li><a href="\/blog\/">Blog<\/a><\/li><\/ul>/);
  });
});

describe('renderPostContent: the pieces for live updates', () => {
  it('is exactly what the full page holds in its content root and banner', () => {
    const input = webviewInput('---\ntitle: "unclosed\n---\nBody *here*.\n', undefined, { uri: 'file:///x.md' });
    const content = renderPostContent(input);
    const full = renderPostPage(input);
    assert.ok(full.includes(`<div class="container rp-content" data-rp-content>${content.html}</div>`));
    assert.ok(full.includes(`<div class="rp-banner" data-rp-banner role="status">${content.banner}</div>`));
    assert.ok(content.html.includes(content.bodyHtml));
    assert.equal(content.title, 'Untitled post');
    assert.equal(content.uri, 'file:///x.md');
    assert.ok(content.banner.length > 0);
  });

  it('has an empty banner for a good post and a plain-text title', () => {
    const content = renderPostContent(webviewInput(HOSTILE.text.replace(/^title: .*$/m, 'title: A & B')));
    assert.equal(content.title, 'A & B');
    assert.equal(renderPostContent({ ...webviewInput(GOOD.text), remoteImages: true }).banner, '');
    assert.match(content.headerHtml, /<h1 class="rp-title" data-fm-line="2">A &amp; B<\/h1>$/);
  });

  it('renders the whole page of a typed-in post at every prefix without throwing', () => {
    const text = GOOD.text;
    for (let end = 0; end <= text.length; end += 7) {
      const html = renderPostPage(webviewInput(text.slice(0, end)));
      assert.doesNotMatch(html, /undefined|\[object Object\]/, `prefix ${end}`);
    }
  });
});

describe('remote images: none load until the user allows them', () => {
  const REMOTE = '---\ntitle: T\npost_author:\n  display_name: A\n  gravatar: 0bc83cb571cd1c50ba6f3e8a78ef1346\n---\n' +
    '![pixel](https://tracker.example/p.gif) ![plain](http://tracker.example/q.gif) ![local](/assets/img/x.png)\n\n' +
    '<img src="https://tracker.example/r.gif" srcset="https://tracker.example/s.gif 2x, /assets/img/y.png 1x"> <img src="//tracker.example/t.gif">\n';
  const imageSources = (html: string) => elementsOf(html).filter((e) => e.tag === 'img').map((e) => [e.attrs.src ?? '', e.attrs.srcset ?? '']).flat().join(' ');

  it('by default: no remote URL on the page, no https: in the CSP, one notice with the button', () => {
    const html = renderPostPage(webviewInput(REMOTE));
    assert.doesNotMatch(imageSources(html), /tracker\.example|gravatar/);
    assert.match(imageSources(html), /\/assets\/img\/x\.png/);
    const csp = elementsOf(html).find((e) => e.attrs['http-equiv'] === 'Content-Security-Policy')!.attrs.content;
    assert.doesNotMatch(csp, /img-src[^;]*(\shttps:[\s;]|\*)/);
    assert.match(textWithClass(html, 'rp-remote-images'), /6 remote images are not loaded/);
    assert.equal(elementsOf(html).filter((e) => e.attrs['data-rp-load-remote-images'] !== undefined).length, 1);
  });

  it('when allowed: https images and the gravatar load, http ones still do not', () => {
    const html = renderPostPage({ ...webviewInput(REMOTE), remoteImages: true });
    const sources = imageSources(html);
    assert.match(sources, /https:\/\/tracker\.example\/p\.gif/);
    assert.match(sources, /https:\/\/tracker\.example\/r\.gif/);
    assert.match(sources, /https:\/\/tracker\.example\/t\.gif/);
    assert.match(sources, /secure\.gravatar\.com/);
    assert.doesNotMatch(sources, /http:\/\//);
    const csp = elementsOf(html).find((e) => e.attrs['http-equiv'] === 'Content-Security-Policy')!.attrs.content;
    assert.match(csp, /img-src [^;]* data: https:;/);
    assert.match(textWithClass(html, 'rp-remote-images'), /One remote image is not loaded/);
  });
});
