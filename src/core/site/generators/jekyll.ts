/**
 * Jekyll: `_config.yml`, posts in `_posts/` named `YYYY-MM-DD-title.md` (the front matter's `date` wins over the
 * file name's), URLs from the config's `permalink` (top level or the `posts` collection), other collections as pages.
 */
import * as path from 'node:path';
import { existingFolders, firstFile, isDirectory, MARKDOWN, placeholders, readConfig } from './files';
import type { Generator, GeneratorFacts } from './types';

/** Jekyll's built-in permalink styles. */
const STYLES: Record<string, string> = {
  date: '/:categories/:year/:month/:day/:title.html',
  pretty: '/:categories/:year/:month/:day/:title/',
  ordinal: '/:categories/:year/:y_day/:title.html',
  none: '/:categories/:title.html',
};

function collectionPermalink(config: Record<string, unknown>): string | undefined {
  const collections = config.collections;
  if (!collections || typeof collections !== 'object' || Array.isArray(collections)) return undefined;
  const posts = (collections as Record<string, unknown>).posts;
  const value = posts && typeof posts === 'object' ? (posts as Record<string, unknown>).permalink : undefined;
  return typeof value === 'string' ? value : undefined;
}

function collectionFolders(config: Record<string, unknown>): string[] {
  const collections = config.collections;
  const names = Array.isArray(collections)
    ? collections.filter((c): c is string => typeof c === 'string')
    : collections && typeof collections === 'object'
      ? Object.keys(collections)
      : [];
  const dir = typeof config.collections_dir === 'string' ? config.collections_dir : '';
  return names.filter((n) => n !== 'posts').map((n) => path.posix.join(dir, `_${n}`));
}

function detect(root: string): GeneratorFacts | undefined {
  const configFile = firstFile(root, ['_config.yml', '_config.yaml', '_config.toml']);
  if (!configFile) return undefined;
  const config = readConfig(path.join(root, configFile)) ?? {};
  const collectionsDir = typeof config.collections_dir === 'string' ? config.collections_dir : '';
  const postsFolder = path.posix.join(collectionsDir, '_posts');
  if (!isDirectory(path.join(root, postsFolder))) return undefined;
  // Hexo also has a `_config.yml`, with its posts in `source/_posts`: that is not a Jekyll site.
  if (isDirectory(path.join(root, 'source', '_posts')) && !isDirectory(path.join(root, '_posts'))) return undefined;
  const written = collectionPermalink(config) ?? (typeof config.permalink === 'string' ? config.permalink : undefined);
  const pattern = written ? (STYLES[written] ?? written) : STYLES.date;
  return {
    name: 'jekyll',
    label: 'Jekyll',
    evidence: configFile,
    postsFolders: [postsFolder],
    staticFolders: ['.'],
    pageFolders: ['.', ...existingFolders(root, collectionFolders(config))],
    permalink: { pattern: placeholders(pattern), source: written ? configFile : 'Jekyll\'s default permalink' },
    slugFrom: 'file-name',
    urlKeys: ['permalink', 'slug', 'redirect_from'],
    dateSource: 'front-matter-or-file-name',
    fileNameDate: 'required',
    frontMatterFormats: ['yaml'],
    extensions: [...MARKDOWN, '.html'],
    isPost: () => true,
  };
}

export const jekyll: Generator = { name: 'jekyll', detect };
