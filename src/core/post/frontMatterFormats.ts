/**
 * Front matter in TOML (`+++`, Hugo and Zola) and JSON (`{ ... }`, Hugo): parsed by maintained parsers (smol-toml,
 * jsonc-parser), never evaluated, with each error at its exact line and column and each key at its place.
 */
import { parse as parseTomlText, TomlDate, TomlError } from 'smol-toml';
import { parseTree, printParseErrorCode, type Node as JsonNode, type ParseError } from 'jsonc-parser';

/** A key found in the block: offsets inside the block, of the key and of its value. */
export interface KeySpan {
  keyStart: number;
  keyEnd: number;
  valueStart: number;
  valueEnd: number;
}

export interface BlockParse {
  /** Plain data (dates as `YYYY-MM-DD` or ISO strings), or undefined when the block has errors. */
  data: unknown;
  /** Dotted path → where the key and its value are. */
  keys: Map<string, KeySpan>;
  /** Errors with offsets inside the block. */
  errors: { message: string; offset: number; length: number }[];
}

/** TOML dates become the strings they were written as, the way YAML front matter gives them. */
function plainToml(value: unknown): unknown {
  if (value instanceof TomlDate) return value.toISOString().replace(/T00:00:00\.000Z$/, '');
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(plainToml);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = plainToml(v);
    return out;
  }
  return value;
}

function offsetOfLine(block: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const next = block.indexOf('\n', offset);
    if (next < 0) return block.length;
    offset = next + 1;
  }
  return Math.min(block.length, offset + Math.max(0, column - 1));
}

const TABLE = /^[ \t]*\[\[?[ \t]*([^\]]+?)[ \t]*\]\]?[ \t]*(?:#.*)?$/;
const KEY_VALUE = /^([ \t]*)("(?:[^"\\]|\\.)*"|'[^']*'|[A-Za-z0-9_-]+(?:[ \t]*\.[ \t]*[A-Za-z0-9_-]+)*)[ \t]*=[ \t]*/;

function unquote(key: string): string {
  return key
    .split(/[ \t]*\.[ \t]*(?=(?:[^"]*"[^"]*")*[^"]*$)/)
    .map((part) => part.replace(/^"(.*)"$/, '$1').replace(/^'(.*)'$/, '$1'))
    .join('.');
}

/** Where each `key = value` line of a TOML block is, under its `[table]`: values on one line are located exactly. */
function tomlKeys(block: string): Map<string, KeySpan> {
  const keys = new Map<string, KeySpan>();
  let table = '';
  let offset = 0;
  for (const line of block.split('\n')) {
    const start = offset;
    offset += line.length + 1;
    const header = TABLE.exec(line);
    if (header) {
      table = unquote(header[1]);
      continue;
    }
    const kv = KEY_VALUE.exec(line);
    if (!kv) continue;
    const path = (table ? table + '.' : '') + unquote(kv[2]);
    const keyStart = start + kv[1].length;
    const value = line.slice(kv[0].length).replace(/\r$/, '').replace(/[ \t]+#[^"']*$/, '').trimEnd();
    if (!keys.has(path)) {
      keys.set(path, {
        keyStart,
        keyEnd: keyStart + kv[2].length,
        valueStart: start + kv[0].length,
        valueEnd: start + kv[0].length + value.length,
      });
    }
  }
  return keys;
}

/** `keys: false` leaves the keys' places out (a reader that wants only the data, such as the site model). */
export function parseTomlBlock(block: string, options: { keys?: boolean } = {}): BlockParse {
  try {
    const data = plainToml(parseTomlText(block));
    return { data, keys: options.keys === false ? new Map() : tomlKeys(block), errors: [] };
  } catch (err) {
    if (err instanceof TomlError) {
      const offset = offsetOfLine(block, err.line, err.column);
      const message = err.message.split('\n')[0].replace(/^Invalid TOML document:\s*/, 'TOML: ');
      return { data: undefined, keys: new Map(), errors: [{ message, offset, length: 0 }] };
    }
    const message = err instanceof Error ? err.message.split('\n')[0] : 'the TOML front matter could not be read';
    return { data: undefined, keys: new Map(), errors: [{ message, offset: 0, length: 0 }] };
  }
}

function jsonKeys(node: JsonNode | undefined, prefix: string, keys: Map<string, KeySpan>): void {
  if (!node || node.type !== 'object' || !node.children) return;
  for (const property of node.children) {
    const [key, value] = property.children ?? [];
    if (!key || typeof key.value !== 'string') continue;
    const path = prefix + key.value;
    if (!keys.has(path)) {
      keys.set(path, {
        keyStart: key.offset,
        keyEnd: key.offset + key.length,
        valueStart: value ? value.offset : key.offset,
        valueEnd: value ? value.offset + value.length : key.offset + key.length,
      });
    }
    jsonKeys(value, path + '.', keys);
  }
}

function jsonValue(node: JsonNode): unknown {
  if (node.type === 'object') {
    const out: Record<string, unknown> = {};
    for (const property of node.children ?? []) {
      const [key, value] = property.children ?? [];
      if (key && value && typeof key.value === 'string') out[key.value] = jsonValue(value);
    }
    return out;
  }
  if (node.type === 'array') return (node.children ?? []).map(jsonValue);
  return node.value;
}

/** A JSON block, the braces included. Comments and trailing commas are errors: Hugo's JSON reader refuses them. */
export function parseJsonBlock(block: string, options: { keys?: boolean } = {}): BlockParse {
  const parseErrors: ParseError[] = [];
  const tree = parseTree(block, parseErrors, { allowTrailingComma: false, disallowComments: true });
  const errors = parseErrors.map((e) => ({ message: `JSON: ${describeJsonError(printParseErrorCode(e.error))}`, offset: e.offset, length: e.length }));
  if (errors.length || !tree) return { data: undefined, keys: new Map(), errors: errors.length ? errors.slice(0, 1) : [{ message: 'JSON: empty', offset: 0, length: 0 }] };
  const keys = new Map<string, KeySpan>();
  if (options.keys !== false) jsonKeys(tree, '', keys);
  return { data: jsonValue(tree), keys, errors: [] };
}

function describeJsonError(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}
