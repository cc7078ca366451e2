/**
 * An allowlist sanitizer for the raw HTML of a post. Every tag in the output is rebuilt from an allowed name and
 * allowed, checked attributes; every other `<` becomes `&lt;`, so the browser can only see tags written here.
 * One left-to-right pass: linear in the input, whatever the input is.
 */

export type UrlKind = 'link' | 'image';
/** Maps a local URL (`/assets/img/blog/x.png`, `x.png`) to one the page can load; returns it unchanged to keep it. */
export type UrlRewriter = (url: string, kind: UrlKind) => string;

/** Elements opened by raw HTML and not closed yet; shared by the fragments of one document. */
export interface SanitizeState {
  open: string[];
  openCount: Map<string, number>;
}

export interface SanitizeOptions {
  /** Pass one state to every fragment of a document, then `closeOpenElements(state)` at its end. */
  state?: SanitizeState;
  rewriteUrl?: UrlRewriter;
  /** Attributes added to the first element of the fragment when nothing but white space precedes it. */
  firstTagAttrs?: [string, string][];
}

export function createSanitizeState(): SanitizeState {
  return { open: [], openCount: new Map() };
}

/** Closing tags for the elements raw HTML left open, innermost first; empties the state. */
export function closeOpenElements(state: SanitizeState): string {
  const out = state.open
    .slice()
    .reverse()
    .map((name) => `</${name}>`)
    .join('');
  state.open.length = 0;
  state.openCount.clear();
  return out;
}

const GLOBAL_ATTRIBUTES = ['class', 'id', 'title', 'lang', 'dir', 'align', 'style', 'role'];

/** Allowed elements and their own attributes (besides the global ones). */
const ELEMENTS: Record<string, string[]> = {
  a: ['href', 'rel'],
  abbr: [],
  article: [],
  aside: [],
  b: [],
  bdi: [],
  bdo: [],
  big: [],
  blockquote: ['cite'],
  br: [],
  caption: [],
  center: [],
  cite: [],
  code: [],
  col: ['span', 'width'],
  colgroup: ['span', 'width'],
  dd: [],
  del: ['cite', 'datetime'],
  details: ['open'],
  dfn: [],
  div: [],
  dl: [],
  dt: [],
  em: [],
  figcaption: [],
  figure: [],
  footer: [],
  h1: [],
  h2: [],
  h3: [],
  h4: [],
  h5: [],
  h6: [],
  header: [],
  hr: [],
  i: [],
  img: ['src', 'srcset', 'alt', 'width', 'height'],
  ins: ['cite', 'datetime'],
  kbd: [],
  li: ['value'],
  main: [],
  mark: [],
  nav: [],
  ol: ['start', 'type', 'reversed'],
  p: [],
  pre: [],
  q: ['cite'],
  rp: [],
  rt: [],
  ruby: [],
  s: [],
  samp: [],
  section: [],
  small: [],
  span: [],
  strike: [],
  strong: [],
  sub: [],
  summary: [],
  sup: [],
  table: ['border', 'cellpadding', 'cellspacing', 'width'],
  tbody: [],
  td: ['colspan', 'rowspan', 'valign', 'width'],
  tfoot: [],
  th: ['colspan', 'rowspan', 'valign', 'width', 'scope'],
  thead: [],
  time: ['datetime'],
  tr: ['valign'],
  tt: [],
  u: [],
  ul: ['type'],
  var: [],
  wbr: [],
};

const VOID_ELEMENTS = new Set(['br', 'hr', 'img', 'col', 'wbr']);

/** Dropped together with everything up to their closing tag: code, styles, embedded documents, form fields. */
const DROPPED_WITH_CONTENT = new Set([
  'script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript', 'template', 'svg',
  'math', 'object', 'applet', 'select',
]);

const URL_ATTRIBUTES: Record<string, UrlKind> = { href: 'link', cite: 'link', src: 'image', srcset: 'image' };
const LINK_SCHEMES = new Set(['http', 'https', 'mailto', 'ftp']);
const IMAGE_SCHEMES = new Set(['http', 'https']);
const DATA_IMAGE = /^data:image\/(gif|png|jpeg|webp);/i;

function isSpace(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f';
}

function isAsciiLetter(c: string | undefined): boolean {
  return c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
}

/** Text and attribute values keep their entities (they cannot make markup); only `<`, `>` and `"` are escaped. */
function escapeKeepingEntities(text: string): string {
  return text.replace(/[<>"]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

function escapeAll(text: string): string {
  return text.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', colon: ':', semi: ';', tab: '\t',
  newline: '\n', lpar: '(', rpar: ')', sol: '/', bsol: '\\', period: '.', comma: ',', excl: '!', num: '#',
  percnt: '%', plus: '+', equals: '=', quest: '?', commat: '@', lowbar: '_', hyphen: '-', dash: '-', ast: '*',
  lsqb: '[', rsqb: ']', lcub: '{', rcub: '}', verbar: '|', grave: '`', dollar: '$',
};

/** Decodes character references the way a browser does in attribute values (unknown names stay as written). */
export function decodeEntities(value: string): string {
  return value.replace(/&(?:#(\d{1,8});?|#[xX]([0-9a-fA-F]{1,7});?|([a-zA-Z][a-zA-Z0-9]{0,31});)/g, (whole, dec?: string, hex?: string, name?: string) => {
    if (name !== undefined) {
      const key = name.toLowerCase();
      return Object.prototype.hasOwnProperty.call(NAMED_ENTITIES, key) ? NAMED_ENTITIES[key] : whole;
    }
    const code = dec !== undefined ? Number(dec) : parseInt(hex ?? '', 16);
    if (!code || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
    return String.fromCodePoint(code);
  });
}

/** True for relative URLs and the schemes a page may follow; decided on the value the browser will see. */
export function isSafeUrl(url: string, kind: UrlKind): boolean {
  // Browsers ignore spaces and control characters around and inside a scheme; judge the URL without them.
  const compact = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  const colon = compact.indexOf(':');
  if (colon === -1) return true;
  const boundary = compact.search(/[/?#]/);
  if (boundary !== -1 && boundary < colon) return true;
  const scheme = compact.slice(0, colon).toLowerCase();
  if (kind === 'image' && scheme === 'data') return DATA_IMAGE.test(compact);
  return (kind === 'image' ? IMAGE_SCHEMES : LINK_SCHEMES).has(scheme);
}

/** A path on the site (`/assets/x.png`) or relative to the post (`x.png`): no scheme, host or lone fragment. */
export function isLocalPath(url: string): boolean {
  return url !== '' && !url.startsWith('#') && !url.startsWith('//') && !/^[a-z][a-z0-9+.-]*:/i.test(url);
}

function cleanUrl(raw: string, kind: UrlKind, rewrite: UrlRewriter | undefined): string | undefined {
  const url = decodeEntities(raw).trim();
  if (!isSafeUrl(url, kind)) return undefined;
  // Every image goes to the rewriter: remote ones load only when the user allows it.
  return rewrite && (isLocalPath(url) || kind === 'image') ? rewrite(url, kind) : url;
}

function cleanSrcset(raw: string, rewrite: UrlRewriter | undefined): string | undefined {
  const candidates: string[] = [];
  for (const candidate of decodeEntities(raw).split(',')) {
    const [url, ...descriptor] = candidate.trim().split(/\s+/);
    if (!url) continue;
    const clean = cleanUrl(url, 'image', rewrite);
    if (clean === undefined) return undefined;
    if (clean === '') continue;
    candidates.push([clean, ...descriptor].join(' '));
  }
  return candidates.join(', ');
}

const DANGEROUS_STYLE = /url\s*\(|image\s*\(|image-set|expression|javascript|vbscript|@import|behavio|binding|\\|\/\*/i;

function cleanStyle(raw: string): string | undefined {
  const style = decodeEntities(raw);
  return DANGEROUS_STYLE.test(style) ? undefined : style;
}

interface ParsedTag {
  name: string;
  closing: boolean;
  attributes: [string, string | undefined][];
  /** Index just after the tag's `>`. */
  end: number;
}

/** Reads a tag starting at `<`, as an HTML tokenizer would; undefined when the input ends inside it. */
function readTag(html: string, start: number): ParsedTag | undefined {
  const n = html.length;
  let j = start + 1;
  const closing = html[j] === '/';
  if (closing) j++;
  const nameStart = j;
  while (j < n && !isSpace(html[j]) && html[j] !== '/' && html[j] !== '>') j++;
  const name = html.slice(nameStart, j).toLowerCase();
  const attributes: [string, string | undefined][] = [];
  for (;;) {
    while (j < n && (isSpace(html[j]) || html[j] === '/')) j++;
    if (j >= n) return undefined;
    if (html[j] === '>') return { name, closing, attributes, end: j + 1 };
    const attrStart = j;
    j++;
    while (j < n && !isSpace(html[j]) && html[j] !== '/' && html[j] !== '>' && html[j] !== '=') j++;
    const attrName = html.slice(attrStart, j).toLowerCase();
    while (j < n && isSpace(html[j])) j++;
    if (html[j] !== '=') {
      attributes.push([attrName, undefined]);
      continue;
    }
    j++;
    while (j < n && isSpace(html[j])) j++;
    const quote = html[j];
    if (quote === '"' || quote === "'") {
      const close = html.indexOf(quote, j + 1);
      if (close === -1) return undefined;
      attributes.push([attrName, html.slice(j + 1, close)]);
      j = close + 1;
    } else {
      const valueStart = j;
      while (j < n && !isSpace(html[j]) && html[j] !== '>') j++;
      attributes.push([attrName, html.slice(valueStart, j)]);
    }
  }
}

function cleanAttribute(element: string, name: string, raw: string | undefined, rewrite: UrlRewriter | undefined): string | undefined {
  const value = raw ?? '';
  if (name === 'style') {
    const style = cleanStyle(value);
    return style === undefined ? undefined : escapeAll(style);
  }
  if (name === 'srcset') {
    const srcset = cleanSrcset(value, rewrite);
    return srcset === undefined ? undefined : escapeAll(srcset);
  }
  const kind = URL_ATTRIBUTES[name];
  if (kind) {
    // An <a>'s href is a link; <img src> an image; `cite` is never loaded but is checked as a link.
    const url = cleanUrl(value, element === 'img' && name === 'src' ? 'image' : kind, rewrite);
    return url === undefined ? undefined : escapeAll(url);
  }
  return escapeKeepingEntities(value);
}

function openingTag(tag: ParsedTag, rewrite: UrlRewriter | undefined, extra: [string, string][] | undefined): string {
  const allowed = ELEMENTS[tag.name];
  const kept = new Map<string, string>();
  for (const [name, raw] of tag.attributes) {
    if (kept.has(name) || !(GLOBAL_ATTRIBUTES.includes(name) || allowed.includes(name))) continue;
    const value = cleanAttribute(tag.name, name, raw, rewrite);
    if (value !== undefined) kept.set(name, value);
  }
  for (const [name, value] of extra ?? []) {
    const mine = escapeAll(value);
    kept.set(name, name === 'class' && kept.has('class') ? `${kept.get('class')} ${mine}` : mine);
  }
  let out = `<${tag.name}`;
  for (const [name, value] of kept) out += ` ${name}="${value}"`;
  return out + '>';
}

/** Where the content of a dropped element ends: after its closing tag, or at the end of the input. */
function skipElementContent(html: string, lower: string, name: string, from: number): number {
  let at = from;
  for (;;) {
    const close = lower.indexOf(`</${name}`, at);
    if (close === -1) return html.length;
    const after = html[close + name.length + 2];
    if (after === undefined || after === '>' || after === '/' || isSpace(after)) {
      const end = html.indexOf('>', close);
      return end === -1 ? html.length : end + 1;
    }
    at = close + 2;
  }
}

/** Skips a comment, doctype, processing instruction or CDATA section starting at `<`. */
function skipMarkupDeclaration(html: string, start: number): number {
  if (html.startsWith('<!--', start)) {
    if (html.startsWith('>', start + 4)) return start + 5;
    if (html.startsWith('->', start + 4)) return start + 6;
    const close = html.indexOf('-->', start + 4);
    return close === -1 ? html.length : close + 3;
  }
  const end = html.indexOf('>', start);
  return end === -1 ? html.length : end + 1;
}

function push(state: SanitizeState, name: string): void {
  state.open.push(name);
  state.openCount.set(name, (state.openCount.get(name) ?? 0) + 1);
}

/** Closes `name` and everything opened inside it; nothing when raw HTML never opened it. */
function close(state: SanitizeState, name: string): string {
  if (!state.openCount.get(name)) return '';
  let out = '';
  for (;;) {
    const top = state.open.pop() as string;
    state.openCount.set(top, (state.openCount.get(top) ?? 1) - 1);
    out += `</${top}>`;
    if (top === name) return out;
  }
}

/** Sanitises one fragment of raw HTML. Never throws. */
export function sanitizeHtml(html: string, options: SanitizeOptions = {}): string {
  const state = options.state ?? createSanitizeState();
  let lower: string | undefined;
  let out = '';
  let extra = options.firstTagAttrs;
  let i = 0;
  const n = html.length;
  while (i < n) {
    const lt = html.indexOf('<', i);
    const textEnd = lt === -1 ? n : lt;
    if (textEnd > i) {
      const text = html.slice(i, textEnd);
      if (extra && text.trim() !== '') extra = undefined;
      out += escapeKeepingEntities(text);
    }
    if (lt === -1) break;
    const next = html[lt + 1];
    if (next === '!' || next === '?') {
      i = skipMarkupDeclaration(html, lt);
      continue;
    }
    if (!isAsciiLetter(next) && !(next === '/' && isAsciiLetter(html[lt + 2]))) {
      out += '&lt;';
      i = lt + 1;
      continue;
    }
    const tag = readTag(html, lt);
    if (!tag) {
      // The input ends inside a tag: a browser would swallow the rest; show it as the text it is.
      out += escapeKeepingEntities(html.slice(lt));
      break;
    }
    i = tag.end;
    if (tag.name === 'plaintext') break;
    if (!tag.closing && DROPPED_WITH_CONTENT.has(tag.name)) {
      // ASCII only: full case mapping can change the length and shift every index.
      lower ??= html.replace(/[A-Z]/g, (c) => c.toLowerCase());
      i = skipElementContent(html, lower, tag.name, i);
      continue;
    }
    if (!Object.prototype.hasOwnProperty.call(ELEMENTS, tag.name)) continue;
    if (tag.closing) {
      out += close(state, tag.name);
      continue;
    }
    out += openingTag(tag, options.rewriteUrl, extra);
    extra = undefined;
    if (!VOID_ELEMENTS.has(tag.name)) push(state, tag.name);
  }
  if (!options.state) out += closeOpenElements(state);
  return out;
}
