/** Hexo: `_config.yml` with posts in `source/_posts/`; the date from the front matter, the URL from `permalink`. */
import * as path from 'node:path';
import { existingFolders, firstFile, isDirectory, MARKDOWN, placeholders, readConfig } from './files';
import type { Generator, GeneratorFacts } from './types';

function detect(root: string): GeneratorFacts | undefined {
  const configFile = firstFile(root, ['_config.yml', '_config.yaml']);
  if (!configFile) return undefined;
  const config = readConfig(path.join(root, configFile)) ?? {};
  const source = typeof config.source_dir === 'string' ? config.source_dir : 'source';
  const postsFolder = path.posix.join(source, '_posts');
  if (!isDirectory(path.join(root, postsFolder))) return undefined;
  const written = typeof config.permalink === 'string' ? config.permalink : undefined;
  const theme = typeof config.theme === 'string' ? path.posix.join('themes', config.theme, 'source') : undefined;
  return {
    name: 'hexo',
    label: 'Hexo',
    evidence: configFile,
    postsFolders: [postsFolder],
    staticFolders: [source, ...existingFolders(root, theme ? [theme] : [])],
    pageFolders: [source],
    permalink: { pattern: placeholders(written ?? ':year/:month/:day/:title/'), source: written ? configFile : "Hexo's default permalink" },
    slugFrom: 'file-name',
    urlKeys: ['permalink', 'slug'],
    dateSource: 'front-matter',
    fileNameDate: 'optional',
    frontMatterFormats: ['yaml', 'json'],
    extensions: MARKDOWN,
    isPost: () => true,
  };
}

export const hexo: Generator = { name: 'hexo', detect };
