/** Middleman with middleman-blog: `config.rb` activating `:blog`, posts in `source/<prefix>/`, dated file names. */
import * as path from 'node:path';
import { isDirectory, MARKDOWN, placeholders, readText } from './files';
import type { Generator, GeneratorFacts } from './types';

function detectAt(root: string, sub: string): GeneratorFacts | undefined {
  const configFile = path.posix.join(sub, 'config.rb');
  const config = readText(path.join(root, configFile));
  if (config === undefined || !/activate\s+:blog/.test(config)) return undefined;
  const source = path.posix.join(sub, 'source');
  if (!isDirectory(path.join(root, source))) return undefined;
  const prefix = /blog\.prefix\s*=\s*["']([^"']*)["']/.exec(config)?.[1] ?? '';
  const permalink = /blog\.permalink\s*=\s*["']([^"']*)["']/.exec(config)?.[1];
  const postsFolder = prefix ? path.posix.join(source, prefix) : source;
  return {
    name: 'middleman',
    label: 'Middleman blog',
    evidence: configFile,
    postsFolders: isDirectory(path.join(root, postsFolder)) ? [postsFolder] : [],
    staticFolders: [source],
    pageFolders: [source],
    permalink: permalink
      ? { pattern: placeholders(path.posix.join(prefix, permalink).replace(/\/?$/, '/')), source: configFile }
      : undefined,
    slugFrom: 'file-name',
    urlKeys: [],
    dateSource: 'file-name',
    fileNameDate: 'required',
    frontMatterFormats: ['yaml'],
    extensions: MARKDOWN,
    isPost: () => true,
  };
}

export const middleman: Generator = {
  name: 'middleman',
  // The site may live in a `site/` folder of the project's repository.
  detect: (root) => detectAt(root, '') ?? detectAt(root, 'site'),
};
