/**
 * Gathers what a new release post needs from the site's files and git (posts, CHANGELOG, tags, contributors,
 * template, data file) and writes files without ever overwriting one. This file does I/O; the text itself comes
 * from the pure scaffold.
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findRelease, parseChangelog, type ChangelogRelease } from './changelog';
import { gitContributors, gitRoot, gitTags, gitUserName, resolveReleaseRange } from './contributors';
import { addReleaseToDataFile, suggestNewsTitle } from './dataFile';
import { fieldValue, parsePost } from '../post/parse';
import { inferReleaseNaming } from './releaseNaming';
import { highlightLines, scaffoldReleasePost, type PostAuthor } from './scaffold';
import { draftFromModelPost, type ModelPost } from './fromModelPost';
import { chooseModelPost, mainSeriesVersions, releasePosts, type PostText, type ReleasePost } from './releaseModel';
import { mainSeries } from '../site/conventions';
import { STARTERS, starterModel } from './starters';
import { formatPostDate, isRealDate, parsePostFileName } from '../site/fileNames';
import type { TextPosition } from '../text/text';
import { previousVersion, releaseVersionFromSlug, suggestNextVersions, validateVersion, versionFromTag } from './versions';
import { listPostFiles, type SiteContext } from '../site/workspace';
import { defaultProfile } from '../site/profile';

export interface NewPostOptions {
  version: string;
  /** `YYYY-MM-DD`; today when absent. */
  date?: string;
  /** Display name; git's `user.name` when absent. */
  author?: string;
  /** Twitter handle; taken from the author's newest post when absent. */
  twitter?: string;
  /** Gravatar hash; taken from the author's newest post when absent. */
  gravatar?: string;
  /** The CHANGELOG (absolute, or relative to the site root); found from `profile.changelog` when absent. */
  changelogPath?: string;
  /** A body template file (absolute, or relative to the site root); `profile.template` when absent. */
  templatePath?: string;
  /** A built-in starting point (see STARTERS) for a site that has no release post to follow. */
  starter?: string;
}

export interface ReleasePostPlan {
  /** Where the post goes. */
  path: string;
  text: string;
  cursor: TextPosition;
  /** A file is already there: it must not be written (offer to open it instead). */
  exists: boolean;
  title: string;
  slug: string;
  permalink: string;
  previousVersion: string | undefined;
  /** undefined when git could not tell (the post then has a placeholder). */
  contributors: string[] | undefined;
  /** The CHANGELOG read, if any. */
  changelogPath: string | undefined;
  /** The site's data file with the release added, when the site has one that can take it. */
  dataFile?: { path: string; text: string; original: string; changes: string[] };
  /** What the user should know: missing CHANGELOG entry, unknown contributors, data file left alone, ... */
  notes: string[];
}

/** `needsStarter`: the site has no release post to follow; ask for one of STARTERS and plan again with it. */
export type PlanResult = { plan: ReleasePostPlan } | { error: string; needsStarter?: true };

function reason(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  if (e?.code === 'ENOENT') return 'no such file';
  if (e?.code === 'EACCES' || e?.code === 'EPERM') return 'permission denied';
  if (e?.code === 'EISDIR') return 'it is a folder';
  return e instanceof Error ? e.message.split('\n')[0] : String(err);
}

function readText(file: string): { text: string } | { error: string } {
  try {
    return { text: fs.readFileSync(file, 'utf8') };
  } catch (err) {
    return { error: reason(err) };
  }
}

/** Today as `YYYY-MM-DD` in local time. */
export function today(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function isDirectory(dir: string): boolean {
  try {
    return fs.statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

/** The folder holding `.git` at or above `dir`, if any. */
function repositoryRoot(dir: string): string | undefined {
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    if (fs.existsSync(path.join(d, '.git'))) return d;
    if (path.dirname(d) === d) return undefined;
  }
}

/**
 * The CHANGELOG named by the profile: in the site root, or in a folder above it up to the root of its git
 * repository (a site folder inside the project's repository). Outside git only the site root is looked at.
 */
export function findChangelog(site: SiteContext): string | undefined {
  const code = codeRoot(site);
  if (code !== site.root) {
    const candidate = path.join(code, site.profile.changelog);
    if (fs.existsSync(candidate) && !isDirectory(candidate)) return candidate;
  }
  const start = path.resolve(site.root);
  const stop = repositoryRoot(start) ?? start;
  for (let dir = start; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, site.profile.changelog);
    if (fs.existsSync(candidate) && !isDirectory(candidate)) return candidate;
    if (dir === stop || path.dirname(dir) === dir) return undefined;
  }
}

/** The versions the site's release posts announce, from their file names. */
export function postVersions(site: SiteContext, files = listPostFiles(site)): string[] {
  const out: string[] = [];
  for (const file of files) {
    const slug = parsePostFileName(file).slug;
    const version = slug === undefined ? undefined : releaseVersionFromSlug(site.profile, slug);
    if (version) out.push(version);
  }
  return out;
}

function readChangelog(site: SiteContext, explicit: string | undefined): { file?: string; releases: ChangelogRelease[] } | { error: string } {
  const file = explicit === undefined ? findChangelog(site) : path.resolve(site.root, explicit);
  if (file === undefined) return { releases: [] };
  const read = readText(file);
  if ('error' in read) return { error: `cannot read the CHANGELOG ${file}: ${read.error}` };
  return { file, releases: parseChangelog(read.text) };
}

/** Where the code (its CHANGELOG, tags, history) is: the config's `codeRepository` folder, else the site's root. */
function codeRoot(site: SiteContext): string {
  return site.profile.codeRepository ? path.resolve(site.root, site.profile.codeRepository) : site.root;
}

async function tagVersions(site: SiteContext): Promise<string[]> {
  const tags = await gitTags(codeRoot(site));
  if ('error' in tags) return [];
  return tags.tags.map((t) => versionFromTag(site.profile, t)).filter((v): v is string => v !== undefined);
}

/** The likely versions of the next release post, most likely first (for the version prompt). */
export async function suggestReleaseVersions(given: SiteContext, changelogPath?: string): Promise<string[]> {
  const site = withNamingFromPosts(given);
  const changelog = readChangelog(site, changelogPath);
  // A site drafted after its own posts is read the same way: its main series of release posts.
  const followsPosts = !site.configPath && site.profile.postsFolder !== defaultProfile().postsFolder;
  return suggestNextVersions({
    postVersions: followsPosts ? mainSeriesVersions(releasePosts(readPosts(listPostFiles(site)))) : postVersions(site),
    changelogVersions: 'error' in changelog ? [] : changelog.releases,
    tagVersions: await tagVersions(site),
  });
}

/** The author's `twitter` and `gravatar` from their newest post, for a name typed without them. */
export function authorFromPosts(files: string[], displayName: string): PostAuthor | undefined {
  const wanted = displayName.trim().toLowerCase();
  const newestFirst = [...files].sort((a, b) => path.basename(b).localeCompare(path.basename(a)));
  for (const file of newestFirst) {
    const read = readText(file);
    if ('error' in read) continue;
    const post = parsePost(read.text);
    const name = fieldValue(post, 'post_author.display_name');
    if (typeof name !== 'string' || name.trim().toLowerCase() !== wanted) continue;
    const twitter = fieldValue(post, 'post_author.twitter');
    const gravatar = fieldValue(post, 'post_author.gravatar');
    return {
      display_name: name.trim(),
      twitter: typeof twitter === 'string' ? twitter : undefined,
      gravatar: typeof gravatar === 'string' ? gravatar : undefined,
    };
  }
  return undefined;
}

async function resolveAuthor(site: SiteContext, files: string[], options: NewPostOptions): Promise<PostAuthor | { error: string }> {
  const name = options.author?.trim() || (await gitUserName(site.root));
  if (!name) return { error: "no author: give the author's name (git's user.name is not set either)" };
  const known = options.twitter === undefined || options.gravatar === undefined ? authorFromPosts(files, name) : undefined;
  return {
    display_name: name,
    twitter: options.twitter ?? known?.twitter,
    gravatar: options.gravatar ?? known?.gravatar,
  };
}

async function contributorsFor(site: SiteContext, version: string, previous: string | undefined, notes: string[]) {
  const unknown = (why: string) => {
    notes.push(`contributors unknown (${why}): the Thanks section has a placeholder`);
    return undefined;
  };
  const root = await gitRoot(codeRoot(site));
  if ('error' in root) return unknown(root.error);
  const range = await resolveReleaseRange(root.root, site.profile, version, previous);
  if ('error' in range) return unknown(range.error);
  notes.push(...range.notes);
  const found = await gitContributors(root.root, range.from, range.to);
  if ('error' in found) return unknown(found.error);
  if (found.names.length === 0) return unknown(`no commits in ${range.from ?? ''}${range.from ? '..' : ''}${range.to}`);
  return found.names;
}

function planDataFile(site: SiteContext, version: string, date: string, slug: string, notes: string[]): ReleasePostPlan['dataFile'] {
  if (!site.profile.dataFile) return undefined;
  const file = path.join(site.root, site.profile.dataFile);
  if (!fs.existsSync(file)) return undefined;
  const read = readText(file);
  if ('error' in read) {
    notes.push(`cannot read the data file ${file}: ${read.error}`);
    return undefined;
  }
  const title = suggestNewsTitle(read.text, site.profile.projectName, version);
  const updated = addReleaseToDataFile(read.text, { title, date: formatPostDate(date), version, slug });
  if ('error' in updated) {
    notes.push(`${updated.error}: ${file} is left as it is`);
    return undefined;
  }
  return { path: file, text: updated.text, original: read.text, changes: updated.changes };
}

/** Everything a new release post needs, ready to write; an error message when no post can be made. */
/**
 * A site without a config file names its release posts as its existing ones do ("Kestrel 2.1.0 Released"), not
 * as the built-in profile would ("Apache Mesos ..."). A config file's naming is always kept.
 */
export function withNamingFromPosts(site: SiteContext, files = listPostFiles(site)): SiteContext {
  if (site.configPath) return site;
  const posts: { fileName: string; title: string }[] = [];
  for (const file of files) {
    if (!parsePostFileName(file).slug) continue;
    const read = readText(file);
    if ('error' in read) continue;
    const title = fieldValue(parsePost(read.text), 'title');
    if (typeof title === 'string') posts.push({ fileName: file, title });
  }
  const profile = inferReleaseNaming(site.profile, posts);
  return profile === site.profile ? site : { ...site, profile };
}

function readPosts(files: string[]): PostText[] {
  const posts: PostText[] = [];
  for (const file of files) {
    const read = readText(file);
    if (!('error' in read)) posts.push({ fileName: file, text: read.text });
  }
  return posts;
}

/**
 * The release posts of the site's main series, as its model sees them (Hexo's `hexo-{v}-released`, not a post on
 * several packages' releases; Flink's `release-{v}`, not its CDC's): a draft follows the site's usual release post.
 */
function mainSeriesOnly(site: SiteContext, releases: ReleasePost[]): ReleasePost[] {
  if (!site.model) return releases;
  const main = new Set(mainSeries(site.model.conventions.releasePosts).map((r) => path.resolve(site.root, r.path)));
  const kept = releases.filter((r) => main.has(path.resolve(r.fileName)));
  return kept.length ? kept : releases;
}

/** Where the draft's shape comes from on a site without a config file. */
type DraftSource = { model: ModelPost; releases: string[]; label: string } | { builtIn: true } | { error: string; needsStarter?: true };

/**
 * A site without a config file is drafted after its own newest release post. The built-in profile (the scaffold
 * and its template) is kept where it describes the site: a config file says so, or the posts are in the built-in
 * posts folder (a Middleman blog's `site/source/blog`, whose naming is still read from its posts). A site with no
 * release post gets a built-in starting point of its choice.
 */
function draftSource(site: SiteContext, version: string, starter: string | undefined): DraftSource {
  if (site.configPath) return { builtIn: true };
  const builtInLayout = site.profile.postsFolder === defaultProfile().postsFolder;
  if (starter !== undefined) {
    const chosen = starterModel(starter);
    return chosen ? { model: chosen, releases: [], label: `the built-in ${starter.trim().toLowerCase()} starting point` } : { error: `unknown starting point "${starter}"; choose one of: ${STARTERS.map((s) => s.name).join(', ')}` };
  }
  if (builtInLayout) return { builtIn: true };
  const releases = mainSeriesOnly(site, releasePosts(readPosts(listPostFiles(site))));
  const model = chooseModelPost(releases, version);
  if (model) return { model, releases: releases.map((r) => r.version), label: path.relative(site.root, model.fileName) };
  return {
    needsStarter: true,
    error:
      `no release post in ${path.join(site.root, site.profile.postsFolder)} to follow (a post whose title or file name carries a version); ` +
      `choose a built-in starting point with --starter: ${STARTERS.map((s) => `${s.name} (${s.description})`).join(', ')}`,
  };
}

export async function planReleasePost(given: SiteContext, options: NewPostOptions): Promise<PlanResult> {
  const version = options.version.trim();
  const versionError = validateVersion(version);
  if (versionError) return { error: versionError };
  const date = options.date?.trim() || today();
  if (!isRealDate(date)) return { error: `"${date}" is not a date; write it as YYYY-MM-DD` };
  const givenFolder = path.join(given.root, given.profile.postsFolder);
  if (!isDirectory(givenFolder)) return { error: `no posts folder at ${givenFolder}` };
  const source = options.templatePath === undefined ? draftSource(given, version, options.starter) : ({ builtIn: true } as const);
  if ('error' in source) return source;
  if ('model' in source) return planFromModel(given, source, version, date, options);

  const site = withNamingFromPosts(given);
  const postsFolder = path.join(site.root, site.profile.postsFolder);

  const notes: string[] = [];
  const files = listPostFiles(site);
  const changelog = readChangelog(site, options.changelogPath);
  if ('error' in changelog) return changelog;
  const release = findRelease(changelog.releases, version);
  if (!changelog.file) notes.push(`no ${site.profile.changelog} found: the features are a placeholder`);
  else if (!release) notes.push(`${changelog.file} has no entry for ${version}: the features are a placeholder`);

  let template: string | undefined;
  const templatePath = options.templatePath ?? (site.profile.template || undefined);
  if (templatePath !== undefined) {
    const file = path.resolve(site.root, templatePath);
    const read = readText(file);
    if ('error' in read) return { error: `cannot read the template ${file}: ${read.error}` };
    template = read.text;
  }

  const author = await resolveAuthor(site, files, options);
  if ('error' in author) return author;
  const known = [...postVersions(site, files), ...changelog.releases.filter((r) => !r.wip).map((r) => r.version), ...(await tagVersions(site))];
  const previous = previousVersion(version, known);
  const contributors = await contributorsFor(site, version, previous, notes);

  const post = scaffoldReleasePost({ profile: site.profile, version, date, author, previousVersion: previous, changelog: release, contributors, template });
  if (post.errors.length) return { error: post.errors.join('; ') };
  const target = path.join(postsFolder, post.fileName);
  return {
    plan: {
      path: target,
      text: post.text,
      cursor: post.cursor,
      exists: fs.existsSync(target),
      title: post.title,
      slug: post.slug,
      permalink: post.permalink,
      previousVersion: previous,
      contributors,
      changelogPath: changelog.file,
      dataFile: planDataFile(site, version, date, post.slug, notes),
      notes,
    },
  };
}

/** A draft in the shape of the model post: its folder, file-name pattern, front matter and headings. */
async function planFromModel(
  site: SiteContext,
  { model, releases: releaseVersions, label }: { model: ModelPost; releases: string[]; label: string },
  version: string,
  date: string,
  options: NewPostOptions,
): Promise<PlanResult> {
  const notes: string[] = [];
  const changelog = readChangelog(site, options.changelogPath);
  if ('error' in changelog) return changelog;
  const release = findRelease(changelog.releases, version);
  const name = options.author?.trim() || (await gitUserName(site.root));
  if (!name) return { error: "no author: give the author's name (git's user.name is not set either)" };
  const known = [...releaseVersions, ...changelog.releases.filter((r) => !r.wip).map((r) => r.version), ...(await tagVersions(site))];
  const previous = previousVersion(version, known);
  const contributors = await contributorsFor(site, version, previous, notes);
  // Issue keys stay unlinked: the built-in issue tracker is not this site's.
  const highlights = release ? highlightLines(release) : undefined;
  if (!release) notes.push(`no CHANGELOG entry for ${version} found: the changes are a placeholder`);
  const draft = draftFromModelPost(model, {
    version,
    previousVersion: previous,
    date,
    author: { name, twitter: options.twitter, gravatar: options.gravatar },
    highlights,
    contributors,
  });
  const folder = path.isAbsolute(model.fileName) ? path.dirname(model.fileName) : path.join(site.root, site.profile.postsFolder);
  const target = path.join(folder, draft.fileName);
  notes.push(`drafted after ${label}`);
  return {
    plan: {
      path: target,
      text: draft.text,
      cursor: draft.cursor,
      exists: fs.existsSync(target),
      title: draft.title ?? '',
      slug: draft.fileName.replace(/\.[^.]*$/, ''),
      permalink: '',
      previousVersion: previous,
      contributors,
      changelogPath: changelog.file,
      notes,
    },
  };
}

const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'EXDEV', 'ENOSYS', 'EMLINK']);

function tempNameBeside(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
}

/**
 * Creates `file` with `text`, never replacing an existing file: the text goes to a temporary file in the same
 * folder, which is then hard-linked to the name (an atomic create that fails if the name exists). No partial
 * file is left behind on failure.
 */
export function writeNewFile(file: string, text: string): { ok: true } | { error: string; exists?: boolean } {
  const temp = tempNameBeside(file);
  try {
    fs.writeFileSync(temp, text, { flag: 'wx' });
  } catch (err) {
    return { error: `cannot write in ${path.dirname(file)}: ${reason(err)}` };
  }
  try {
    fs.linkSync(temp, file);
    return { ok: true };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? '';
    if (code === 'EEXIST') return { error: `${file} already exists`, exists: true };
    if (!NO_HARD_LINKS.has(code)) return { error: `cannot create ${file}: ${reason(err)}` };
    // File systems without hard links: an exclusive copy still refuses an existing file.
    try {
      fs.copyFileSync(temp, file, fs.constants.COPYFILE_EXCL);
      return { ok: true };
    } catch (copyErr) {
      if ((copyErr as NodeJS.ErrnoException).code === 'EEXIST') return { error: `${file} already exists`, exists: true };
      fs.rmSync(file, { force: true });
      return { error: `cannot create ${file}: ${reason(copyErr)}` };
    }
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

/**
 * Replaces an existing file's text, only if it still reads `expected` (nobody changed it since it was read):
 * written beside it and renamed over it, so the file is never half written.
 */
export function replaceFileText(file: string, expected: string, text: string): { ok: true } | { error: string } {
  const current = readText(file);
  if ('error' in current) return { error: `cannot read ${file}: ${current.error}` };
  if (current.text !== expected) return { error: `${file} changed while the post was being prepared; nothing was written to it` };
  const temp = tempNameBeside(file);
  try {
    fs.writeFileSync(temp, text, { flag: 'wx', mode: fs.statSync(file).mode & 0o777 });
    fs.renameSync(temp, file);
    return { ok: true };
  } catch (err) {
    fs.rmSync(temp, { force: true });
    return { error: `cannot write ${file}: ${reason(err)}` };
  }
}
