import matter from 'gray-matter';
import type { Token } from 'markdown-it';
import { Document, isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode, type Pair } from 'yaml';
import { sharedMarkdown } from './markdown';
import { duplicateKeys, yamlRefusal } from './yamlLimits';
import { LineIndex, type TextRange } from '../text/text';
import { parseJsonBlock, parseTomlBlock, type KeySpan } from './frontMatterFormats';

/** The front-matter formats generators read: YAML `---`, TOML `+++` (Hugo, Zola), JSON `{ }` (Hugo). */
export type FrontMatterFormat = 'yaml' | 'toml' | 'json';

/** A problem found while reading the front matter, with its place in the document. */
export interface FrontMatterError {
  kind: 'unterminated' | 'not-yaml' | 'yaml' | 'toml' | 'json' | 'not-mapping' | 'tab' | 'tag' | 'non-printable' | 'too-large';
  message: string;
  range: TextRange;
}

export interface FrontMatter {
  /** How the block is written: `---` YAML, `+++` TOML, or a JSON object. */
  format: FrontMatterFormat;
  /** The opening line as written (`---`, `---js`, `+++`, `{`...). */
  opening: string;
  /** Line of the closing `---` (`+++`, `}`), or undefined when the block never closes. */
  closingLine: number | undefined;
  /** Offsets of the text between the delimiters (for JSON: the object, braces included). */
  contentStart: number;
  contentEnd: number;
  /** Parsed data as plain JS, or undefined when it could not be parsed. Not always a mapping. */
  data: unknown;
  /** The YAML document, for positions of keys and values. Undefined when the block was not parsed or is not YAML. */
  doc: Document | undefined;
  /** TOML and JSON: where each key (dotted path) and its value are, as offsets inside the block. */
  keys?: Map<string, KeySpan>;
  errors: FrontMatterError[];
  /**
   * What other YAML parsers (the site generator's) refuse or read otherwise, though the data here was read: an
   * unresolved tag (`!!js/function`, `!!python/object/apply:...`), a non-printable character.
   */
  portability: FrontMatterError[];
}

/** One parse of a post, shared by every rule, the preview and the completions. */
export interface ParsedPost {
  text: string;
  lines: LineIndex;
  /** Undefined when the document does not start with a front-matter block. */
  frontMatter: FrontMatter | undefined;
  /** First line of the body (the line after the closing `---`, or 0). */
  bodyStartLine: number;
  /** markdown-it block tokens of the body; `token.map` lines are document lines. */
  tokens: Token[];
}

const OPENING = /^---[ \t]*$/;
const ANY_OPENING = /^---\S*/;
const TOML_FENCE = /^\+\+\+[ \t]*$/;
const JSON_OPENING = /^\{[ \t]*$/;
const JSON_CLOSING = /^\}[ \t]*$/;

function refuseCode(): never {
  throw new Error('front matter in a programming language is never evaluated');
}

interface Located {
  format: FrontMatterFormat;
  opening: string;
  closingLine: number | undefined;
}

/**
 * Finds the front-matter block: the first line (after an optional BOM) is `---`, `+++` or `{`, and a later line is
 * the matching `---`, `+++` or `}`.
 */
function locateFrontMatter(lines: LineIndex): Located | undefined {
  const first = lines.lineText(0).replace(/^\uFEFF/, '');
  const [format, closes]: [FrontMatterFormat, RegExp] | [undefined, undefined] = ANY_OPENING.test(first)
    ? ['yaml', OPENING]
    : TOML_FENCE.test(first)
      ? ['toml', TOML_FENCE]
      : JSON_OPENING.test(first)
        ? ['json', JSON_CLOSING]
        : [undefined, undefined];
  if (!format) return undefined;
  for (let line = 1; line < lines.lineCount; line++) {
    if (closes.test(lines.lineText(line))) return { format, opening: first, closingLine: line };
  }
  return { format, opening: first, closingLine: undefined };
}

const CLOSING_TEXT: Record<FrontMatterFormat, string> = { yaml: '---', toml: '+++', json: '}' };

/** TOML and JSON blocks: parsed data, key places, errors at their exact place. */
function parseOtherFormat(format: 'toml' | 'json', block: string, blockOffset: number, lines: LineIndex, errors: FrontMatterError[], withKeys: boolean) {
  const parsed = format === 'toml' ? parseTomlBlock(block, { keys: withKeys }) : parseJsonBlock(block, { keys: withKeys });
  for (const e of parsed.errors) {
    errors.push({ kind: format, message: e.message, range: lines.rangeOf(blockOffset + e.offset, blockOffset + e.offset + e.length) });
  }
  return parsed;
}

function parseYaml(block: string, blockOffset: number, lines: LineIndex, errors: FrontMatterError[]) {
  let doc: Document | undefined;
  // A lone \r (old Mac line ends) becomes \n, one for one, so offsets stay those of the document.
  const normalized = block.replace(/\r(?!\n)/g, '\n');
  const refused = yamlRefusal(normalized);
  if (refused) {
    errors.push({ kind: 'too-large', message: refused, range: lines.rangeOf(blockOffset, blockOffset) });
    return { data: undefined, doc: undefined };
  }
  // gray-matter only dispatches to an engine; ours parses the exact block we located (its own delimiter search
  // would stop at a line such as `---x` inside the block).
  const engine = (): object => {
    const lineCounter = new LineCounter();
    // The parser's own duplicate-key check is quadratic in the number of keys; ours is one pass.
    doc = parseDocument(normalized, { lineCounter, prettyErrors: false, uniqueKeys: false, strict: false });
    for (const d of duplicateKeys(doc)) {
      errors.push({
        kind: 'yaml',
        message: `Map keys must be unique: "${d.key.slice(0, 80)}" is already a key of this mapping`,
        range: lines.rangeOf(blockOffset + d.range[0], blockOffset + d.range[1]),
      });
    }
    for (const e of doc.errors) {
      const [from, to] = e.pos;
      errors.push({
        kind: 'yaml',
        message: firstLine(e.message),
        range: lines.rangeOf(blockOffset + from, blockOffset + Math.max(to, from)),
      });
    }
    if (doc.errors.length || errors.some((e) => e.kind === 'yaml')) return {};
    // toJS guards against alias bombs (maxAliasCount) and throws on them.
    return doc.toJS({ maxAliasCount: 100 }) as object;
  };
  let data: unknown;
  try {
    // gray-matter with an options object (no cache) and only our YAML engine: code engines refuse to run.
    if (normalized.trim() === '') return { data: {}, doc: parseDocument('') };
    const file = matter('---\n' + normalized + '\n---\n', {
      engines: { yaml: engine, js: refuseCode, javascript: refuseCode, JavaScript: refuseCode } as never,
      language: 'yaml',
    });
    data = doc && !doc.errors.length && !errors.some((e) => e.kind === 'yaml') ? file.data : undefined;
  } catch (err) {
    if (!errors.some((e) => e.kind === 'yaml')) {
      const message = err instanceof Error ? firstLine(err.message) : 'the front matter could not be read';
      errors.push({ kind: 'yaml', message, range: lines.rangeOf(blockOffset, blockOffset) });
    }
    data = undefined;
  }
  return { data, doc };
}

/** The parser's warnings about tags it does not know: it reads the plain value, a generator may build an object. */
function unresolvedTags(doc: Document | undefined, block: string, blockOffset: number, lines: LineIndex): FrontMatterError[] {
  return (doc?.warnings ?? [])
    .filter((w) => w.code === 'TAG_RESOLVE_FAILED')
    .map((w) => {
      const [from, to] = w.pos;
      const tag = block.slice(from, Math.max(to, from)).slice(0, 80);
      return {
        kind: 'tag' as const,
        message: `the YAML tag "${tag}" is not a plain value: other parsers refuse the file or build an object from it; remove the tag`,
        range: lines.rangeOf(blockOffset + from, blockOffset + Math.max(to, from)),
      };
    });
}

/** Characters YAML does not allow in a stream (other parsers refuse the file); one report a line. */
const NON_PRINTABLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function nonPrintable(block: string, blockOffset: number, lines: LineIndex): FrontMatterError[] {
  const found: FrontMatterError[] = [];
  let lastLine = -1;
  for (const m of block.matchAll(NON_PRINTABLE)) {
    const range = lines.rangeOf(blockOffset + m.index, blockOffset + m.index + 1);
    if (range.start.line === lastLine) continue;
    lastLine = range.start.line;
    const code = `U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
    found.push({
      kind: 'non-printable',
      message: `a non-printable character (${code}) in the front matter: other YAML parsers refuse the file; remove it, or write it as an escape inside double quotes`,
      range,
    });
  }
  return found;
}

function firstLine(message: string): string {
  return message.split(/\r?\n|\r/)[0].slice(0, 300);
}

/**
 * Reads a post: front matter (never evaluated as code) and the markdown-it tokens of the body (unless `body` is
 * false). `keys: false` leaves out where each TOML or JSON key is (for a reader of the data alone; the rules need
 * them). Never throws.
 */
export function parsePost(text: string, options?: { body?: boolean; keys?: boolean }): ParsedPost {
  const lines = new LineIndex(text);
  const located = locateFrontMatter(lines);
  let frontMatter: FrontMatter | undefined;
  let bodyStartLine = 0;

  if (located) {
    const closing = located.closingLine;
    const isJson = located.format === 'json' && closing !== undefined;
    // JSON: the object is the block, braces included.
    const contentStart = isJson ? (text.startsWith('\uFEFF') ? 1 : 0) : lines.lineCount > 1 ? lines.lineStarts[1] : text.length;
    const contentEnd = closing === undefined ? text.length : isJson ? lines.lineStarts[closing] + lines.lineText(closing).length : lines.lineStarts[closing];
    const errors: FrontMatterError[] = [];
    const portability: FrontMatterError[] = [];
    let data: unknown;
    let doc: Document | undefined;
    const openingRange = lines.lineRange(0);
    let keys: Map<string, KeySpan> | undefined;
    if (located.format !== 'yaml') {
      if (closing === undefined) {
        errors.push({ kind: 'unterminated', message: `the front matter has no closing "${CLOSING_TEXT[located.format]}" line`, range: openingRange });
      } else {
        const parsed = parseOtherFormat(located.format, text.slice(contentStart, contentEnd).replace(/\r(?!\n)/g, '\n'), contentStart, lines, errors, options?.keys !== false);
        data = parsed.data;
        keys = parsed.keys;
        if (data !== undefined && (data === null || typeof data !== 'object' || Array.isArray(data))) {
          errors.push({ kind: 'not-mapping', message: 'the front matter must be a mapping of keys to values', range: lines.rangeOf(contentStart, contentEnd) });
          data = undefined;
        }
      }
    } else if (!OPENING.test(located.opening)) {
      errors.push({
        kind: 'not-yaml',
        message: `front matter must open with "---" (YAML); "${located.opening.slice(0, 40)}" is not read and never run`,
        range: openingRange,
      });
    } else if (closing === undefined) {
      errors.push({ kind: 'unterminated', message: 'the front matter has no closing "---" line', range: openingRange });
    } else {
      const block = text.slice(contentStart, contentEnd);
      for (let line = 1; line < closing; line++) {
        const t = lines.lineText(line);
        const tab = /^[ ]*\t/.exec(t);
        if (tab) {
          errors.push({
            kind: 'tab',
            message: 'a tab in the indentation of the front matter changes its structure; indent with spaces',
            range: { start: { line, character: tab[0].length - 1 }, end: { line, character: tab[0].length } },
          });
        }
      }
      ({ data, doc } = parseYaml(block, contentStart, lines, errors));
      portability.push(...unresolvedTags(doc, block, contentStart, lines), ...nonPrintable(block, contentStart, lines));
      if (data !== undefined && (data === null || typeof data !== 'object' || Array.isArray(data) || data instanceof Date)) {
        if (!(data === null && block.trim() === '')) {
          errors.push({
            kind: 'not-mapping',
            message: 'the front matter must be a mapping of keys to values',
            range: lines.rangeOf(contentStart, contentEnd),
          });
        }
        data = data === null ? {} : undefined;
      }
    }
    frontMatter = { format: located.format, opening: located.opening, closingLine: closing, contentStart, contentEnd, data, doc, keys, errors, portability };
    bodyStartLine = closing === undefined ? lines.lineCount : closing + 1;
  }

  // Parse the body with the front matter replaced by as many empty lines, so token.map gives document lines.
  const bodyText =
    bodyStartLine === 0
      ? text.replace(/^\uFEFF/, '')
      : bodyStartLine >= lines.lineCount
        ? ''
        : '\n'.repeat(bodyStartLine) + text.slice(lines.lineStarts[bodyStartLine]);
  let tokens: Token[] = [];
  // Reading a whole site's front matter (the site model) does not need the bodies.
  if (options?.body === false) return { text, lines, frontMatter, bodyStartLine, tokens };
  try {
    tokens = sharedMarkdown().parse(bodyText, {});
  } catch {
    tokens = [];
  }
  return { text, lines, frontMatter, bodyStartLine, tokens };
}

/** A node found by its dotted path (`post_author.twitter`). */
export interface FieldLocation {
  keyRange: TextRange;
  /** Range of the value, or of the key when the value is empty. */
  valueRange: TextRange;
  /** The value's source text (`1.10` stays `1.10`). */
  valueSource: string;
  node: YamlNode | null;
}

/** Where a front-matter field is, by dotted path; undefined when absent or unparsed. */
export function findField(post: ParsedPost, path: string): FieldLocation | undefined {
  const fm = post.frontMatter;
  const span = fm?.keys?.get(path);
  if (fm && span) {
    const base = fm.contentStart;
    const keyRange = post.lines.rangeOf(base + span.keyStart, base + span.keyEnd);
    return {
      keyRange,
      valueRange: post.lines.rangeOf(base + span.valueStart, base + span.valueEnd),
      valueSource: post.text.slice(base + span.valueStart, base + span.valueEnd),
      node: null,
    };
  }
  if (!fm?.doc) return undefined;
  let pair: Pair | undefined;
  let container: unknown = fm.doc.contents;
  for (const part of path.split('.')) {
    if (!isMap(container)) return undefined;
    pair = container.items.find((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === part) as
      | Pair
      | undefined;
    if (!pair) return undefined;
    container = pair.value;
  }
  if (!pair || !isScalar(pair.key) || !pair.key.range) return undefined;
  const base = fm.contentStart;
  const keyRange = post.lines.rangeOf(base + pair.key.range[0], base + pair.key.range[1]);
  const value = pair.value as YamlNode | null;
  const vr = value && (isScalar(value) || isMap(value) || isSeq(value)) ? value.range : undefined;
  if (!vr) return { keyRange, valueRange: keyRange, valueSource: '', node: value };
  return {
    keyRange,
    valueRange: post.lines.rangeOf(base + vr[0], base + vr[1]),
    valueSource: post.text.slice(base + vr[0], base + vr[1]),
    node: value,
  };
}

/** The value at a dotted path in the parsed data, if the data is a mapping. */
export function fieldValue(post: ParsedPost, path: string): unknown {
  let v: unknown = post.frontMatter?.data;
  for (const part of path.split('.')) {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return undefined;
    if (!Object.prototype.hasOwnProperty.call(v, part)) return undefined;
    v = (v as Record<string, unknown>)[part];
  }
  return v;
}
