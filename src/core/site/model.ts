/**
 * The site model: for any file of a site, whether it is a post or a release post, which generator owns it, what URL
 * and date the generator gives it and which front-matter format it uses, with the conventions learned from the
 * site's own posts. Built from the generator's files and the posts; cached until one of them changes.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parsePost, type FrontMatterFormat, type ParsedPost } from '../post/parse';
import { learnConventions, postDate, postStem, type Learned, type PostSample, type SiteConventions } from './conventions';
import { filesBelow } from './walk';
import { detectGenerator, type DateSource, type GeneratorFacts, type GeneratorName } from './generators';

export type { Learned, ReleaseNaming, ReleasePostInfo, SiteConventions, ValueShape, FieldConvention } from './conventions';
export type { DateSource, GeneratorFacts, GeneratorName } from './generators';

export interface SiteModel {
  /** The site root: the folder of the generator's config file (a Middleman site in `site/` keeps its project root). */
  root: string;
  generator: Learned<GeneratorName> & { label: string };
  facts: GeneratorFacts;
  /** Posts folders relative to the root, `/`-separated. */
  postsFolders: string[];
  /** The format new posts are written in: the one most posts use, else the generator's usual one. */
  frontMatterFormat: Learned<FrontMatterFormat>;
  dateSource: Learned<DateSource>;
  /** The posts' URL pattern (`/news/{year}/{month}/{day}/{title}/`). */
  permalink: Learned<string> | undefined;
  conventions: SiteConventions;
  /** Absolute paths of the posts, sorted. */
  postFiles: string[];
  /** Whether `file` is one of the site's posts (a file under a posts folder that the generator takes as a post). */
  isPost(file: string, data?: Record<string, unknown>): boolean;
  isReleasePost(file: string): boolean;
  /** The URL path the generator gives a post, from its path and front matter; undefined when it cannot be known. */
  urlOf(file: string, data: Record<string, unknown> | undefined): string | undefined;
  /** `YYYY-MM-DD` the generator gives a post, where it has one. */
  dateOf(file: string, data: Record<string, unknown> | undefined): string | undefined;
  /** `file` relative to the root, `/`-separated. */
  relative(file: string): string;
  /** The front matter of one of the site's posts as it was read, when it is a mapping. */
  postData(file: string): Record<string, unknown> | undefined;
}

const MAX_POST_BYTES = 5 * 1024 * 1024;

function toPosix(p: string): string {
  return path.sep === '/' ? p : p.split(path.sep).join('/');
}

function isInside(parent: string, child: string): boolean {
  const rel = path.relative(parent, child);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/** Files below `folder` with one of `extensions`, skipping dot-folders and node_modules; with their stats. */
function stampedFilesBelow(folder: string, extensions: string[]): { file: string; stamp: string }[] {
  const found: { file: string; stamp: string }[] = [];
  for (const file of filesBelow(folder, (name) => extensions.includes(path.extname(name).toLowerCase()))) {
    try {
      const stat = fs.statSync(file);
      found.push({ file, stamp: `${stat.mtimeMs}:${stat.size}` });
    } catch {
      // vanished or unreadable: not a post
    }
  }
  return found;
}

/** Hugo's `urlize`: lower case, spaces to dashes, only letters, digits, `-`, `.`, `_` kept. */
export function urlize(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim()
    .replace(/\s+/g, '-')
    .replace(/[^\p{L}\p{N}\-._]/gu, '');
}

function fillPermalink(pattern: string, values: Record<string, string | undefined>): string | undefined {
  let unknown = false;
  const filled = pattern.replace(/\{(\w+)\}/g, (_, key: string) => {
    const v = values[key];
    if (v === undefined) unknown = true;
    return v ?? '';
  });
  return unknown ? undefined : filled.replace(/\/{2,}/g, '/');
}

function stringKey(data: Record<string, unknown> | undefined, key: string): string | undefined {
  const v = data?.[key];
  return typeof v === 'string' && v.trim() ? v.trim() : undefined;
}

function rootUrl(p: string): string {
  const withSlash = p.startsWith('/') ? p : '/' + p;
  return /\.(html?|xml|json|txt)$/i.test(withSlash) || withSlash.endsWith('/') ? withSlash : withSlash + '/';
}

class LoadedSite implements SiteModel {
  readonly generator: SiteModel['generator'];
  readonly postsFolders: string[];
  readonly frontMatterFormat: Learned<FrontMatterFormat>;
  readonly dateSource: Learned<DateSource>;
  readonly permalink: Learned<string> | undefined;
  private readonly releases: Set<string>;

  constructor(
    readonly root: string,
    readonly facts: GeneratorFacts,
    readonly conventions: SiteConventions,
    readonly postFiles: string[],
    formats: Map<FrontMatterFormat, number>,
    private readonly data: Map<string, Record<string, unknown> | undefined>,
  ) {
    this.generator = { value: facts.name, label: facts.label, source: facts.evidence };
    this.postsFolders = facts.postsFolders;
    const [used, count] = [...formats].sort((a, b) => b[1] - a[1])[0] ?? [];
    this.frontMatterFormat = used
      ? { value: used, source: `${count} of ${postFiles.length} posts` }
      : { value: facts.frontMatterFormats[0], source: `${facts.label}'s usual format` };
    this.dateSource = { value: facts.dateSource, source: `how ${facts.label} dates a post` };
    this.permalink = facts.permalink ? { value: facts.permalink.pattern, source: facts.permalink.source } : undefined;
    this.releases = new Set(conventions.releasePosts.map((r) => r.path));
  }

  relative(file: string): string {
    return toPosix(path.relative(this.root, path.resolve(file)));
  }

  isPost(file: string, data?: Record<string, unknown>): boolean {
    const full = path.resolve(file);
    if (!this.facts.extensions.includes(path.extname(full).toLowerCase())) return false;
    const folder = this.postsFolders.find((f) => isInside(path.resolve(this.root, f), full));
    if (folder === undefined) return false;
    return this.facts.isPost(toPosix(path.relative(path.resolve(this.root, folder), full)), data);
  }

  postData(file: string): Record<string, unknown> | undefined {
    return this.data.get(path.resolve(file));
  }

  isReleasePost(file: string): boolean {
    return this.releases.has(this.relative(file));
  }

  dateOf(file: string, data: Record<string, unknown> | undefined): string | undefined {
    if (this.facts.dateSource === 'file-name') return postDate(this.relative(file), undefined);
    return postDate(this.relative(file), data);
  }

  urlOf(file: string, data: Record<string, unknown> | undefined): string | undefined {
    const rel = this.relative(file);
    const keys = this.facts.urlKeys;
    const set = (key: string) => (keys.includes(key) ? stringKey(data, key) : undefined);
    const outright = set('url') ?? set('path') ?? (set('permalink') && !set('permalink')!.includes(':') ? set('permalink') : undefined);
    if (outright) return rootUrl(outright);
    const pattern = this.permalink?.value;
    if (!pattern) return undefined;
    const { stem } = postStem(rel);
    const bare = stem.replace(/^\d{4}-\d{2}-\d{2}-/, '');
    const title = stringKey(data, 'title');
    const slug = set('slug') ?? (this.facts.slugFrom === 'title' ? (title ? urlize(title) : undefined) : bare);
    const date = this.dateOf(file, data);
    const [year, month, day] = date ? date.split('-') : [];
    const folder = this.postsFolders.find((f) => rel.startsWith(f + '/')) ?? '';
    const sectionDir = path.posix.dirname(path.posix.relative(folder, rel));
    const section = /\/index\.[^.]+$/i.test(rel) ? path.posix.dirname(sectionDir) : sectionDir;
    const categories = data?.categories ?? data?.category;
    return fillPermalink(pattern, {
      year,
      month,
      day,
      slug,
      title: slug,
      section: section === '.' ? '' : section + '/',
      categories: typeof categories === 'string' ? categories.split(/\s+/).join('/') : Array.isArray(categories) ? categories.join('/') : '',
    });
  }
}

/**
 * The text up to the end of its front matter (the whole text when the block does not close): what the model reads
 * of every post, so a long body costs nothing.
 */
function frontMatterPart(text: string): string {
  const m = /^\uFEFF?(---|\+\+\+|\{)[^\n]*\n/.exec(text);
  if (!m) return '';
  const closing = m[1] === '{' ? '}' : m[1];
  const re = new RegExp(`\\n${closing === '+++' ? '\\+\\+\\+' : closing}[ \\t]*(?:\\r?\\n|$)`, 'g');
  re.lastIndex = m[0].length - 1;
  const end = re.exec(text);
  return end ? text.slice(0, end.index + end[0].length) : text;
}

const HEAD_BYTES = 8192;
/** One buffer for every post's head: a site's posts are read one after the other. */
let headBuffer: Buffer | undefined;

function readWhole(file: string): string | undefined {
  try {
    return fs.statSync(file).size > MAX_POST_BYTES ? undefined : fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** Most front matter fits in the first kilobytes: only they are decoded when the block closes there. */
const FIRST_BYTES = 2048;

/**
 * The front matter in the first `length` bytes of `buffer` (cut at the last line end, so a character split by the
 * cut is not read, unless `whole`); undefined when the block does not close there.
 */
function headIn(buffer: Buffer, length: number, whole: boolean): string | undefined {
  const end = whole ? length : buffer.lastIndexOf(10, length - 1) + 1;
  if (end <= 0) return whole ? '' : undefined;
  const text = buffer.toString('utf8', 0, end);
  const part = frontMatterPart(text);
  return whole || part !== text || part === '' ? part : undefined;
}

/** A post's front matter, reading only the file's start when the block closes there. */
function readFrontMatter(file: string): string | undefined {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    const buffer = (headBuffer ??= Buffer.allocUnsafe(HEAD_BYTES));
    const read = fs.readSync(fd, buffer, 0, HEAD_BYTES, 0);
    const head = (read > FIRST_BYTES ? headIn(buffer, FIRST_BYTES, false) : undefined) ?? headIn(buffer, read, read < HEAD_BYTES);
    if (head !== undefined) return head;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
  const whole = readWhole(file);
  return whole === undefined ? undefined : frontMatterPart(whole);
}

interface CacheEntry {
  stamp: string;
  model: LoadedSite;
}

const cache = new Map<string, CacheEntry>();

/** The generator of the site at `root` and its posts, with their stamps; undefined when no generator is there. */
function scan(root: string): { facts: GeneratorFacts; files: { file: string; stamp: string }[]; stamp: string } | undefined {
  const facts = detectGenerator(root);
  if (!facts) return undefined;
  const files = facts.postsFolders.flatMap((f) => stampedFilesBelow(path.join(root, f), facts.extensions));
  let configStamp = '';
  try {
    const stat = fs.statSync(path.join(root, facts.evidence));
    configStamp = `${stat.mtimeMs}:${stat.size}`;
  } catch {
    configStamp = '-';
  }
  return { facts, files, stamp: configStamp + '|' + files.map((f) => f.file + '@' + f.stamp).join('|') };
}

/**
 * The steps of learning the site at `root`: one post read per step, so a caller can stop between steps and let
 * other work run (`loadSiteAsync`). Returns the model, or undefined when no generator is recognised there.
 */
function* learnSite(root: string): Generator<void, SiteModel | undefined> {
  const dir = path.resolve(root);
  const scanned = scan(dir);
  if (!scanned) return undefined;
  const cached = cache.get(dir);
  if (cached && cached.stamp === scanned.stamp) return cached.model;
  const samples: PostSample[] = [];
  const postFiles: string[] = [];
  const formats = new Map<FrontMatterFormat, number>();
  const dataByFile = new Map<string, Record<string, unknown> | undefined>();
  for (const { file, stamp } of scanned.files) {
    yield;
    const post = postHead(file, stamp);
    if (post === undefined) continue;
    const data = post.frontMatter?.data;
    const mapping = data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : undefined;
    // Every file was found below the root: its path relative to it is what follows the root.
    const rel = toPosix(file.startsWith(dir + path.sep) ? file.slice(dir.length + 1) : path.relative(dir, file));
    const folder = scanned.facts.postsFolders.find((f) => rel.startsWith(f + '/')) ?? '';
    if (!scanned.facts.isPost(folder ? rel.slice(folder.length + 1) : rel, mapping)) continue;
    postFiles.push(file);
    dataByFile.set(file, mapping);
    samples.push({ path: rel, post, full: () => fullPost(file, post) });
    if (post.frontMatter) formats.set(post.frontMatter.format, (formats.get(post.frontMatter.format) ?? 0) + 1);
  }
  yield;
  const model = new LoadedSite(dir, scanned.facts, learnConventions(samples), postFiles, formats, dataByFile);
  cache.set(dir, { stamp: scanned.stamp, model });
  return model;
}

/**
 * The site whose generator's files are at `root`, its posts read and its conventions learned; undefined when no
 * generator is recognised there. Reused while the config file and every post are unchanged.
 */
export function loadSite(root: string): SiteModel | undefined {
  const steps = learnSite(root);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * `loadSite` in slices of about `sliceMs` of work, handing the event loop back between them, so an editor that
 * learns a site of many posts keeps answering while it does. The result is cached the same way.
 */
export async function loadSiteAsync(root: string, sliceMs = 8): Promise<SiteModel | undefined> {
  const steps = learnSite(root);
  let sliceStart = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - sliceStart >= sliceMs) {
      await new Promise((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
    }
  }
}

/** The whole post, for what is learned from the newest posts' bodies; its front matter alone when it cannot be read. */
function fullPost(file: string, head: ParsedPost): ParsedPost {
  const whole = readWhole(file);
  return whole === undefined ? head : parsePost(whole);
}

/** The model learned for `root` last, without checking its files again; undefined when none was learned yet. */
export function cachedSiteModel(root: string): SiteModel | undefined {
  return cache.get(path.resolve(root))?.model;
}

/** Parsed front matter by file, reused while the file's modification time and size stay the same. */
const heads = new Map<string, { stamp: string; post: ParsedPost | undefined }>();
const MAX_HEADS = 20000;

/**
 * A post's front matter parsed (the body left out), read from the start of the file; undefined when the file cannot
 * be read. `stamp` is the file's `mtime:size` when the caller has it already.
 */
export function postHead(file: string, stamp?: string): ParsedPost | undefined {
  let key = stamp;
  if (key === undefined) {
    try {
      const stat = fs.statSync(file);
      key = `${stat.mtimeMs}:${stat.size}`;
    } catch {
      return undefined;
    }
  }
  const hit = heads.get(file);
  if (hit && hit.stamp === key) return hit.post;
  const head = readFrontMatter(file);
  const post = head === undefined ? undefined : parsePost(head, { body: false, keys: false });
  if (heads.size >= MAX_HEADS) heads.clear();
  heads.set(file, { stamp: key, post });
  return post;
}

/** Forgets every learned site (after a change the stamps cannot see, e.g. in tests). */
export function clearSiteModels(): void {
  cache.clear();
  heads.clear();
}

/**
 * The root of the site that `file` (or folder) belongs to: the nearest folder above it where a generator is
 * recognised. A site whose generator lives in a sub-folder of its project (`site/config.rb`) is rooted at the
 * project when the project's folder leads to the same posts.
 */
export function findSiteRoot(file: string): string | undefined {
  let dir = path.resolve(file);
  try {
    if (!fs.statSync(dir).isDirectory()) dir = path.dirname(dir);
  } catch {
    dir = path.dirname(dir);
  }
  for (;;) {
    const facts = detectGenerator(dir);
    if (facts) {
      const parent = path.dirname(dir);
      const outer = parent !== dir ? detectGenerator(parent) : undefined;
      const samePosts = (f: GeneratorFacts, at: string) => f.postsFolders.map((p) => path.resolve(at, p)).join('\n');
      return outer && outer.name === facts.name && samePosts(outer, parent) === samePosts(facts, dir) ? parent : dir;
    }
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** The site model of the site `file` belongs to; undefined when no generator is recognised above it. */
export function siteModelForFile(file: string): SiteModel | undefined {
  const root = findSiteRoot(file);
  return root ? loadSite(root) : undefined;
}
