/** Docusaurus: `docusaurus.config.*`, posts in `blog/` (dated names or folders), authors in `blog/authors.yml`. */
import * as path from 'node:path';
import { firstFile, isDirectory } from './files';
import type { Generator, GeneratorFacts } from './types';

function detect(root: string): GeneratorFacts | undefined {
  const configFile = firstFile(root, ['docusaurus.config.js', 'docusaurus.config.ts', 'docusaurus.config.mjs', 'docusaurus.config.cjs']);
  if (!configFile || !isDirectory(path.join(root, 'blog'))) return undefined;
  return {
    name: 'docusaurus',
    label: 'Docusaurus',
    evidence: configFile,
    postsFolders: ['blog'],
    staticFolders: ['static'].filter((f) => isDirectory(path.join(root, f))),
    pageFolders: ['docs', 'src/pages'].filter((f) => isDirectory(path.join(root, f))),
    permalink: { pattern: '/blog/{slug}/', source: "Docusaurus's default blog route" },
    slugFrom: 'file-name',
    urlKeys: ['slug'],
    dateSource: 'front-matter-or-file-name',
    fileNameDate: 'optional',
    frontMatterFormats: ['yaml'],
    extensions: ['.md', '.mdx'],
    isPost: (rel) => !/^_/.test(path.posix.basename(rel)),
  };
}

export const docusaurus: Generator = { name: 'docusaurus', detect };
