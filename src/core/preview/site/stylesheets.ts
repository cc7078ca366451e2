import * as fs from 'node:fs';
import * as path from 'node:path';
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
}

const MAX_CSS = 4 * 1024 * 1024;
const MAX_LAYOUT_TEXT = 2 * 1024 * 1024;
const MAX_SHEETS = 12;
const STYLE_FILE = /\.(css|scss|sass)$/i;

function themeName(site: PreviewSite): string | undefined {
  const theme = site.config.theme;
  const name = Array.isArray(theme) ? theme[0] : theme;
  return typeof name === 'string' && /^[\w.-]+$/.test(name) ? name : undefined;
}

/** Folders that hold the site's styles, per generator: [folder, served-under prefix, Sass load paths]. */
function styleFolders(site: PreviewSite): [string, string, string[]][] {
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
function layoutFolders(site: PreviewSite): string[] {
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

function layoutText(site: PreviewSite): string {
  let text = '';
  for (const dir of layoutFolders(site)) {
    for (const rel of listSiteFiles(site.root, dir, /\.(html?|erb|haml|slim|njk|ejs|liquid|tera|jinja|tsx?|jsx?)$/i)) {
      const part = readSiteFile(site.root, path.join(dir, rel), 256 * 1024);
      if (part) text += part + '\n';
      if (text.length > MAX_LAYOUT_TEXT) return text;
    }
  }
  return text;
}

function candidateSheets(site: PreviewSite): SheetSource[] {
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
export function chooseSheets(site: PreviewSite, text: string): SheetSource[] {
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
function partialsOnlyBuild(site: PreviewSite, errors: string[], files: string[]): string {
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

function build(site: PreviewSite): { styles: SiteStyles; files: string[] } {
  const files: string[] = [];
  const errors: string[] = [];
  const parts: string[] = [];
  const sheets: string[] = [];
  for (const sheet of chooseSheets(site, layoutText(site))) {
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

/**
 * The site's own stylesheets, built once per site and built again when one of the files they came from changes,
 * or when a sheet is added or removed.
 */
export function siteStylesheets(site: PreviewSite): SiteStyles {
  const listing = candidateSheets(site)
    .map((s) => s.file)
    .join(',');
  const cached = cache.get(site.root);
  if (cached && cached.stamp === listing + '#' + stampOf(cached.files)) return cached.styles;
  const { styles, files } = build(site);
  cache.set(site.root, { stamp: listing + '#' + stampOf(files), styles, files });
  return styles;
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
