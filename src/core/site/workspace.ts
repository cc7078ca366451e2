import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseConfig, type ConfigProblem } from './config';
import { containConfigPaths } from './configPaths';
import { filesBelow } from './walk';
import type { ParsedPost } from '../post/parse';
import { cachedSiteModel, findSiteRoot, loadSite, loadSiteAsync, type SiteModel } from './model';
import { profileFromModel } from './modelProfile';
import { CONFIG_FILE_NAME, defaultProfile, KNOWN_POSTS_FOLDERS, type SiteProfile } from './profile';

/**
 * A site on disk: its root folder, its profile, the config file it came from (if any) with that file's problems,
 * and the site model when its generator was recognised from its own files.
 */
export interface SiteContext {
  root: string;
  profile: SiteProfile;
  configPath: string | undefined;
  problems: ConfigProblem[];
  model?: SiteModel;
  /** The settings the config file changes (top-level keys): each overrides one learned value, nothing more. */
  configKeys?: string[];
}

/** Whether the config file gives `key`, overriding what the site's files say. */
export function configGives(site: SiteContext, key: string): boolean {
  return site.configKeys?.includes(key) ?? false;
}

/**
 * The site model where it still says which files are posts: always without a config file, and with one that does
 * not name another posts folder.
 */
export function postsModel(site: SiteContext | undefined): SiteModel | undefined {
  return site?.model && !configGives(site, 'postsFolder') ? site.model : undefined;
}

/**
 * The site a model describes. The built-in profile already describes a Middleman blog in `site/source/blog` (the
 * layout it was written for), so that layout keeps it; every other site gets the profile its model gives.
 */
export function siteFromModel(model: SiteModel): SiteContext {
  const builtIn = defaultProfile();
  if (model.generator.value === 'middleman' && model.postsFolders[0] === builtIn.postsFolder) {
    return { root: model.root, profile: builtIn, configPath: undefined, problems: [] };
  }
  return { root: model.root, profile: profileFromModel(model), configPath: undefined, problems: [], model };
}

/** Folders below a project's root where its website often lives. */
const SITE_SUBFOLDERS = ['docs', 'website', 'site', 'blog'];

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Reads a config file into a site rooted at its folder; undefined when the file cannot be read. Its keys override
 * what the site's own files say (the model of the site at that folder), else the built-in profile.
 */
export function readSiteConfig(configPath: string, load: (root: string) => SiteModel | undefined = loadSite): SiteContext | undefined {
  const file = path.resolve(configPath);
  try {
    if (!fs.statSync(file).isFile()) return undefined;
  } catch {
    return undefined;
  }
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  return siteWithConfig(path.dirname(file), text, file, load);
}

/**
 * The site at `root` with a config file's text read over what the site's own files say (the model of the site at
 * that folder, else the built-in profile). The file itself is not read: `configPath` names it in messages.
 */
export function siteWithConfig(
  root: string,
  text: string,
  configPath = path.join(root, CONFIG_FILE_NAME),
  load: (root: string) => SiteModel | undefined = loadSite,
): SiteContext {
  const model = safeModel(() => load(root));
  const learned = model ? siteFromModel(model) : undefined;
  const { profile, problems, keys } = parseConfig(text, learned?.profile ?? defaultProfile());
  // Checked on every read: a symbolic link in the site can change without the config changing.
  const escapes = containConfigPaths(root, text, profile);
  return { root, profile, configPath, problems: [...problems, ...escapes], model: learned?.model, configKeys: keys };
}

/** The default profile for a posts folder found without a config file, with the folders that go with it. */
function profileForPostsFolder(postsFolder: string): SiteProfile {
  const profile = defaultProfile();
  if (postsFolder === profile.postsFolder) return profile;
  profile.postsFolder = postsFolder;
  // Where site-root URLs are served from for each kind of generator.
  const source =
    postsFolder === '_posts'
      ? '' // Jekyll: the root itself
      : postsFolder.startsWith('content/')
        ? 'static' // Hugo
        : postsFolder.split('/').slice(0, -1).join('/'); // Middleman `source/blog`, Hexo `source/_posts`
  profile.sourceFolder = source;
  profile.imagesUrl = '/images/';
  profile.imagesFolder = source ? `${source}/images` : 'images';
  profile.dataFile = '';
  // Jekyll, Hugo and Hexo honour a post's `permalink` (it sets the URL rather than repeating it) and take
  // `layout` and the author from site defaults: only the title is required of every post.
  if (postsFolder !== 'source/blog') {
    profile.requiredFields = ['title'];
    profile.rules = { ...profile.rules, 'permalink-mismatch': 'off' };
  }
  return profile;
}

/** The posts folder of a known layout that `filePath` lies in, and the site root before it. */
function knownFolderOf(filePath: string): { root: string; folder: string } | undefined {
  const normalized = path.resolve(filePath).split(path.sep).join('/');
  for (const folder of KNOWN_POSTS_FOLDERS) {
    const at = normalized.lastIndexOf(`/${folder}/`);
    if (at < 0) continue;
    const root = normalized.slice(0, at) || '/';
    return { root: root.split('/').join(path.sep), folder };
  }
  return undefined;
}

/** The nearest config file above a file, if any. */
function configAbove(filePath: string): string | undefined {
  let dir = path.dirname(path.resolve(filePath));
  for (;;) {
    const candidate = path.join(dir, CONFIG_FILE_NAME);
    if (isFile(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/**
 * The site of a post: the nearest config file above it, else a known posts folder in its path. `load` gives the
 * model of a site root (by default learned now, from the site's files).
 */
export function findSiteForFile(filePath: string, load: (root: string) => SiteModel | undefined = loadSite): SiteContext | undefined {
  const config = configAbove(filePath);
  if (config) {
    const site = readSiteConfig(config, load);
    if (site) return site;
  }
  const model = safeModel(() => {
    const root = findSiteRoot(filePath);
    return root ? load(root) : undefined;
  });
  if (model) return siteFromModel(model);
  const known = knownFolderOf(filePath);
  if (!known) return undefined;
  return { root: known.root, profile: profileForPostsFolder(known.folder), configPath: undefined, problems: [] };
}

/**
 * `findSiteForFile` with the site's posts read and its conventions learned in slices that hand the event loop back
 * between them (the editor keeps answering while a site of many posts is learned).
 */
export async function findSiteForFileAsync(filePath: string): Promise<SiteContext | undefined> {
  const config = configAbove(filePath);
  const root = config ? path.dirname(config) : findSiteRoot(filePath);
  if (root) await loadSiteAsync(root).catch(() => undefined);
  return findSiteForFile(filePath);
}

/**
 * What `findSiteForFile` can tell without reading the site's posts: the config file, or a model learned before,
 * or the known posts folder of the file's path. The caller learns the site (`findSiteForFileAsync`) after.
 */
export function quickSiteForFile(filePath: string): SiteContext | undefined {
  return findSiteForFile(filePath, cachedSiteModel);
}

/** A model, or undefined when the site's files cannot be read. */
function safeModel(load: () => SiteModel | undefined): SiteModel | undefined {
  try {
    return load();
  } catch {
    return undefined;
  }
}

/**
 * The site whose root is `folder`: its config file; else the generator recognised there, in a usual sub-folder
 * (`docs/`, `website/`) or above it; else the first known posts folder below it.
 */
export function findSiteInFolder(folder: string): SiteContext | undefined {
  const root = path.resolve(folder);
  const config = path.join(root, CONFIG_FILE_NAME);
  if (isFile(config)) {
    const site = readSiteConfig(config);
    if (site) return site;
  }
  const model =
    safeModel(() => loadSite(root)) ??
    SITE_SUBFOLDERS.map((sub) => safeModel(() => loadSite(path.join(root, sub)))).find((m) => m !== undefined) ??
    safeModel(() => {
      const above = findSiteRoot(root);
      return above ? loadSite(above) : undefined;
    });
  if (model) return siteFromModel(model);
  for (const known of KNOWN_POSTS_FOLDERS) {
    if (isDirectory(path.join(root, known))) {
      return { root, profile: profileForPostsFolder(known), configPath: undefined, problems: [] };
    }
  }
  return undefined;
}

const POST_EXTENSION = /\.(md|markdown)$/i;

/**
 * Markdown files below a folder, sorted, skipping node_modules and dot-folders; symbolic links to files count.
 * Folders that cannot be read are passed to `onUnreadable`.
 */
export function markdownFilesBelow(folder: string, onUnreadable: (dir: string) => void = () => {}): string[] {
  return filesBelow(folder, (name) => POST_EXTENSION.test(name), onUnreadable);
}

/** Absolute paths of the site's posts, sorted: those its model found, else the Markdown files of its posts folder. */
export function listPostFiles(site: SiteContext): string[] {
  const model = postsModel(site);
  if (model) return model.postFiles;
  return markdownFilesBelow(path.resolve(site.root, site.profile.postsFolder));
}

/** True when `child` is inside `parent` (not equal to it). */
function isInside(parent: string, child: string): boolean {
  const rel = path.relative(parent, child);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/**
 * A post is what the site's generator takes as one; without a model, a file in the site's posts folder, or one whose
 * front matter looks like a post's.
 */
export function isPostFile(filePath: string, site: SiteContext | undefined, post: ParsedPost): boolean {
  const data = post.frontMatter?.data;
  const model = postsModel(site);
  if (model) {
    return model.isPost(filePath, data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : undefined);
  }
  if (site && isInside(path.resolve(site.root, site.profile.postsFolder), path.resolve(filePath))) return true;
  if (!data || typeof data !== 'object' || Array.isArray(data)) return false;
  const fields = data as Record<string, unknown>;
  return ('layout' in fields && 'title' in fields) || 'post_author' in fields;
}

/** What the search for posts in `folder` looked for, in words. */
export function whatWasLookedFor(folder: string, forced?: SiteContext): string {
  const site = forced ?? findSiteInFolder(folder);
  const m = postsModel(site);
  if (m) {
    return `looked for the posts of the ${m.generator.label} site at ${m.root} (recognised by ${m.generator.source}) in ${m.postsFolders.join(', ') || 'its posts folder'}`;
  }
  if (site) return `looked for Markdown files in the posts folder ${path.join(site.root, site.profile.postsFolder)}`;
  return (
    'no site generator was recognised (a Jekyll, Hugo, Hexo, Zola, Docusaurus, Eleventy, Astro or Middleman config file) and no ' +
    `posts folder (${KNOWN_POSTS_FOLDERS.join(', ')}) was found; name a post file, or add ${CONFIG_FILE_NAME} with "postsFolder"`
  );
}
