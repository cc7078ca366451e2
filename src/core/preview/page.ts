import { fieldValue, findField, type ParsedPost } from '../post/parse';
import type { SiteProfile } from '../site/profile';
import { renderPostBody, type BodyProblem } from './render';
import { isSafeUrl, type UrlKind } from './sanitize';
import { baseNameOf, formatPostDate, isRealDate, parsePostFileName } from '../site/fileNames';

/** How the page is shown: in a VS Code webview (our script by nonce, files by URI) or as one standalone file. */
export type PageMode =
  | { kind: 'webview'; cspSource: string; nonce: string; scriptUri: string; styleUris: string[] }
  | { kind: 'standalone'; inlineCss: string };

export interface PageInput {
  post: ParsedPost;
  /** The post's file name (a path is fine): its date is the post's date. */
  fileName: string;
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
export function readPostHeader(post: ParsedPost): PostHeader | undefined {
  if (post.frontMatter?.data === undefined) return undefined;
  const gravatar = valueOf(readText(post, 'post_author.gravatar', 64));
  return {
    title: valueOf(readText(post, 'title', MAX_TITLE)),
    displayName: valueOf(readText(post, 'post_author.display_name', MAX_NAME)),
    twitter: valueOf(readText(post, 'post_author.twitter', MAX_HANDLE)),
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
  const readable = readPostHeader(post);
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
  return {
    header: readable,
    titleWhy: whyMissing(readText(post, 'title', MAX_TITLE), 'title'),
    authorWhy: whyMissing(readText(post, 'post_author.display_name', MAX_NAME), 'post_author.display_name'),
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
    parts.push(`<img class="rp-gravatar" src="${escapeHtml(src)}" alt="" width="80" height="80">`);
  } else if (view.gravatarWhy) {
    parts.push(`<p>${placeholder(`Gravatar not shown: ${view.gravatarWhy}`)}</p>`);
  }
  const name = header.displayName ? `<strong>${escapeHtml(header.displayName)}</strong>` : placeholder(`Unknown author (${view.authorWhy ?? 'no name'})`);
  const handle = header.twitter
    ? `<br><a href="https://twitter.com/${escapeHtml(encodeURIComponent(header.twitter))}">@${escapeHtml(header.twitter)}</a>`
    : '';
  parts.push(`<p class="rp-author-name">${name}${handle}</p>`, dateHtml(input.fileName));
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

/** The parts of the page that depend on the post, for the first render and for live updates. */
export function renderPostContent(input: PageInput): PostContent {
  const view = headerView(input);
  const bodyProblems = (input.problems ?? []).filter((p) => p.line >= input.post.bodyStartLine);
  let blocked = !input.remoteImages && view.header.gravatar ? 1 : 0;
  const bodyHtml = renderPostBody(input.post, {
    resolveUrl: input.resolveUrl,
    problems: bodyProblems,
    remoteImages: input.remoteImages,
    onBlockedImage: () => blocked++,
  });
  const author = authorColumnHtml(input, view);
  const title = titleHtml(input, view);
  const html =
    `<div class="row">${author}` +
    `<div class="col-md-9 rp-post">${title}<div class="rp-body" data-rp-body>${bodyHtml}</div></div>` +
    '</div>';
  const content: PostContent = {
    html,
    title: view.header.title ?? 'Untitled post',
    banner: bannerHtml(input, view) + remoteImagesNotice(blocked, input.mode),
    headerHtml: author + title,
    bodyHtml,
  };
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
  return (
    `default-src 'none'; img-src ${source} data:${remote}; style-src ${source}; ` +
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

function siteHeaderHtml(profile: SiteProfile): string {
  const preview = profile.preview ?? {};
  const siteName = typeof preview.siteName === 'string' ? preview.siteName.slice(0, MAX_NAME) : '';
  const crumbs = entries(preview.breadcrumb).map((e) => `<li>${siteLink(e.label, e.href)}</li>`);
  const menu = entries(preview.menu).map((e) => `<li>${siteLink(e.label, e.href)}</li>`);
  return (
    `<div class="rp-topnav"><div class="container"><ul class="breadcrumb">${crumbs.join('')}</ul></div></div>` +
    `<div class="navbar rp-navbar" role="navigation"><div class="container">` +
    `<a class="navbar-brand" href="/">${escapeHtml(siteName)}</a>` +
    `<ul class="nav navbar-nav navbar-right">${menu.join('')}</ul>` +
    `</div></div>`
  );
}

function footerHtml(input: PageInput): string {
  const siteName = typeof input.profile.preview?.siteName === 'string' ? input.profile.preview.siteName.slice(0, MAX_NAME) : '';
  const file = baseNameOf(input.fileName).slice(0, 300);
  return (
    `<div class="container rp-footer"><hr><footer><p>&copy; ${escapeHtml(siteName)}. ` +
    `Preview of <span class="rp-file">${escapeHtml(file)}</span>.</p></footer></div>`
  );
}

function stylesHtml(mode: PageMode): string {
  if (mode.kind === 'standalone') return `<style>${mode.inlineCss.replace(/<\/style/gi, '<\\/style')}</style>`;
  return mode.styleUris.map((uri) => `<link rel="stylesheet" href="${escapeHtml(uri)}">`).join('\n');
}

function bodyAttributes(input: PageInput): string {
  let attrs = ' class="rp-page"';
  if (input.uri !== undefined) attrs += ` data-rp-uri="${escapeHtml(input.uri)}"`;
  if (input.initialLine !== undefined && Number.isInteger(input.initialLine) && input.initialLine >= 0) {
    attrs += ` data-rp-initial-line="${input.initialLine}"`;
  }
  return attrs;
}

/** The complete HTML document of the preview: the site's header, the post and the footer. Never throws. */
export function renderPostPage(input: PageInput): string {
  const content = renderPostContent(input);
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
    `<body${bodyAttributes(input)}>`,
    `<div class="rp-banner" data-rp-banner role="status">${content.banner}</div>`,
    siteHeaderHtml(input.profile),
    `<div class="container rp-content" data-rp-content>${content.html}</div>`,
    footerHtml(input),
    script,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
