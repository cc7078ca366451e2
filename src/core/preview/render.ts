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
  /**
   * Evaluates one piece of template syntax (`{{ site.version }}`) the way the site's generator would; undefined
   * when it cannot (the piece is then shown as a chip with its name).
   */
  evaluateTemplate?: (source: string) => string | undefined;
}

/**
 * Template syntax in a post's text: Hugo shortcodes (`{{< name >}}`, `{{% name %}}`), Liquid tags and output
 * (`{% name %}`, `{{ name }}`). The name is the first word. A piece never spans another opening brace, so an
 * unclosed opener costs only the text up to the next one (linear over a post full of openers).
 */
const TEMPLATE_SYNTAX = /\{\{[<%]\s*(\/?\s*[\w./-]{1,60})[^{]*?[>%]\}\}|\{%-?\s*([\w./-]{1,60})[^{]*?-?%\}|\{\{-?\s*([^\s|}]{1,60})[^{]*?-?\}\}/g;
/** An MDX component in a post: a tag whose name starts with a capital letter. */
const COMPONENT = /^<\/?([A-Z][\w.]{0,60})/;
const MAX_CHIPS = 500;

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
    const templates: TemplateState = { evaluate: options.evaluateTemplate, chips: 0, remoteImages: options.remoteImages ? 'load' : 'placeholder', onBlocked: options.onBlockedImage };
    const tokens = previewTokens(post.tokens, resolve, options.problems ?? [], md.validateLink.bind(md), templates);
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
  templates: TemplateState,
): Token[] {
  const marks = problemMarks(source, problems);
  const separator = { removed: false };
  return source.map((token, index) => {
    if (token.type === 'inline') return previewInline(token, resolve, separator, validateLink, templates);
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
  templates: TemplateState,
): Token {
  const children = token.children ?? [];
  let changed = false;
  const copies = children.flatMap((child): Token | Token[] => {
    const shown = templateTokens(child, templates);
    if (shown) {
      changed = true;
      return shown;
    }
    if (child.type === 'image' && templates.remoteImages === 'placeholder' && /^(https?:)?\/\//i.test(String(child.attrGet('src') ?? ''))) {
      changed = true;
      templates.onBlocked?.(String(child.attrGet('src')));
      return remoteImageToken(child);
    }
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

interface TemplateState {
  evaluate?: (source: string) => string | undefined;
  chips: number;
  /** `placeholder`: a picture from the internet is a neutral box with its text; `load`: the page's policy decides. */
  remoteImages: 'placeholder' | 'load';
  onBlocked?: (href: string) => void;
}

function escapeText(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

/** A picture from the internet, as a neutral box with its alternative text and where it is from. */
function remoteImageToken(image: Token): Token {
  const box = cloneToken(image);
  box.type = 'html_inline';
  box.children = null;
  const src = String(image.attrGet('src') ?? '');
  let host = '';
  try {
    host = new URL(src, 'https://x.invalid').host;
  } catch {
    host = '';
  }
  const alt = (image.children ?? []).map((c) => c.content).join('').slice(0, 200);
  const title = `A picture from ${host || 'the internet'}, not loaded: remote images are off`;
  box.content = `<span class="rp-remote-image" title="${escapeText(title)}">${escapeText(alt || 'picture')}</span>`;
  return box;
}

function chipToken(like: Token, name: string): Token {
  const chip = cloneToken(like);
  chip.type = 'html_inline';
  chip.content = `<span class="rp-chip" title="Template syntax the preview does not run">${name.replace(/[&<>"']/g, '')}</span>`;
  return chip;
}

function textToken(like: Token, content: string): Token {
  const text = cloneToken(like);
  text.type = 'text';
  text.content = content;
  return text;
}

/**
 * Template syntax in a text token, evaluated where the site's engine can, else shown as a chip with its name; an
 * MDX component likewise. Undefined when the token has none.
 */
function templateTokens(child: Token, templates: TemplateState): Token[] | undefined {
  if (child.type === 'html_inline') {
    const component = COMPONENT.exec(child.content);
    if (!component || templates.chips >= MAX_CHIPS) return undefined;
    templates.chips++;
    return child.content.startsWith('</') ? [] : [chipToken(child, component[1])];
  }
  if (child.type !== 'text' || !child.content.includes('{')) return undefined;
  const out: Token[] = [];
  let last = 0;
  for (const match of child.content.matchAll(TEMPLATE_SYNTAX)) {
    if (templates.chips >= MAX_CHIPS) break;
    const at = match.index ?? 0;
    if (at > last) out.push(textToken(child, child.content.slice(last, at)));
    last = at + match[0].length;
    templates.chips++;
    const liquid = match[1] === undefined;
    const value = liquid && templates.evaluate ? templates.evaluate(match[0]) : undefined;
    if (value !== undefined) {
      if (value) out.push(textToken(child, value));
    } else {
      out.push(chipToken(child, (match[1] ?? match[2] ?? match[3] ?? '').replace(/\s+/g, '')));
    }
  }
  if (!out.length) return undefined;
  if (last < child.content.length) out.push(textToken(child, child.content.slice(last)));
  return out;
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
