import type { Token } from 'markdown-it';
import type { ParsedPost } from '../post/parse';
import { blankSpans, findTemplateSyntax, isMdxFile, type Span } from '../text/templateSyntax';

/** The source of one block of prose, read once and shared by the rules that look at body text. */
export interface ProseBlock {
  /** The inline tokens of the block (one per table cell for a table row); their children hold the parsed links. */
  inlines: Token[];
  /** Type of the block that holds the text: `paragraph_open`, `heading_open`, `tr_open`. */
  kind: string;
  /** Nesting level of that block: 0 at the top of the document. */
  level: number;
  startLine: number;
  /** Line after the block. */
  endLine: number;
  /** Document offset of the first character of `source`. */
  offset: number;
  /**
   * The document text of the block's lines with code spans and template syntax (Liquid, shortcodes, MDX) blanked out
   * (same length, line breaks kept).
   */
  source: string;
}

/** Collects the prose blocks of the body in document order, each line at most once. */
export function collectProse(post: ParsedPost, fileName = ''): ProseBlock[] {
  const blocks: ProseBlock[] = [];
  const { tokens, lines, text } = post;
  const bodyStart = post.bodyStartLine < lines.lineCount ? lines.lineStarts[post.bodyStartLine] : text.length;
  const template = templateSpansOfBody(text, bodyStart, isMdxFile(fileName));
  let nextSpan = 0;
  let rowMap: [number, number] | null = null;
  let last: ProseBlock | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.type === 'tr_open') rowMap = token.map;
    if (token.type !== 'inline') continue;
    const map = token.map ?? rowMap;
    if (!map) continue;
    const startLine = Math.max(0, Math.min(map[0], lines.lineCount - 1));
    const endLine = Math.max(startLine + 1, Math.min(map[1], lines.lineCount));
    if (last && startLine < last.endLine) {
      last.inlines.push(token);
      continue;
    }
    const opener = tokens[i - 1];
    const offset = lines.lineStarts[startLine];
    const end = endLine < lines.lineCount ? lines.lineStarts[endLine] : text.length;
    while (nextSpan < template.length && template[nextSpan][1] <= offset) nextSpan++;
    const inBlock: Span[] = [];
    for (let k = nextSpan; k < template.length && template[k][0] < end; k++) inBlock.push(template[k]);
    last = {
      inlines: [token],
      kind: token.map ? (opener?.type ?? 'paragraph_open') : 'tr_open',
      level: Math.max(0, token.level - 1),
      startLine,
      endLine,
      offset,
      source: blankSpans(blankCodeSpans(text.slice(offset, end)), inBlock, offset),
    };
    blocks.push(last);
  }
  return blocks;
}

/** Template syntax of the body, as document offsets. */
function templateSpansOfBody(text: string, bodyStart: number, mdx: boolean): Span[] {
  const body = text.slice(bodyStart);
  if (!mdx && !body.includes('{')) return [];
  return findTemplateSyntax(body, { mdx }).spans.map(([s, e]): Span => [s + bodyStart, e + bodyStart]);
}

/**
 * Replaces code spans (`` `x` ``, ``` ``x`` ```) by spaces of the same length, so prose rules never look inside code.
 * Linear: each backtick run is paired with the next run of the same length, found through one pointer per length.
 */
export function blankCodeSpans(source: string): string {
  if (!source.includes('`')) return source;
  const runs: { start: number; length: number }[] = [];
  for (let i = 0; i < source.length; i++) {
    if (source.charCodeAt(i) !== 96) continue;
    let j = i;
    while (j < source.length && source.charCodeAt(j) === 96) j++;
    runs.push({ start: i, length: j - i });
    i = j - 1;
  }
  const byLength = new Map<number, number[]>();
  runs.forEach((run, index) => {
    const list = byLength.get(run.length) ?? [];
    list.push(index);
    byLength.set(run.length, list);
  });
  const cursor = new Map<number, number>();
  const chars = source.split('');
  let index = 0;
  while (index < runs.length) {
    const run = runs[index];
    const list = byLength.get(run.length) ?? [];
    let k = cursor.get(run.length) ?? 0;
    while (k < list.length && list[k] <= index) k++;
    cursor.set(run.length, k);
    if (k >= list.length) {
      index++;
      continue;
    }
    const closer = runs[list[k]];
    for (let c = run.start; c < closer.start + closer.length; c++) {
      if (chars[c] !== '\n' && chars[c] !== '\r') chars[c] = ' ';
    }
    index = list[k] + 1;
  }
  return chars.join('');
}
