import type { Token } from 'markdown-it';
import { sharedMarkdown } from '../post/markdown';
import type { ParsedPost } from '../post/parse';
import type { TextRange } from '../text/text';

/** A link to a page or file of the site itself (`/blog/x/`, `/assets/img/blog/x.png`). */
export interface SiteLink {
  /** Range of the link target only, as written in the document. */
  range: TextRange;
  /** The target as written (`/blog/x/#part`). */
  href: string;
}

export interface BrokenSiteLink {
  range: TextRange;
  message: string;
  href: string;
}

/** Lines of the document to scan for links, with the targets markdown-it found there. */
interface Region {
  startLine: number;
  endLine: number;
  htmlOnly: boolean;
  /** Normalised targets markdown-it made links of, with how often each occurs. */
  targets: Map<string, number>;
}

interface Candidate {
  start: number;
  end: number;
  markdown: boolean;
}

export function isSiteRootHref(href: string): boolean {
  return href.startsWith('/') && !href.startsWith('//');
}

/**
 * Site-root links of the body: Markdown links and images, reference definitions, and `href`/`src` of raw HTML.
 * Code blocks and code spans are left out.
 */
export function findSiteLinks(post: ParsedPost): readonly SiteLink[] {
  let links = linksOfPost.get(post);
  if (!links) {
    links = scanPost(post);
    linksOfPost.set(post, links);
  }
  return links;
}

/** One scan per parse: hovers ask at every mouse move, the linter and the link provider once more. */
const linksOfPost = new WeakMap<ParsedPost, readonly SiteLink[]>();

function scanPost(post: ParsedPost): SiteLink[] {
  const links: SiteLink[] = [];
  const md = sharedMarkdown();
  for (const region of collectRegions(post.tokens)) {
    const start = post.lines.lineStarts[region.startLine];
    if (start === undefined) continue;
    const end = post.lines.lineEnd(Math.min(region.endLine, post.lines.lineCount) - 1);
    for (const c of scanLinks(post.text, start, end, region.htmlOnly)) {
      const href = post.text.slice(c.start, c.end);
      if (!isSiteRootHref(href)) continue;
      if (c.markdown) {
        // Only what markdown-it really made a link of: `\[x](/y)` or `[x] (/y)` are plain text.
        const key = md.normalizeLink(md.utils.unescapeAll(href));
        const left = region.targets.get(key) ?? 0;
        if (left === 0) continue;
        region.targets.set(key, left - 1);
      }
      links.push({ href, range: post.lines.rangeOf(c.start, c.end) });
    }
  }
  links.push(...referenceDefinitions(post));
  return links.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

/** Site-root links that lead nowhere, for the `broken-site-link` rule. `exists` is asked once per link. */
export function checkSiteLinks(post: ParsedPost, exists: (href: string) => boolean): BrokenSiteLink[] {
  return findSiteLinks(post)
    .filter((link) => !exists(link.href))
    .map((link) => ({
      range: link.range,
      href: link.href,
      message: `"${link.href}" matches no post, page or file of the site: the link is broken on the published page`,
    }));
}

function collectRegions(tokens: Token[]): Region[] {
  const byLines = new Map<string, Region>();
  let lastMap: [number, number] | null = null;
  for (const token of tokens) {
    if (token.map) lastMap = token.map;
    const htmlOnly = token.type === 'html_block';
    if (token.type !== 'inline' && !htmlOnly) continue;
    // Table cells have no map of their own: their row's is the last one seen.
    const map = token.map ?? lastMap;
    if (!map) continue;
    const key = `${map[0]}:${map[1]}:${htmlOnly}`;
    let region = byLines.get(key);
    if (!region) {
      region = { startLine: map[0], endLine: map[1], htmlOnly, targets: new Map() };
      byLines.set(key, region);
    }
    for (const child of token.children ?? []) {
      const attr = child.type === 'link_open' ? child.attrGet('href') : child.type === 'image' ? child.attrGet('src') : null;
      if (attr === null) continue;
      const target = String(attr);
      region.targets.set(target, (region.targets.get(target) ?? 0) + 1);
    }
  }
  return [...byLines.values()];
}

const SPACE = /[ \t\r\n]/;

/** Link targets between two offsets: `](target)` outside code spans, and `href`/`src` of HTML tags. */
function scanLinks(text: string, from: number, to: number, htmlOnly: boolean): Candidate[] {
  const found: Candidate[] = [];
  let runs: BacktickRuns | undefined;
  let i = from;
  while (i < to) {
    const c = text[i];
    if (!htmlOnly && c === '\\') {
      i += 2;
    } else if (!htmlOnly && c === '`') {
      runs ??= new BacktickRuns(text, from, to);
      i = runs.skipCodeSpan(i);
    } else if (!htmlOnly && c === ']' && text[i + 1] === '(') {
      const target = markdownTarget(text, i + 2, to);
      if (target) found.push({ ...target, markdown: true });
      i += 2;
    } else if (c === '<' && text.startsWith('<!--', i)) {
      const close = text.indexOf('-->', i + 4);
      i = close < 0 || close >= to ? to : close + 3;
    } else if (c === '<') {
      OPEN_TAG.lastIndex = i;
      const tag = OPEN_TAG.exec(text);
      if (tag && i + tag[0].length <= to) {
        found.push(...htmlTargets(text, i, i + tag[0].length));
        i += tag[0].length;
      } else {
        i++;
      }
    } else {
      i++;
    }
  }
  return found;
}

/**
 * The backtick runs of a region, by length, so each code span finds its closing run without rescanning the text
 * (a paragraph of unmatched runs of many lengths would otherwise take quadratic time).
 */
class BacktickRuns {
  private readonly startsByLength = new Map<number, number[]>();

  constructor(
    private readonly text: string,
    from: number,
    private readonly to: number,
  ) {
    let i = from;
    while (i < to) {
      if (text[i] !== '`') {
        i++;
        continue;
      }
      const start = i;
      while (i < to && text[i] === '`') i++;
      const starts = this.startsByLength.get(i - start) ?? [];
      starts.push(start);
      this.startsByLength.set(i - start, starts);
    }
  }

  /** Past the code span opened at `at`, or past the opening run itself when no run of its length closes it. */
  skipCodeSpan(at: number): number {
    let runEnd = at;
    while (runEnd < this.to && this.text[runEnd] === '`') runEnd++;
    const length = runEnd - at;
    const starts = this.startsByLength.get(length) ?? [];
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid] < runEnd) lo = mid + 1;
      else hi = mid;
    }
    return lo < starts.length ? starts[lo] + length : runEnd;
  }
}

/** An HTML open tag as CommonMark reads one (markdown-it's html_inline uses the same grammar). */
const OPEN_TAG = /<[A-Za-z][A-Za-z0-9-]*(?:\s+[a-zA-Z_:][a-zA-Z0-9:._-]*(?:\s*=\s*(?:[^"'=<>`\x00-\x20]+|'[^']*'|"[^"]*"))?)*\s*\/?>/y;

function markdownTarget(text: string, at: number, to: number): { start: number; end: number } | undefined {
  let i = at;
  let newlines = 0;
  while (i < to && SPACE.test(text[i])) {
    if (text[i] === '\n') newlines++;
    i++;
  }
  if (newlines > 1) return undefined;
  if (text[i] === '<') {
    const close = text.indexOf('>', i + 1);
    if (close < 0 || close > to || /[\r\n<]/.test(text.slice(i + 1, close))) return undefined;
    return { start: i + 1, end: close };
  }
  const start = i;
  let depth = 0;
  while (i < to) {
    const c = text[i];
    if (c === '\\' && i + 1 < to) {
      i += 2;
      continue;
    }
    if (SPACE.test(c) || c.charCodeAt(0) < 32) break;
    if (c === '(' && ++depth > 32) return undefined;
    if (c === ')') {
      if (depth === 0) break;
      depth--;
    }
    i++;
  }
  return i > start ? { start, end: i } : undefined;
}

const LINK_ATTRIBUTE = /[\s"'](?:href|src)[ \t\r\n]*=[ \t\r\n]*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/gi;

function htmlTargets(text: string, from: number, to: number): Candidate[] {
  const tag = text.slice(from, to);
  const found: Candidate[] = [];
  LINK_ATTRIBUTE.lastIndex = 0;
  for (let m = LINK_ATTRIBUTE.exec(tag); m; m = LINK_ATTRIBUTE.exec(tag)) {
    const value = m[1] ?? m[2] ?? m[3] ?? '';
    const valueEnd = m.index + m[0].length - (m[3] === undefined ? 1 : 0);
    const start = from + valueEnd - value.length;
    found.push({ start, end: start + value.length, markdown: false });
  }
  return found;
}

const REFERENCE_DEFINITION = /^ {0,3}\[(?:[^\]\\]|\\.)+\]:[ \t]*(<)?([^\s>]*)/;

/** `[id]: /target` lines: markdown-it keeps no token for them, so they are the body lines no token covers. */
function referenceDefinitions(post: ParsedPost): SiteLink[] {
  const covered = new Set<number>();
  for (const token of post.tokens) {
    if (!token.map) continue;
    for (let line = token.map[0]; line < token.map[1]; line++) covered.add(line);
  }
  const links: SiteLink[] = [];
  for (let line = post.bodyStartLine; line < post.lines.lineCount; line++) {
    if (covered.has(line)) continue;
    const m = REFERENCE_DEFINITION.exec(post.lines.lineText(line));
    if (!m || !isSiteRootHref(m[2])) continue;
    const start = m[0].length - m[2].length;
    links.push({
      href: m[2],
      range: { start: { line, character: start }, end: { line, character: start + m[2].length } },
    });
  }
  return links;
}
