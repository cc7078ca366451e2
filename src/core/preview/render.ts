import type { Token } from 'markdown-it';
import { sharedMarkdown, type RenderEnv } from '../post/markdown';
import type { ParsedPost } from '../post/parse';
import { closeOpenElements, createSanitizeState, isLocalPath, type UrlKind } from './sanitize';

export type ProblemSeverity = 'error' | 'warning' | 'info';

/** A problem to mark on the block that holds its line. */
export interface BodyProblem {
  line: number;
  severity: ProblemSeverity;
  message: string;
}

export interface RenderBodyOptions {
  /**
   * Called for every local link and image URL (site-root `/assets/x.png` or relative `x.png`), never for URLs with
   * a scheme or host; return the URL unchanged to keep it.
   */
  resolveUrl(href: string, kind: UrlKind): string;
  /** Problems of the body, shown as marks on their blocks. */
  problems?: BodyProblem[];
  /** Whether `https:` images from other servers may load; `http:` ones never do. Off unless the user allows it. */
  remoteImages?: boolean;
  /** Told of each remote image left out. */
  onBlockedImage?: (href: string) => void;
}

/** The generator removes the first `READMORE` of a page (its summary separator). */
const SUMMARY_SEPARATOR = 'READMORE';
const MAX_MESSAGES_PER_BLOCK = 8;
const MAX_MESSAGE_LENGTH = 300;

/**
 * The body of a post as the site renders it, from the tokens of the post's one parse. Every block carries
 * `data-line` (its first document line, 0-based) for scroll sync. Raw HTML is sanitised. Never throws.
 */
export function renderPostBody(post: ParsedPost, options: RenderBodyOptions): string {
  const md = sharedMarkdown();
  const resolve = safeResolver(options);
  try {
    const tokens = previewTokens(post.tokens, resolve, options.problems ?? [], md.validateLink.bind(md));
    const sanitizeState = createSanitizeState();
    const env: RenderEnv = { sanitizeState, rewriteUrl: resolve };
    return md.renderer.render(tokens, md.options, env) + closeOpenElements(sanitizeState);
  } catch {
    return '<p class="rp-placeholder">This post could not be rendered.</p>';
  }
}

/**
 * A remote image as the page may show it: `https:` when the user allows remote images, otherwise nothing (the
 * page makes no request to a server the post names). `data:` images are part of the post and stay.
 */
function remoteImage(href: string, options: RenderBodyOptions): string {
  const url = href.replace(/[\u0000-\u0020]/g, '');
  if (/^data:/i.test(url)) return href;
  if (options.remoteImages && /^https:/i.test(url)) return href;
  if (options.remoteImages && url.startsWith('//')) return 'https:' + url;
  options.onBlockedImage?.(href);
  return '';
}

function safeResolver(options: RenderBodyOptions): (href: string, kind: UrlKind) => string {
  return (href, kind) => {
    if (!isLocalPath(href)) return kind === 'image' ? remoteImage(href, options) : href;
    try {
      const resolved = options.resolveUrl(href, kind);
      return typeof resolved === 'string' ? resolved : href;
    } catch {
      return href;
    }
  };
}

function cloneToken(token: Token): Token {
  const copy = Object.assign(Object.create(Object.getPrototypeOf(token) as object) as Token, token);
  copy.attrs = token.attrs ? token.attrs.map(([name, value]) => [name, value]) : null;
  return copy;
}

/** Blocks that show in the page and can carry attributes. */
function isMarkableBlock(token: Token): boolean {
  return token.block && token.nesting !== -1 && token.type !== 'inline' && !token.hidden && Array.isArray(token.map);
}

/**
 * A copy of the token list for rendering: the shared parse stays untouched (the linter and later renders use
 * it). Only the tokens that change are copied.
 */
function previewTokens(
  source: Token[],
  resolve: (href: string, kind: UrlKind) => string,
  problems: BodyProblem[],
  validateLink: (url: string) => boolean,
): Token[] {
  const marks = problemMarks(source, problems);
  const separator = { removed: false };
  return source.map((token, index) => {
    if (token.type === 'inline') return previewInline(token, resolve, separator, validateLink);
    if (!isMarkableBlock(token)) return token;
    const copy = cloneToken(token);
    const attrs: [string, string][] = [['data-line', String((token.map as [number, number])[0])]];
    const mark = marks.get(index);
    if (mark) attrs.push(['class', `rp-problem rp-problem-${mark.severity}`], ['title', mark.title]);
    if (token.type === 'fence' || token.type === 'html_block') {
      copy.meta = { ...(token.meta as object | null), previewAttrs: attrs };
    } else {
      for (const [name, value] of attrs) {
        if (name === 'class' && copy.attrGet('class')) copy.attrJoin('class', value);
        else copy.attrSet(name, value);
      }
    }
    if (!separator.removed && (token.type === 'fence' || token.type === 'code_block' || token.type === 'html_block')) {
      copy.content = removeSeparator(copy.content, separator);
    }
    return copy;
  });
}

function removeSeparator(text: string, separator: { removed: boolean }): string {
  if (separator.removed || !text.includes(SUMMARY_SEPARATOR)) return text;
  separator.removed = true;
  return text.replace(SUMMARY_SEPARATOR, '');
}

function previewInline(
  token: Token,
  resolve: (href: string, kind: UrlKind) => string,
  separator: { removed: boolean },
  validateLink: (url: string) => boolean,
): Token {
  const children = token.children ?? [];
  let changed = false;
  const copies = children.map((child) => {
    if (child.type === 'link_open' || child.type === 'image') {
      const attr = child.type === 'image' ? 'src' : 'href';
      const kind: UrlKind = child.type === 'image' ? 'image' : 'link';
      const copy = cloneToken(child);
      const url = String(copy.attrGet(attr) ?? '');
      // The parse already refused unsafe links; checked again so no other token source can slip one in.
      copy.attrSet(attr, validateLink(url) ? resolve(url, kind) : '');
      changed = true;
      return copy;
    }
    if (!separator.removed && (child.type === 'text' || child.type === 'code_inline' || child.type === 'html_inline')) {
      if (child.content.includes(SUMMARY_SEPARATOR)) {
        const copy = cloneToken(child);
        copy.content = removeSeparator(child.content, separator);
        changed = true;
        return copy;
      }
    }
    return child;
  });
  if (!changed) return token;
  const copy = cloneToken(token);
  copy.children = copies;
  return copy;
}

interface BlockMark {
  severity: ProblemSeverity;
  title: string;
}

const SEVERITY_RANK: Record<ProblemSeverity, number> = { error: 3, warning: 2, info: 1 };

/** For each problem, the innermost block whose lines hold it; then one mark per block. */
function problemMarks(tokens: Token[], problems: BodyProblem[]): Map<number, BlockMark> {
  const marks = new Map<number, BlockMark>();
  const valid = problems.filter((p) => Number.isInteger(p.line) && p.line >= 0 && SEVERITY_RANK[p.severity] !== undefined);
  if (!valid.length) return marks;
  const lines = [...new Set(valid.map((p) => p.line))].sort((a, b) => a - b);
  const owner = new Map<number, number>();
  tokens.forEach((token, index) => {
    if (!isMarkableBlock(token)) return;
    const [start, end] = token.map as [number, number];
    // Later tokens are nested inside earlier ones or follow them: the last owner found is the innermost.
    for (let i = lowerBound(lines, start); i < lines.length && lines[i] < end; i++) owner.set(lines[i], index);
  });
  const grouped = new Map<number, BodyProblem[]>();
  for (const problem of valid) {
    const index = owner.get(problem.line);
    if (index === undefined) continue;
    const list = grouped.get(index);
    if (list) list.push(problem);
    else grouped.set(index, [problem]);
  }
  for (const [index, list] of grouped) {
    const severity = list.reduce<ProblemSeverity>((worst, p) => (SEVERITY_RANK[p.severity] > SEVERITY_RANK[worst] ? p.severity : worst), 'info');
    const shown = list.slice(0, MAX_MESSAGES_PER_BLOCK).map((p) => p.message.slice(0, MAX_MESSAGE_LENGTH));
    if (list.length > shown.length) shown.push(`and ${list.length - shown.length} more`);
    marks.set(index, { severity, title: shown.join('\n') });
  }
  return marks;
}

function lowerBound(sorted: number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
