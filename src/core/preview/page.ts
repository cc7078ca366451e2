import { fieldValue, findField, type ParsedPost } from '../post/parse';
import type { SiteProfile } from '../site/profile';
import { renderPostBody, type BodyProblem } from './render';
import { isSafeUrl, type UrlKind } from './sanitize';
import { baseNameOf, formatPostDate, isRealDate, parsePostFileName } from '../site/fileNames';
import { frontMatterDate, readPostAuthor } from './postAuthor';
import { evaluateJekyllLiquid, renderJekyllPage } from './site/jekyllLayout';
import type { SiteLook } from './site/siteLook';
import { sanitizeHtml } from './sanitize';

/** How the page is shown: in a VS Code webview (our script by nonce, files by URI) or as one standalone file. */
export type PageMode =
  | {
      kind: 'webview';
      cspSource: string;
      nonce: string;
      scriptUri: string;
      styleUris: string[];
      /**
       * The site's own CSS, built from its sources, with its `url()`s made loadable; put in a `<style>` by nonce.
       * Empty while it is being built: the style element is there for the CSS to be swapped in (a `styles` message).
       */
      inlineCss?: string;
      /** The site's CSS is still being built: the page says so until it arrives. */
      stylesPending?: boolean;
      /**
       * Our imitation of the site (`preview.css`) while the site's CSS is built: turned off when the site's own
       * CSS arrives, kept when the site has none.
       */
      fallbackStyleUri?: string;
    }
  | { kind: 'standalone'; inlineCss: string };

export interface PageInput {
  post: ParsedPost;
  /** The post's file name (a path is fine): its date is the post's date. */
  fileName: string;
  /** The post's full path, for the site model's URL and date of the post. */
  filePath?: string;
  profile: SiteProfile;
  mode: PageMode;
  /** Maps local link and image URLs (`/assets/img/blog/x.png`, `x.png`) to ones the page can load. */
  resolveUrl(href: string, kind: UrlKind): string;
  /** Problems of the post; body problems mark their blocks, front-matter ones join the banner. */
  problems?: BodyProblem[];
  /** Document line to bring to the top when the page loads (webview). */
  initialLine?: number;
  /** The post's document URI, kept in the webview's saved state so a reloaded window reopens the right post. */
  uri?: string;
  /** The last readable header, shown while the front matter cannot be read. */
  fallbackHeader?: PostHeader;
  /** How the site dresses its posts; without it, the profile's built-in page. */
  look?: SiteLook;
  /** Whether `https:` images from other servers (and the gravatar) may load. Off by default: no request leaves. */
  remoteImages?: boolean;
}

/** The author block and title of a post, as small checked strings (never raw front-matter data). */
export interface PostHeader {
  title?: string;
  displayName?: string;
  twitter?: string;
  /** Only a valid hash: 32 lowercase hex characters. */
  gravatar?: string;
}

/** The parts of the page that change with the post, for live updates by message. */
export interface PostContent {
  /** Inner HTML of the page's content root (`[data-rp-content]`): author column, title and body. */
  html: string;
  /** Plain text for the document title. */
  title: string;
  /** Inner HTML of the banner (`[data-rp-banner]`); empty when there is nothing to report. */
  banner: string;
  /** The post's document URI, when given. */
  uri?: string;
  /** The author column and the title, as they appear inside `html`. */
  headerHtml: string;
  /** The rendered body, as it appears inside `html`. */
  bodyHtml: string;
  /** Classes the site's layout puts on its `<body>`. */
  bodyClass?: string;
}

const MAX_TITLE = 500;
const MAX_NAME = 200;
const MAX_HANDLE = 100;
const MAX_BANNER_ITEMS = 10;
const GRAVATAR = /^[0-9a-f]{32}$/i;

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

type TextReading = { value: string } | { why: 'missing' | 'empty' | 'not text' };

/** A front-matter value shown as text: scalars only, control characters removed, length capped. */
function readText(post: ParsedPost, path: string, max: number): TextReading {
  const value = fieldValue(post, path);
  if (value === undefined) return { why: 'missing' };
  if (value === null) return { why: 'empty' };
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return { why: 'not text' };
  const text = String(value).replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').trim().slice(0, max);
  return text ? { value: text } : { why: 'empty' };
}

function valueOf(reading: TextReading): string | undefined {
  return 'value' in reading ? reading.value : undefined;
}

/** The header of a post whose front matter was read; undefined when there is none or it cannot be read. */
export function readPostHeader(post: ParsedPost, look?: SiteLook, authorField?: string): PostHeader | undefined {
  if (post.frontMatter?.data === undefined) return undefined;
  const gravatar = valueOf(readText(post, 'post_author.gravatar', 64));
  const author = readPostAuthor(post, look?.authors, authorField);
  return {
    title: valueOf(readText(post, 'title', MAX_TITLE)),
    displayName: author?.name,
    twitter: author?.twitter?.slice(0, MAX_HANDLE),
    gravatar: gravatar && GRAVATAR.test(gravatar) ? gravatar.toLowerCase() : undefined,
  };
}

/** What the header shows and, where a value is missing, why. */
interface HeaderView {
  header: PostHeader;
  titleWhy?: string;
  authorWhy?: string;
  gravatarWhy?: string;
  usingFallback: boolean;
}

function whyMissing(reading: TextReading, field: string): string | undefined {
  if ('value' in reading) return undefined;
  if (reading.why === 'missing') return `no ${field} in the front matter`;
  return reading.why === 'empty' ? `the ${field} in the front matter is empty` : `the ${field} in the front matter is not text`;
}

function headerView(input: PageInput): HeaderView {
  const { post } = input;
  if (!post.frontMatter) {
    return { header: {}, titleWhy: 'no front matter', authorWhy: 'no front matter', usingFallback: false };
  }
  const readable = readPostHeader(post, input.look, input.profile.authorField);
  if (!readable) {
    const fallback = input.fallbackHeader;
    const why = 'the front matter cannot be read';
    return {
      header: fallback ?? {},
      titleWhy: fallback?.title ? undefined : why,
      authorWhy: fallback?.displayName ? undefined : why,
      usingFallback: fallback !== undefined,
    };
  }
  const gravatar = readText(post, 'post_author.gravatar', 64);
  const authorField = input.profile.authorField || 'post_author.display_name';
  return {
    header: readable,
    titleWhy: whyMissing(readText(post, 'title', MAX_TITLE), 'title'),
    authorWhy: readable.displayName ? undefined : whyMissing(readText(post, authorField, MAX_NAME), authorField),
    gravatarWhy:
      'value' in gravatar && !readable.gravatar ? 'post_author.gravatar is not a 32-character hex hash' : undefined,
    usingFallback: false,
  };
}

function placeholder(text: string): string {
  return `<span class="rp-placeholder">${escapeHtml(text)}</span>`;
}

function fieldLineAttr(post: ParsedPost, path: string): string {
  const line = findField(post, path)?.keyRange.start.line;
  return line === undefined ? '' : ` data-fm-line="${line}"`;
}

function dateHtml(fileName: string): string {
  const { date } = parsePostFileName(fileName);
  if (date && isRealDate(date)) return `<p class="rp-date"><em>Posted ${escapeHtml(formatPostDate(date))}</em></p>`;
  if (date) return `<p class="rp-date">${placeholder(`Not dated: ${date} in the file name is not a real day`)}</p>`;
  return `<p class="rp-date">${placeholder('Not dated: the file name does not start with a YYYY-MM-DD date')}</p>`;
}

function authorColumnHtml(input: PageInput, view: HeaderView): string {
  const { header } = view;
  const parts: string[] = [];
  if (header.gravatar && !input.remoteImages) {
    parts.push(`<p>${placeholder('Gravatar not loaded: remote images are off')}</p>`);
  } else if (header.gravatar) {
    const src = `https://secure.gravatar.com/avatar/${header.gravatar}?s=80`;
    // The box stands in for the picture while it loads, or when the page may not fetch it.
    parts.push(`<span class="rp-remote-image rp-gravatar-box"><img class="rp-gravatar author_gravatar" src="${escapeHtml(src)}" alt="" width="80" height="80"></span>`);
  } else if (view.gravatarWhy) {
    parts.push(`<p>${placeholder(`Gravatar not shown: ${view.gravatarWhy}`)}</p>`);
  }
  const name = header.displayName ? `<strong>${escapeHtml(header.displayName)}</strong>` : placeholder(`Unknown author (${view.authorWhy ?? 'no name'})`);
  // As post.erb writes it: the name and the handle in paragraphs of their own.
  parts.push(`<p class="rp-author-name">${name}</p>`);
  if (header.twitter) {
    parts.push(`<p class="rp-author-handle"><a href="https://twitter.com/${escapeHtml(encodeURIComponent(header.twitter))}">@${escapeHtml(header.twitter)}</a></p>`);
  }
  parts.push(dateHtml(input.fileName));
  return `<div class="col-md-3 rp-author"${fieldLineAttr(input.post, 'post_author')}>${parts.join('')}</div>`;
}

function titleHtml(input: PageInput, view: HeaderView): string {
  const inner = view.header.title ? escapeHtml(view.header.title) : placeholder(`Untitled post (${view.titleWhy ?? 'no title'})`);
  return `<h1 class="rp-title"${fieldLineAttr(input.post, 'title')}>${inner}</h1>`;
}

function bannerHtml(input: PageInput, view: HeaderView): string {
  const { post } = input;
  const fm = post.frontMatter;
  const items: string[] = [];
  let heading: string;
  let level: 'error' | 'warning';
  if (!fm) {
    heading = 'This file has no front matter: the site publishes a post only with a front-matter block (title, author, ...).';
    level = 'warning';
  } else {
    for (const e of fm.errors) items.push(`Line ${e.range.start.line + 1}: ${e.message}`);
    level = items.length ? 'error' : 'warning';
    heading = items.length ? 'The front matter has errors.' : 'The front matter has problems.';
    const seen = new Set(items);
    for (const p of input.problems ?? []) {
      if (p.line >= post.bodyStartLine || (p.severity !== 'error' && p.severity !== 'warning')) continue;
      const item = `Line ${p.line + 1}: ${p.message}`;
      if (seen.has(item)) continue;
      seen.add(item);
      items.push(item);
      if (p.severity === 'error') level = 'error';
    }
    if (!items.length) return '';
  }
  const shown = items.slice(0, MAX_BANNER_ITEMS).map((i) => `<li>${escapeHtml(i.slice(0, 400))}</li>`);
  if (items.length > MAX_BANNER_ITEMS) shown.push(`<li>and ${items.length - MAX_BANNER_ITEMS} more</li>`);
  const fallback = view.usingFallback ? ' Showing the title and author of the last readable version.' : '';
  const list = shown.length ? `<ul>${shown.join('')}</ul>` : '';
  return `<div class="rp-banner-box rp-banner-${level}"><p><strong>${escapeHtml(heading)}</strong>${escapeHtml(fallback)}</p>${list}</div>`;
}

/** The post's date as the site dates it: the front matter's `date` where the site uses one, else the file name's. */
function frontMatterData(input: PageInput): Record<string, unknown> | undefined {
  const data = input.post.frontMatter?.data;
  return data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : undefined;
}

function postDate(input: PageInput): string | undefined {
  const model = input.look?.site.model;
  let fromModel: string | undefined;
  try {
    fromModel = model && input.filePath && input.look?.kind !== 'builtin' ? model.dateOf(input.filePath, frontMatterData(input)) : undefined;
  } catch {
    fromModel = undefined;
  }
  if (fromModel && isRealDate(fromModel)) return fromModel;
  const fromFrontMatter = input.look && input.look.kind !== 'builtin' ? frontMatterDate(input.post) : undefined;
  if (fromFrontMatter && isRealDate(fromFrontMatter)) return fromFrontMatter;
  const { date } = parsePostFileName(input.fileName);
  return date && isRealDate(date) ? date : undefined;
}

/** Text that stands for the body in a layout's output; replaced by the rendered body after sanitising. */
const BODY_MARKER = `rpbody${Math.random().toString(36).slice(2)}x${Date.now().toString(36)}`;
const MAX_NOTE = 300;

function siteNav(look: SiteLook): string {
  const menu = look.menu.map((e) => `<li>${siteLink(e.label, e.href)}</li>`).join('');
  return (
    `<header class="rp-site-header"><div class="rp-site-bar">` +
    `<a class="rp-site-name" href="/">${escapeHtml(look.name.slice(0, MAX_NAME))}</a>` +
    (menu ? `<nav class="rp-site-menu"><ul>${menu}</ul></nav>` : '') +
    `</div></header>`
  );
}

/** A plain page in the site's CSS: its name and menu, the post's title, author and date, the body. */
function neutralContent(input: PageInput, view: HeaderView, look: SiteLook, bodyHtml: string, note?: string): string {
  const { header } = view;
  const title = header.title ? escapeHtml(header.title) : placeholder(`Untitled post (${view.titleWhy ?? 'no title'})`);
  const date = postDate(input);
  const byline: string[] = [];
  if (header.displayName) {
    byline.push(`<span class="rp-author-name"${fieldLineAttr(input.post, readPostAuthor(input.post, look.authors, input.profile.authorField)?.field ?? 'author')}>${escapeHtml(header.displayName)}</span>`);
  }
  if (date) byline.push(`<time class="rp-date" datetime="${date}">${escapeHtml(formatPostDate(date))}</time>`);
  const notice = note ? `<p class="rp-note">${escapeHtml(note.slice(0, MAX_NOTE))}</p>` : '';
  return (
    siteNav(look) +
    `<main class="rp-site-main">${notice}<article class="rp-post">` +
    `<h1 class="rp-title"${fieldLineAttr(input.post, 'title')}>${title}</h1>` +
    (byline.length ? `<p class="rp-byline">${byline.join(' · ')}</p>` : '') +
    `<div class="rp-body" data-rp-body>${bodyHtml}</div></article></main>` +
    `<footer class="rp-site-footer"><p>${escapeHtml(look.name.slice(0, MAX_NAME))}</p></footer>`
  );
}

function fillPermalink(pattern: string, input: PageInput, date: string | undefined): string {
  const { slug } = parsePostFileName(input.fileName);
  const [year, month, day] = (date ?? '').split('-');
  const title = slug ?? baseNameOf(input.fileName).replace(/\.[^.]+$/, '');
  return pattern
    .replace(/:year/g, year ?? '')
    .replace(/:month/g, month ?? '')
    .replace(/:day/g, day ?? '')
    .replace(/:(title|slug)/g, title)
    .replace(/:categories\/?/g, '')
    .replace(/\/{2,}/g, '/');
}

/** Liquid results of the last render per site, reused while the front matter is the same (typing in the body). */
const lastLiquid = new WeakMap<object, { key: string; results: Map<string, string | undefined> }>();

function liquidEvaluator(input: PageInput, jekyll: NonNullable<SiteLook['jekyll']>): (source: string) => string | undefined {
  const fm = input.post.frontMatter;
  const key = fm ? input.post.text.slice(fm.contentStart, fm.contentEnd) : '';
  let memo = lastLiquid.get(jekyll);
  if (!memo || memo.key !== key) {
    memo = { key, results: new Map() };
    lastLiquid.set(jekyll, memo);
  }
  const results = memo.results;
  return (source) => {
    if (results.has(source)) return results.get(source);
    const value = evaluateJekyllLiquid(jekyll, source, fm?.data);
    if (results.size < 2000) results.set(source, value);
    return value;
  };
}

interface LayoutFrame {
  /** The sanitised page before and after the post's body. */
  before: string;
  after: string;
  bodyClass?: string;
}

/** The last layout output per site, reused while the front matter and the post's place are the same (typing in the body). */
const lastFrames = new WeakMap<object, { key: string; frame: LayoutFrame | { error: string } }>();

/** The post's page from the site's own Jekyll layouts, sanitised, around a place for the body. */
function jekyllFrame(input: PageInput, look: SiteLook): LayoutFrame | { error: string } {
  if (!look.jekyll) return { error: 'the site has no layouts' };
  const fm = input.post.frontMatter;
  const key = `${input.filePath ?? input.fileName}\n${fm ? input.post.text.slice(fm.contentStart, fm.contentEnd) : ''}`;
  const last = lastFrames.get(look.jekyll);
  if (last && last.key === key) return last.frame;
  const frame = buildJekyllFrame(input, look);
  lastFrames.set(look.jekyll, { key, frame });
  return frame;
}

function buildJekyllFrame(input: PageInput, look: SiteLook): LayoutFrame | { error: string } {
  const date = postDate(input);
  const permalink = typeof fieldValue(input.post, 'permalink') === 'string' ? String(fieldValue(input.post, 'permalink')) : look.permalink;
  let output: string;
  try {
    const url = input.filePath ? look.site.model?.urlOf(input.filePath, frontMatterData(input)) : undefined;
    output = renderJekyllPage(look.jekyll!, {
      frontMatter: input.post.frontMatter?.data,
      url: url ?? (permalink ? fillPermalink(permalink, input, date) : '/'),
      date: date ? new Date(`${date}T12:00:00Z`) : undefined,
      content: BODY_MARKER,
      model: look.site.model,
    });
  } catch (err) {
    return { error: (err instanceof Error ? err.message : String(err)).split('\n')[0] };
  }
  const bodyMatch = /<body\b([^>]*)>([\s\S]*?)(?:<\/body>|$)/i.exec(output);
  const inner = bodyMatch ? bodyMatch[2] : output.replace(/^[\s\S]*<\/head>/i, '');
  const bodyClass = bodyMatch ? /\bclass\s*=\s*["']([\w\s-]{0,200})["']/i.exec(bodyMatch[1])?.[1] : undefined;
  const clean = sanitizeHtml(inner, { rewriteUrl: input.resolveUrl });
  const at = clean.indexOf(BODY_MARKER);
  if (at < 0) return { error: 'the layout does not show the post\'s content' };
  const frame: LayoutFrame = { before: clean.slice(0, at), after: clean.slice(at + BODY_MARKER.length).split(BODY_MARKER).join('') };
  if (bodyClass?.trim()) frame.bodyClass = bodyClass.trim();
  return frame;
}

/** The post in the site's own Jekyll layouts; undefined with a reason when the layouts cannot make it. */
function jekyllContent(input: PageInput, look: SiteLook, bodyHtml: string): { html: string; bodyClass?: string } | { error: string } {
  const frame = jekyllFrame(input, look);
  if ('error' in frame) return frame;
  const html = `${frame.before}<div class="rp-body" data-rp-body>${bodyHtml}</div>${frame.after}`;
  return frame.bodyClass ? { html, bodyClass: frame.bodyClass } : { html };
}

/** The parts of the page that depend on the post, for the first render and for live updates. */
export function renderPostContent(input: PageInput): PostContent {
  const view = headerView(input);
  const bodyProblems = (input.problems ?? []).filter((p) => p.line >= input.post.bodyStartLine);
  const look = input.look;
  let blocked = !input.remoteImages && view.header.gravatar ? 1 : 0;
  const jekyll = look?.kind === 'jekyll' ? look.jekyll : undefined;
  const bodyHtml = renderPostBody(input.post, {
    resolveUrl: input.resolveUrl,
    problems: bodyProblems,
    evaluateTemplate: jekyll ? liquidEvaluator(input, jekyll) : undefined,
    remoteImages: input.remoteImages,
    onBlockedImage: () => blocked++,
  });
  let html: string;
  let headerHtml: string;
  let bodyClass: string | undefined;
  if (look && look.kind !== 'builtin') {
    const own = look.kind === 'jekyll' ? jekyllContent(input, look, bodyHtml) : undefined;
    if (own && 'html' in own) {
      html = own.html;
      bodyClass = own.bodyClass;
    } else {
      const note = own && 'error' in own ? `The site's layout could not be used (${own.error}); showing a plain page.` : undefined;
      html = neutralContent(input, view, look, bodyHtml, note);
    }
    headerHtml = html.slice(0, Math.max(0, html.indexOf('data-rp-body')));
  } else {
    const author = authorColumnHtml(input, view);
    const title = titleHtml(input, view);
    html =
      `<div class="row">${author}` +
      `<div class="col-md-9 post rp-post">${title}<div class="rp-body" data-rp-body>${bodyHtml}</div></div>` +
      '</div>';
    headerHtml = author + title;
  }
  const content: PostContent = {
    html,
    title: view.header.title ?? 'Untitled post',
    banner: bannerHtml(input, view) + remoteImagesNotice(blocked, input.mode),
    headerHtml,
    bodyHtml,
  };
  if (bodyClass) content.bodyClass = bodyClass;
  if (input.uri !== undefined) content.uri = input.uri;
  return content;
}

/** Keeps a value inside one CSP source expression: no separators, quotes or spaces. */
function cspToken(value: string): string {
  return value.replace(/[\s;,'"]/g, '');
}

/**
 * VS Code's `webview.cspSource` is a list of source expressions (`'self' https://*.vscode-cdn.net`): keep each
 * well-formed one and drop anything that could end the directive or add another.
 */
function cspSources(value: string): string {
  const kept = value.split(/\s+/).filter((t) => /^'self'$/.test(t) || /^[a-z][a-z0-9+.-]*:(\/\/[A-Za-z0-9*.:%+-]+(\/[^\s;,'"]*)?)?$/.test(t));
  return kept.length ? kept.join(' ') : "'none'";
}

/** One notice for the remote images left out, with the button that loads them for this post (in the editor). */
function remoteImagesNotice(blocked: number, mode: PageMode): string {
  if (!blocked) return '';
  const what = blocked === 1 ? 'One remote image is' : `${blocked} remote images are`;
  const action =
    mode.kind === 'webview'
      ? ' <button type="button" data-rp-load-remote-images>Load remote images for this post</button>'
      : ' (render with --remote-images to show them).';
  return `<div class="rp-remote-images rp-banner-box rp-banner-info"><p>${what} not loaded: the preview makes no request to other servers until you allow it.${action}</p></div>`;
}

/**
 * Images from the page's own files and `data:`; `https:` ones only when remote images are allowed, `http:` never.
 * A standalone page (render's output) shows images next to it, by relative path.
 */
export function contentSecurityPolicy(mode: PageMode, remoteImages = false): string {
  const remote = remoteImages ? ' https:' : '';
  if (mode.kind === 'standalone') return `default-src 'none'; img-src 'self' file: data:${remote}; style-src 'unsafe-inline'`;
  const source = cspSources(mode.cspSource);
  const inlineStyle = mode.inlineCss !== undefined ? ` 'nonce-${cspToken(mode.nonce)}'` : '';
  return (
    `default-src 'none'; img-src ${source} data:${remote}; style-src ${source}${inlineStyle}; ` +
    `script-src 'nonce-${cspToken(mode.nonce)}'; font-src ${source}`
  );
}

function siteLink(label: unknown, href: unknown): string {
  const text = escapeHtml(typeof label === 'string' ? label.slice(0, MAX_NAME) : '');
  if (typeof href !== 'string' || !isSafeUrl(href, 'link')) return `<a>${text}</a>`;
  return `<a href="${escapeHtml(href)}">${text}</a>`;
}

function entries(list: unknown): { label: unknown; href: unknown }[] {
  return Array.isArray(list) ? list.filter((e): e is { label: unknown; href: unknown } => typeof e === 'object' && e !== null) : [];
}

function siteHeaderHtml(profile: SiteProfile, input: PageInput): string {
  const preview = profile.preview ?? {};
  const siteName = typeof preview.siteName === 'string' ? preview.siteName.slice(0, MAX_NAME) : '';
  const logo = input.look?.logo ? input.resolveUrl(input.look.logo, 'image') : undefined;
  const brand = logo && isSafeUrl(logo, 'image') ? `<img src="${escapeHtml(logo)}" alt="${escapeHtml(siteName)}">` : escapeHtml(siteName);
  const crumbs = entries(preview.breadcrumb).map((e) => `<li>${siteLink(e.label, e.href)}</li>`);
  const menu = entries(preview.menu).map((e) => `<li>${siteLink(e.label, e.href)}</li>`);
  return (
    // The site's own markup and classes (basic.erb, layout.erb): its bootstrap.min.css and main.css style them.
    `<div class="topnav rp-topnav"><div class="container"><ul class="breadcrumb">${crumbs.join('')}</ul></div></div>` +
    `<div class="navbar navbar-default navbar-static-top rp-navbar" role="navigation"><div class="container">` +
    `<div class="navbar-header"><a class="navbar-brand" href="/">${brand}</a></div>` +
    `<div class="navbar-collapse collapse"><ul class="nav navbar-nav navbar-right">${menu.join('')}</ul></div>` +
    `</div></div>`
  );
}

function footerHtml(input: PageInput): string {
  const siteName = typeof input.profile.preview?.siteName === 'string' ? input.profile.preview.siteName.slice(0, MAX_NAME) : '';
  const file = baseNameOf(input.fileName).slice(0, 300);
  return (
    `<hr><div class="footer rp-footer"><div class="container"><footer class="col-md-12 trademark"><p>&copy; ${escapeHtml(siteName)}. ` +
    `Preview of <span class="rp-file">${escapeHtml(file)}</span>.</p></footer></div></div>`
  );
}

function styleElement(css: string, nonce?: string): string {
  const attr = nonce === undefined ? '' : ` nonce="${escapeHtml(cspToken(nonce))}" data-rp-site-css`;
  return `<style${attr}>${css.replace(/<\/style/gi, '<\\/style')}</style>`;
}

function stylesHtml(mode: PageMode): string {
  if (mode.kind === 'standalone') return styleElement(mode.inlineCss);
  const links = mode.styleUris.map((uri) => `<link rel="stylesheet" href="${escapeHtml(uri)}">`);
  if (mode.fallbackStyleUri) links.push(`<link rel="stylesheet" href="${escapeHtml(mode.fallbackStyleUri)}" data-rp-fallback-css>`);
  if (mode.inlineCss !== undefined) links.push(styleElement(mode.inlineCss, mode.nonce));
  return links.join('\n');
}

function bodyAttributes(input: PageInput, content: PostContent): string {
  const kind = input.look && input.look.kind !== 'builtin' ? ` rp-site-${input.look.kind}` : '';
  let attrs = ` class="rp-page${kind}${content.bodyClass ? ' ' + escapeHtml(content.bodyClass) : ''}"`;
  if (input.uri !== undefined) attrs += ` data-rp-uri="${escapeHtml(input.uri)}"`;
  if (input.mode.kind === 'webview' && input.mode.stylesPending) attrs += ' data-rp-styles="pending"';
  if (input.initialLine !== undefined && Number.isInteger(input.initialLine) && input.initialLine >= 0) {
    attrs += ` data-rp-initial-line="${input.initialLine}"`;
  }
  return attrs;
}

/**
 * The complete HTML document of the preview: the site's header, the post and the footer. Never throws. `content`
 * given (rendered elsewhere, on the render worker) is put in as it is.
 */
export function renderPostPage(input: PageInput, content: PostContent = renderPostContent(input)): string {
  // The site's own page (its layouts, or a plain page with its name) has its header and footer inside the content.
  const ownPage = input.look !== undefined && input.look.kind !== 'builtin';
  const script =
    input.mode.kind === 'webview'
      ? `<script nonce="${escapeHtml(cspToken(input.mode.nonce))}" src="${escapeHtml(input.mode.scriptUri)}"></script>`
      : '';
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(input.mode, input.remoteImages === true))}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(content.title)}</title>`,
    stylesHtml(input.mode),
    '</head>',
    `<body${bodyAttributes(input, content)}>`,
    `<div class="rp-banner" data-rp-banner role="status">${content.banner}</div>`,
    ...(ownPage
      ? [`<div class="rp-content" data-rp-content>${content.html}</div>`]
      : [
          siteHeaderHtml(input.profile, input),
          `<div class="content"><div class="container rp-content" data-rp-content>${content.html}</div></div>`,
          footerHtml(input),
        ]),
    script,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
