import { isMap, isScalar, isSeq, type Node as YamlNode } from 'yaml';
import type { ParsedPost } from '../post/parse';
import { RELEASE_POST_VARIABLE_NAMES } from '../text/templateVariables';
import { frontMatterReadable } from './fields';
import type { Finding, RuleInput } from './types';

/**
 * `TODO`-like words and unfilled template variables (`{{version}}`, `{version}`). A `{{ name }}` that the post's own
 * template tags define never gets here: the prose has template syntax blanked out (see templateSyntax.ts).
 */
const LEFTOVER = /\b(?:TODO|TBD|FIXME|XXX)\b|\{\{-?\s*[A-Za-z_][\w-]*\s*-?\}\}|(?<![\w$\\{])\{([A-Za-z_][\w-]*)\}(?!\})/g;
/** Quotes around a word that mention it rather than use it: the “TODO” comment of a code example. */
const QUOTES = '"\'\u2018\u2019\u201C\u201D\u00AB\u00BB';

/**
 * Whether a match is a leftover. A single-brace `{name}` counts only for the names Release Post's templates and
 * patterns use: in prose `{i}` or `{n}` is notation ("the {i}th column"), not something to fill in.
 */
function isLeftover(source: string, m: RegExpMatchArray): boolean {
  if (m[1] !== undefined) return RELEASE_POST_VARIABLE_NAMES.has(m[1]);
  if (m[0][0] === '{') return true;
  const index = m.index ?? 0;
  const before = source[index - 1];
  const after = source[index + m[0].length];
  return !(before && after && QUOTES.includes(before) && QUOTES.includes(after));
}

/**
 * Emphasis markers with nothing between them: `****`, `** **`, `____`, and a lone `**` or `__` standing as a word
 * between words ("Thanks to the ** contributors"): a template's bold value whose text was never filled in. A marker
 * at a line's start or end (JIRA's "** Bug", a bold run closed after a space) is another slip, not a blank.
 */
const EMPTY_EMPHASIS =
  /(?<![\w*\\])\*\*[ \t]*\*\*(?![\w*])|(?<![\w_\\])__[ \t]*__(?![\w_])|(?<=[^\s*_][ \t])(?:\*\*|__)(?=[ \t][^\s*_])/g;

function describe(found: string): string {
  if (/^[*_]/.test(found)) return `empty emphasis "${found}" is left from a template`;
  if (found.startsWith('{')) return `the template variable ${found} was never filled in`;
  return `"${found}" marks something still to be written`;
}

/** `placeholder`: leftovers from a template or a draft, in the body and in front-matter values (YAML and TOML). */
export function checkPlaceholder({ post, prose }: RuleInput): Finding[] {
  const findings: Finding[] = [];
  const add = (offset: number, found: string) =>
    findings.push({ rule: 'placeholder', message: describe(found), range: post.lines.rangeOf(offset, offset + found.length) });

  for (const block of prose()) {
    for (const m of block.source.matchAll(LEFTOVER)) if (isLeftover(block.source, m)) add(block.offset + m.index, m[0]);
    if (!block.source.includes('**') && !block.source.includes('__')) continue;
    // Only markers markdown-it left as literal text are empty emphasis; `**a** **b**` is two bold words.
    const literal = block.inlines.some((inline) =>
      (inline.children ?? []).some((c) => c.type === 'text' && (c.content.includes('**') || c.content.includes('__'))),
    );
    if (!literal) continue;
    for (const m of block.source.matchAll(EMPTY_EMPHASIS)) add(block.offset + m.index, m[0]);
  }
  if (frontMatterReadable(post) && post.frontMatter!.doc) visitStrings(post, post.frontMatter!.doc.contents as YamlNode | null, add);
  else if (frontMatterReadable(post) && post.frontMatter!.format === 'toml') visitTomlStrings(post, add);
  return findings;
}

/**
 * Calls `add` for each leftover in the string values of a TOML block (`title = "TODO"`, `authors = ["TODO"]`, a
 * `"""` multi-line string, a value in an inline table or under `[extra]`), at its exact place. Keys, table
 * headers and comments are not values; a string is a key when `=` or `.` follows it. The quotes are TOML's syntax,
 * not a mention: `"TODO"` is a placeholder here.
 */
function visitTomlStrings(post: ParsedPost, add: (offset: number, found: string) => void): void {
  const fm = post.frontMatter!;
  const text = post.text;
  const end = fm.contentEnd;
  let depth = 0;
  let lineStart = true;
  for (let i = fm.contentStart; i < end; ) {
    const ch = text[i];
    if (ch === '\n') {
      lineStart = true;
      i++;
      continue;
    }
    if (ch === ' ' || ch === '\t' || ch === '\r') {
      i++;
      continue;
    }
    if (ch === '#') {
      const next = text.indexOf('\n', i);
      i = next === -1 || next > end ? end : next;
      continue;
    }
    if (ch === '[' && depth === 0 && lineStart) {
      // A table header: its names are keys.
      const next = text.indexOf('\n', i);
      i = next === -1 || next > end ? end : next;
      continue;
    }
    lineStart = false;
    if (ch === '[' || ch === '{') depth++;
    else if (ch === ']' || ch === '}') depth = Math.max(0, depth - 1);
    if (ch !== '"' && ch !== "'") {
      i++;
      continue;
    }
    const quote = text.startsWith(ch.repeat(3), i) ? ch.repeat(3) : ch;
    const from = i + quote.length;
    let to = from;
    for (;;) {
      if (to >= end) break;
      if (ch === '"' && text[to] === '\\') to += 2;
      else if (text.startsWith(quote, to)) break;
      else if (quote.length === 1 && text[to] === '\n') break;
      else to++;
    }
    to = Math.min(to, end);
    i = to + quote.length;
    // A multi-line string may end in up to two more quotes that belong to its text.
    while (quote.length === 3 && text[i] === ch && i < end) {
      i++;
      to++;
    }
    let after = i;
    while (text[after] === ' ' || text[after] === '\t') after++;
    if (text[after] === '=' || text[after] === '.') continue;
    const source = text.slice(from, to);
    for (const m of source.matchAll(LEFTOVER)) if (isLeftover(source, m)) add(from + m.index, m[0]);
  }
}

/** Calls `add` for each leftover in the front matter's string values (iterative: nesting depth is the author's). */
function visitStrings(post: ParsedPost, root: YamlNode | null, add: (offset: number, found: string) => void): void {
  const base = post.frontMatter!.contentStart;
  const stack: unknown[] = [root];
  while (stack.length) {
    const node = stack.pop();
    if (isMap(node)) {
      for (let i = node.items.length - 1; i >= 0; i--) stack.push(node.items[i].value);
    } else if (isSeq(node)) {
      for (let i = node.items.length - 1; i >= 0; i--) stack.push(node.items[i]);
    } else if (isScalar(node) && typeof node.value === 'string' && node.range) {
      // A quoted value's quotes are YAML's syntax, not a mention: `title: "TODO"` is a placeholder.
      const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE' ? 1 : 0;
      const from = base + node.range[0] + quoted;
      const source = post.text.slice(from, Math.max(from, base + node.range[1] - quoted));
      for (const m of source.matchAll(LEFTOVER)) if (isLeftover(source, m)) add(from + m.index, m[0]);
    }
  }
}
