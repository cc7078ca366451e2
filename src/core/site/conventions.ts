/**
 * A site's conventions, learned from its own posts: which are release posts and how they are named, the front
 * matter's keys, order and value shapes, the fields nearly every post has, and the body of recent release posts.
 * Each value says which post (or how many posts) it came from, so a user can see why.
 */
import { isMap, isScalar } from 'yaml';
import type { ParsedPost } from '../post/parse';

/** A learned value and where it came from (a post's path relative to the site root, or a count of posts). */
export interface Learned<T> {
  value: T;
  source: string;
}

/** One post as the conventions see it: its path relative to the site root and its one parse. */
export interface PostSample {
  path: string;
  post: ParsedPost;
  /** The post with its body parsed, for the body skeleton; read only for the newest release post. */
  full?: () => ParsedPost;
}

export type ValueShape = 'string' | 'comma-string' | 'list' | 'list-of-mappings' | 'mapping' | 'boolean' | 'number' | 'date' | 'datetime';

export interface FieldConvention {
  /** Dotted path (`post_author.display_name`). */
  key: string;
  /** Posts that have it, with a value. */
  count: number;
  /** The value shape most of them use. */
  shape: ValueShape;
}

export interface ReleasePostInfo {
  path: string;
  /** The words just before the version in the title ("apache flink cdc"), lower case: one project's posts share them. */
  project: string;
  /** The file name with the version taken out (`release-{v}`), else the title's: one series of posts shares it. */
  series: string;
  /** The release version as the post writes it in full (`1.20.0`). */
  version: string;
  title: string | undefined;
  /** `YYYY-MM-DD` from the file name, the front matter's date, or a dated URL path. */
  date: string | undefined;
}

export interface ReleaseNaming {
  /** The file name with `{year}` `{month}` `{day}` and `{version}` (or `{major}`, `{minor}`, `{patch}`), no extension. */
  fileName: string;
  extension: string;
  /** Whether the file name writes the version with dots (`1.20.0`) or dashes (`1-20-0`). */
  versionSeparator: '.' | '-';
  /** The title with the same placeholders: `Announcing Rust {version}`, `Apache Flink {major}.{minor}`. */
  title: string | undefined;
}

export interface SiteConventions {
  postCount: number;
  /** Release posts, newest first. */
  releasePosts: ReleasePostInfo[];
  releaseNaming: Learned<ReleaseNaming> | undefined;
  fields: FieldConvention[];
  /** Top-level keys in the order the newest release post (else the newest post) writes them. */
  keyOrder: Learned<string[]> | undefined;
  /** Keys that nearly every post has (9 in 10, and at least 3 posts): they become the required fields. */
  requiredFields: Learned<string[]>;
  /** How tags are written: a list or one comma-separated string. */
  tags: Learned<{ key: string; style: 'list' | 'comma-string' }> | undefined;
  /** The key that names the author (`author`, `authors`, `post_author`, `by`). */
  authorField: Learned<{ key: string; shape: ValueShape }> | undefined;
  /** The front-matter date key and whether the site writes a time with it. */
  dateField: Learned<{ key: string; withTime: boolean }> | undefined;
  /** How many posts start their file name with `YYYY-MM-DD-`, and how many name it as a clean slug. */
  fileNames: { dated: number; cleanSlug: number };
  /** Headings and version-bearing links of the newest release post. */
  bodySkeleton: Learned<{ headings: string[]; versionLinks: string[] }> | undefined;
  /** `layout` values used by the posts. */
  layouts: string[];
}

const AUTHOR_KEYS = ['post_author', 'authors', 'author', 'by'];
const DATE_KEYS = ['date', 'pubDate', 'publishDate', 'published_at'];
const VERSION_IN_TITLE = /(?<![\w.])v?(\d+(?:\.\d+){1,2})(?![\w-]|\.\d)/;
const VERSION_IN_NAME = /(?<![\d])(\d+)([-._])(\d+)(?:\2(\d+))?(?![\d]|[-._]\d)/;
const DATED_NAME = /^(\d{4})-(\d{2})-(\d{2})-/;

function isMapping(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function dataOf(post: ParsedPost): Record<string, unknown> | undefined {
  const data = post.frontMatter?.data;
  return isMapping(data) ? data : undefined;
}

export function shapeOf(value: unknown): ValueShape {
  if (Array.isArray(value)) return value.length && value.every(isMapping) ? 'list-of-mappings' : 'list';
  if (value instanceof Date) return 'datetime';
  if (isMapping(value)) return 'mapping';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') return 'number';
  const text = String(value);
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return 'date';
  if (/^\d{4}-\d{2}-\d{2}[T ]\d{1,2}:\d{2}/.test(text)) return 'datetime';
  if (/,/.test(text) && text.split(',').every((t) => t.trim() && t.trim().length < 30)) return 'comma-string';
  return 'string';
}

/** The name a post is known by: its file name, or its folder's for `<folder>/index.md`. */
export function postStem(p: string): { stem: string; extension: string } {
  const parts = p.split('/');
  let name = parts.pop() ?? p;
  if (/^index\.[^.]+$/i.test(name) && parts.length) name = parts.pop()! + name.slice(name.indexOf('.'));
  const dot = name.lastIndexOf('.');
  return dot > 0 ? { stem: name.slice(0, dot), extension: name.slice(dot) } : { stem: name, extension: '' };
}

/** `YYYY-MM-DD` of a post: the file name's date, the front matter's date, else a dated URL path (Zola's `path`). */
export function postDate(p: string, data: Record<string, unknown> | undefined): string | undefined {
  const named = DATED_NAME.exec(postStem(p).stem);
  for (const key of DATE_KEYS) {
    const v = data?.[key];
    const text = v instanceof Date ? v.toISOString() : typeof v === 'string' ? v : undefined;
    const m = text ? /^(\d{4})-(\d{2})-(\d{2})/.exec(text) : null;
    if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  }
  if (named) return `${named[1]}-${named[2]}-${named[3]}`;
  const routed = typeof data?.path === 'string' ? /(?:^|\/)(\d{4})\/(\d{2})\/(\d{2})\//.exec(data.path) : null;
  return routed ? `${routed[1]}-${routed[2]}-${routed[3]}` : undefined;
}

interface Candidate extends ReleasePostInfo {
  shape: string;
  twice: boolean;
  flagged: boolean;
}

function candidate(sample: PostSample): Candidate | undefined {
  const data = dataOf(sample.post);
  const title = typeof data?.title === 'string' ? data.title : undefined;
  const stem = postStem(sample.path).stem.replace(DATED_NAME, '');
  const inTitle = title ? VERSION_IN_TITLE.exec(title) : null;
  const inName = VERSION_IN_NAME.exec(stem);
  const nameVersion = inName ? [inName[1], inName[3], inName[4]].filter(Boolean).join('.') : undefined;
  const titleVersion = inTitle?.[1];
  const written = titleVersion ?? nameVersion;
  if (!written) return undefined;
  const version = nameVersion && titleVersion && nameVersion.startsWith(titleVersion) ? nameVersion : written;
  const shape = (inTitle ? title!.replace(inTitle[0], '{v}') : stem.replace(inName![0], '{v}')).toLowerCase().replace(/\s+/g, ' ').trim();
  const twice = Boolean(titleVersion && nameVersion && nameVersion.startsWith(titleVersion));
  const before = inTitle ? title!.slice(0, inTitle.index) : stem.slice(0, inName!.index);
  const project = (before.toLowerCase().match(/[a-z][a-z0-9]*/g) ?? []).slice(-3).join(' ');
  // Zola sites such as the Rust blog mark their release posts in `[extra]`.
  const extra = data?.extra;
  const flagged = isMapping(extra) && extra.release === true;
  const series = inName ? stem.replace(inName[0], '{v}').toLowerCase() : shape;
  return { path: sample.path, project, series, version, title, date: postDate(sample.path, data), shape, twice, flagged };
}

function newestFirst(a: ReleasePostInfo, b: ReleasePostInfo): number {
  // Dates are `YYYY-MM-DD` (or none): compared as they are written, without the cost of a locale's collation.
  const [da, db] = [a.date ?? '', b.date ?? ''];
  return (da < db ? 1 : da > db ? -1 : 0) || compareLoose(b.version, a.version);
}

function compareLoose(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d) return d;
  }
  return 0;
}

/**
 * Release posts: a version in the title or the file name, in a naming that recurs over several posts, or the same
 * version in both, or a post the site itself marks as a release.
 */
export function findReleasePosts(samples: PostSample[]): ReleasePostInfo[] {
  const candidates = samples.map(candidate).filter((c): c is Candidate => c !== undefined);
  const shapes = new Map<string, number>();
  for (const c of candidates) shapes.set(c.shape, (shapes.get(c.shape) ?? 0) + 1);
  const anyFlagged = candidates.some((c) => c.flagged);
  return candidates
    .filter((c) => (anyFlagged ? c.flagged : (shapes.get(c.shape) ?? 0) >= 2 || c.twice))
    .map(({ path, project, series, version, title, date }) => ({ path, project, series, version, title, date }))
    .sort(newestFirst);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** `text` with the version written in it as placeholders: the full version, or its major.minor, or its major. */
function withVersionPlaceholders(text: string, version: string, separator: '.' | '-' = '.'): string | undefined {
  const [major, minor, patch] = version.split('.');
  const forms: [string, string][] = [];
  if (patch !== undefined) forms.push([[major, minor, patch].join(separator), separator === '.' ? '{version}' : `{major}-{minor}-{patch}`]);
  if (minor !== undefined) forms.push([[major, minor].join(separator), separator === '.' ? '{major}.{minor}' : '{major}-{minor}']);
  forms.push([major, '{major}']);
  for (const [form, placeholder] of forms) {
    const re = new RegExp(`(?<![\\d.])${escapeRegExp(form)}(?![\\d]|\\.\\d)`);
    if (re.test(text)) return text.replace(re, placeholder);
  }
  return undefined;
}

function learnNaming(latest: ReleasePostInfo | undefined): Learned<ReleaseNaming> | undefined {
  if (!latest) return undefined;
  const { stem, extension } = postStem(latest.path);
  const dated = DATED_NAME.test(stem);
  const rest = stem.replace(DATED_NAME, '');
  const separator: '.' | '-' = rest.includes(latest.version) || !/\d-\d/.test(rest) ? '.' : '-';
  const named = withVersionPlaceholders(rest, latest.version, separator) ?? withVersionPlaceholders(rest, latest.version, separator === '.' ? '-' : '.');
  if (!named) return undefined;
  const fileName = (dated ? '{year}-{month}-{day}-' : '') + named;
  const title = latest.title ? withVersionPlaceholders(latest.title, latest.version) : undefined;
  return { value: { fileName, extension, versionSeparator: separator, title }, source: latest.path };
}

function visitFields(data: Record<string, unknown>, prefix: string, visit: (key: string, value: unknown) => void): void {
  for (const [key, value] of Object.entries(data)) {
    if (value === undefined || value === null || value === '') continue;
    visit(prefix + key, value);
    if (isMapping(value) && !prefix) visitFields(value, key + '.', visit);
  }
}

function learnFields(samples: PostSample[]): FieldConvention[] {
  const counts = new Map<string, { count: number; shapes: Map<ValueShape, number> }>();
  for (const s of samples) {
    const data = dataOf(s.post);
    if (!data) continue;
    visitFields(data, '', (key, value) => {
      const entry = counts.get(key) ?? { count: 0, shapes: new Map() };
      entry.count++;
      const shape = shapeOf(value);
      entry.shapes.set(shape, (entry.shapes.get(shape) ?? 0) + 1);
      counts.set(key, entry);
    });
  }
  return [...counts]
    .map(([key, { count, shapes }]) => ({ key, count, shape: [...shapes].sort((a, b) => b[1] - a[1])[0][0] }))
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

/** Keys of the YAML mapping in written order; TOML and JSON keep their order in the parsed data. */
function writtenKeys(post: ParsedPost): string[] {
  const doc = post.frontMatter?.doc;
  if (doc && isMap(doc.contents)) return doc.contents.items.map((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)));
  const data = dataOf(post);
  return data ? Object.keys(data) : [];
}

/** Headings and version-bearing link targets of a post's body. */
function skeletonOf(post: ParsedPost, version: string): { headings: string[]; versionLinks: string[] } {
  const headings: string[] = [];
  const versionLinks: string[] = [];
  const tokens = post.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.type === 'heading_open') headings.push(`${t.markup} ${tokens[i + 1]?.content ?? ''}`.trim());
    if (t.type !== 'inline' || !t.children) continue;
    for (const child of t.children) {
      const href = child.type === 'link_open' ? child.attrGet('href') : null;
      if (typeof href !== 'string') continue;
      if ((href.includes(version) || href.includes(version.split('.').slice(0, 2).join('.')))) versionLinks.push(href);
    }
  }
  return { headings, versionLinks: [...new Set(versionLinks)] };
}

function fullPost(sample: PostSample): ParsedPost {
  return sample.full ? sample.full() : sample.post;
}

/**
 * The release posts of the site's main series (the file naming most release posts share: Flink's `release-{v}`,
 * not its `release-cdc-{v}`), newest first.
 */
export function mainSeries(releases: ReleasePostInfo[]): ReleasePostInfo[] {
  const counts = new Map<string, number>();
  for (const r of releases) counts.set(r.series, (counts.get(r.series) ?? 0) + 1);
  const main = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  return releases.filter((r) => r.series === main);
}

function countOf(n: number, total: number): string {
  return `${n} of ${total} posts`;
}

/** Learns the conventions of a site from its posts (paths relative to the site root). */
export function learnConventions(samples: PostSample[]): SiteConventions {
  const releasePosts = findReleasePosts(samples);
  const latestRelease = mainSeries(releasePosts)[0];
  const withData = samples.filter((s) => dataOf(s.post));
  const total = withData.length;
  const fields = learnFields(withData);
  const byPath = new Map(samples.map((s) => [s.path, s]));
  let newestPost: PostSample | undefined;
  let newestDate = '';
  for (const sample of withData) {
    const date = postDate(sample.path, dataOf(sample.post)) ?? '';
    if (!newestPost || date > newestDate) [newestPost, newestDate] = [sample, date];
  }
  const orderFrom = (latestRelease && byPath.get(latestRelease.path)) ?? newestPost;

  const threshold = Math.max(3, Math.ceil(total * 0.9));
  const required = fields.filter((f) => !f.key.includes('.') && f.count >= threshold).map((f) => f.key);
  // A sub-key is required where its parent is and nearly every post that has the parent has it.
  for (const f of fields) {
    const parent = f.key.split('.')[0];
    if (f.key.includes('.') && required.includes(parent) && f.count >= Math.ceil((fields.find((p) => p.key === parent)?.count ?? 0) * 0.9)) required.push(f.key);
  }

  const field = (key: string) => fields.find((f) => f.key === key);
  const tagsKey = ['tags', 'categories', 'category'].map(field).find((f) => f && (f.shape === 'list' || f.shape === 'comma-string' || f.shape === 'string'));
  const author = AUTHOR_KEYS.map(field).find((f) => f !== undefined);
  const date = DATE_KEYS.map(field).find((f) => f !== undefined);
  const dateWithTime = date ? withData.filter((s) => shapeOf(dataOf(s.post)![date.key]) === 'datetime').length * 2 > date.count : false;

  const stems = samples.map((s) => postStem(s.path).stem);
  const layouts = [...new Set(withData.map((s) => dataOf(s.post)!.layout).filter((l): l is string => typeof l === 'string'))].sort();

  const conventions: SiteConventions = {
    postCount: samples.length,
    releasePosts,
    releaseNaming: learnNaming(latestRelease),
    fields,
    keyOrder: orderFrom ? { value: writtenKeys(orderFrom.post), source: orderFrom.path } : undefined,
    requiredFields: { value: required, source: `keys in at least ${threshold} of ${total} posts` },
    tags: tagsKey ? { value: { key: tagsKey.key, style: tagsKey.shape === 'list' ? 'list' : 'comma-string' }, source: countOf(tagsKey.count, total) } : undefined,
    authorField: author ? { value: { key: author.key, shape: author.shape }, source: countOf(author.count, total) } : undefined,
    dateField: date ? { value: { key: date.key, withTime: dateWithTime }, source: countOf(date.count, total) } : undefined,
    fileNames: {
      dated: stems.filter((s) => DATED_NAME.test(s)).length,
      cleanSlug: stems.filter((s) => /^[a-z0-9]+(-[a-z0-9]+)*$/.test(s)).length,
    },
    bodySkeleton: undefined,
    layouts,
  };
  // The body skeleton needs the newest release post's whole body parsed: only done when it is asked for (the
  // conventions report, a draft), never for linting.
  const modelSample = latestRelease && byPath.get(latestRelease.path);
  let skeleton: SiteConventions['bodySkeleton'] | null = modelSample ? null : undefined;
  Object.defineProperty(conventions, 'bodySkeleton', {
    enumerable: true,
    configurable: true,
    get: () => (skeleton === null ? (skeleton = { value: skeletonOf(fullPost(modelSample!), latestRelease!.version), source: latestRelease!.path }) : skeleton),
  });
  return conventions;
}
