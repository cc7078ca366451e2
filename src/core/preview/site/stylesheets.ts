import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { PreviewSite } from './previewSite';
import { compileSiteSass } from './sassBuild';
import { listSiteFiles, readSiteFile } from './siteFiles';

/** A stylesheet of the site, as a file of the site and the URL path the site serves it at. */
interface SheetSource {
  /** Relative to the site root, with `/`. */
  file: string;
  /** Where the built sheet is served, relative to the site's public root, with `/`, e.g. `css/screen.css`. */
  served: string;
  /** Sass load paths, relative to the site root. */
  loadPaths: string[];
}

export interface SiteStyles {
  /** The site's CSS, in the order its layouts link it; `url()`s are site-root paths (`/img/x.png`) or `data:`. */
  css: string;
  /** The served names of the sheets included, in order (`css/screen.css`). */
  sheets: string[];
  /** One line for each sheet that could not be built. */
  errors: string[];
  /** True while the site's CSS is still being built (off the extension host's thread): `css` is empty until then. */
  pending?: boolean;
}

/** What a build of the site's CSS reads of a site: plain data, so that it can cross to a worker thread. */
export type StylesSite = Pick<PreviewSite, 'root' | 'generator' | 'publicRoot' | 'config'>;

const MAX_CSS = 4 * 1024 * 1024;
const MAX_LAYOUT_TEXT = 2 * 1024 * 1024;
const MAX_SHEETS = 12;
const STYLE_FILE = /\.(css|scss|sass)$/i;

function themeName(site: StylesSite): string | undefined {
  const theme = site.config.theme;
  const name = Array.isArray(theme) ? theme[0] : theme;
  return typeof name === 'string' && /^[\w.-]+$/.test(name) ? name : undefined;
}

/** Folders that hold the site's styles, per generator: [folder, served-under prefix, Sass load paths]. */
function styleFolders(site: StylesSite): [string, string, string[]][] {
  const theme = themeName(site);
  const themeDir = theme ? `themes/${theme}` : undefined;
  const pub = path.relative(site.root, site.publicRoot).split(path.sep).join('/');
  switch (site.generator) {
    case 'jekyll':
      return [['', '', ['_sass', 'assets', 'css', '_sass/' + (theme ?? '')]]];
    case 'hugo': {
      const loads = ['assets', ...(themeDir ? [`${themeDir}/assets`] : [])];
      return [
        ['assets', '', loads],
        ['static', '', loads],
        ...(themeDir ? ([[`${themeDir}/assets`, '', loads], [`${themeDir}/static`, '', loads]] as [string, string, string[]][]) : []),
      ];
    }
    case 'zola':
      return [
        ['sass', '', ['sass']],
        ['static', '', ['sass']],
        ...(themeDir ? ([[`${themeDir}/sass`, '', [`${themeDir}/sass`]], [`${themeDir}/static`, '', []]] as [string, string, string[]][]) : []),
      ];
    case 'hexo':
      return [['source', '', []], ...(themeDir ? ([[`${themeDir}/source`, '', []]] as [string, string, string[]][]) : [])];
    default:
      return [[pub, '', [pub, `${pub}/stylesheets`, `${pub}/assets/css`]]];
  }
}

/** Where a generator's layouts are: their text tells which sheets the site links and in which order. */
function layoutFolders(site: StylesSite): string[] {
  const theme = themeName(site);
  const t = theme ? `themes/${theme}/` : '';
  switch (site.generator) {
    case 'jekyll':
      return ['_layouts', '_includes'];
    case 'hugo':
      return ['layouts', `${t}layouts`];
    case 'zola':
      return ['templates', `${t}templates`];
    case 'hexo':
      return [`${t}layout`, 'scaffolds'];
    default: {
      const pub = path.relative(site.root, site.publicRoot).split(path.sep).join('/');
      return [`${pub}/layouts`, 'source/layouts', 'layouts'];
    }
  }
}

/** The text of the site's layouts; each file read joins `files` (a layout that links another sheet is a source too). */
function layoutText(site: StylesSite, files: string[]): string {
  let text = '';
  for (const dir of layoutFolders(site)) {
    for (const rel of listSiteFiles(site.root, dir, /\.(html?|erb|haml|slim|njk|ejs|liquid|tera|jinja|tsx?|jsx?)$/i)) {
      const file = path.join(site.root, dir, rel);
      const part = readSiteFile(site.root, file, 256 * 1024);
      files.push(file);
      if (part) text += part + '\n';
      if (text.length > MAX_LAYOUT_TEXT) return text;
    }
  }
  return text;
}

function candidateSheets(site: StylesSite): SheetSource[] {
  const found: SheetSource[] = [];
  const seen = new Set<string>();
  for (const [dir, prefix, loadPaths] of styleFolders(site)) {
    for (const rel of listSiteFiles(site.root, dir, STYLE_FILE, 2000)) {
      // Generated output, vendored packages and Jekyll's underscore folders are not sources the site serves.
      if (/(^|\/)(_site|public|node_modules|vendor|_sass|_includes|_layouts|_posts|_data)\//.test(rel)) continue;
      if (/(^|\/)_/.test(rel) && !rel.endsWith('.css')) continue;
      const file = (dir ? `${dir}/${rel}` : rel).replace(/^\/+/, '');
      if (seen.has(file)) continue;
      seen.add(file);
      found.push({ file, served: prefix + rel.replace(/\.(scss|sass)$/i, '.css'), loadPaths: loadPaths.filter((p) => p) });
    }
  }
  return found;
}

/** The position of the first mention of a sheet in the layouts (by its served path, then its file name); -1 if none. */
function mentionAt(text: string, sheet: SheetSource): number {
  for (const name of [sheet.served, sheet.file.split('/').slice(1).join('/'), path.posix.basename(sheet.served)]) {
    if (!name) continue;
    const at = text.indexOf(name);
    if (at >= 0) return at;
    const stem = name.replace(/\.css$/i, '');
    // Middleman's `stylesheet_link_tag 'main'`, Hugo's `resources.Get "book.scss"`.
    const quoted = new RegExp(`['"/]${stem.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\.s?css|\\.sass)?['"]`).exec(text);
    if (quoted) return quoted.index;
  }
  return -1;
}

/** The sheets a page of the site loads: those its layouts link, in that order; else every sheet it has. */
export function chooseSheets(site: StylesSite, text: string): SheetSource[] {
  const all = candidateSheets(site);
  const linked = all
    .map((sheet) => ({ sheet, at: mentionAt(text, sheet) }))
    .filter((m) => m.at >= 0)
    .sort((a, b) => a.at - b.at)
    .map((m) => m.sheet);
  return (linked.length ? linked : all).slice(0, MAX_SHEETS);
}

/**
 * Sass partials of a generator's load path that no entry imports (a Hugo site whose theme is not in the folder):
 * built together, variables first, leaving out a partial that needs what is missing.
 */
function partialsOnlyBuild(site: StylesSite, errors: string[], files: string[]): string {
  if (site.generator !== 'hugo') return '';
  const partials = listSiteFiles(site.root, 'assets', /^_.*\.scss$/i, 100).filter((f) => !f.includes('/'));
  if (!partials.length) return '';
  const order = (f: string) => (/variables|defaults|mixins/.test(f) ? 0 : /fonts/.test(f) ? 1 : 2);
  let names = partials.sort((a, b) => order(a) - order(b) || a.localeCompare(b)).map((f) => f.replace(/^_|\.scss$/g, ''));
  for (let attempt = 0; attempt < 6 && names.length; attempt++) {
    const source = names.map((n) => `@import "${n}";`).join('\n');
    try {
      const result = compileSiteSass(site.root, 'assets/__preview__.scss', ['assets'], source);
      files.push(...result.files);
      return result.css;
    } catch (err) {
      const bad = (err as { file?: string }).file;
      const name = bad ? path.basename(bad).replace(/^_|\.scss$/g, '') : undefined;
      errors.push((err as Error).message);
      if (!name || !names.includes(name)) return '';
      names = names.filter((n) => n !== name);
    }
  }
  return '';
}

/** Rewrites every `url()` of a sheet served at `served`: site-root paths for local files, `none` for remote ones. */
export function normalizeCssUrls(css: string, served: string): string {
  const base = `/${path.posix.dirname(served)}/`.replace(/\/\.\/$|\/+$/, '/');
  const withoutImports = css.replace(/@import\s+(?:url\()?\s*['"]?([^'")\s;]+)['"]?\s*\)?[^;]*;/gi, (rule, url: string) =>
    /^(https?:)?\/\//i.test(url) ? '' : rule,
  );
  return withoutImports.replace(/url\(\s*(['"]?)([^'")]*)\1\s*\)/gi, (whole, _q: string, raw: string) => {
    const url = raw.trim();
    if (/^data:/i.test(url) || url.startsWith('#') || url === '') return whole;
    if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//')) return 'none';
    const resolved = url.startsWith('/') ? url : path.posix.normalize(base + url);
    return `url("${resolved.replace(/["\\\n]/g, '')}")`;
  });
}

interface CacheEntry {
  stamp: string;
  styles: SiteStyles;
  files: string[];
}

const cache = new Map<string, CacheEntry>();

function stampOf(files: string[]): string {
  return files
    .map((f) => {
      try {
        const s = fs.statSync(f);
        return `${f}:${s.mtimeMs}:${s.size}`;
      } catch {
        return `${f}:-`;
      }
    })
    .join('|');
}

/**
 * Builds the site's CSS: reads the sheets its layouts link and compiles its Sass. Synchronous and possibly slow (a
 * Bootstrap theme takes seconds): the extension runs it in a worker thread (`siteStylesheetsAsync`).
 */
export function buildSiteStyles(site: StylesSite): { styles: SiteStyles; files: string[] } {
  const files: string[] = [];
  const errors: string[] = [];
  const parts: string[] = [];
  const sheets: string[] = [];
  for (const sheet of chooseSheets(site, layoutText(site, files))) {
    const abs = path.join(site.root, sheet.file);
    let css: string | undefined;
    if (/\.css$/i.test(sheet.file)) {
      css = readSiteFile(site.root, abs, MAX_CSS);
      files.push(abs);
      if (css === undefined) errors.push(`${sheet.file} cannot be read`);
    } else {
      try {
        const result = compileSiteSass(site.root, sheet.file, sheet.loadPaths);
        css = result.css;
        files.push(...result.files);
      } catch (err) {
        errors.push((err as Error).message);
        const bad = (err as { file?: string }).file;
        files.push(abs, ...(bad ? [bad] : []));
      }
    }
    if (css === undefined) continue;
    parts.push(`/* ${sheet.served} */\n${normalizeCssUrls(css, sheet.served)}`);
    sheets.push(sheet.served);
  }
  if (!parts.length) {
    const css = partialsOnlyBuild(site, errors, files);
    if (css) {
      parts.push(normalizeCssUrls(css, 'assets.css'));
      sheets.push('assets/*.scss');
    }
  }
  return { styles: { css: parts.join('\n'), sheets, errors }, files };
}

function listingOf(site: StylesSite): string {
  return candidateSheets(site)
    .map((s) => s.file)
    .join(',');
}

/**
 * The site's CSS from the cache when none of the files it was built from has changed and no sheet was added or
 * removed; undefined when it must be built (again).
 */
export function cachedSiteStylesheets(site: StylesSite): SiteStyles | undefined {
  const cached = cache.get(site.root);
  if (cached && cached.stamp === listingOf(site) + '#' + stampOf(cached.files)) return cached.styles;
  return undefined;
}

function remember(site: StylesSite, listing: string, styles: SiteStyles, files: string[]): void {
  cache.set(site.root, { stamp: listing + '#' + stampOf(files), styles, files });
}

/**
 * The site's own stylesheets, built once per site and built again when one of the files they came from changes,
 * or when a sheet is added or removed. Builds on the calling thread (the CLI, benches).
 */
export function siteStylesheets(site: StylesSite): SiteStyles {
  const cached = cachedSiteStylesheets(site);
  if (cached) return cached;
  const listing = listingOf(site);
  const { styles, files } = buildSiteStyles(site);
  remember(site, listing, styles, files);
  return styles;
}

/** Longest a build of a site's CSS may take in the worker before it is stopped. */
const BUILD_TIMEOUT_MS = 60_000;
/** Heap of the worker: a site's Sass is untrusted input. */
const WORKER_HEAP_MB = 512;

interface WorkerReply {
  styles?: SiteStyles;
  files?: string[];
  error?: string;
}

/** The worker that builds a site's CSS: the bundled file beside the extension, or the source under tsx (tests). */
function startWorker(site: StylesSite): Worker | undefined {
  const workerData: StylesSite = { root: site.root, generator: site.generator, publicRoot: site.publicRoot, config: site.config };
  const resourceLimits = { maxOldGenerationSizeMb: WORKER_HEAP_MB };
  const bundled = path.join(__dirname, 'stylesWorker.js');
  if (fs.existsSync(bundled)) return new Worker(bundled, { workerData, resourceLimits });
  const source = path.join(__dirname, 'stylesWorker.ts');
  if (!fs.existsSync(source)) return undefined;
  const tsx = createRequire(__filename).resolve('tsx/cjs');
  return new Worker(`require(${JSON.stringify(tsx)}); require(${JSON.stringify(source)});`, { eval: true, workerData, resourceLimits });
}

function buildInWorker(site: StylesSite, timeoutMs: number): Promise<{ styles: SiteStyles; files: string[] }> {
  const worker = startWorker(site);
  // Without the worker's file (a bundle that lacks it) the build runs here, as before.
  if (!worker) return new Promise((resolve) => setImmediate(() => resolve(buildSiteStyles(site))));
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      fn();
    };
    const timer = setTimeout(
      () => finish(() => reject(new Error(`the site's stylesheets took longer than ${Math.round(timeoutMs / 1000)} s to build`))),
      timeoutMs,
    );
    worker.on('message', (reply: WorkerReply) =>
      finish(() => (reply.styles && reply.files ? resolve({ styles: reply.styles, files: reply.files }) : reject(new Error(reply.error ?? 'no result')))),
    );
    worker.on('error', (err) => finish(() => reject(err)));
    worker.on('exit', (code) => finish(() => reject(new Error(`the stylesheet build stopped (exit code ${code})`))));
  });
}

const building = new Map<string, { listing: string; promise: Promise<SiteStyles> }>();

/**
 * The site's own stylesheets without blocking the calling thread: from the cache while it is valid, else built in
 * a worker thread (one build per site at a time, stopped after a minute) and cached as `siteStylesheets` does.
 */
export function siteStylesheetsAsync(site: StylesSite, options: { timeoutMs?: number } = {}): Promise<SiteStyles> {
  const cached = cachedSiteStylesheets(site);
  if (cached) return Promise.resolve(cached);
  const listing = listingOf(site);
  const running = building.get(site.root);
  if (running && running.listing === listing) return running.promise;
  const promise = buildInWorker(site, options.timeoutMs ?? BUILD_TIMEOUT_MS).then(
    ({ styles, files }) => {
      if (building.get(site.root)?.promise === promise) building.delete(site.root);
      remember(site, listing, styles, files);
      return styles;
    },
    (err: unknown) => {
      if (building.get(site.root)?.promise === promise) building.delete(site.root);
      throw err;
    },
  );
  building.set(site.root, { listing, promise });
  return promise;
}

/**
 * The site's CSS with each site-root `url()` made loadable by the page (a webview URI, a path relative to a
 * written file); `none` where `resolve` gives nothing, so a missing file costs no request.
 */
export function cssWithUrls(css: string, resolve: (sitePath: string) => string | undefined): string {
  return css.replace(/url\("(\/[^"]*)"\)/g, (_whole, sitePath: string) => {
    let resolved: string | undefined;
    try {
      resolved = resolve(sitePath);
    } catch {
      resolved = undefined;
    }
    return resolved ? `url("${resolved.replace(/["\\\n]/g, (c) => encodeURIComponent(c))}")` : 'none';
  });
}
