/**
 * The URLs a site serves, the way its generator routes them: each post's URL and the extra URLs its front matter
 * adds (`aliases`, `redirect_from`), pages of the content folders with their own keys, collections, static files.
 * A link is "missing" only where the site is known well enough to say so; a route it cannot know is "unknown".
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parsePost } from '../post/parse';
import type { SiteModel } from './model';

export type RouteStatus = 'found' | 'missing' | 'unknown';

export interface SiteRoutes {
  status(href: string): RouteStatus;
  /** Every URL path known, for completions and tests. */
  urls: ReadonlySet<string>;
  /** Folders of files the site has (`/images`), where a file not found is missing. */
  folders: ReadonlySet<string>;
}

const PAGE_EXTENSIONS = new Set(['.md', '.markdown', '.html', '.htm', '.mdx', '.erb', '.haml', '.slim']);
const SKIPPED = new Set(['node_modules', 'build', '_site', 'dist', 'public', 'vendor', 'resources', '.git']);
const MAX_FILES = 20000;
const MAX_PAGE_BYTES = 256 * 1024;

function filesUnder(root: string, folder: string, found: string[]): void {
  const pending = [folder === '.' ? '' : folder];
  while (pending.length && found.length < MAX_FILES) {
    const rel = pending.pop()!;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(path.join(root, rel), { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.') && entry.name !== '.htaccess') continue;
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!SKIPPED.has(entry.name)) pending.push(child);
      } else if (entry.isFile()) found.push(child);
    }
  }
}

function asList(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function normalize(url: string): string {
  let p = url.trim().replace(/[?#].*$/s, '');
  try {
    p = decodeURI(p);
  } catch {
    // looked up as written
  }
  if (!p.startsWith('/')) p = '/' + p;
  p = p.replace(/\/index\.html?$/i, '/');
  return p.replace(/\/+$/, '') || '/';
}

/** URLs of a page file at `rel` inside a folder served from `base` (`about.md` → `/about/`, `/about.html`). */
function pageUrls(base: string, rel: string): string[] {
  const ext = path.posix.extname(rel).toLowerCase();
  const dir = path.posix.dirname(rel);
  const stem = path.posix.basename(rel, path.posix.extname(rel));
  const folder = dir === '.' ? '' : dir + '/';
  if (!PAGE_EXTENSIONS.has(ext)) return [base + rel];
  if (stem === 'index' || stem === '_index' || stem.toLowerCase() === 'readme') return [base + folder];
  return [base + folder + stem, base + folder + stem + '.html'];
}

function keyedUrls(file: string): string[] {
  let text: string;
  try {
    if (fs.statSync(file).size > MAX_PAGE_BYTES) return [];
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  const data = parsePost(text, { body: false }).frontMatter?.data;
  if (!data || typeof data !== 'object' || Array.isArray(data)) return [];
  const d = data as Record<string, unknown>;
  return [...asList(d.permalink), ...asList(d.url), ...asList(d.aliases), ...asList(d.redirect_from)].filter((u) => !u.includes(':'));
}

/** Jekyll collections (`_docs/x.md`) are served at `/<collection>/<path>/`. */
function collectionUrls(rel: string): string[] {
  const m = /^_([^/]+)\/(.+)$/.exec(rel);
  return m ? pageUrls(`/${m[1]}/`, m[2]) : [];
}

/** Which first path segments the site is known to serve: links under any other are "unknown". */
function firstSegment(url: string): string {
  return url.split('/')[1] ?? '';
}

export function buildRoutes(model: SiteModel): SiteRoutes {
  const urls = new Set<string>();
  const add = (u: string) => urls.add(normalize(u));
  const posts = new Set(model.postFiles);
  for (const file of model.postFiles) {
    const data = model.postData(file);
    const url = model.urlOf(file, data);
    if (url) add(url);
    for (const extra of [...asList(data?.aliases), ...asList(data?.redirect_from)]) add(extra);
  }
  const folders = new Set<string>();
  const seen = new Set<string>();
  for (const folder of [...model.facts.pageFolders, ...model.facts.staticFolders]) {
    if (seen.has(folder)) continue;
    seen.add(folder);
    const files: string[] = [];
    filesUnder(model.root, folder, files);
    const isStatic = model.facts.staticFolders.includes(folder);
    for (const file of files) {
      const abs = path.join(model.root, file);
      if (posts.has(abs)) continue;
      const rel = folder === '.' ? file : file.slice(folder.length + 1);
      const parts = rel.split('/');
      for (let i = 1; i < parts.length; i++) folders.add('/' + parts.slice(0, i).join('/'));
      if (rel.startsWith('_')) {
        for (const u of collectionUrls(rel)) add(u);
      } else if (!parts.some((p) => p.startsWith('_') && p !== '_index.md')) {
        for (const u of pageUrls('/', rel)) add(u);
      }
      if (!isStatic || PAGE_EXTENSIONS.has(path.extname(file).toLowerCase())) {
        if (PAGE_EXTENSIONS.has(path.extname(file).toLowerCase())) for (const u of keyedUrls(abs)) add(u);
      }
    }
  }
  return routesFrom(urls, folders);
}

/** The routes of a site from its URLs and folders (what `buildRoutes` found, or a copy of it sent to a worker). */
export function routesFrom(urls: ReadonlySet<string>, folders: ReadonlySet<string>): SiteRoutes {
  const segments = new Set([...urls].map(firstSegment));
  return {
    urls,
    folders,
    status(href: string): RouteStatus {
      const url = normalize(href);
      // `/x.html` and `/x` are one page to most servers (Hugo aliases write `x.html`; links often leave it out).
      if (urls.has(url) || urls.has(url.replace(/\.html?$/i, '')) || urls.has(url + '.html')) return 'found';
      // A folder of files the site has (not a page): a file missing from it is missing, unless it is a binary
      // file a text-only copy of the site would lack and its folder is not there either.
      const dir = url.slice(0, url.lastIndexOf('/')) || '/';
      if (/\.[a-z0-9]+$/i.test(url) && !/\.html?$/i.test(url)) return folders.has(dir) ? 'missing' : 'unknown';
      return segments.has(firstSegment(url)) ? 'missing' : 'unknown';
    },
  };
}
