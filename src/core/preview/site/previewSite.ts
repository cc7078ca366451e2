import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseToml } from 'smol-toml';
import YAML from 'yaml';
import type { SiteContext } from '../../site/workspace';
import { readSiteFile } from './siteFiles';

/** The generators whose pages the preview knows how to dress a post in. */
export type GeneratorName = 'jekyll' | 'hugo' | 'zola' | 'hexo' | 'middleman' | 'docusaurus' | 'unknown';

/**
 * What the preview needs to know about the site a post belongs to. Everything here is answered by the site model;
 * the preview never guesses the generator itself.
 */
export interface PreviewSite {
  /** The site's root folder (where its config file is). */
  root: string;
  generator: GeneratorName;
  /** The folder site-root URLs (`/assets/x.png`) are served from. */
  publicRoot: string;
  /** The site's own configuration (`_config.yml`, `config.toml`, ...), as data; `{}` when it has none. */
  config: Record<string, unknown>;
  /** True when the site uses the built-in (profile) page rather than its own layouts: the default profile's site. */
  builtInPage: boolean;
}

/** The config file names a generator reads, first found wins. */
const CONFIG_FILES: Record<GeneratorName, string[]> = {
  jekyll: ['_config.yml', '_config.yaml'],
  hexo: ['_config.yml', '_config.yaml'],
  hugo: ['hugo.toml', 'hugo.yaml', 'hugo.yml', 'hugo.json', 'config.toml', 'config.yaml', 'config.yml', 'config.json'],
  zola: ['config.toml'],
  middleman: [],
  docusaurus: [],
  unknown: [],
};

/** The site's configuration as data; `{}` when there is none or it cannot be read. */
export function readGeneratorConfig(root: string, generator: GeneratorName): Record<string, unknown> {
  for (const name of CONFIG_FILES[generator]) {
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

/** The generator of a site, as the site context tells it. */
function generatorOf(site: SiteContext): GeneratorName {
  const folder = site.profile.postsFolder;
  if (folder === '_posts') return 'jekyll';
  if (folder === 'source/_posts') return 'hexo';
  if (folder.startsWith('content/')) return 'hugo';
  if (folder.endsWith('source/blog')) return 'middleman';
  return 'unknown';
}

/** The preview's view of a post's site; undefined for a post that belongs to no site. */
export function previewSiteFor(site: SiteContext | undefined): PreviewSite | undefined {
  if (!site) return undefined;
  const generator = generatorOf(site);
  const publicRoot = path.join(site.root, site.profile.sourceFolder);
  return {
    root: site.root,
    generator,
    publicRoot: isDirectory(publicRoot) ? publicRoot : site.root,
    config: readGeneratorConfig(site.root, generator),
    builtInPage: site.profile.postsFolder === 'site/source/blog',
  };
}
