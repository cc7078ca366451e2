import type { ParsedPost } from '../post/parse';
import { isCommentOnly } from './headings';

interface Directive {
  line: number;
  kind: 'disable' | 'enable' | 'disable-next-line';
  /** Rule names; empty means every rule. */
  rules: string[];
}

/** The start of a directive, tried at each `<!--`; its rules run to the first `>`, which must close `-->`. */
const DIRECTIVE_START = /<!--\s*release-post-(disable-next-line|disable|enable)\b/y;

/**
 * The directives of one line. A scan in one pass: a global pattern with `[^>]*?-->` rescans the rest of the line
 * for every unclosed `<!-- release-post-disable`, quadratic on a long line of them.
 */
function directivesOf(text: string): { kind: Directive['kind']; rules: string }[] {
  const found: { kind: Directive['kind']; rules: string }[] = [];
  let close = -1;
  for (let at = text.indexOf('<!--'); at >= 0; at = text.indexOf('<!--', at + 1)) {
    if (close < at) close = text.indexOf('>', at);
    if (close < 0) break;
    DIRECTIVE_START.lastIndex = at;
    const m = DIRECTIVE_START.exec(text);
    if (!m || close - 2 < DIRECTIVE_START.lastIndex || !text.startsWith('-->', close - 2)) continue;
    found.push({ kind: m[1] as Directive['kind'], rules: text.slice(DIRECTIVE_START.lastIndex, close - 2) });
    at = close;
  }
  return found;
}

/**
 * The `<!-- release-post-disable ... -->` comments of a post, read from HTML blocks and inline HTML only (never from
 * code). A `disable` before any content of the body also covers the front matter and the file name.
 */
export class DisableComments {
  private readonly directives: Directive[] = [];

  constructor(post: ParsedPost) {
    const firstContentLine = post.tokens.find((t) => t.map && t.level === 0 && !isCommentOnly(t))?.map?.[0] ?? post.lines.lineCount;
    for (const token of post.tokens) {
      if ((token.type !== 'html_block' && token.type !== 'inline') || !token.map || !token.content.includes('release-post-')) continue;
      for (let line = token.map[0]; line < token.map[1]; line++) {
        const text = post.lines.lineText(line);
        if (!text.includes('release-post-')) continue;
        for (const { kind, rules: list } of directivesOf(text)) {
          const rules = list.split(/[\s,]+/).filter(Boolean);
          const at = kind === 'disable' && line < firstContentLine ? 0 : line;
          this.directives.push({ line: at, kind, rules });
        }
      }
    }
    this.directives.sort((a, b) => a.line - b.line);
  }

  get isEmpty(): boolean {
    return this.directives.length === 0;
  }

  /** True when `rule` is silenced on `line`. */
  isDisabled(rule: string, line: number): boolean {
    let disabled = false;
    for (const d of this.directives) {
      if (d.kind === 'disable-next-line') {
        if (d.line + 1 === line && applies(d, rule)) return true;
        continue;
      }
      if (d.line > line) break;
      if (applies(d, rule)) disabled = d.kind === 'disable';
    }
    return disabled;
  }
}

function applies(d: Directive, rule: string): boolean {
  return d.rules.length === 0 || d.rules.includes(rule);
}
