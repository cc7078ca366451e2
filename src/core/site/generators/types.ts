import type { FrontMatterFormat } from '../../post/parse';

export type GeneratorName = 'middleman' | 'jekyll' | 'hugo' | 'hexo' | 'zola' | 'docusaurus' | 'eleventy' | 'astro';

/** Where a post's date comes from, as its generator reads it. */
export type DateSource = 'file-name' | 'front-matter' | 'front-matter-or-file-name';

/**
 * What one generator's own files say about a site: the answers every generator module gives, in the same shape.
 * Paths are relative to the site root, with `/` separators.
 */
export interface GeneratorFacts {
  name: GeneratorName;
  /** Shown to users: "Hugo", "Jekyll", ... */
  label: string;
  /** The file the generator was recognised by (its config file), or the folder when it has none. */
  evidence: string;
  /** Folders that hold the posts (each searched with its sub-folders). */
  postsFolders: string[];
  /** Folders served as they are at the site root (`static/`, Jekyll's root, Hexo's `source/`). */
  staticFolders: string[];
  /** Folders of other routed pages (docs, content sections), for resolving links to them. */
  pageFolders: string[];
  /** The URL pattern of posts from the config, with `{year}` `{month}` `{day}` `{slug}` `{title}` placeholders. */
  permalink: { pattern: string; source: string } | undefined;
  /** Where `{slug}` comes from when no front-matter key sets it: the file name, or the title made URL-safe. */
  slugFrom: 'file-name' | 'title';
  /** Front-matter keys that set the URL outright, or add URLs that lead to the post. */
  urlKeys: string[];
  dateSource: DateSource;
  /** Whether a post's file name must start with `YYYY-MM-DD-` for the generator to take it as a post. */
  fileNameDate: 'required' | 'optional';
  /** Front-matter formats the generator reads, the usual one first. */
  frontMatterFormats: FrontMatterFormat[];
  /** File extensions of posts, lower case with the dot. */
  extensions: string[];
  /** Whether a Markdown file under a posts folder is a post (not a section index, an author list...). */
  isPost(relativePath: string, data?: Record<string, unknown>): boolean;
}

/** One generator: recognises a site root by the generator's own files. */
export interface Generator {
  name: GeneratorName;
  detect(root: string): GeneratorFacts | undefined;
}
