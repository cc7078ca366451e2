import type { ParsedPost } from './parse';
import { MAX_FRONT_MATTER_BYTES } from './yamlLimits';

/**
 * The front matter read line by line, so completions and hovers keep working while the YAML is broken or half
 * typed. Each line is a `key: value` pair, a `- item` of a list, or something else.
 */
export interface FrontMatterLine {
  line: number;
  indent: number;
  /** Dotted path of the key on this line (`post_author.twitter`), or of the list the item belongs to. */
  path: string | undefined;
  /** Key as written, with its columns; undefined on list items and other lines. */
  key: string | undefined;
  keyStart: number;
  keyEnd: number;
  /** True when the key is followed by a colon. */
  hasColon: boolean;
  /** Column where the value starts (after `: ` or `- `); -1 when there is no value part. */
  valueStart: number;
  /** The value as written, without trailing spaces or a trailing comment. */
  value: string;
  isListItem: boolean;
}

/** Lines of the document that belong to the front matter (between the `---` lines), or undefined. */
export function frontMatterLineSpan(post: ParsedPost): { first: number; end: number } | undefined {
  const fm = post.frontMatter;
  if (!fm || !/^\uFEFF?---[ \t]*$/.test(fm.opening)) return undefined;
  return { first: 1, end: fm.closingLine ?? post.lines.lineCount };
}

const KEY_LINE = /^([ ]*)([A-Za-z_][\w.-]*|"[^"]*"|'[^']*')?([ \t]*)(:)?/;
const LIST_ITEM = /^([ ]*)-([ \t]+|$)/;

function valueText(raw: string): string {
  // A `#` after a space starts a comment unless it sits inside quotes.
  const quoted = /^(["'])/.exec(raw);
  if (quoted) {
    const close = raw.indexOf(quoted[1], 1);
    return close > 0 ? raw.slice(0, close + 1) : raw.trimEnd();
  }
  return raw.replace(/(^|[ \t])#.*$/, '').trimEnd();
}

/** Reads one front-matter line without the YAML parser. */
function readLine(text: string, line: number): Omit<FrontMatterLine, 'path'> {
  const item = LIST_ITEM.exec(text);
  if (item) {
    const valueStart = item[0].length;
    return {
      line,
      indent: item[1].length,
      key: undefined,
      keyStart: -1,
      keyEnd: -1,
      hasColon: false,
      valueStart,
      value: valueText(text.slice(valueStart)),
      isListItem: true,
    };
  }
  const m = KEY_LINE.exec(text) as RegExpExecArray;
  const indent = m[1].length;
  const rawKey = m[2];
  if (rawKey === undefined) {
    return { line, indent, key: undefined, keyStart: indent, keyEnd: indent, hasColon: false, valueStart: -1, value: '', isListItem: false };
  }
  const key = /^["']/.test(rawKey) ? rawKey.slice(1, -1) : rawKey;
  const hasColon = m[4] === ':';
  let valueStart = -1;
  if (hasColon) {
    valueStart = m[0].length;
    while (text[valueStart] === ' ' || text[valueStart] === '\t') valueStart++;
  }
  return {
    line,
    indent,
    key,
    keyStart: indent,
    keyEnd: indent + rawKey.length,
    hasColon,
    valueStart,
    value: hasColon ? valueText(text.slice(valueStart)) : '',
    isListItem: false,
  };
}

/** One reading per parse: completions and hovers ask for it at every keystroke and mouse move. */
const readings = new WeakMap<ParsedPost, readonly FrontMatterLine[]>();

/** Every front-matter line with the dotted path of its key, found from the indentation. Read once per parse. */
export function readFrontMatterLines(post: ParsedPost): readonly FrontMatterLine[] {
  let lines = readings.get(post);
  if (!lines) {
    lines = readLines(post);
    readings.set(post, lines);
  }
  return lines;
}

function readLines(post: ParsedPost): FrontMatterLine[] {
  const span = frontMatterLineSpan(post);
  // A front matter too large to be parsed gets no completions or hovers either: it is reported, not read.
  const fm = post.frontMatter;
  if (!span || !fm || fm.contentEnd - fm.contentStart > MAX_FRONT_MATTER_BYTES) return [];
  const result: FrontMatterLine[] = [];
  // Open parents: keys with no value on their own line, innermost last.
  const parents: { indent: number; path: string }[] = [];
  for (let line = span.first; line < span.end; line++) {
    const text = post.lines.lineText(line);
    const read = readLine(text, line);
    const blank = text.trim() === '' || /^[ ]*#/.test(text);
    if (!blank) closeParents(parents, read);
    const parent = parents[parents.length - 1]?.path;
    const path = read.isListItem ? parent : read.key === undefined ? parent : parent ? `${parent}.${read.key}` : read.key;
    result.push({ ...read, path: blank ? undefined : path });
    if (!blank && read.key !== undefined && read.hasColon && read.value === '' && path) parents.push({ indent: read.indent, path });
  }
  return result;
}

/** Leaves the parents a line is not nested in; a list may sit at its key's own indentation. */
function closeParents(parents: { indent: number; path: string }[], read: Omit<FrontMatterLine, 'path'>): void {
  while (parents.length) {
    const top = parents[parents.length - 1];
    if (top.indent < read.indent || (read.isListItem && top.indent === read.indent)) return;
    parents.pop();
  }
}

/**
 * The dotted path a new key typed at this indentation would get: the innermost key above it that has no value
 * and is indented less.
 */
export function parentPathAt(lines: readonly FrontMatterLine[], line: number, indent: number): string | undefined {
  if (indent === 0) return undefined;
  // Lines are in document order, one per line: start just above `line` rather than at the end.
  const first = lines.length ? lines[0].line : 0;
  for (let i = Math.min(lines.length, line - first) - 1; i >= 0; i--) {
    const l = lines[i];
    if (l.line >= line || l.path === undefined || l.indent >= indent) continue;
    return l.key !== undefined && l.hasColon && l.value === '' ? l.path : undefined;
  }
  return undefined;
}

/** The reading of one document line, found by index (the reading has one entry per front-matter line). */
export function frontMatterLineAt(lines: readonly FrontMatterLine[], line: number): FrontMatterLine | undefined {
  if (!lines.length) return undefined;
  const found = lines[line - lines[0].line];
  return found?.line === line ? found : undefined;
}

const keyCounts = new WeakMap<readonly FrontMatterLine[], Map<string, number>>();

/** How many lines hold a key at each dotted path: counted once per reading, asked at every completion. */
export function keyLineCounts(lines: readonly FrontMatterLine[]): ReadonlyMap<string, number> {
  let counts = keyCounts.get(lines);
  if (!counts) {
    counts = new Map();
    for (const l of lines) if (l.key !== undefined && l.path !== undefined) counts.set(l.path, (counts.get(l.path) ?? 0) + 1);
    keyCounts.set(lines, counts);
  }
  return counts;
}
