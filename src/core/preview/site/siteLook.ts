import * as fs from 'node:fs';
import * as path from 'node:path';
import YAML from 'yaml';
import type { AuthorDirectory } from '../postAuthor';
import { loadJekyllSite, type JekyllSite } from './jekyllLayout';
import type { PreviewSite } from './previewSite';
import { listSiteFiles, readSiteFile } from './siteFiles';
import { siteStylesheets, type SiteStyles } from './stylesheets';

/** How the page around a post is made for one site. */
export interface SiteLook {
  /**
   * `builtin`: the profile's page (breadcrumb, navbar, author column); `jekyll`: the site's own layouts;
   * `neutral`: a plain page with the site's name, menu and CSS, for templates that cannot run here.
   */
  kind: 'builtin' | 'jekyll' | 'neutral';
  /** The site's name, from its config. */
  name: string;
  /** The site's menu, from its config. */
  menu: { label: string; href: string }[];
  /** The site's own CSS (empty when it has none that can be built); `url()`s are site-root paths. */
  styles: SiteStyles;
  jekyll?: JekyllSite;
  /** The post URL pattern of the site (`/news/:year/:month/:day/:title/`), for the page's `page.url`. */
  permalink?: string;
  /** Authors by handle, from the site's data. */
  authors: AuthorDirectory;
  /** The site's logo (a site-root path) when its layouts show one that is in the site folder. */
  logo?: string;
  site: PreviewSite;
}

function stampOf(files: string[]): string {
  return files
    .map((f) => {
      try {
        const s = fs.statSync(f);
        return `${s.mtimeMs}:${s.size}`;
      } catch {
        return '-';
      }
    })
    .join('|');
}

function text(value: unknown, max = 200): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim().slice(0, max) : undefined;
}

function siteName(site: PreviewSite): string {
  const c = site.config;
  const extra = (c.extra ?? c.params) as Record<string, unknown> | undefined;
  return text(c.title) ?? text(c.name) ?? text(extra?.title) ?? sectionTitle(site) ?? path.basename(site.root);
}

/** Zola keeps the blog's name in the root section, `content/_index.md`. */
function sectionTitle(site: PreviewSite): string | undefined {
  if (site.generator !== 'zola') return undefined;
  const index = readSiteFile(site.root, 'content/_index.md', 64 * 1024) ?? '';
  return text(/^\+\+\+[\s\S]*?^title\s*=\s*"([^"\n]{1,200})"/m.exec(index)?.[1]);
}

/** Menu entries from the config: Hugo's `menu.main`/`menu.page`, Hexo's `menu` mapping, Zola's `extra.menu`. */
function siteMenu(site: PreviewSite): { label: string; href: string }[] {
  const c = site.config;
  const entries: { label: string; href: string; weight: number }[] = [];
  const push = (label: unknown, href: unknown, weight: unknown) => {
    const l = text(label, 80);
    const h = text(href, 500);
    if (l && h) entries.push({ label: l, href: h, weight: typeof weight === 'number' ? weight : entries.length });
  };
  const menu = c.menu ?? c.menus;
  if (menu && typeof menu === 'object' && !Array.isArray(menu)) {
    const groups = menu as Record<string, unknown>;
    const list = groups.main ?? groups.page ?? Object.values(groups).find(Array.isArray);
    if (Array.isArray(list)) for (const e of list as Record<string, unknown>[]) push(e?.name ?? e?.title, e?.url ?? e?.pageRef, e?.weight);
    else for (const [label, href] of Object.entries(groups)) push(label, href, undefined);
  }
  const extra = c.extra as Record<string, unknown> | undefined;
  if (!entries.length && Array.isArray(extra?.menu)) for (const e of extra.menu as Record<string, unknown>[]) push(e?.name, e?.url, undefined);
  return entries.sort((a, b) => a.weight - b.weight).slice(0, 20).map(({ label, href }) => ({ label, href }));
}

function authorDirectory(site: PreviewSite): AuthorDirectory {
  for (const file of ['_data/authors.yml', '_data/authors.yaml', 'data/authors.yml', 'data/authors.yaml', 'data/authors.toml', 'source/_data/authors.yml']) {
    const raw = readSiteFile(site.root, file, 512 * 1024);
    if (raw === undefined || file.endsWith('.toml')) continue;
    try {
      const data: unknown = YAML.parse(raw, { maxAliasCount: 100 });
      if (!data || typeof data !== 'object') continue;
      const out: AuthorDirectory = {};
      const list = Array.isArray(data) ? data.map((e: Record<string, unknown>) => [e?.handle ?? e?.id ?? e?.login, e] as const) : Object.entries(data);
      for (const [key, value] of list) {
        if (typeof key !== 'string' || !value || typeof value !== 'object') continue;
        const v = value as Record<string, unknown>;
        out[key] = { name: text(v.name ?? v.display_name), twitter: text(v.twitter, 100) };
      }
      return out;
    } catch {
      continue;
    }
  }
  return {};
}

/** The logo the site's layouts show, when the image is in the site folder (`/assets/img/x_logo.png`). */
function layoutLogo(site: PreviewSite): string | undefined {
  const dir = path.relative(site.root, site.publicRoot).split(path.sep).join('/');
  for (const rel of listSiteFiles(site.root, `${dir ? dir + '/' : ''}layouts`, /\.(erb|html?|haml|slim)$/i, 50)) {
    const layout = readSiteFile(site.root, path.join(site.publicRoot, 'layouts', rel), 256 * 1024) ?? '';
    const match = /<img[^>]*\bsrc=["'](\/[^"'?#]*logo[^"'?#]*\.(?:png|svg|jpe?g|gif|webp))["']/i.exec(layout);
    if (match && fs.existsSync(path.join(site.publicRoot, match[1]))) return match[1];
  }
  return undefined;
}

function permalinkOf(site: PreviewSite): string | undefined {
  const c = site.config;
  const collections = c.collections as Record<string, { permalink?: unknown }> | undefined;
  return text(collections?.posts?.permalink) ?? text(c.permalink);
}

/**
 * How a site's posts are dressed in the preview. Built once per site; the parts are cached and rebuilt on change.
 * `styles` given (the extension builds them in a worker) skips building the site's CSS here.
 */
export function siteLook(site: PreviewSite, options: { styles?: SiteStyles } = {}): SiteLook {
  const styles = options.styles ?? siteStylesheets(site);
  const base = { site, name: siteName(site), menu: siteMenu(site), styles, authors: authorDirectory(site), permalink: permalinkOf(site) };
  if (site.builtInPage) return { ...base, kind: 'builtin', logo: layoutLogo(site) };
  if (site.generator === 'jekyll' && listSiteFiles(site.root, '_layouts', /\.html?$/i, 1).length) {
    return { ...base, kind: 'jekyll', jekyll: loadJekyllSite(site, stampOf) };
  }
  return { ...base, kind: 'neutral' };
}
