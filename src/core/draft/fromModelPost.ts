/**
 * A new release post in the shape of the site's newest one (the model), the way a release manager writes it: copy
 * the last post, keep its front-matter keys, their order and value shapes, its file-name pattern and its headings,
 * and put this release's facts where the old ones were. What the model says about its own release (features,
 * counts, prose) is not carried over: it becomes a `TODO` the placeholder rule points at. Nothing is added that the
 * model or the facts do not hold, so no other site's words can appear.
 */
import type { Token } from 'markdown-it';
import { Document, isMap, isScalar, isSeq, parseDocument, Scalar, visit, YAMLMap, type Node as YamlNode } from 'yaml';
import { parse as parseToml, stringify as stringifyToml } from 'smol-toml';
import { sharedMarkdown } from '../post/markdown';
import { yamlRefusal } from '../post/yamlLimits';
import { boundedRegExp } from '../text/regexpText';
import type { TextPosition } from '../text/text';
import { PLACEHOLDER_MARK } from './scaffold';
import { escapeUnsafeYamlCharacters, hasUnsafeYamlCharacter } from '../text/yamlScalar';

export interface ModelPost {
  /** The model's file name (folders allowed). */
  fileName: string;
  text: string;
  /** The release the model announces, e.g. `4.4.1`. */
  version: string;
}

export interface DraftAuthor {
  name: string;
  twitter?: string;
  gravatar?: string;
}

export interface ReleaseFacts {
  version: string;
  previousVersion?: string;
  /** `YYYY-MM-DD` */
  date: string;
  author?: DraftAuthor;
  /** Markdown list items (without the marker) for the features section, when known. */
  highlights?: string[];
  /** Names for the thanks section, when known. */
  contributors?: string[];
  /** When the contributors are unknown: the Thanks placeholder, saying why and how to fill it. */
  contributorsTodo?: string;
}

/**
 * What a `.releasepost.json` says about a new post. Each value given replaces the model's own and nothing else: the
 * rest of the draft is what the model gives.
 */
export interface DraftOverrides {
  /** The title (the config's `releaseTitle`, filled in). */
  title?: string;
  /** The file name without its extension (the config's `fileNamePattern` or `releaseSlug`, filled in). */
  fileStem?: string;
  /** The value of the model's `permalink` key (the config's `permalink`, filled in); no key is added. */
  permalink?: string;
  /** The tags (the config's `releaseTags`): a list where the model writes a list, else as the site's field says. */
  tags?: { value: string; list: boolean };
  /** The dotted key that names the author: `by`, `authors` (a list), `post_author.display_name`. */
  authorField?: string;
  frontMatterFormat?: 'yaml' | 'toml' | 'json';
  /** The order of the front-matter keys (dotted paths for sub-keys); keys it does not name keep their place after. */
  keyOrder?: string[];
}

export interface ModelDraft {
  /** The new post's file name, without folders. */
  fileName: string;
  text: string;
  /** The front matter's `title` after the move, when the model has one. */
  title: string | undefined;
  /** The first thing a person must write. */
  cursor: TextPosition;
  /** Overrides that could not be applied, and why. */
  notes: string[];
}

const TODO = {
  intro: `${PLACEHOLDER_MARK}: say what this release brings.`,
  section: `${PLACEHOLDER_MARK}: write this section for this release.`,
  features: `${PLACEHOLDER_MARK}: list the main changes of this release.`,
  contributors: `${PLACEHOLDER_MARK}: list the contributors of this release.`,
};

const AUTHOR_KEYS = new Set(['author', 'authors', 'by', 'post_author']);
const NAME_KEYS = new Set(['name', 'display_name']);
/** Keys whose value describes the model's own content; kept as keys, emptied to a placeholder. */
const CONTENT_KEYS = new Set(['description', 'summary', 'excerpt', 'subtitle', 'image', 'cover', 'thumbnail', 'teaser']);

/** Rewrites the model's version (in every written form) and the model's date into this release's. */
export class ReleaseMover {
  private readonly pattern: RegExp | undefined;
  private readonly full: RegExp;
  private readonly replacement = new Map<string, string>();
  private readonly datePattern: RegExp | undefined;
  private readonly newDate: string[];

  constructor(from: string, to: string, fromDate: string | undefined, toDate: string, fromPrevious?: string, toPrevious?: string) {
    const alternatives: string[] = [];
    const add = (fromVersion: string, toVersion: string, minParts: number) => {
      const a = fromVersion.split('.');
      const b = toVersion.split('.');
      for (let k = a.length; k >= minParts; k--) {
        for (const sep of ['.', '-', '_']) {
          const written = a.slice(0, k).join(sep);
          if (this.replacement.has(written)) continue;
          // A shorter form of the new version keeps its length: 1.20 → 1.21 for a 1.21.0 release.
          this.replacement.set(written, b.slice(0, Math.max(k, 1)).join(sep));
          const s = sep === '.' ? '\\.' : sep;
          // Not inside a longer version (`11.4.4.1`), but after a word (`jekyll-4-4-1`).
          alternatives.push(`(?<![\\d]|\\d${s})${escape(written)}(?![\\d]|${s}\\d)`);
        }
      }
    };
    const parts = from.split('.');
    this.full = new RegExp(['.', '-', '_'].map((sep) => `(?<![\\d]|\\d${escape(sep)})${escape(parts.join(sep))}(?![\\d]|${escape(sep)}\\d)`).join('|'));
    add(from, to, Math.min(2, parts.length));
    // Anchors write a version without separators (`#version-1980-2026-08-20`, `#cargo-198-...`).
    const target = to.split('.');
    for (let k = parts.length; k >= 2; k--) {
      const compact = parts.slice(0, k).join('');
      if (compact.length < 3 || this.replacement.has(compact)) continue;
      this.replacement.set(compact, target.slice(0, k).join(''));
      alternatives.push(`(?<=[a-z]-)${compact}(?=-\\d{4}-\\d{2}-\\d{2}\\b)`);
    }
    if (fromPrevious && toPrevious && fromPrevious !== from) add(fromPrevious, toPrevious, fromPrevious.split('.').length);
    this.pattern = alternatives.length ? boundedRegExp(alternatives.join('|'), 'g') : undefined;
    this.newDate = toDate.split('-');
    this.datePattern = fromDate ? new RegExp(fromDate.split('-').join('([-/])'), 'g') : undefined;
  }

  move(text: string): string {
    let out = this.pattern ? text.replace(this.pattern, (m) => this.replacement.get(m) ?? m) : text;
    if (this.datePattern) out = out.replace(this.datePattern, (_m, sep1: string, sep2: string) => this.newDate[0] + sep1 + this.newDate[1] + sep2 + this.newDate[2]);
    return out;
  }

  /** Whether the text names the model's release in its full form (`1.20.0`, not the `1.20` of its topics). */
  names(text: string): boolean {
    return this.full.test(text);
  }
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

interface SplitPost {
  /** `---` (YAML) or `+++` (TOML). */
  fence: '---' | '+++' | undefined;
  frontMatter: string;
  body: string;
}

function splitPost(text: string): SplitPost {
  const normalized = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const m = /^(---|\+\+\+)[ \t]*\n([\s\S]*?\n)?\1[ \t]*(?:\n|$)/.exec(normalized);
  if (!m) return { fence: undefined, frontMatter: '', body: normalized };
  return { fence: m[1] as '---' | '+++', frontMatter: m[2] ?? '', body: normalized.slice(m[0].length) };
}

/** The model's date: from its file name, else the first date written in its front matter. */
function modelDate(fileName: string, frontMatter: string): string | undefined {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const named = /^(\d{4})-(\d{2})-(\d{2})-/.exec(base);
  if (named) return `${named[1]}-${named[2]}-${named[3]}`;
  const written = /(\d{4})[-/](\d{2})[-/](\d{2})/.exec(frontMatter);
  return written ? `${written[1]}-${written[2]}-${written[3]}` : undefined;
}

/** The version the model gives as the one before its own: `v8.0.0...v8.1.0` compare links. */
function modelPrevious(text: string, version: string): string | undefined {
  const v = escape(version);
  const compare = new RegExp(String.raw`v?(\d+(?:\.\d+){1,3})\.\.\.v?${v}(?![\d.])`).exec(text);
  // "Upgrades from Mesos 1.9.0 to Mesos 1.10.0", "from a 1.4.1 cluster to 1.4.2"
  const upgrade = new RegExp(String.raw`\bfrom\s+(?:[A-Za-z]+\s+){0,3}?v?(\d+(?:\.\d+){1,3})(?:\s+[A-Za-z]+){0,2}?\s+to\s+(?:[A-Za-z]+\s+){0,3}?v?${v}(?![\d.])`).exec(text);
  return compare?.[1] ?? upgrade?.[1];
}

export function draftFromModelPost(model: ModelPost, facts: ReleaseFacts, overrides: DraftOverrides = {}): ModelDraft {
  const split = splitPost(model.text);
  const fromDate = modelDate(model.fileName, split.frontMatter);
  const mover = new ReleaseMover(model.version, facts.version, fromDate, facts.date, modelPrevious(model.text, model.version), facts.previousVersion);
  const notes: string[] = [];

  const base = model.fileName.split(/[\\/]/).pop() ?? model.fileName;
  const fileName = overrides.fileStem === undefined ? mover.move(base) : overrides.fileStem + (/\.[^.]*$/.exec(base)?.[0] ?? '.md');

  let head = '';
  let title: string | undefined;
  if (split.fence) {
    const moved = (split.fence === '---' ? moveYamlFrontMatter : moveTomlFrontMatter)(split.frontMatter, mover, facts.author);
    head = `${split.fence}\n${moved.text}${split.fence}\n`;
    title = moved.title;
    if (reshapes(overrides)) {
      const reshaped = reshapeFrontMatter(split.fence, moved.text, split.frontMatter, overrides, facts.author, notes);
      if ('error' in reshaped) notes.push(reshaped.error);
      else ({ head, title } = reshaped);
    }
  }
  const body = draftBody(split.body, mover, facts);
  const lf = `${head}\n${body}`;
  // A site written with CRLF line ends gets them in the draft too.
  const text = model.text.includes('\r\n') ? lf.replace(/\n/g, '\r\n') : lf;
  return { fileName, text, title, cursor: firstPlaceholder(lf), notes };
}

function firstPlaceholder(text: string): TextPosition {
  const lines = text.split('\n');
  const fence = lines[0] === '---' || lines[0] === '+++' ? lines.indexOf(lines[0], 1) + 1 : 0;
  for (let line = Math.max(0, fence); line < lines.length; line++) {
    const character = lines[line].indexOf(PLACEHOLDER_MARK);
    if (character !== -1) return { line, character };
  }
  return { line: Math.max(0, fence), character: 0 };
}

// ---------------------------------------------------------------- YAML front matter

function moveYamlFrontMatter(source: string, mover: ReleaseMover, author: DraftAuthor | undefined): { text: string; title: string | undefined } {
  // The model is untrusted text too: the same bounds as the linter's parse.
  if (yamlRefusal(source)) return { text: mover.move(source), title: undefined };
  const doc = parseDocument(source, { keepSourceTokens: false });
  if (doc.errors.length || !isMap(doc.contents)) return { text: mover.move(source), title: undefined };
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === 'string') node.value = mover.move(node.value);
      else if (typeof node.value === 'number' && node.range) {
        // `version: 1.10` is read as the number 1.1: move what is written.
        const written = source.slice(node.range[0], node.range[1]);
        const moved = mover.move(written);
        if (moved === written) return;
        if (/^\d+(?:\.\d+)?$/.test(moved)) {
          // Still a number as written: `1.10` keeps its zero.
          node.value = Number(moved);
          node.minFractionDigits = moved.split('.')[1]?.length ?? 0;
        } else node.value = moved;
      }
    },
  });
  const map = doc.contents as YAMLMap;
  for (const pair of map.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (AUTHOR_KEYS.has(key)) pair.value = authorNode(doc, pair.value as YamlNode | null, author);
    else if (CONTENT_KEYS.has(key) && isScalar(pair.value) && typeof pair.value.value === 'string' && pair.value.value.trim()) {
      pair.value.value = PLACEHOLDER_MARK;
    }
  }
  const titleNode = map.get('title', true);
  if (isScalar(titleNode) && typeof titleNode.value === 'string') titleNode.value = withoutSubtitle(titleNode.value);
  const title = map.get('title');
  return { text: yamlText(doc, source), title: typeof title === 'string' ? title : undefined };
}

/** The document as YAML, lists indented as in `source` (the model's front matter). */
function yamlText(doc: Document, source: string): string {
  // A list written at its key's indentation (`authors:\n- name`) stays so.
  const indentSeq = !/^[\w-]+:[ \t]*\n-[ \t]/m.test(source);
  // The YAML library writes DEL, U+0085, U+2028 and U+FEFF raw (some even unquoted), which other parsers refuse or
  // read as line breaks: such values are double-quoted, and those characters escaped.
  let unsafe = false;
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value !== 'string' || !hasUnsafeYamlCharacter(node.value)) return;
      node.type = 'QUOTE_DOUBLE';
      unsafe = true;
    },
  });
  const text = doc.toString({ lineWidth: 0, flowCollectionPadding: false, indentSeq });
  return unsafe ? escapeUnsafeYamlCharacters(text) : text;
}

/** The model's author value in the same shape, holding this release's author (a placeholder when unknown). */
function authorNode(doc: Document, node: YamlNode | null, author: DraftAuthor | undefined): YamlNode | null {
  const name = author?.name.trim() || PLACEHOLDER_MARK;
  if (isScalar(node)) {
    node.value = name;
    return node;
  }
  if (isSeq(node)) {
    const first = node.items[0] as YamlNode | undefined;
    node.items = first === undefined ? [doc.createNode(name)] : [authorNode(doc, first, author) as YamlNode];
    return node;
  }
  if (isMap(node)) {
    const handle = author?.twitter?.replace(/^@/, '') || name.toLowerCase().replace(/[^a-z0-9]+/g, '');
    const kept = node.items.filter((pair) => {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (NAME_KEYS.has(key)) {
        pair.value = setScalar(doc, pair.value, name);
        return true;
      }
      if (key === 'twitter' && author?.twitter) {
        pair.value = setScalar(doc, pair.value, author.twitter.replace(/^@/, ''));
        return true;
      }
      if (key === 'gravatar' && author?.gravatar) {
        pair.value = setScalar(doc, pair.value, author.gravatar.toLowerCase());
        return true;
      }
      // A key with no value names the author (`- reswqa:` in a list of authors): it becomes this author's handle.
      if (pair.value === null || (isScalar(pair.value) && pair.value.value === null)) {
        if (isScalar(pair.key)) pair.key.value = handle;
        return true;
      }
      return false;
    });
    node.items = kept;
    return node;
  }
  return doc.createNode(name) as YamlNode;
}

function setScalar(doc: Document, node: unknown, value: string): Scalar {
  if (isScalar(node)) {
    node.value = value;
    return node;
  }
  return doc.createNode(value) as Scalar;
}

/**
 * A title's subtitle after the version names the model's own topics ("Apache Mesos 1.10: Container Resource
 * Bursting, ..."): it becomes a placeholder, the part up to the version stays.
 */
function withoutSubtitle(title: string): string {
  const m = /^(.*?\d+(?:\.\d+)+)(\s*:\s+|\s+[-–—]\s+)(.+)$/.exec(title);
  return m && /[A-Za-z]/.test(m[3]) ? `${m[1]}${m[2]}${PLACEHOLDER_MARK}` : title;
}

// ---------------------------------------------------------------- overrides of the front matter

function reshapes(o: DraftOverrides): boolean {
  return [o.title, o.permalink, o.tags, o.authorField, o.frontMatterFormat, o.keyOrder].some((v) => v !== undefined);
}

/**
 * The moved front matter with the config's values in place of the model's: the title, the permalink, the tags, the
 * author under the configured key, the keys in the configured order, in the configured format. YAML keeps its
 * comments and quoting; TOML and a change of format are written from the data.
 */
function reshapeFrontMatter(
  fence: '---' | '+++',
  moved: string,
  original: string,
  o: DraftOverrides,
  author: DraftAuthor | undefined,
  notes: string[],
): { head: string; title: string | undefined } | { error: string } {
  let doc: Document;
  if (fence === '---') {
    if (yamlRefusal(moved)) return { error: 'the model\'s front matter is too large to reshape: it is kept as the model writes it' };
    doc = parseDocument(moved, { keepSourceTokens: false });
    if (doc.errors.length || !isMap(doc.contents)) return { error: 'the model\'s front matter is not a YAML mapping: it is kept as the model writes it' };
  } else {
    try {
      doc = new Document(parseToml(moved));
    } catch (err) {
      return { error: `the model's TOML front matter cannot be read (${err instanceof Error ? err.message.split('\n')[0] : String(err)}): it is kept as the model writes it` };
    }
  }
  const map = doc.contents as YAMLMap;
  if (o.title !== undefined) setValue(doc, map, 'title', o.title);
  if (o.permalink !== undefined && map.has('permalink')) setValue(doc, map, 'permalink', o.permalink);
  if (o.tags !== undefined) {
    const list = o.tags.value.split(',').map((t) => t.trim()).filter(Boolean);
    const existing = map.get('tags', true);
    if (isSeq(existing) || (existing === undefined && o.tags.list)) {
      const node = doc.createNode(list);
      if (isSeq(existing)) node.flow = existing.flow;
      map.set('tags', node);
    } else setValue(doc, map, 'tags', o.tags.value);
  }
  if (o.authorField !== undefined) placeAuthor(doc, map, o.authorField, author);
  if (o.keyOrder !== undefined) orderKeys(map, o.keyOrder);
  const format = o.frontMatterFormat ?? (fence === '+++' ? 'toml' : 'yaml');
  const titleValue = map.get('title');
  const title = typeof titleValue === 'string' ? titleValue : undefined;
  try {
    if (format === 'yaml') return { head: `---\n${fence === '---' ? yamlText(doc, original) : yamlText(new Document(doc.toJS()), '')}---\n`, title };
    if (format === 'toml') {
      const data = doc.toJS() as Record<string, unknown>;
      const empty = emptyValues(data);
      if (empty.length) notes.push(`TOML has no empty value: ${empty.map((k) => `"${k}"`).join(', ')} left out of the front matter`);
      return { head: `+++\n${stringifyToml(data).trim()}\n+++\n`, title };
    }
    return { head: `${JSON.stringify(doc.toJS(), null, 2)}\n`, title };
  } catch (err) {
    return { error: `the model's front matter cannot be written as ${format} (${err instanceof Error ? err.message.split('\n')[0] : String(err)}): it is kept as the model writes it` };
  }
}

/** The dotted paths of the null values in `data` (`authors.0.adaquinn`), which TOML cannot write. */
function emptyValues(data: unknown, prefix = ''): string[] {
  if (data === null || data === undefined) return [prefix];
  if (typeof data !== 'object' || data instanceof Date) return [];
  return Object.entries(data).flatMap(([k, v]) => emptyValues(v, prefix ? `${prefix}.${k}` : k));
}

/** `key` set to `value`, keeping the node (and its quoting) where there is one. */
function setValue(doc: Document, map: YAMLMap, key: string, value: string): void {
  const node = map.get(key, true);
  if (isScalar(node)) node.value = value;
  else map.set(key, doc.createNode(value));
}

/**
 * The author under `field` (a dotted path), where the model named its author: the model's author keys go, the new
 * key takes the place of the first. `authors` is a list; a dotted path's parent also gets the twitter handle and
 * gravatar when known.
 */
function placeAuthor(doc: Document, map: YAMLMap, field: string, author: DraftAuthor | undefined): void {
  const path = field.split('.');
  const name = author?.name.trim() || PLACEHOLDER_MARK;
  const keyOf = (item: (typeof map.items)[number]) => (isScalar(item.key) ? String(item.key.value) : '');
  const at = map.items.findIndex((item) => AUTHOR_KEYS.has(keyOf(item)) || keyOf(item) === path[0]);
  map.items = map.items.filter((item) => !AUTHOR_KEYS.has(keyOf(item)) && keyOf(item) !== path[0]);
  const leaf = path[path.length - 1];
  let value: unknown = leaf === 'authors' ? [name] : name;
  if (path.length > 1) {
    const inner: Record<string, unknown> = { [leaf]: value };
    if (author?.gravatar) inner.gravatar = author.gravatar.toLowerCase();
    if (author?.twitter) inner.twitter = author.twitter.replace(/^@/, '');
    value = inner;
    for (const key of path.slice(1, -1).reverse()) value = { [key]: value };
  }
  const pair = doc.createPair(path[0], value);
  map.items.splice(at === -1 ? map.items.length : at, 0, pair);
}

/** The map's keys sorted by `order` (dotted paths), the keys it does not name after those it names, in their order. */
function orderKeys(map: YAMLMap, order: string[], prefix = ''): void {
  const keyOf = (item: (typeof map.items)[number]) => (isScalar(item.key) ? String(item.key.value) : '');
  const rank = (key: string) => {
    const i = order.indexOf(prefix + key);
    return i === -1 ? order.length : i;
  };
  map.items = map.items.map((item, i) => ({ item, i })).sort((a, b) => rank(keyOf(a.item)) - rank(keyOf(b.item)) || a.i - b.i).map(({ item }) => item);
  for (const item of map.items) if (isMap(item.value)) orderKeys(item.value, order, `${prefix}${keyOf(item)}.`);
}

// ---------------------------------------------------------------- TOML front matter

const TOML_LINE = /^(\s*)([A-Za-z0-9_.-]+|"[^"]*")(\s*=\s*)(.*)$/;

/** TOML, line by line: keys, tables (`[extra]`), order and quoting stay; strings move to this release. */
function moveTomlFrontMatter(source: string, mover: ReleaseMover, author: DraftAuthor | undefined): { text: string; title: string | undefined } {
  let title: string | undefined;
  let table = '';
  const name = author?.name.trim() || PLACEHOLDER_MARK;
  const lines = source.split('\n').map((line) => {
    const header = /^\s*\[+([^\]]*)\]+\s*$/.exec(line);
    if (header) {
      table = header[1].trim();
      return line;
    }
    const m = TOML_LINE.exec(line);
    if (!m) return mover.move(line);
    const key = m[2].replace(/^"|"$/g, '');
    let value = mover.move(m[4]);
    if (table === '' && AUTHOR_KEYS.has(key)) value = value.trim().startsWith('[') ? `[${tomlString(name)}]` : tomlString(name);
    else if (table === '' && CONTENT_KEYS.has(key) && /^"[^"]+"/.test(value.trim())) value = tomlString(PLACEHOLDER_MARK);
    if (table === '' && key === 'title') {
      const read = readTomlString(value);
      if (read !== undefined && withoutSubtitle(read) !== read) value = tomlString(withoutSubtitle(read));
      title = readTomlString(value);
    }
    return m[1] + m[2] + m[3] + value;
  });
  return { text: lines.join('\n'), title };
}

/** A TOML basic string: JSON's escapes, and DEL escaped too (TOML allows no raw control character but tab). */
function tomlString(value: string): string {
  return JSON.stringify(value).replace(/\u007f/g, '\\u007f');
}

function readTomlString(value: string): string | undefined {
  const m = /^\s*(?:"((?:[^"\\]|\\.)*)"|'([^']*)')/.exec(value);
  if (!m) return undefined;
  if (m[2] !== undefined) return m[2];
  try {
    return JSON.parse(`"${m[1]}"`) as string;
  } catch {
    return m[1];
  }
}

// ---------------------------------------------------------------- body

interface Block {
  token: Token;
  /** Source lines of the block. */
  text: string;
}

interface Section {
  heading: string | undefined;
  level: number;
  blocks: Block[];
}

const FEATURES_HEADING = /feature|highlight|what'?s (?:in|new|changed)|improvement|notable|^changes|^changelog|^release notes/i;
const THANKS_HEADING = /thank|contributor|credit|acknowledg/i;

/** Top-level blocks of the body, grouped under the headings of the body's highest level. */
function sections(body: string): Section[] {
  const tokens = sharedMarkdown().parse(body, {});
  const lines = body.split('\n');
  const levels = tokens.filter((t) => t.type === 'heading_open' && t.level === 0).map((t) => Number(t.tag.slice(1)));
  const top = levels.length ? Math.min(...levels) : 0;
  const out: Section[] = [{ heading: undefined, level: 0, blocks: [] }];
  let skipping = false;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.level !== 0 || token.nesting === -1 || !token.map) continue;
    const text = lines.slice(token.map[0], token.map[1]).join('\n');
    if (token.type === 'heading_open') {
      const level = Number(token.tag.slice(1));
      // Deeper headings are the model's own topics (its features): they go, with what they hold.
      skipping = level > top;
      if (!skipping) out.push({ heading: tokens[i + 1]?.content ?? '', level, blocks: [] });
      continue;
    }
    if (!skipping) out[out.length - 1].blocks.push({ token, text });
  }
  return out;
}

function draftBody(body: string, mover: ReleaseMover, facts: ReleaseFacts): string {
  const parts: string[] = [];
  let featuresFilled = false;
  for (const section of sections(body)) {
    if (section.heading !== undefined) parts.push(`${'#'.repeat(section.level)} ${mover.move(section.heading)}`);
    const kept = keptBlocks(section.blocks, mover);
    const isThanks = section.heading !== undefined && THANKS_HEADING.test(section.heading);
    const isFeatures = !isThanks && section.heading !== undefined && FEATURES_HEADING.test(section.heading) && !/full/i.test(section.heading);
    if (isFeatures && !featuresFilled) {
      featuresFilled = true;
      parts.push(...kept, facts.highlights?.length ? facts.highlights.map((h) => `* ${h}`).join('\n') : TODO.features);
    } else if (isThanks) {
      parts.push(...kept, facts.contributors?.length ? facts.contributors.join(', ') : (facts.contributorsTodo ?? TODO.contributors));
    } else {
      parts.push(...(kept.length ? kept : [section.heading === undefined ? TODO.intro : TODO.section]));
    }
  }
  return parts.join('\n\n').replace(/\n{3,}/g, '\n\n').replace(/\s*$/, '\n');
}

/**
 * What of a section carries over: paragraphs and list items that name the model's release (the release notes,
 * download and tag links, "you can get 1.98.0 with:"), moved to this release with the model's counts made
 * placeholders; a code block right after such a paragraph; and comment markers (`<!--more-->`).
 */
function keptBlocks(blocks: Block[], mover: ReleaseMover): string[] {
  const kept: string[] = [];
  let previousKept = false;
  for (const { token, text } of blocks) {
    let out: string | undefined;
    if (token.type === 'paragraph_open' && mover.names(text)) out = withoutCounts(mover.move(text));
    else if ((token.type === 'fence' || token.type === 'code_block') && previousKept) out = mover.move(text);
    else if (token.type === 'html_block' && /^\s*<!--[\s\S]*-->\s*$/.test(text) && text.length < 80) out = text;
    else if ((token.type === 'bullet_list_open' || token.type === 'ordered_list_open') && mover.names(text)) {
      const items = text.split('\n').filter((line) => /^\s{0,3}(?:[-*+]|\d+[.)])\s/.test(line) && mover.names(line));
      if (items.length) out = items.map((line) => withoutCounts(mover.move(line))).join('\n');
    }
    previousKept = out !== undefined && /:\s*$/.test(out);
    if (out !== undefined) kept.push(out);
  }
  return kept;
}

/** The model's own numbers ("142 people", "merged [8](...) pull requests") become placeholders; versions, dates and URLs stay. */
function withoutCounts(text: string): string {
  return text
    .split(/(\]\([^)]*\)|<[^>]*>|`[^`]*`|https?:\/\/\S+)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/(?<![\w.\/#:$-])\d+(?![\w\/-]|\.\d|[.,]\d)/g, PLACEHOLDER_MARK)))
    .join('');
}
