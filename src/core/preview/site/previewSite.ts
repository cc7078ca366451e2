import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseToml } from 'smol-toml';
import YAML from 'yaml';
import { siteModelForFile, type GeneratorName, type SiteModel } from '../../site/model';
import type { SiteContext } from '../../site/workspace';
import { readSiteFile } from './siteFiles';

/** The generators whose pages the preview knows how to dress a post in. */
export type { GeneratorName };

/**
 * What the preview needs to know about the site a post belongs to, as the site model answers it (generator, root,
 * folders served at the site root, each post's URL and date) plus the site's config as data.
 */
export interface PreviewSite {
  /** The site's root folder (where its config file is). */
  root: string;
  generator: GeneratorName | 'unknown';
  /** The folder site-root URLs (`/assets/x.png`) are served from. */
  publicRoot: string;
  /** The site's own configuration (`_config.yml`, `config.toml`, ...), as data; `{}` when it has none. */
  config: Record<string, unknown>;
  /** True when the site uses the built-in (profile) page rather than its own layouts: the default profile's site. */
  builtInPage: boolean;
  /** The site model, for each post's URL and date. */
  model?: SiteModel;
}

/** The config file names a generator reads, first found wins. */
const CONFIG_FILES: Partial<Record<GeneratorName | 'unknown', string[]>> = {
  jekyll: ['_config.yml', '_config.yaml'],
  hexo: ['_config.yml', '_config.yaml'],
  hugo: ['hugo.toml', 'hugo.yaml', 'hugo.yml', 'hugo.json', 'config.toml', 'config.yaml', 'config.yml', 'config.json'],
  zola: ['config.toml'],
};

/** The site's configuration as data; `{}` when there is none or it cannot be read. */
export function readGeneratorConfig(root: string, generator: GeneratorName | 'unknown'): Record<string, unknown> {
  for (const name of CONFIG_FILES[generator] ?? []) {
    const text = readSiteFile(root, name, 1024 * 1024);
    if (text === undefined) continue;
    try {
      const data: unknown = name.endsWith('.toml') ? parseToml(text) : name.endsWith('.json') ? JSON.parse(text) : YAML.parse(text, { maxAliasCount: 100 });
      return data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
    } catch {
      return {};
    }
  }
  return {};
}

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/**
 * The preview's view of a post's site; undefined for a post that belongs to no site. The site model says which
 * generator owns the post; the profile's site (`site/source/blog`) keeps the built-in page.
 */
export function previewSiteFor(file: string, site: SiteContext | undefined): PreviewSite | undefined {
  let model: SiteModel | undefined;
  try {
    model = siteModelForFile(file);
  } catch {
    model = undefined;
  }
  if (!model && !site) return undefined;
  const root = model?.root ?? site!.root;
  const generator = model?.generator.value ?? 'unknown';
  const builtInPage = site?.profile.postsFolder === 'site/source/blog' || (!model && site !== undefined);
  const served = site && builtInPage ? [site.profile.sourceFolder] : (model?.facts.staticFolders ?? []);
  const publicRoot = served.map((f) => path.join(root, f)).find(isDirectory) ?? root;
  return { root, generator, publicRoot, config: readGeneratorConfig(root, generator), builtInPage, model };
}
