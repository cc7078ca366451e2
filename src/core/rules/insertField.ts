import { isMap, isScalar, type Pair, type YAMLMap } from 'yaml';
import type { ParsedPost } from '../post/parse';
import type { SiteProfile } from '../site/profile';
import { parsePostFileName, permalinkFor, releaseSlug, releaseTitle } from '../site/fileNames';
import type { TextPosition } from '../text/text';
import { escapeUnsafeYamlCharacters, hasUnsafeYamlCharacter } from '../text/yamlScalar';
import type { Fix, TextEdit } from './types';
import { dotted, versionsInSlug } from './versions';

/** A value for a field the post lacks: derived from the file name where possible, else `TODO` to be written. */
export function placeholderValue(path: string, fileName: string, profile: SiteProfile): string {
  const { slug } = parsePostFileName(fileName);
  const version = slug ? versionsInSlug(slug)[0] : undefined;
  const isRelease = !!(slug && version && releaseSlug(profile, dotted(version.parts)) === slug);
  switch (profile.fields[path]?.kind) {
    case 'layout':
      return profile.layouts[0] ?? 'post';
    case 'boolean':
      return 'true';
    case 'tags':
      return isRelease ? profile.releaseTags : 'TODO';
    case 'permalink':
      return slug ? permalinkFor(profile, slug) : 'TODO';
  }
  if (path === 'title' && slug) return isRelease && version ? releaseTitle(profile, dotted(version.parts)) : titleFromSlug(slug);
  return 'TODO';
}

/** `mesos-0-24-1-and-more-released` -> `Mesos 0.24.1 And More Released` */
export function titleFromSlug(slug: string): string {
  let title = slug;
  for (const v of versionsInSlug(slug).reverse()) title = title.slice(0, v.start) + dotted(v.parts) + title.slice(v.end);
  return title
    .split('-')
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join(' ');
}

/** A YAML scalar for `value`, quoted when plain style would change its meaning. */
export function yamlScalar(value: string): string {
  const plainSafe =
    /^[^\s\-?:,[\]{}#&*!|>'"%@`]/.test(value) && !/: |\s#|:$|\s$/.test(value) && !/^(true|false|null|yes|no|on|off|~|[-+]?[\d.]+)$/i.test(value);
  if (hasUnsafeYamlCharacter(value)) return escapeUnsafeYamlCharacters(JSON.stringify(value));
  return plainSafe || value === 'true' ? value : JSON.stringify(value);
}

function lineBreak(post: ParsedPost): string {
  return post.text.includes('\r\n') ? '\r\n' : '\n';
}

function keyName(pair: Pair): string {
  return isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
}

/** Order of the direct children of `parent` ('' for the top level) in the profile's key order. */
function siblingOrder(profile: SiteProfile, parent: string): string[] {
  const prefix = parent ? parent + '.' : '';
  return profile.keyOrder.filter((k) => k.startsWith(prefix) && !k.slice(prefix.length).includes('.')).map((k) => k.slice(prefix.length));
}

/** Nested lines for `path` under the missing ancestors, e.g. `post_author:\n  display_name: X`. */
function fieldLines(parts: string[], value: string, indent: number, eol: string): string {
  const pad = ' '.repeat(indent);
  if (parts.length === 1) return `${pad}${parts[0]}: ${yamlScalar(value)}${eol}`;
  return `${pad}${parts[0]}:${eol}` + fieldLines(parts.slice(1), value, indent + 2, eol);
}

/** Line after the last line of a pair (where a following sibling would go). */
function lineAfterPair(post: ParsedPost, pair: Pair): number {
  const base = post.frontMatter!.contentStart;
  const node = (pair.value ?? pair.key) as { range?: [number, number, number] } | null;
  const keyNode = pair.key as { range?: [number, number, number] };
  const start = base + (keyNode.range?.[0] ?? 0);
  const endOffset = base + (node?.range?.[1] ?? keyNode.range?.[1] ?? 0);
  const end = post.lines.positionAt(Math.max(start, endOffset));
  const last = end.character === 0 && endOffset > start ? end.line - 1 : end.line;
  return last + 1;
}

function pairLine(post: ParsedPost, pair: Pair): number {
  const keyNode = pair.key as { range?: [number, number, number] };
  return post.lines.positionAt(post.frontMatter!.contentStart + (keyNode.range?.[0] ?? 0)).line;
}

function keyColumn(post: ParsedPost, pair: Pair): number {
  const keyNode = pair.key as { range?: [number, number, number] };
  return post.lines.positionAt(post.frontMatter!.contentStart + (keyNode.range?.[0] ?? 0)).character;
}

/**
 * An edit that inserts the field at `path` with `value`, at its place in the site's key order (creating missing
 * parent mappings). Undefined when the front matter's shape leaves no clear place (flow style, a scalar parent).
 */
export function insertFieldEdit(post: ParsedPost, path: string, value: string, profile: SiteProfile): TextEdit | undefined {
  const fm = post.frontMatter;
  if (!fm?.doc || fm.closingLine === undefined || fm.errors.length) return undefined;
  const eol = lineBreak(post);
  const parts = path.split('.');
  let container: unknown = fm.doc.contents;
  let parentPath = '';
  let parentPair: Pair | undefined;
  let depth = 0;
  // Walk down to the deepest existing mapping on the path.
  while (depth < parts.length - 1 && isMap(container)) {
    const pair = (container as YAMLMap).items.find((p) => keyName(p as Pair) === parts[depth]) as Pair | undefined;
    if (!pair) break;
    if (pair.value !== null && !isMap(pair.value)) {
      if (!(isScalar(pair.value) && (pair.value.value === null || pair.value.value === ''))) return undefined;
    }
    parentPair = pair;
    parentPath = parts.slice(0, depth + 1).join('.');
    container = isMap(pair.value) ? pair.value : null;
    depth++;
  }
  const rest = parts.slice(depth);
  if (container !== null && container !== undefined && !isMap(container)) return undefined;
  const map = container as YAMLMap | null | undefined;
  if (map?.flow) return undefined;
  const items = (map?.items ?? []) as Pair[];
  const indent = items.length ? keyColumn(post, items[0]) : parentPair ? keyColumn(post, parentPair) + 2 : 0;
  const text = fieldLines(rest, value, indent, eol);
  const at = (line: number): TextPosition => ({ line: Math.min(line, fm.closingLine!), character: 0 });
  const order = siblingOrder(profile, parentPath);
  const wanted = order.indexOf(rest[0]);
  const present = new Map(items.map((p) => [keyName(p), p]));
  if (wanted >= 0) {
    for (let i = wanted - 1; i >= 0; i--) {
      const before = present.get(order[i]);
      if (before) return { range: { start: at(lineAfterPair(post, before)), end: at(lineAfterPair(post, before)) }, newText: text };
    }
    for (let i = wanted + 1; i < order.length; i++) {
      const after = present.get(order[i]);
      if (after) return { range: { start: at(pairLine(post, after)), end: at(pairLine(post, after)) }, newText: text };
    }
  }
  const line = items.length
    ? lineAfterPair(post, items[items.length - 1])
    : parentPair
      ? lineAfterPair(post, parentPair)
      : fm.closingLine;
  return { range: { start: at(line), end: at(line) }, newText: text };
}

/** A whole front-matter block with the required fields, for a post that has none. */
export function insertFrontMatterFix(post: ParsedPost, fileName: string, profile: SiteProfile): Fix {
  const eol = lineBreak(post);
  const rank = (path: string): number => {
    const i = profile.keyOrder.indexOf(path);
    return i < 0 ? profile.keyOrder.length : i;
  };
  const required = [...profile.requiredFields].sort((a, b) => rank(a.split('.')[0]) - rank(b.split('.')[0]) || rank(a) - rank(b));
  let block = '---' + eol;
  const opened = new Set<string>();
  for (const path of required) {
    const parts = path.split('.');
    let indent = 0;
    for (let i = 0; i < parts.length - 1; i++) {
      const parent = parts.slice(0, i + 1).join('.');
      if (!opened.has(parent)) block += `${' '.repeat(indent)}${parts[i]}:${eol}`;
      opened.add(parent);
      indent += 2;
    }
    block += `${' '.repeat(indent)}${parts[parts.length - 1]}: ${yamlScalar(placeholderValue(path, fileName, profile))}${eol}`;
  }
  block += '---' + eol;
  const start = { line: 0, character: post.text.startsWith('\uFEFF') ? 1 : 0 };
  const firstLine = post.lines.lineText(0).replace(/^\uFEFF/, '');
  if (post.lines.lineCount > 1 || firstLine !== '') block += firstLine.trim() === '' ? '' : eol;
  return { title: 'Insert a front matter with the required fields', edits: [{ range: { start, end: start }, newText: block }] };
}
