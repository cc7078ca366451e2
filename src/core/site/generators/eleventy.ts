/** Eleventy: `.eleventy.js` or `eleventy.config.*`; posts in a `posts/` or `blog/` folder; URLs from the file path. */
import * as path from 'node:path';
import { existingFolders, firstFile, MARKDOWN } from './files';
import type { Generator, GeneratorFacts } from './types';

const CONFIGS = ['.eleventy.js', '.eleventy.cjs', 'eleventy.config.js', 'eleventy.config.mjs', 'eleventy.config.cjs', 'eleventy.config.ts'];

function detect(root: string): GeneratorFacts | undefined {
  const configFile = firstFile(root, CONFIGS);
  if (!configFile) return undefined;
  const posts = existingFolders(root, ['posts', 'blog', 'src/posts', 'src/blog', 'content/blog', 'content/posts']);
  if (!posts.length) return undefined;
  const input = posts[0].includes('/') ? posts[0].split('/')[0] : '.';
  return {
    name: 'eleventy',
    label: 'Eleventy',
    evidence: configFile,
    postsFolders: posts.slice(0, 1),
    staticFolders: [input],
    pageFolders: [input],
    permalink: { pattern: `/${path.posix.basename(posts[0])}/{slug}/`, source: "Eleventy's default URL (the file path)" },
    slugFrom: 'file-name',
    urlKeys: ['permalink'],
    dateSource: 'front-matter-or-file-name',
    fileNameDate: 'optional',
    frontMatterFormats: ['yaml', 'json'],
    extensions: MARKDOWN,
    isPost: (rel) => !/\.11tydata\./.test(rel),
  };
}

export const eleventy: Generator = { name: 'eleventy', detect };
