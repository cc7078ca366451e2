import {
  frontMatterLineAt,
  frontMatterLineSpan,
  keyLineCounts,
  parentPathAt,
  readFrontMatterLines,
  type FrontMatterLine,
} from '../post/frontMatterLines';
import { childKeys, describeField, hasChildren, isRequired } from './hover';
import type { ParsedPost } from '../post/parse';
import type { SiteProfile } from '../site/profile';
import { parsePostFileName, permalinkFor, releaseTitle } from '../site/fileNames';
import { releaseVersionOf, type IndexedAuthor, type SiteIndex } from '../site/siteIndex';
import type { TextPosition, TextRange } from '../text/text';
import { yamlScalar } from '../text/yamlScalar';

export interface CompletionEntry {
  label: string;
  kind: 'field' | 'value' | 'author' | 'tag' | 'link' | 'image' | 'file';
  detail?: string;
  /** Markdown. */
  documentation?: string;
  /**
   * Replaces the result's range. Lines after the first are indented relative to the current line: the editor
   * adds the current line's indentation to them (its default for completions).
   */
  insertText: string;
  /** True when insertText is a snippet (`$1`, `${1|a,b|}`). */
  isSnippet?: boolean;
  sortText?: string;
  /**
   * What the editor's filter matches the typed text against, when not the label: for a link, the part of its URL
   * after the folder already typed, so `mesos-1-10` ranks `mesos-1-10-0-released/` above `mesos-1-11-0-released/`.
   */
  filterText?: string;
  /** Replaces this range instead of the result's (an entry that keeps the folder the user typed). */
  range?: TextRange;
  /** Edits on other lines made with the choice (an author's twitter and gravatar). */
  additionalEdits?: { range: TextRange; newText: string }[];
  /** True when the inserted key has a value the completions can offer next: ask for suggestions again. */
  retrigger?: boolean;
}

export interface CompletionResult {
  items: CompletionEntry[];
  /** What gets replaced (the text typed so far is what the editor filters the items by). */
  range: TextRange;
}

const AUTHOR = 'post_author';
const AUTHOR_NAME = 'post_author.display_name';

/** Completions at a position of a post: front-matter keys and values, or site-root links in the body. */
export function completePost(
  post: ParsedPost,
  position: TextPosition,
  fileName: string,
  profile: SiteProfile,
  index: SiteIndex,
): CompletionResult | undefined {
  const span = frontMatterLineSpan(post);
  let result: CompletionResult | undefined;
  if (span && position.line >= span.first && position.line < span.end) {
    result = completeFrontMatter(post, position, fileName, profile, withoutSnippetAuthors(index));
  } else if (position.line >= post.bodyStartLine) {
    result = completeBodyLink(post, position, fileName, profile, index);
  }
  // In the order the editor shows them.
  result?.items.sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));
  return result;
}

/**
 * The names, handles and hashes our snippets put in as placeholders: a post saved with them unfilled is no author to
 * offer to the next post.
 */
const SNIPPET_PLACEHOLDERS = new Set(['your name', 'yourhandle', 'md5-of-your-email']);

export function isSnippetPlaceholder(value: string): boolean {
  return SNIPPET_PLACEHOLDERS.has(value.trim().toLowerCase());
}

function withoutSnippetAuthors(index: SiteIndex): SiteIndex {
  const authors = index.authors.filter((a) => !SNIPPET_PLACEHOLDERS.has(a.display_name.trim().toLowerCase()));
  if (authors.length === index.authors.length) return index;
  const clean = (v: string | undefined) => (v && SNIPPET_PLACEHOLDERS.has(v.trim().toLowerCase()) ? undefined : v);
  return { ...index, authors: authors.map((a) => ({ ...a, twitter: clean(a.twitter), gravatar: clean(a.gravatar) })) };
}

// ---------------------------------------------------------------- front matter

interface FrontMatterContext {
  post: ParsedPost;
  position: TextPosition;
  fileName: string;
  profile: SiteProfile;
  index: SiteIndex;
  lines: readonly FrontMatterLine[];
  current: FrontMatterLine;
  text: string;
}

function completeFrontMatter(
  post: ParsedPost,
  position: TextPosition,
  fileName: string,
  profile: SiteProfile,
  index: SiteIndex,
): CompletionResult | undefined {
  const lines = readFrontMatterLines(post);
  const current = frontMatterLineAt(lines, position.line);
  if (!current) return undefined;
  const text = post.lines.lineText(position.line);
  const ctx: FrontMatterContext = { post, position, fileName, profile, index, lines, current, text };
  const before = text.slice(0, position.character);
  if (current.isListItem) {
    return current.path === 'tags' && position.character >= current.valueStart ? completeTags(ctx) : undefined;
  }
  if (/^[ ]*([A-Za-z_][\w.-]*)?$/.test(before)) return completeKey(ctx);
  const colon = text.indexOf(':', current.keyEnd);
  if (current.key !== undefined && current.path && colon >= 0 && position.character > colon) return completeValue(ctx, colon + 1);
  return undefined;
}

function pad(n: number): string {
  return String(n).padStart(5, '0');
}

/** `$`, `}` and `\` are snippet syntax. */
function escapeSnippet(text: string): string {
  return text.replace(/[$}\\]/g, '\\$&');
}

function completeKey(ctx: FrontMatterContext): CompletionResult | undefined {
  const { position, text, profile, lines } = ctx;
  const indent = /^[ ]*/.exec(text)![0].length;
  // Inside the indentation a key would land at the wrong level: nothing to offer there.
  if (position.character < indent) return undefined;
  const parent = parentPathAt(lines, position.line, indent);
  if (indent > 0 && parent === undefined) return undefined;
  const wordEnd = position.character + /^[\w.-]*/.exec(text.slice(position.character))![0].length;
  // Renaming the key of an existing `key: value` line: insert only the name.
  const nameOnly = /^[ \t]*:/.test(text.slice(wordEnd));
  // Keys on other lines: the key being typed or renamed on this line does not count.
  const counts = keyLineCounts(lines);
  const own = ctx.current.key !== undefined ? ctx.current.path : undefined;
  const present = { has: (path: string) => (counts.get(path) ?? 0) - (path === own ? 1 : 0) > 0 };
  const items = childKeys(profile, parent)
    .filter((key) => !present.has(parent ? `${parent}.${key}` : key))
    .map((key) => keyEntry(ctx, parent, key, nameOnly));
  if (!items.length) return undefined;
  return { items, range: { start: { line: position.line, character: indent }, end: { line: position.line, character: wordEnd } } };
}

function keyEntry(ctx: FrontMatterContext, parent: string | undefined, key: string, nameOnly: boolean): CompletionEntry {
  const { profile, fileName } = ctx;
  const path = parent ? `${parent}.${key}` : key;
  const required = isRequired(profile, path);
  const order = profile.keyOrder.indexOf(path);
  const entry: CompletionEntry = {
    label: key,
    kind: 'field',
    detail: required ? 'required' : 'optional',
    documentation: describeField(profile, path, fileName),
    insertText: nameOnly ? key : keySnippet(ctx, path, key),
    isSnippet: !nameOnly,
    sortText: `${required ? 0 : 1}-${pad(order < 0 ? 99999 : order)}-${key}`,
  };
  // The cursor lands on a value the completions know: tags, an author, a handle.
  const kind = profile.fields[path]?.kind;
  const offersValues = kind === 'tags' || kind === 'twitter' || kind === 'gravatar' || path === AUTHOR || path === AUTHOR_NAME;
  if (!nameOnly && offersValues) entry.retrigger = true;
  return entry;
}

/** `key: value` as a snippet, with the value filled in when the file name or the profile decides it. */
function keySnippet(ctx: FrontMatterContext, path: string, key: string): string {
  const { profile, fileName } = ctx;
  const name = parsePostFileName(fileName);
  if (hasChildren(profile, path)) {
    const children = childKeys(profile, path);
    const first = children.find((c) => profile.requiredFields.includes(`${path}.${c}`)) ?? children[0];
    return `${key}:\n  ${first}: $1`;
  }
  const fixed = (value: string | undefined) => (value ? `${key}: ${escapeSnippet(yamlScalar(value))}` : `${key}: $1`);
  switch (profile.fields[path]?.kind) {
    case 'layout':
      if (profile.layouts.length === 1) return fixed(profile.layouts[0]);
      return profile.layouts.length ? `${key}: \${1|${profile.layouts.map(choiceEscape).join(',')}|}` : `${key}: $1`;
    case 'boolean':
      return `${key}: \${1|true,false|}`;
    case 'permalink':
      return fixed(name.slug ? permalinkFor(profile, name.slug) : undefined);
    case 'date':
      return fixed(name.date);
    default: {
      const title = path === 'title' ? titleFromFileName(profile, fileName) : undefined;
      return title ? `${key}: \${1:${escapeSnippet(yamlScalar(title))}}` : `${key}: $1`;
    }
  }
}

function choiceEscape(text: string): string {
  return text.replace(/[$}\\,|]/g, '\\$&');
}

/** The release title a release post's file name implies (`Apache Mesos 1.11.0 Released`). */
function titleFromFileName(profile: SiteProfile, fileName: string): string | undefined {
  const slug = parsePostFileName(fileName).slug;
  const version = slug ? releaseVersionOf(profile, slug, '') : undefined;
  return version ? releaseTitle(profile, version) : undefined;
}

function valueRange(ctx: FrontMatterContext, afterColon: number): TextRange {
  const { current, position } = ctx;
  const valueEnd = current.valueStart >= 0 ? current.valueStart + current.value.length : afterColon;
  const end = Math.max(position.character, valueEnd);
  return { start: { line: position.line, character: afterColon }, end: { line: position.line, character: end } };
}

function valueEntries(values: string[], detail: string): CompletionEntry[] {
  return values.map((v, i) => ({ label: v, kind: 'value', detail, insertText: ' ' + yamlScalar(v), sortText: pad(i) }));
}

function completeValue(ctx: FrontMatterContext, afterColon: number): CompletionResult | undefined {
  const { profile, fileName, current, index } = ctx;
  const path = current.path as string;
  const name = parsePostFileName(fileName);
  const range = valueRange(ctx, afterColon);
  let items: CompletionEntry[] = [];
  if (path === AUTHOR) return completeAuthorBlock(ctx, afterColon);
  if (path === AUTHOR_NAME) {
    // Enter right after the colon must start a new line, not accept the first author.
    return ctx.position.character > afterColon && index.authors.length ? { items: authorEntries(ctx), range } : undefined;
  }
  switch (profile.fields[path]?.kind) {
    case 'layout':
      items = valueEntries(profile.layouts, 'layout');
      break;
    case 'boolean':
      items = [
        { label: 'true', kind: 'value', detail: 'published on the site', insertText: ' true', sortText: '0' },
        { label: 'false', kind: 'value', detail: 'a draft: left out of the build', insertText: ' false', sortText: '1' },
      ];
      break;
    case 'tags':
      return completeTags(ctx);
    case 'permalink':
      items = name.slug ? valueEntries([permalinkFor(profile, name.slug)], 'the URL the file name gives') : [];
      break;
    case 'date':
      items = name.date ? valueEntries([name.date], 'the date of the file name') : [];
      break;
    case 'twitter':
      items = handleEntries(index.authors, 'twitter', ctx);
      break;
    case 'gravatar':
      items = handleEntries(index.authors, 'gravatar', ctx);
      break;
    default: {
      const title = path === 'title' ? titleFromFileName(profile, fileName) : undefined;
      items = title ? valueEntries([title], 'the release title of this file name') : [];
    }
  }
  return items.length ? { items, range } : undefined;
}

/** The display name on the author block the current line belongs to, if any. */
function currentAuthorName(ctx: FrontMatterContext): string | undefined {
  const line = ctx.lines.find((l) => l.path === AUTHOR_NAME);
  return line?.value.replace(/^(["'])(.*)\1$/, '$2').trim() || undefined;
}

function handleEntries(authors: IndexedAuthor[], field: 'twitter' | 'gravatar', ctx: FrontMatterContext): CompletionEntry[] {
  const name = currentAuthorName(ctx);
  const known = authors.filter((a) => a[field]);
  // The current author's own handle first.
  known.sort((a, b) => Number(b.display_name === name) - Number(a.display_name === name));
  const seen = new Set<string>();
  const entries: CompletionEntry[] = [];
  for (const author of known) {
    const value = author[field] as string;
    if (seen.has(value)) continue;
    seen.add(value);
    entries.push({ label: value, kind: 'value', detail: author.display_name, insertText: ' ' + yamlScalar(value), sortText: pad(entries.length) });
  }
  return entries;
}

function authorDetail(author: IndexedAuthor): string {
  const handle = author.twitter ? `@${author.twitter} \u00b7 ` : '';
  return `${handle}${author.posts} post${author.posts === 1 ? '' : 's'}, latest ${author.lastDate}`;
}

function authorDocumentation(author: IndexedAuthor, fills: string[]): string {
  const rows = fills.map((key) => `- \`${key}: ${author[key as 'twitter' | 'gravatar']}\``);
  return rows.length ? `Also fills in:\n\n${rows.join('\n')}` : 'No twitter or gravatar on earlier posts.';
}

/** Sub-keys of the author block an author has values for, in the site's key order. */
function authorFields(ctx: FrontMatterContext, author: IndexedAuthor): ('twitter' | 'gravatar')[] {
  return childKeys(ctx.profile, AUTHOR).filter(
    (k): k is 'twitter' | 'gravatar' => (k === 'twitter' || k === 'gravatar') && Boolean(author[k]),
  );
}

/** On `post_author:` with nothing under it yet: the whole block of a previous author. */
function completeAuthorBlock(ctx: FrontMatterContext, afterColon: number): CompletionResult | undefined {
  const { position, lines, index } = ctx;
  if (position.character === afterColon) return undefined;
  if (lines.some((l) => l.path?.startsWith(AUTHOR + '.'))) return undefined;
  const items = index.authors.map((author, i): CompletionEntry => {
    const fills = authorFields(ctx, author);
    const block = [`display_name: ${yamlScalar(author.display_name)}`, ...fills.map((k) => `${k}: ${yamlScalar(author[k] as string)}`)];
    return {
      label: author.display_name,
      kind: 'author',
      detail: authorDetail(author),
      documentation: authorDocumentation(author, fills),
      insertText: block.map((l) => '\n  ' + l).join(''),
      sortText: pad(i),
    };
  });
  return items.length ? { items, range: valueRange(ctx, afterColon) } : undefined;
}

/** On `display_name:`: previous authors; choosing one sets or adds the block's twitter and gravatar lines. */
function authorEntries(ctx: FrontMatterContext): CompletionEntry[] {
  return ctx.index.authors.map((author, i): CompletionEntry => {
    const fills = authorFields(ctx, author);
    const { edits, inline } = siblingEdits(ctx, author, fills);
    return {
      label: author.display_name,
      kind: 'author',
      detail: authorDetail(author),
      documentation: authorDocumentation(author, fills),
      insertText: ' ' + yamlScalar(author.display_name) + inline,
      sortText: pad(i),
      additionalEdits: edits.length ? edits : undefined,
    };
  });
}

/**
 * Edits that give the author block this author's values: an existing sibling line gets its value replaced, a
 * missing one is inserted after the last sibling that comes before it in the site's key order.
 */
function siblingEdits(
  ctx: FrontMatterContext,
  author: IndexedAuthor,
  fills: ('twitter' | 'gravatar')[],
): { edits: { range: TextRange; newText: string }[]; inline: string } {
  const { current, lines, post, profile } = ctx;
  const order = childKeys(profile, AUTHOR);
  const siblings = lines.filter((l) => l.key !== undefined && l.path?.startsWith(AUTHOR + '.') && l.indent === current.indent);
  const edits: { range: TextRange; newText: string }[] = [];
  const inserts = new Map<number, string>();
  let inline = '';
  for (const key of fills) {
    const value = yamlScalar(author[key] as string);
    const existing = siblings.find((l) => l.key === key);
    if (existing) {
      const start = existing.valueStart >= 0 ? existing.valueStart : existing.keyEnd;
      const end = existing.valueStart >= 0 ? existing.valueStart + existing.value.length : existing.keyEnd;
      const text = post.lines.lineText(existing.line);
      const prefix = existing.valueStart >= 0 && text[start - 1] === ':' ? ' ' : existing.valueStart >= 0 ? '' : ': ';
      edits.push({ range: { start: { line: existing.line, character: start }, end: { line: existing.line, character: end } }, newText: prefix + value });
      continue;
    }
    const before = siblings.filter((l) => order.indexOf(l.key as string) < order.indexOf(key) || l.line === current.line);
    const after = Math.max(...before.map((l) => l.line), current.line);
    const line = `${' '.repeat(current.indent)}${key}: ${value}`;
    if (after + 1 >= post.lines.lineCount) {
      // The document ends on this line: nowhere below to insert, so the line goes into the main insert.
      inline += `\n${key}: ${value}`;
    } else {
      inserts.set(after + 1, (inserts.get(after + 1) ?? '') + line + '\n');
    }
  }
  for (const [line, newText] of inserts) edits.push({ range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText });
  return { edits, inline };
}

/** Tags already used on the site, replacing only the item of the comma-separated list the cursor is in. */
function completeTags(ctx: FrontMatterContext): CompletionResult | undefined {
  const { current, position, text, index } = ctx;
  const valueStart = current.valueStart >= 0 ? current.valueStart : position.character;
  // The list without its quotes or flow brackets (`"a, b"`, `[a, b]`).
  let from = valueStart;
  let to = Math.max(position.character, valueStart + current.value.length);
  if (from < position.character && /["'[]/.test(text[from])) from++;
  if (to - 1 >= position.character && to - 1 > from && /["'\]]/.test(text[to - 1])) to--;
  const list = text.slice(from, to);
  const cursor = position.character - from;
  let start = from + list.lastIndexOf(',', cursor - 1) + 1;
  while (start < position.character && /\s/.test(text[start])) start++;
  const nextComma = list.indexOf(',', cursor);
  let end = from + (nextComma < 0 ? list.length : nextComma);
  while (end > position.character && /\s/.test(text[end - 1])) end--;
  const items = list.split(',');
  items.splice(list.slice(0, cursor).split(',').length - 1, 1);
  if (current.isListItem) {
    items.push(...ctx.lines.filter((l) => l.isListItem && l.path === current.path && l.line !== current.line).map((l) => l.value));
  }
  const used = new Set(items.map((t) => t.trim().replace(/^["']|["']$/g, '').toLowerCase()).filter(Boolean));
  // Right after `tags:` or a comma, the inserted tag brings its own space.
  const space = /[:,]/.test(text[start - 1] ?? '') ? ' ' : '';
  const entries = index.tags
    .filter((t) => !used.has(t.tag.toLowerCase()))
    .map((t, i): CompletionEntry => ({
      label: t.tag,
      kind: 'tag',
      detail: `${t.count} post${t.count === 1 ? '' : 's'}`,
      insertText: space + t.tag,
      sortText: pad(i),
    }));
  if (!entries.length) return undefined;
  return { items: entries, range: { start: { line: position.line, character: start }, end: { line: position.line, character: end } } };
}

// ---------------------------------------------------------------- body links

const LINK_CONTEXTS: { pattern: RegExp; image: boolean }[] = [
  { pattern: /!\[[^\]]*\]\([ \t]*<?([^\s()<>]*)$/, image: true },
  { pattern: /\]\([ \t]*<?([^\s()<>]*)$/, image: false },
  { pattern: /<img\b[^>]*\ssrc[ \t]*=[ \t]*["']([^"'\s]*)$/i, image: true },
  { pattern: /<[A-Za-z][\w-]*\b[^>]*\s(?:href|src)[ \t]*=[ \t]*["']([^"'\s]*)$/i, image: false },
  { pattern: /^ {0,3}\[[^\]]+\]:[ \t]*<?(\S*)$/, image: false },
];

const LINK_WINDOW = 1000;

const IMAGE_FILE = /\.(png|jpe?g|gif|svg|webp|avif|bmp|ico)$/i;
// Stylesheets, scripts and fonts are never what a post links to.
const PLUMBING_FILE = /\.(css|scss|sass|less|js|mjs|map|woff2?|ttf|eot|otf|json|yml|yaml|rb|erb|haml|slim)$/i;

interface SiteTarget {
  url: string;
  path: string;
  kind: 'page' | 'image' | 'file';
}

const targetCache = new WeakMap<SiteIndex, SiteTarget[]>();

/** One URL per file of the site that is not a post: a page's folder URL, an image's or file's own path. */
function siteTargets(index: SiteIndex): SiteTarget[] {
  const cached = targetCache.get(index);
  if (cached) return cached;
  const posts = new Set(index.posts.map((p) => p.path));
  const byFile = new Map<string, string[]>();
  for (const [url, file] of index.urls) {
    if (posts.has(file)) continue;
    const urls = byFile.get(file) ?? [];
    urls.push(url);
    byFile.set(file, urls);
  }
  const targets: SiteTarget[] = [];
  for (const [path, urls] of byFile) {
    const folderUrl = urls.filter((u) => u.endsWith('/')).sort((a, b) => a.length - b.length)[0];
    if (folderUrl) targets.push({ url: folderUrl, path, kind: 'page' });
    else if (IMAGE_FILE.test(path)) targets.push({ url: urls[0], path, kind: 'image' });
    else if (!PLUMBING_FILE.test(path)) targets.push({ url: urls[0], path, kind: 'file' });
  }
  targets.sort((a, b) => a.url.localeCompare(b.url));
  targetCache.set(index, targets);
  return targets;
}

function inCode(post: ParsedPost, position: TextPosition, before: string): boolean {
  const inBlock = post.tokens.some(
    (t) => (t.type === 'fence' || t.type === 'code_block') && t.map && position.line >= t.map[0] && position.line < t.map[1],
  );
  return inBlock || (before.match(/`/g) ?? []).length % 2 === 1;
}

function completeBodyLink(
  post: ParsedPost,
  position: TextPosition,
  fileName: string,
  profile: SiteProfile,
  index: SiteIndex,
): CompletionResult | undefined {
  const text = post.lines.lineText(position.line);
  const before = text.slice(0, position.character);
  // A link being typed is near the cursor; a bounded window keeps the patterns linear on very long lines.
  const window = before.length > LINK_WINDOW ? before.slice(-LINK_WINDOW) : before;
  const context = LINK_CONTEXTS.filter((c) => window === before || !c.pattern.source.startsWith('^'))
    .map((c) => ({ c, m: c.pattern.exec(window) }))
    .find((x) => x.m);
  if (!context?.m) return undefined;
  const typed = context.m[1];
  if (typed !== '' && (!typed.startsWith('/') || typed.startsWith('//'))) return undefined;
  if (inCode(post, position, before)) return undefined;
  const folder = typed.slice(0, typed.lastIndexOf('/') + 1);
  const matches = (url: string) => url.toLowerCase().startsWith(folder.toLowerCase());
  const items = context.c.image ? imageEntries(profile, index, matches) : linkEntries(fileName, profile, index, matches);
  if (!items.length) return undefined;
  const rest = /^[^\s)"'<>]*/.exec(text.slice(position.character))![0].length;
  const start = position.character - typed.length;
  const end = { line: position.line, character: position.character + rest };
  // The editor filters an item by the text between its range's start and the cursor. Over the whole URL, the
  // folder typed (`/blog/`) matches every item alike and `mesos-1-10` fuzzily matches `mesos-1-11-0-released` as
  // well as `mesos-1-10-0-released`, so the first in sort order stayed selected. Replacing only what follows the
  // folder filters the items by their own last part, where the post typed ranks first.
  const afterFolder: TextRange = { start: { line: position.line, character: start + folder.length }, end };
  for (const item of items) {
    if (!folder || !item.insertText.startsWith(folder)) continue;
    item.insertText = item.insertText.slice(folder.length);
    item.filterText = item.insertText;
    item.range = afterFolder;
  }
  return { items, range: { start: { line: position.line, character: start }, end } };
}

function imagesUrl(profile: SiteProfile): string {
  const u = profile.imagesUrl.startsWith('/') ? profile.imagesUrl : '/' + profile.imagesUrl;
  return u.endsWith('/') ? u : u + '/';
}

function imageEntries(profile: SiteProfile, index: SiteIndex, matches: (url: string) => boolean): CompletionEntry[] {
  const blogImages = imagesUrl(profile);
  return siteTargets(index)
    .filter((t) => t.kind === 'image' && matches(t.url))
    .map((t) => ({
      label: t.url,
      kind: 'image',
      detail: t.path,
      insertText: t.url,
      sortText: `${t.url.startsWith(blogImages) ? 0 : 1}-${t.url}`,
    }));
}

function linkEntries(fileName: string, profile: SiteProfile, index: SiteIndex, matches: (url: string) => boolean): CompletionEntry[] {
  const slug = parsePostFileName(fileName).slug;
  const self = slug ? permalinkFor(profile, slug) : undefined;
  const posts = index.posts
    .filter((p) => p.url !== self && matches(p.url))
    .map((p, i): CompletionEntry => ({
      label: p.url,
      kind: 'link',
      detail: p.title || p.slug,
      documentation: `Post of ${p.date}${p.draft ? ' (draft)' : ''}: \`${p.path}\``,
      insertText: p.url,
      sortText: `1-${pad(i)}`,
    }));
  const rank = { page: 2, image: 3, file: 4 };
  const others = siteTargets(index)
    .filter((t) => matches(t.url))
    .map((t): CompletionEntry => ({
      label: t.url,
      kind: t.kind === 'page' ? 'link' : t.kind,
      detail: t.path,
      insertText: t.url,
      sortText: `${rank[t.kind]}-${t.url}`,
    }));
  return [...posts, ...others];
}
