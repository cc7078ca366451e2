/** Astro content collections: `astro.config.*` with posts in `src/content/blog/` (or `posts/`); dates in front matter. */
import * as path from 'node:path';
import { existingFolders, firstFile } from './files';
import type { Generator, GeneratorFacts } from './types';

function detect(root: string): GeneratorFacts | undefined {
  const configFile = firstFile(root, ['astro.config.mjs', 'astro.config.ts', 'astro.config.js', 'astro.config.mts']);
  if (!configFile) return undefined;
  const posts = existingFolders(root, ['src/content/blog', 'src/content/posts', 'src/data/blog', 'src/data/posts']);
  if (!posts.length) return undefined;
  return {
    name: 'astro',
    label: 'Astro',
    evidence: configFile,
    postsFolders: posts.slice(0, 1),
    staticFolders: existingFolders(root, ['public']),
    pageFolders: existingFolders(root, ['src/pages']),
    permalink: { pattern: `/${path.posix.basename(posts[0])}/{slug}/`, source: 'the usual route of an Astro blog collection' },
    slugFrom: 'file-name',
    urlKeys: ['slug'],
    dateSource: 'front-matter',
    fileNameDate: 'optional',
    frontMatterFormats: ['yaml'],
    extensions: ['.md', '.mdx'],
    isPost: () => true,
  };
}

export const astro: Generator = { name: 'astro', detect };
