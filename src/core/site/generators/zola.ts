/**
 * Zola: `config.toml` with `base_url`, content in `content/`; a page's URL is its `path` key, else its section and
 * file name; `_index.md` is a section, not a post; TOML `+++` front matter (YAML `---` too).
 */
import * as path from 'node:path';
import { firstFile, isDirectory, readConfig } from './files';
import type { Generator, GeneratorFacts } from './types';

function detect(root: string): GeneratorFacts | undefined {
  const configFile = firstFile(root, ['config.toml', 'zola.toml']);
  if (!configFile) return undefined;
  const config = readConfig(path.join(root, configFile));
  if (!config || !('base_url' in config) || !isDirectory(path.join(root, 'content'))) return undefined;
  return {
    name: 'zola',
    label: 'Zola',
    evidence: configFile,
    postsFolders: ['content'],
    staticFolders: ['static'].filter((f) => isDirectory(path.join(root, f))),
    pageFolders: ['content'],
    permalink: { pattern: '/{section}{slug}/', source: "Zola's default URL (a page's section and file name)" },
    slugFrom: 'file-name',
    urlKeys: ['path', 'slug', 'aliases'],
    dateSource: 'front-matter-or-file-name',
    fileNameDate: 'optional',
    frontMatterFormats: ['toml', 'yaml'],
    extensions: ['.md'],
    // A page that only picks a template or redirects (`releases/latest.md`) is not a post.
    isPost: (rel, data) => !/^_index\./i.test(path.posix.basename(rel)) && !(data && !('title' in data) && ('template' in data || 'redirect_to' in data)),
  };
}

export const zola: Generator = { name: 'zola', detect };
