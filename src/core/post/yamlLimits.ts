import { isMap, isScalar, isSeq, type Document, type Node as YamlNode } from 'yaml';

/**
 * Bounds on the front matter the YAML parser is given, so no post can make a check slow or crash it. A real post's
 * front matter is a few hundred bytes, a handful of keys, two levels deep.
 */
export const MAX_FRONT_MATTER_BYTES = 128 * 1024;
/**
 * Deeper nesting is refused before parsing: the parser recurses once per level, and thousands of levels (`x: [[[[`)
 * exhaust the stack, or, with the regular expressions it compiles on the way, the process's memory.
 */
export const MAX_NESTING = 100;

/** Characters after which a `[`, `{` or quote opens a flow collection or a quoted scalar rather than sitting in text. */
const VALUE_START = new Set([':', '-', ',', '[', '{', '?']);

/**
 * How deeply a YAML block nests: flow collections (`[`, `{`) and block levels (indentation, `- ` entries), whichever
 * is deeper. One pass; quoted scalars and comments are skipped so a bracket in text does not count.
 */
export function nestingDepth(block: string): number {
  let deepest = 0;
  let flow = 0;
  const indents: number[] = [];
  let i = 0;
  const n = block.length;
  while (i < n) {
    // Start of a line: its block level, when outside a flow collection.
    let col = 0;
    while (i < n && block[i] === ' ') {
      i++;
      col++;
    }
    const blank = i >= n || block[i] === '\n' || block[i] === '\r' || block[i] === '#';
    if (flow === 0 && !blank) {
      while (indents.length && indents[indents.length - 1] >= col) indents.pop();
      indents.push(col);
      // `- - - x` nests one level per entry marker.
      while (block[i] === '-' && (block[i + 1] === ' ' || block[i + 1] === '\n' || i + 1 >= n)) {
        i += 2;
        col += 2;
        while (i < n && block[i] === ' ') {
          i++;
          col++;
        }
        indents.push(col);
      }
      deepest = Math.max(deepest, indents.length);
    }
    let previous = '';
    while (i < n && block[i] !== '\n' && block[i] !== '\r') {
      const c = block[i];
      const opensValue = flow > 0 || previous === '' || VALUE_START.has(previous);
      if (c === '#' && (i === 0 || block[i - 1] === ' ' || block[i - 1] === '\t')) {
        while (i < n && block[i] !== '\n' && block[i] !== '\r') i++;
        break;
      }
      if ((c === '"' || c === "'") && opensValue) {
        i = skipQuoted(block, i);
        previous = c;
        continue;
      }
      if ((c === '[' || c === '{') && opensValue) {
        flow++;
        deepest = Math.max(deepest, indents.length + flow);
      } else if ((c === ']' || c === '}') && flow > 0) {
        flow--;
      }
      if (c !== ' ' && c !== '\t') previous = c;
      i++;
    }
    while (i < n && (block[i] === '\n' || block[i] === '\r')) i++;
  }
  return deepest;
}

/** The index after a quoted scalar that starts at `start` (or the end of the block when it never closes). */
function skipQuoted(block: string, start: number): number {
  const quote = block[start];
  let i = start + 1;
  while (i < block.length) {
    const c = block[i];
    if (quote === '"' && c === '\\') i += 2;
    else if (c === quote && quote === "'" && block[i + 1] === "'") i += 2;
    else if (c === quote) return i + 1;
    else i++;
  }
  return i;
}

/** A key that repeats one of its mapping: where the repetition is, and the key. */
export interface DuplicateKey {
  key: string;
  range: [number, number];
}

/**
 * Keys that repeat within their mapping, in one pass over the document: a set per mapping. The parser's own
 * check compares each key with every earlier one, which is quadratic in the number of keys.
 */
export function duplicateKeys(doc: Document): DuplicateKey[] {
  const found: DuplicateKey[] = [];
  const visit = (node: unknown, depth: number): void => {
    if (depth > MAX_NESTING) return;
    if (isMap(node)) {
      const seen = new Set<string>();
      for (const pair of node.items) {
        const key = pair.key as YamlNode | null;
        if (isScalar(key) && key.range) {
          const name = String(key.value);
          if (seen.has(name)) found.push({ key: name, range: [key.range[0], key.range[1]] });
          seen.add(name);
        }
        visit(pair.value, depth + 1);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) visit(item, depth + 1);
    }
  };
  visit(doc.contents, 0);
  return found;
}

/** Why a YAML text is not given to the parser at all, or undefined when it may be parsed. */
export function yamlRefusal(text: string): string | undefined {
  if (text.length > MAX_FRONT_MATTER_BYTES) {
    return `the front matter is larger than ${MAX_FRONT_MATTER_BYTES / 1024} KiB and is not read; a post's front matter holds a few fields`;
  }
  if (nestingDepth(text) > MAX_NESTING) return `the front matter nests more than ${MAX_NESTING} levels deep and is not read`;
  return undefined;
}
