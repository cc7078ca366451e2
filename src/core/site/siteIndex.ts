import { fieldValue, type ParsedPost } from '../post/parse';
import type { SiteProfile } from './profile';
import { boundedRegExp, escapeRegExp } from '../text/regexpText';
import { parsePostFileName, permalinkFor } from './fileNames';

/** One post of the site, as links, completions and hovers show it. */
export interface IndexedPost {
  /** Site-relative path of the post file, '/'-separated. */
  path: string;
  slug: string;
  /** The URL the site gives the post, from its file name (`/blog/<slug>/`). */
  url: string;
  title: string;
  /** `YYYY-MM-DD` from the file name. */
  date: string;
  /** The released version, when the post announces a release. */
  version?: string;
  /** True when `published: false` keeps the post out of the build. */
  draft?: boolean;
}

export interface IndexedAuthor {
  display_name: string;
  twitter?: string;
  gravatar?: string;
  /** Number of posts signed with this name. */
  posts: number;
  /** Date of the newest of those posts. */
  lastDate: string;
}

export interface IndexedTag {
  tag: string;
  count: number;
}

export interface SiteIndex {
  /** Newest first. */
  posts: IndexedPost[];
  /** Most recently active first. */
  authors: IndexedAuthor[];
  /** Most used first. */
  tags: IndexedTag[];
  /** Site URL path -> site-relative file path ('/'-separated), for every URL the site serves from its source. */
  urls: Map<string, string>;
}

/** The part of a site context the index needs. */
export interface SiteLocation {
  root: string;
  profile: SiteProfile;
}

export function emptySiteIndex(): SiteIndex {
  return { posts: [], authors: [], tags: [], urls: new Map() };
}

/**
 * Everything the writing help knows about a site: its posts, authors, tags and the URL of every file of its
 * source folder. `posts` paths may be absolute or site-relative; `files` are site-relative.
 */
export function buildSiteIndex(
  site: SiteLocation,
  posts: { path: string; post: ParsedPost }[],
  files: string[],
): SiteIndex {
  const profile = site.profile;
  const indexed = posts
    .map((p) => indexPost(profile, relativeToRoot(site.root, p.path), p.post))
    .filter((p): p is IndexedPost => p !== undefined)
    .sort((a, b) => b.date.localeCompare(a.date) || a.slug.localeCompare(b.slug));
  const urls = new Map<string, string>();
  for (const file of files) addFileUrls(urls, profile, normalizeSlashes(file));
  // Posts read from disk but missing from the file scan (a scan cut short by its limit) still resolve.
  for (const post of indexed) if (!urls.has(post.url)) urls.set(post.url, post.path);
  return {
    posts: indexed,
    authors: collectAuthors(posts),
    tags: collectTags(posts.map((p) => p.post)),
    urls,
  };
}

function indexPost(profile: SiteProfile, path: string, post: ParsedPost): IndexedPost | undefined {
  const name = parsePostFileName(path);
  if (!name.date || !name.slug) return undefined;
  const rawTitle = fieldValue(post, 'title');
  const title = typeof rawTitle === 'string' || typeof rawTitle === 'number' ? String(rawTitle) : '';
  const entry: IndexedPost = { path, slug: name.slug, url: permalinkFor(profile, name.slug, name.date), title, date: name.date };
  const version = releaseVersionOf(profile, name.slug, title);
  if (version) entry.version = version;
  if (fieldValue(post, 'published') === false) entry.draft = true;
  return entry;
}

const VERSION = '(\\d+(?:\\.\\d+)+(?:-[0-9A-Za-z.]+)?)';
const DASHED_VERSION = '(\\d+(?:[-.]\\d+)+)';

/** The version a release post announces, read from its title or, failing that, its slug. */
export function releaseVersionOf(profile: SiteProfile, slug: string, title: string): string | undefined {
  const project = escapeRegExp(profile.projectName);
  const titlePattern = escapeRegExp(profile.releaseTitle).replace(/\\\{project\\\}/g, project).replace(/\\\{version\\\}/g, VERSION);
  const fromTitle = boundedRegExp(`^${titlePattern}$`, 'i')?.exec(title.trim());
  if (fromTitle && titlePattern.includes(VERSION)) return fromTitle[1];
  const slugPattern = escapeRegExp(profile.releaseSlug)
    .replace(/\\\{project\\\}/g, project.toLowerCase())
    .replace(/\\\{version\\\}/g, DASHED_VERSION);
  const fromSlug = boundedRegExp(`^${slugPattern}$`, 'i')?.exec(slug);
  if (fromSlug && slugPattern.includes(DASHED_VERSION)) return fromSlug[1].replace(/-/g, '.');
  return undefined;
}

function stringAt(post: ParsedPost, path: string): string | undefined {
  const v = fieldValue(post, path);
  if (typeof v === 'string' && v.trim() !== '') return v.trim();
  if (typeof v === 'number') return String(v);
  return undefined;
}

function collectAuthors(posts: { path: string; post: ParsedPost }[]): IndexedAuthor[] {
  const byName = new Map<string, IndexedAuthor>();
  // Oldest first, so the newest post's twitter and gravatar are the ones kept.
  const dated = posts
    .map((p) => ({ post: p.post, date: parsePostFileName(p.path).date ?? '' }))
    .sort((a, b) => a.date.localeCompare(b.date));
  for (const { post, date } of dated) {
    const name = stringAt(post, 'post_author.display_name');
    if (!name) continue;
    let author = byName.get(name);
    if (!author) {
      author = { display_name: name, posts: 0, lastDate: date };
      byName.set(name, author);
    }
    author.posts++;
    if (date > author.lastDate) author.lastDate = date;
    const twitter = stringAt(post, 'post_author.twitter');
    const gravatar = stringAt(post, 'post_author.gravatar');
    if (twitter) author.twitter = twitter;
    if (gravatar) author.gravatar = gravatar;
  }
  return [...byName.values()].sort(
    (a, b) => b.lastDate.localeCompare(a.lastDate) || b.posts - a.posts || a.display_name.localeCompare(b.display_name),
  );
}

/** The tags of a post: a comma-separated string (the site's form) or a YAML list (Jekyll's). */
export function tagsOf(value: unknown): string[] {
  const items = Array.isArray(value) ? value.map((v) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '')) : typeof value === 'string' ? value.split(',') : [];
  const seen = new Set<string>();
  for (const item of items) {
    const tag = item.trim();
    if (tag) seen.add(tag);
  }
  return [...seen];
}

function collectTags(posts: ParsedPost[]): IndexedTag[] {
  const counts = new Map<string, number>();
  for (const post of posts) for (const tag of tagsOf(fieldValue(post, 'tags'))) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  return [...counts.entries()]
    .map(([tag, count]) => ({ tag, count }))
    .sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
}

// Template engines Middleman (and Jekyll) run: `x.html.erb` is served as `x.html`, `x.md` as `x.html`.
const TEMPLATE_EXTENSIONS = new Set(['md', 'markdown', 'mkd', 'mdown', 'erb', 'haml', 'slim', 'liquid', 'builder']);
const PAGE_EXTENSIONS = new Set(['md', 'markdown', 'mkd', 'mdown', 'erb', 'haml', 'slim', 'liquid', 'html', 'htm']);

function normalizeSlashes(path: string): string {
  return path.replace(/\\/g, '/').replace(/^\.\//, '');
}

function trimFolder(folder: string): string {
  return normalizeSlashes(folder).replace(/^\/+|\/+$/g, '').replace(/^\.$/, '');
}

function relativeToRoot(root: string, path: string): string {
  const p = normalizeSlashes(path);
  const r = normalizeSlashes(root).replace(/\/+$/, '');
  if (r && p.toLowerCase().startsWith(r.toLowerCase() + '/')) return p.slice(r.length + 1);
  return p;
}

function under(folder: string, file: string): string | undefined {
  if (folder === '') return file;
  return file.startsWith(folder + '/') ? file.slice(folder.length + 1) : undefined;
}

function addFileUrls(urls: Map<string, string>, profile: SiteProfile, file: string): void {
  const postsFolder = trimFolder(profile.postsFolder);
  const inPosts = under(postsFolder, file);
  if (inPosts !== undefined && !inPosts.includes('/')) {
    const name = parsePostFileName(inPosts);
    if (name.date && name.slug) {
      urls.set(permalinkFor(profile, name.slug, name.date), file);
      return;
    }
  }
  const imagesFolder = trimFolder(profile.imagesFolder);
  const inImages = under(imagesFolder, file);
  if (inImages !== undefined && imagesFolder !== '') {
    urls.set(joinUrl(profile.imagesUrl, inImages), file);
  }
  const rel = under(trimFolder(profile.sourceFolder), file);
  if (rel === undefined || rel === '') return;
  // Partials (`_header.erb`), Jekyll's `_layouts` and Middleman's `layouts/` are never served on their own.
  if (rel.split('/').some((part) => part.startsWith('_')) || rel.startsWith('layouts/')) return;
  for (const url of servedUrls(rel)) if (!urls.has(url)) urls.set(url, file);
}

function joinUrl(base: string, rest: string): string {
  const b = base.startsWith('/') ? base : '/' + base;
  return (b.endsWith('/') ? b : b + '/') + rest;
}

/** The URLs under which a file of the source folder is served (pages get their folder URL and their `.html`). */
function servedUrls(rel: string): string[] {
  const slash = rel.lastIndexOf('/');
  const dir = rel.slice(0, slash + 1);
  const parts = rel.slice(slash + 1).split('.');
  const last = parts.length > 1 ? parts[parts.length - 1].toLowerCase() : '';
  if (parts.length > 2 && TEMPLATE_EXTENSIONS.has(last)) parts.pop();
  const ext = parts.length > 1 ? parts[parts.length - 1].toLowerCase() : '';
  if (!PAGE_EXTENSIONS.has(ext)) return ['/' + dir + parts.join('.')];
  const stem = parts.slice(0, -1).join('.');
  if (stem === 'index') return ['/' + dir, `/${dir}index.html`];
  return [`/${dir}${stem}/`, `/${dir}${stem}.html`];
}

/**
 * The site-relative file behind a site-root URL, or undefined when the site serves nothing there. A `#fragment`
 * or `?query` is ignored, and a missing trailing slash is tolerated as the server redirects it.
 */
export function resolveSiteUrl(index: SiteIndex, href: string): string | undefined {
  if (!href.startsWith('/') || href.startsWith('//')) return undefined;
  let path = href.replace(/[?#].*$/s, '');
  try {
    path = decodeURI(path);
  } catch {
    // A malformed escape is looked up as written.
  }
  const candidates = [path];
  if (!path.endsWith('/')) candidates.push(path + '/');
  if (path.endsWith('/index.html')) candidates.push(path.slice(0, -'index.html'.length));
  for (const candidate of candidates) {
    const file = index.urls.get(candidate);
    if (file !== undefined) return file;
  }
  return undefined;
}
