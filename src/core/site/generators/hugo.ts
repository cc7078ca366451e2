/**
 * Hugo: `hugo.*` or `config.*` (not Zola's), content in `content/<section>/`; the URL from the section's config
 * permalink (`:title` is the title made URL-safe), the date from the front matter; `_index.md` is a section page.
 */
import * as path from 'node:path';
import { existingFolders, firstFile, isDirectory, MARKDOWN, placeholders, readConfig } from './files';
import type { Generator, GeneratorFacts } from './types';

const CONFIGS = ['hugo.toml', 'hugo.yaml', 'hugo.yml', 'hugo.json', 'config.toml', 'config.yaml', 'config.yml', 'config.json'];
const POST_SECTIONS = ['posts', 'post', 'blog', 'news'];

function permalinksOf(config: Record<string, unknown>): Record<string, string> {
  const raw = config.permalinks;
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return {};
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw as Record<string, unknown>)) {
    if (typeof v === 'string') out[k] = v;
    // Hugo 0.112+: `[permalinks.page] posts = ...`
    else if (k === 'page' && v && typeof v === 'object') for (const [s, p] of Object.entries(v)) if (typeof p === 'string') out[s] = p;
  }
  return out;
}

function detect(root: string): GeneratorFacts | undefined {
  const configFile = firstFile(root, CONFIGS) ?? firstFile(root, CONFIGS.map((c) => `config/_default/${c}`));
  if (!configFile) return undefined;
  const config = readConfig(path.join(root, configFile)) ?? {};
  // Zola's config.toml has `base_url` and a `templates/` folder; Hugo's has `baseURL` and `layouts/` or a theme.
  if ('base_url' in config || (isDirectory(path.join(root, 'templates')) && !isDirectory(path.join(root, 'layouts')))) return undefined;
  const contentDir = typeof config.contentDir === 'string' ? config.contentDir : 'content';
  if (!isDirectory(path.join(root, contentDir))) return undefined;
  const permalinks = permalinksOf(config);
  const sections = existingFolders(root, [...new Set([...POST_SECTIONS, ...Object.keys(permalinks)])].map((s) => path.posix.join(contentDir, s)));
  const posts = sections.filter((s) => POST_SECTIONS.includes(path.posix.basename(s)));
  const section = posts[0] ? path.posix.basename(posts[0]) : undefined;
  const written = section ? permalinks[section] : undefined;
  return {
    name: 'hugo',
    label: 'Hugo',
    evidence: configFile,
    postsFolders: posts.slice(0, 1),
    staticFolders: existingFolders(root, ['static']),
    pageFolders: [contentDir],
    permalink: section
      ? written
        ? { pattern: placeholders(written), source: configFile }
        : { pattern: `/${section}/{slug}/`, source: "Hugo's default permalink" }
      : undefined,
    slugFrom: written && /:title/.test(written) ? 'title' : 'file-name',
    urlKeys: ['url', 'slug', 'aliases'],
    dateSource: 'front-matter',
    fileNameDate: 'optional',
    frontMatterFormats: ['yaml', 'toml', 'json'],
    extensions: MARKDOWN,
    isPost: (rel) => !/^_index\./i.test(path.posix.basename(rel)),
  };
}

export const hugo: Generator = { name: 'hugo', detect };
