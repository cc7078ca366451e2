/**
 * Template syntax a site's generator runs inside a post: Liquid and Nunjucks (`{% tag %}`, `{{ output }}`,
 * `{# comment #}`; Jekyll, Hexo), Hugo shortcodes (`{{< name >}}`, `{{% name %}}`) and, in `.mdx` files, MDX's
 * `import`/`export` lines and `{expression}`s. None of it is prose, and none of it is a leftover, except a bare
 * `{{ name }}` that no tag of the post defines: that renders as nothing on any engine, so it is an unfilled
 * variable (the kind a release-post template leaves behind).
 */

/** A half-open range of offsets. */
export type Span = [number, number];

export interface TemplateSyntax {
  /** Where template syntax stands, in order, not overlapping. */
  spans: Span[];
}

/** Paired tags whose content is code or literal text, not Markdown prose: the whole pair is one span. */
const LIQUID_BLOCKS = new Set(['raw', 'highlight', 'codeblock', 'code', 'comment', 'verbatim']);
const HUGO_BLOCKS = new Set(['highlight']);
const BARE_NAME = /^-?\s*([A-Za-z_][\w-]*)\s*-?$/;
/** Tags that define a variable for the rest of the post (Liquid and Nunjucks). */
const BINDING =
  /\{%-?\s*(?:(?:for|tablerow)\s+([A-Za-z_]\w*)(?:\s*,\s*([A-Za-z_]\w*))?\s+in\b|(?:assign|capture|set|increment|decrement)\s+([A-Za-z_][\w-]*))/g;

export function isMdxFile(fileName: string): boolean {
  return /\.mdx$/i.test(fileName);
}

/** Names that a `{% for x in %}`, `{% assign x %}`, `{% capture x %}`, `{% set x %}` ... of the text defines. */
export function boundTemplateNames(text: string): Set<string> {
  const names = new Set<string>();
  if (!text.includes('{%')) return names;
  for (const m of text.matchAll(BINDING)) {
    for (const name of [m[1], m[2], m[3]]) if (name) names.add(name);
  }
  return names;
}

/**
 * Finds the template syntax of a post's text. Linear: each closer is searched for at most once after the point
 * where it was last missing, and each span is read once.
 */
export function findTemplateSyntax(text: string, options: { mdx?: boolean; bound?: Set<string> } = {}): TemplateSyntax {
  const spans: Span[] = [];
  if (!text.includes('{') && !options.mdx) return { spans };
  const bound = options.bound ?? boundTemplateNames(text);
  const missingFrom = new Map<string, number>();
  /** Offset just past the next `closer` at or after `from`, or -1 (remembered, so a missing closer costs one scan). */
  const closeAfter = (closer: string | RegExp, from: number): number => {
    const key = String(closer);
    const missing = missingFrom.get(key);
    if (missing !== undefined && missing <= from) return -1;
    let end = -1;
    if (typeof closer === 'string') {
      const at = text.indexOf(closer, from);
      end = at < 0 ? -1 : at + closer.length;
    } else {
      closer.lastIndex = from;
      const m = closer.exec(text);
      end = m ? m.index + m[0].length : -1;
    }
    if (end < 0) missingFrom.set(key, from);
    return end;
  };

  if (options.mdx) spans.push(...mdxModuleLines(text));
  let mdxOpen = options.mdx === true;
  let i = 0;
  while (i < text.length) {
    const at = text.indexOf('{', i);
    if (at < 0) break;
    const next = text[at + 1];
    let end = -1;
    if (next === '%') {
      end = closeAfter('%}', at + 2);
      const name = /^\{%-?\s*(\w+)/.exec(text.slice(at, at + 40))?.[1];
      if (end > 0 && name && LIQUID_BLOCKS.has(name)) {
        end = Math.max(end, closeAfter(new RegExp(String.raw`\{%-?\s*end${name}\s*-?%\}`, 'g'), end));
      }
    } else if (next === '#') {
      end = closeAfter('#}', at + 2);
    } else if (next === '{' && (text[at + 2] === '<' || text[at + 2] === '%')) {
      end = closeAfter(text[at + 2] === '<' ? '>}}' : '%}}', at + 3);
      const name = /^\{\{[<%]\s*(\w+)/.exec(text.slice(at, at + 40))?.[1];
      if (end > 0 && name && HUGO_BLOCKS.has(name)) {
        end = Math.max(end, closeAfter(new RegExp(String.raw`\{\{[<%]\s*/${name}\s*[>%]\}\}`, 'g'), end));
      }
    } else if (next === '{') {
      end = closeAfter('}}', at + 2);
      const inner = end > 0 ? text.slice(at + 2, end - 2) : '';
      const name = BARE_NAME.exec(inner)?.[1];
      // An unbound bare name is a leftover, not syntax: it stays for the placeholder rule to see.
      if (end > 0 && name && !bound.has(name)) end = -1;
      if (end < 0) {
        i = at + 2;
        continue;
      }
    } else if (mdxOpen) {
      end = balancedBraceEnd(text, at);
      if (end < 0) mdxOpen = false;
    }
    if (end < 0) {
      i = at + 1;
      continue;
    }
    spans.push([at, end]);
    i = end;
  }
  return { spans: mergeSpans(spans) };
}

/** Offset past the `}` that closes the `{` at `start`, or -1 when the text ends first. */
function balancedBraceEnd(text: string, start: number): number {
  let depth = 0;
  for (let k = start; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === 123) depth++;
    else if (c === 125 && --depth === 0) return k + 1;
  }
  return -1;
}

/** MDX `import`/`export` statements: from such a line at the left margin to the next blank line. */
function mdxModuleLines(text: string): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(/^(?:import|export)\s[^\n]*(?:\n(?![ \t]*\r?\n)[^\n]*)*/gm)) spans.push([m.index, m.index + m[0].length]);
  return spans;
}

function mergeSpans(spans: Span[]): Span[] {
  spans.sort((a, b) => a[0] - b[0]);
  const merged: Span[] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else merged.push([span[0], span[1]]);
  }
  return merged;
}

/** The text with every span replaced by a filler of the same length (line breaks kept) that no rule reads as a word. */
export function blankSpans(source: string, spans: Span[], offset = 0, filler = '\u2060'): string {
  if (!spans.length) return source;
  let out = '';
  let pos = 0;
  for (const [s, e] of spans) {
    const start = Math.max(0, s - offset);
    const end = Math.min(source.length, e - offset);
    if (end <= pos || start >= source.length) continue;
    const from = Math.max(start, pos);
    out += source.slice(pos, from) + source.slice(from, end).replace(/[^\r\n]/g, filler);
    pos = end;
  }
  return out + source.slice(pos);
}
