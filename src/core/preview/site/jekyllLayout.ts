import * as path from 'node:path';
import { Liquid, type Template } from 'liquidjs';

type TagImplOptions = Parameters<Liquid['registerTag']>[1];
import YAML from 'yaml';
import { sharedMarkdown } from '../../post/markdown';
import type { SiteModel } from '../../site/model';
import { escapeHtml } from './escape';
import type { PreviewSite } from './previewSite';
import { listSiteFiles, readSiteFile } from './siteFiles';

/**
 * A Jekyll site's own layouts and includes, run with liquidjs. Layouts are untrusted like posts: the engine reads
 * only the templates loaded here from the site (never the file system), a render is bounded in time, memory and
 * output, and the HTML it makes goes through the same sanitiser as a post.
 */

const MAX_TEMPLATE = 256 * 1024;
const MAX_TEMPLATES = 400;
const MAX_DATA_FILE = 512 * 1024;
const MAX_OUTPUT = 4 * 1024 * 1024;
const RENDER_LIMIT_MS = 1000;
const MAX_LAYOUT_DEPTH = 8;

interface Layout {
  template: Template[];
  parent?: string;
  data: Record<string, unknown>;
}

export interface JekyllSite {
  /** `site` as layouts see it: `_config.yml`, `data` from `_data/`, `time`. */
  siteData: Record<string, unknown>;
  engine: Liquid;
  layouts: Map<string, Layout>;
  /** The layout a post gets when its front matter names none (the site's `defaults` for posts). */
  defaultLayout?: string;
  /** Problems met while loading, one line each. */
  errors: string[];
}

export interface JekyllPage {
  /** The front matter, as data (only mappings are used). */
  frontMatter: unknown;
  /** The post's URL path, e.g. `/news/2025/01/29/jekyll-4-4-1-released/`. */
  url: string;
  date?: Date;
  /** Marker text that stands for the post's body in the output. */
  content: string;
  /** The site's posts, for `site.posts`, `site.categories` and `site.tags` (a sidebar of recent releases). */
  model?: SiteModel;
}

const MAX_POSTS = 5000;

interface SitePosts {
  posts: Record<string, unknown>[];
  categories: Record<string, Record<string, unknown>[]>;
  tags: Record<string, Record<string, unknown>[]>;
}

/** Per loaded site model: a new model (a post added, renamed or edited on disk) makes a new list. */
const postLists = new WeakMap<SiteModel, SitePosts>();

function wordList(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string | number => typeof v === 'string' || typeof v === 'number').map(String);
  return typeof value === 'string' ? value.split(/\s+/).filter(Boolean) : [];
}

/**
 * `site.posts` as Jekyll gives it to layouts: every post of the site, newest first, with its front matter, URL,
 * date, categories and tags; `site.categories` and `site.tags` by name. From the site model (no file read here).
 */
export function sitePosts(model: SiteModel): SitePosts {
  const known = postLists.get(model);
  if (known) return known;
  const posts: Record<string, unknown>[] = [];
  for (const file of model.postFiles.slice(0, MAX_POSTS)) {
    const data = model.postData(file) ?? {};
    const day = model.dateOf(file, data);
    const date = day ? new Date(`${day.slice(0, 10)}T12:00:00Z`) : undefined;
    posts.push({
      ...data,
      url: model.urlOf(file, data),
      date: date && !Number.isNaN(date.getTime()) ? date : undefined,
      categories: wordList(data.categories ?? data.category),
      tags: wordList(data.tags ?? data.tag),
      path: model.relative(file),
      slug: path.basename(file).replace(/^\d{4}-\d{2}-\d{2}-/, '').replace(/\.[^.]+$/, ''),
    });
  }
  posts.sort((a, b) => ((b.date as Date | undefined)?.getTime() ?? 0) - ((a.date as Date | undefined)?.getTime() ?? 0));
  const categories: SitePosts['categories'] = {};
  const tags: SitePosts['tags'] = {};
  for (const post of posts) {
    for (const c of post.categories as string[]) (categories[c] ??= []).push(post);
    for (const t of post.tags as string[]) (tags[t] ??= []).push(post);
  }
  const list = { posts, categories, tags };
  postLists.set(model, list);
  return list;
}

function splitFrontMatter(text: string): { data: Record<string, unknown>; body: string } {
  const match = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?\r?\n)?---[ \t]*(?:\r?\n|$)/.exec(text);
  if (!match) return { data: {}, body: text };
  let data: unknown;
  try {
    data = YAML.parse(match[1] ?? '', { maxAliasCount: 100 });
  } catch {
    data = {};
  }
  return { data: data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {}, body: text.slice(match[0].length) };
}

function readData(site: PreviewSite): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const rel of listSiteFiles(site.root, '_data', /\.(ya?ml|json)$/i, 200)) {
    const text = readSiteFile(site.root, path.join('_data', rel), MAX_DATA_FILE);
    if (text === undefined) continue;
    let value: unknown;
    try {
      value = rel.endsWith('.json') ? JSON.parse(text) : YAML.parse(text, { maxAliasCount: 100 });
    } catch {
      continue;
    }
    // `_data/a/b.yml` is `site.data.a.b`.
    const keys = rel.replace(/\.[^.]+$/, '').split('/');
    let target = data;
    for (const key of keys.slice(0, -1)) {
      const next = target[key];
      target = (next && typeof next === 'object' ? next : (target[key] = {})) as Record<string, unknown>;
    }
    target[keys[keys.length - 1]] = value;
  }
  return data;
}

function stringOf(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function joinUrl(...parts: string[]): string {
  return parts.join('/').replace(/(?<!:)\/{2,}/g, '/');
}

/** The layout Jekyll's `defaults` give to posts, when the site sets one. */
function postsDefaultLayout(config: Record<string, unknown>): string | undefined {
  const defaults = Array.isArray(config.defaults) ? config.defaults : [];
  for (const entry of defaults as { scope?: { path?: unknown; type?: unknown }; values?: { layout?: unknown } }[]) {
    const scope = entry?.scope ?? {};
    const forPosts = scope.type === 'posts' || scope.path === '_posts' || ((scope.path === '' || scope.path === undefined) && scope.type === undefined);
    if (forPosts && typeof entry?.values?.layout === 'string') return entry.values.layout;
  }
  return undefined;
}

function createEngine(site: PreviewSite, templates: Record<string, string>, baseurl: string, url: string): Liquid {
  const engine = new Liquid({
    templates,
    // Includes are parsed once, not on every render (a keystroke renders the layout again when the front matter changed).
    cache: true,
    jekyllInclude: true,
    dynamicPartials: false,
    strictFilters: false,
    strictVariables: false,
    ownPropertyOnly: true,
    renderLimit: RENDER_LIMIT_MS,
    parseLimit: 10_000_000,
    memoryLimit: 50_000_000,
    extname: '',
  });
  const relative = (input: unknown) => {
    const value = String(input ?? '');
    if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(value)) return value;
    return joinUrl(baseurl, value.startsWith('/') ? value : `/${value}`) || '/';
  };
  engine.registerFilter('relative_url', relative);
  engine.registerFilter('absolute_url', (input: unknown) => {
    const value = relative(input);
    return /^[a-z][a-z0-9+.-]*:|^\/\//i.test(value) ? value : url.replace(/\/+$/, '') + value;
  });
  engine.registerFilter('markdownify', (input: unknown) => sharedMarkdown().render(String(input ?? '')));
  engine.registerFilter('smartify', (input: unknown) => sharedMarkdown().renderInline(String(input ?? '')));
  engine.registerFilter('date_to_xml_string', (input: unknown) => (input instanceof Date ? input.toISOString() : String(input ?? '')));
  // Tags of Jekyll and its common plugins. What needs the network or the whole build shows as nothing.
  const empty = { parse() {}, render: () => '' };
  for (const name of ['seo', 'feed_meta', 'include_relative', 'gist', 'github_edit_link', 'google_analytics']) engine.registerTag(name, empty);
  engine.registerTag('avatar', {
    // A remote avatar picture: a neutral box of the same size, never a request to the network.
    render() {
      return '<span class="rp-remote-image avatar" title="A picture from the internet, not loaded"></span>';
    },
  });
  const linkTag = (kind: 'link' | 'post_url'): TagImplOptions => ({
    parse(token: { args: string }) {
      this.target = token.args.trim();
    },
    render() {
      const target = String(this.target).replace(/^['"]|['"]$/g, '');
      if (kind === 'link') return relative('/' + target.replace(/\.(md|markdown|html)$/i, '/').replace(/^_posts\//, ''));
      const match = /^(?:.*\/)?(\d{4})-(\d{2})-(\d{2})-(.+?)(\.\w+)?$/.exec(target);
      return match ? relative(`/${match[1]}/${match[2]}/${match[3]}/${match[4]}/`) : '#';
    },
  });
  engine.registerTag('link', linkTag('link'));
  engine.registerTag('post_url', linkTag('post_url'));
  engine.registerTag('highlight', {
    parse(_token, remain) {
      this.code = '';
      for (let token = remain.shift(); token; token = remain.shift()) {
        if ((token as { name?: string }).name === 'endhighlight') return;
        this.code += token.getText();
      }
    },
    render() {
      return `<pre><code>${escapeHtml(String(this.code).replace(/^\r?\n/, ''))}</code></pre>`;
    },
  });
  return engine;
}

const loaded = new Map<string, { stamp: string; site: JekyllSite }>();

/** The site's layouts, includes, config and data, loaded once and again when one of their files changes. */
export function loadJekyllSite(site: PreviewSite, stampOf: (files: string[]) => string): JekyllSite {
  const files = [
    ...listSiteFiles(site.root, '_layouts', /./, MAX_TEMPLATES).map((f) => path.join(site.root, '_layouts', f)),
    ...listSiteFiles(site.root, '_includes', /./, MAX_TEMPLATES).map((f) => path.join(site.root, '_includes', f)),
    ...listSiteFiles(site.root, '_data', /\.(ya?ml|json)$/i, 200).map((f) => path.join(site.root, '_data', f)),
    path.join(site.root, '_config.yml'),
  ];
  const stamp = stampOf(files);
  const cached = loaded.get(site.root);
  if (cached && cached.stamp === stamp) return cached.site;

  const errors: string[] = [];
  const templates: Record<string, string> = {};
  for (const rel of listSiteFiles(site.root, '_includes', /./, MAX_TEMPLATES)) {
    const text = readSiteFile(site.root, path.join('_includes', rel), MAX_TEMPLATE);
    if (text !== undefined) templates[rel] = text;
  }
  const config = site.config;
  const baseurl = stringOf(config.baseurl).replace(/\/+$/, '');
  const engine = createEngine(site, templates, baseurl, stringOf(config.url));
  const layouts = new Map<string, Layout>();
  for (const rel of listSiteFiles(site.root, '_layouts', /\.html?$/i, MAX_TEMPLATES)) {
    const text = readSiteFile(site.root, path.join('_layouts', rel), MAX_TEMPLATE);
    if (text === undefined) continue;
    const { data, body } = splitFrontMatter(text);
    try {
      layouts.set(rel.replace(/\.html?$/i, ''), {
        template: engine.parse(body),
        parent: typeof data.layout === 'string' ? data.layout : undefined,
        data,
      });
    } catch (err) {
      errors.push(`_layouts/${rel}: ${(err as Error).message.split('\n')[0]}`);
    }
  }
  const siteData: Record<string, unknown> = { ...config, data: readData(site), time: new Date(), posts: [], pages: [], categories: {}, tags: {} };
  const result: JekyllSite = { siteData, engine, layouts, defaultLayout: postsDefaultLayout(config), errors };
  loaded.set(site.root, { stamp, site: result });
  return result;
}

/**
 * The post's page from the site's layouts: the layout the post names (or the site's default for posts), then each
 * layout it sits in. Throws a one-line message when a layout is missing or fails.
 */
export function renderJekyllPage(jekyll: JekyllSite, page: JekyllPage): string {
  const fm = page.frontMatter && typeof page.frontMatter === 'object' && !Array.isArray(page.frontMatter) ? (page.frontMatter as Record<string, unknown>) : {};
  let name = typeof fm.layout === 'string' ? fm.layout : jekyll.defaultLayout;
  if (!name || name === 'none' || name === 'null') throw new Error('the post names no layout and the site sets none for posts');
  const category = fm.categories ?? fm.category;
  const pageData: Record<string, unknown> = {
    ...fm,
    url: page.url,
    date: page.date,
    categories: Array.isArray(category) ? category : typeof category === 'string' ? category.split(/\s+/).filter(Boolean) : [],
    content: page.content,
  };
  let content = page.content;
  const site = page.model ? { ...jekyll.siteData, ...sitePosts(page.model) } : jekyll.siteData;
  for (let depth = 0; name && depth < MAX_LAYOUT_DEPTH; depth++) {
    const layout = jekyll.layouts.get(name);
    if (!layout) throw new Error(`the layout "${name}" is not in _layouts/`);
    content = jekyll.engine.renderSync(layout.template, { site, page: pageData, layout: layout.data, content }) as string;
    if (content.length > MAX_OUTPUT) throw new Error(`the layout "${name}" makes a page larger than ${MAX_OUTPUT / 1024 / 1024} MB`);
    name = layout.parent;
  }
  return content;
}

/**
 * One piece of Liquid from a post's text (`{{ site.version }}`, `{% link _docs/x.md %}`), rendered as Jekyll
 * renders a post's Liquid before its Markdown; undefined when it cannot be rendered alone (a block tag split
 * over paragraphs, an unknown tag), so the caller shows it as what it is.
 */
export function evaluateJekyllLiquid(jekyll: JekyllSite, source: string, frontMatter: unknown): string | undefined {
  const page = frontMatter && typeof frontMatter === 'object' && !Array.isArray(frontMatter) ? frontMatter : {};
  try {
    const out = jekyll.engine.parseAndRenderSync(source, { site: jekyll.siteData, page });
    return typeof out === 'string' && out.length <= 10_000 ? out : undefined;
  } catch {
    return undefined;
  }
}
