/**
 * Gathers what a new release post needs from the site's files and git (posts, CHANGELOG, tags, contributors,
 * template, data file) and writes files without ever overwriting one. This file does I/O; the text itself comes
 * from the pure scaffold.
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CHANGELOG_NAMES, findRelease, parseAnyChangelog, type ChangelogRelease } from './changelog';
import { gitPeople, gitRoot, gitTags, gitUserName, resolveReleaseRange } from './contributors';
import { learnTagPattern } from './tagPattern';
import { findExistingPost, type ExistingPost } from './existingPost';
import { addReleaseToDataFile, suggestNewsTitle } from './dataFile';
import { fieldValue, parsePost } from '../post/parse';
import { inferReleaseNaming } from './releaseNaming';
import { highlightLines, PLACEHOLDER_MARK, renderBody, scaffoldReleasePost, withBody, type PostAuthor } from './scaffold';
import { draftFromModelPost, type DraftOverrides, type ModelPost } from './fromModelPost';
import { chooseModelPost, mainSeriesVersions, releasePosts, type PostText, type ReleasePost } from './releaseModel';
import { mainSeries } from '../site/conventions';
import { STARTERS, starterModel } from './starters';
import { fileStemFromPattern, formatPostDate, isRealDate, parsePostFileName, permalinkFor, releaseSlug, releaseTitle } from '../site/fileNames';
import type { TextPosition } from '../text/text';
import { parseVersion, previousVersion, releaseVersionFromSlug, suggestNextVersions, validateVersion, versionFromTag } from './versions';
import { releaseKind, rewordLatest } from './wording';
import { configGives, listPostFiles, type SiteContext } from '../site/workspace';
import { CONFIG_FILE_NAME, defaultProfile } from '../site/profile';

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
  /** The project's code repository (absolute, or relative to the site root); `profile.repository` when absent. */
  repository?: string;
  /** A pre-release version (`1.11.0-rc1`) is drafted only when this says so. */
  preRelease?: boolean;
}

export interface ReleasePostPlan {
  /** Where the post goes. */
  path: string;
  text: string;
  cursor: TextPosition;
  /** A file is already there: it must not be written (offer to open it instead). */
  exists: boolean;
  /** A post that already announces this release (another date or spelling): nothing is to be written. */
  announcedBy?: ExistingPost;
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
 * The CHANGELOG: the profile's file name, else one of the usual names (`CHANGELOG.md`, `History.markdown`, ...), in
 * the site root or a folder above it up to the root of its git repository (a site folder inside the project's
 * repository), then in the code repository when it is another one. Outside git only the site root is looked at.
 */
export function findChangelog(site: SiteContext, repoDir?: string): string | undefined {
  const names = [site.profile.changelog, ...CHANGELOG_NAMES.filter((n) => n !== site.profile.changelog)];
  const start = path.resolve(site.root);
  const stop = repositoryRoot(start) ?? start;
  const dirs: string[] = [];
  for (let dir = start; ; dir = path.dirname(dir)) {
    dirs.push(dir);
    if (dir === stop || path.dirname(dir) === dir) break;
  }
  const code = repoDir === undefined ? undefined : repositoryRoot(repoDir);
  if (code !== undefined && !dirs.includes(code)) dirs.push(code);
  for (const name of names) {
    for (const dir of dirs) {
      const candidate = path.join(dir, name);
      if (fs.existsSync(candidate) && !isDirectory(candidate)) return candidate;
    }
  }
  return undefined;
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

function readChangelog(site: SiteContext, explicit: string | undefined, repoDir?: string): { file?: string; releases: ChangelogRelease[] } | { error: string } {
  const file = explicit === undefined ? findChangelog(site, repoDir) : path.resolve(site.root, explicit);
  if (file === undefined) return { releases: [] };
  const read = readText(file);
  if ('error' in read) return { error: `cannot read the CHANGELOG ${file}: ${read.error}` };
  return { file, releases: parseAnyChangelog(read.text) };
}

/** Where the draft's highlights came from: the file and the entry's heading. */
function changelogSource(file: string, release: ChangelogRelease, notes: string[]): void {
  const what = release.highlights.length ? 'highlights' : release.bugFixRelease ? 'fixes' : 'nothing to list';
  notes.push(`${what} from ${file}, the entry "${release.heading ?? release.version}" (line ${release.line + 1})`);
}

/** The versions the code repository has tags for, under the tag pattern most of its tags follow. */
async function tagVersions(site: SiteContext, repoDir: string): Promise<string[]> {
  const tags = await gitTags(repoDir);
  if ('error' in tags) return [];
  const gitTag = learnTagPattern(tags.tags, site.profile.gitTag, (t) => versionFromTag(site.profile, t) !== undefined);
  const profile = { ...site.profile, gitTag };
  return tags.tags.map((t) => versionFromTag(profile, t)).filter((v): v is string => v !== undefined);
}

/** The likely versions of the next release post, most likely first (for the version prompt). */
export async function suggestReleaseVersions(given: SiteContext, changelogPath?: string, repository?: string): Promise<string[]> {
  const site = withNamingFromPosts(given);
  const changelog = readChangelog(site, changelogPath, codeRepository(site, { version: '', repository }));
  // A site drafted after its own posts is read the same way: its main series of release posts.
  const followsPosts = site.profile.postsFolder !== defaultProfile().postsFolder;
  return suggestNextVersions({
    postVersions: followsPosts ? mainSeriesVersions(releasePosts(readPosts(listPostFiles(site)))) : postVersions(site),
    changelogVersions: 'error' in changelog ? [] : changelog.releases,
    tagVersions: await tagVersions(site, codeRepository(site, { version: '', repository })),
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

/** The folder of the project's code repository: `--repo`, then the config's `repository`, then the site's own. */
function codeRepository(site: SiteContext, options: NewPostOptions): string {
  const given = options.repository ?? (site.profile.repository || undefined);
  return given === undefined ? site.root : path.resolve(site.root, given);
}

interface ContributorFacts {
  contributors?: string[];
  /** The Thanks placeholder when the people cannot be known. */
  contributorsTodo?: string;
}

/**
 * The people of the release range, with a note on how they were counted; when the range cannot be known, a
 * placeholder that says why and how to fill it, never a guess.
 */
async function contributorsFor(
  site: SiteContext,
  repoDir: string,
  version: string,
  previous: string | undefined,
  notes: string[],
): Promise<ContributorFacts> {
  const ownRepository = path.resolve(repoDir) === path.resolve(site.root);
  const unknown = (why: string, range?: string): ContributorFacts => {
    notes.push(`contributors unknown (${why}): the Thanks section has a placeholder`);
    const how = range
      ? `list the people of \`git log --format='%aN <%aE>' ${range}\` (with their Co-authored-by trailers), one per person`
      : ownRepository
        ? `name the project's code repository with "repository" in ${CONFIG_FILE_NAME} (or --repo) and draft again, or list the people who committed since the previous release`
        : 'list the people who committed since the previous release';
    return { contributorsTodo: `${PLACEHOLDER_MARK}: list the contributors (${why}); ${how}.` };
  };
  const root = await gitRoot(repoDir);
  if ('error' in root) return unknown(root.error);
  const range = await resolveReleaseRange(root.root, site.profile, version, previous);
  if ('error' in range) return unknown(range.error);
  notes.push(...range.notes);
  const found = await gitPeople(root.root, range.from, range.to);
  const span = `${range.from}..${range.to}`;
  if ('error' in found) return unknown(found.error, span);
  if (found.names.length === 0) return unknown(`no commits by people in ${span}`, span);
  const how = [
    `${found.commits} commit${found.commits === 1 ? '' : 's'} in ${span} of ${root.root}`,
    found.coAuthors ? `${found.coAuthors} Co-authored-by trailer${found.coAuthors === 1 ? '' : 's'}` : '',
    '.mailmap applied, one person per e-mail address and per name',
    found.merged.length ? `merged: ${found.merged.join('; ')}` : '',
    found.bots.length ? `left out: ${found.bots.join(', ')}` : '',
    found.maybeSame.length ? `check whether these are one person: ${found.maybeSame.join('; ')}` : '',
  ].filter(Boolean);
  notes.push(`${found.names.length} contributors: ${how.join('; ')} (see \`${found.command}\`)`);
  return { contributors: found.names };
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

/**
 * The draft's words for the kind of release (an older line's patch, a pre-release), with the cursor kept on the
 * same text, and a note saying what was said.
 */
function worded(text: string, cursor: TextPosition, version: string, known: string[], notes: string[]): { text: string; cursor: TextPosition } {
  const kind = releaseKind(version, known);
  if (kind === 'latest') return { text, cursor };
  const out = rewordLatest(text, version, kind);
  const v = parseVersion(version)!;
  notes.push(
    kind === 'older-line'
      ? `${version} is a patch on an older line: the post calls it the latest ${v.major}.${v.minor}.x release, not the latest release`
      : `${version} is a pre-release: the post says so`,
  );
  const before = text.split('\n')[cursor.line] ?? '';
  const after = out.split('\n')[cursor.line] ?? '';
  if (before === after) return { text: out, cursor };
  let at = 0;
  while (at < before.length && before[at] === after[at]) at++;
  return { text: out, cursor: cursor.character > at ? { line: cursor.line, character: cursor.character + after.length - before.length } : cursor };
}

/** Why a version cannot be drafted with these options (a pre-release without the flag for it). */
function versionRefusal(version: string, options: NewPostOptions): string | undefined {
  if (parseVersion(version)?.pre && !options.preRelease) {
    return `${version} is a pre-release; say so with --pre-release to draft its post (worded as a pre-release, leaving latest_stable alone)`;
  }
  return undefined;
}

/**
 * A post that already announces `version`, known from the version alone: New Release Post says so before asking
 * for the date and the author, instead of after. The same checks as the plan's `announcedBy` (file name, title,
 * slug and permalink of the site's naming, the data file's news item); the plan checks again with the date.
 */
export function existingPostFor(given: SiteContext, version: string): ExistingPost | undefined {
  const v = version.trim();
  if (validateVersion(v)) return undefined;
  const files = listPostFiles(given);
  const site = withNamingFromPosts(given, files);
  // As draftSource decides: a site drafted after its own posts takes the new post's slug from the model post's file
  // name, known only with the date; there the version in file names and titles decides.
  const builtIn = site.profile.postsFolder === defaultProfile().postsFolder;
  const slug = builtIn ? releaseSlug(site.profile, v) : '';
  const dataFileText = builtIn && site.profile.dataFile ? readText(path.join(site.root, site.profile.dataFile)) : undefined;
  return findExistingPost(
    site.profile,
    readPosts(files),
    { version: v, slug, permalink: builtIn ? permalinkFor(site.profile, slug) : undefined },
    dataFileText && 'text' in dataFileText ? dataFileText.text : undefined,
  );
}

/** Everything a new release post needs, ready to write; an error message when no post can be made. */
/**
 * A site names its release posts as its existing ones do ("Kestrel 2.1.0 Released"), not as the built-in profile
 * would ("Apache Mesos ..."). What a config file gives (`projectName`, `releaseTitle`, `releaseSlug`) is kept.
 */
export function withNamingFromPosts(site: SiteContext, files = listPostFiles(site)): SiteContext {
  const posts: { fileName: string; title: string }[] = [];
  for (const file of files) {
    if (!parsePostFileName(file).slug) continue;
    const read = readText(file);
    if ('error' in read) continue;
    const title = fieldValue(parsePost(read.text), 'title');
    if (typeof title === 'string') posts.push({ fileName: file, title });
  }
  const inferred = inferReleaseNaming(site.profile, posts);
  if (inferred === site.profile) return site;
  const profile = { ...inferred };
  for (const key of ['projectName', 'releaseTitle', 'releaseSlug'] as const) {
    if (configGives(site, key)) profile[key] = site.profile[key];
  }
  return { ...site, profile };
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

/** Where the draft's shape comes from. */
type DraftSource = { model: ModelPost; releases: string[]; label: string } | { builtIn: true } | { error: string; needsStarter?: true };

/**
 * A site is drafted after its own newest release post, with or without a config file (whose keys then override the
 * model's values one by one). The built-in profile (the scaffold and its template) is kept where it describes the
 * site: the posts are in the built-in posts folder (a Middleman blog's `site/source/blog`, whose naming is still
 * read from its posts). A body template, where one is named, replaces only the body. A site with no release post
 * gets a built-in starting point of its choice.
 */
function draftSource(site: SiteContext, version: string, starter: string | undefined): DraftSource {
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

/** The config file's values for a draft made after a model post: only the keys it gives. */
function draftOverrides(site: SiteContext, version: string, date: string): DraftOverrides {
  const { profile } = site;
  const given = (key: string) => configGives(site, key);
  const out: DraftOverrides = {};
  if (given('releaseTitle')) out.title = releaseTitle(profile, version);
  if (given('fileNamePattern') && profile.fileNamePattern) out.fileStem = fileStemFromPattern(profile, profile.fileNamePattern, version, date);
  else if (given('releaseSlug')) out.fileStem = profile.fileNames?.date === 'optional' ? releaseSlug(profile, version) : `${date}-${releaseSlug(profile, version)}`;
  if (given('permalink')) out.permalink = permalinkFor(profile, out.fileStem?.replace(/^\d{4}-\d{2}-\d{2}-/, '') ?? releaseSlug(profile, version), date);
  if (given('releaseTags')) out.tags = { value: profile.releaseTags, list: profile.fields.tags?.kind === 'tag-list' };
  if (given('authorField') && profile.authorField) out.authorField = profile.authorField;
  if (given('frontMatterFormat')) out.frontMatterFormat = profile.frontMatterFormat;
  if (given('keyOrder')) out.keyOrder = profile.keyOrder;
  return out;
}

export async function planReleasePost(given: SiteContext, options: NewPostOptions): Promise<PlanResult> {
  const version = options.version.trim();
  const versionError = validateVersion(version) ?? versionRefusal(version, options);
  if (versionError) return { error: versionError };
  const date = options.date?.trim() || today();
  if (!isRealDate(date)) return { error: `"${date}" is not a date; write it as YYYY-MM-DD` };
  const givenFolder = path.join(given.root, given.profile.postsFolder);
  if (!isDirectory(givenFolder)) return { error: `no posts folder at ${givenFolder}` };
  const source = draftSource(given, version, options.starter);
  if ('error' in source) return source;
  if ('model' in source) return planFromModel(given, source, version, date, options);

  const site = withNamingFromPosts(given);
  const postsFolder = path.join(site.root, site.profile.postsFolder);

  const notes: string[] = [];
  const files = listPostFiles(site);
  const changelog = readChangelog(site, options.changelogPath, codeRepository(site, options));
  if ('error' in changelog) return changelog;
  const release = findRelease(changelog.releases, version);
  if (!changelog.file) notes.push(`no ${site.profile.changelog} found: the features are a placeholder`);
  else if (!release) notes.push(`${changelog.file} has no entry for ${version}: the features are a placeholder`);
  else changelogSource(changelog.file, release, notes);

  const template = readTemplate(site, options);
  if (typeof template === 'object') return template;

  const author = await resolveAuthor(site, files, options);
  if ('error' in author) return author;
  const repoDir = codeRepository(site, options);
  const known = [...postVersions(site, files), ...changelog.releases.filter((r) => !r.wip).map((r) => r.version), ...(await tagVersions(site, repoDir))];
  const previous = previousVersion(version, known);
  const { contributors, contributorsTodo } = await contributorsFor(site, repoDir, version, previous, notes);

  const post = scaffoldReleasePost({ profile: site.profile, version, date, author, previousVersion: previous, changelog: release, contributors, contributorsTodo, template });
  if (post.errors.length) return { error: post.errors.join('; ') };
  const target = path.join(postsFolder, post.fileName);
  const words = worded(post.text, post.cursor, version, known, notes);
  const dataFileText = site.profile.dataFile ? readText(path.join(site.root, site.profile.dataFile)) : undefined;
  const announcedBy = findExistingPost(
    site.profile,
    readPosts(files),
    { version, slug: post.slug, permalink: post.permalink },
    dataFileText && 'text' in dataFileText ? dataFileText.text : undefined,
  );
  return {
    plan: {
      path: target,
      text: words.text,
      cursor: words.cursor,
      exists: fs.existsSync(target),
      announcedBy,
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
/** The body template a draft names (`--template`, else the config's `template`); undefined for none. */
function readTemplate(site: SiteContext, options: NewPostOptions): string | undefined | { error: string } {
  const templatePath = options.templatePath ?? (site.profile.template || undefined);
  if (templatePath === undefined) return undefined;
  const file = path.resolve(site.root, templatePath);
  const read = readText(file);
  return 'error' in read ? { error: `cannot read the template ${file}: ${read.error}` } : read.text;
}

async function planFromModel(
  site: SiteContext,
  { model, releases: releaseVersions, label }: { model: ModelPost; releases: string[]; label: string },
  version: string,
  date: string,
  options: NewPostOptions,
): Promise<PlanResult> {
  const notes: string[] = [];
  const template = readTemplate(site, options);
  if (typeof template === 'object') return template;
  const changelog = readChangelog(site, options.changelogPath, codeRepository(site, options));
  if ('error' in changelog) return changelog;
  const release = findRelease(changelog.releases, version);
  if (changelog.file && release) changelogSource(changelog.file, release, notes);
  const name = options.author?.trim() || (await gitUserName(site.root));
  if (!name) return { error: "no author: give the author's name (git's user.name is not set either)" };
  const repoDir = codeRepository(site, options);
  const known = [...releaseVersions, ...changelog.releases.filter((r) => !r.wip).map((r) => r.version), ...(await tagVersions(site, repoDir))];
  const previous = previousVersion(version, known);
  const { contributors, contributorsTodo } = await contributorsFor(site, repoDir, version, previous, notes);
  // Issue keys stay unlinked unless the config names the site's issue tracker: the built-in one is not this site's.
  const highlights = release ? highlightLines(release, configGives(site, 'issueUrl') ? site.profile.issueUrl : undefined) : undefined;
  if (!release) notes.push(`no CHANGELOG entry for ${version} found: the changes are a placeholder`);
  const draft = draftFromModelPost(
    model,
    {
      version,
      previousVersion: previous,
      date,
      author: { name, twitter: options.twitter, gravatar: options.gravatar },
      highlights,
      contributors,
      contributorsTodo,
    },
    draftOverrides(site, version, date),
  );
  notes.push(...draft.notes);
  if (template !== undefined) {
    // The template gives the body; the front matter and the file name stay the model post's, moved to this release.
    const rendered = renderBody(
      { profile: site.profile, version, date, author: { display_name: name }, previousVersion: previous, changelog: release, contributors, contributorsTodo, template },
      draft.title ?? releaseTitle(site.profile, version),
    );
    if (rendered.errors.length) return { error: rendered.errors.join('; ') };
    const lf = draft.text.replace(/\r\n/g, '\n');
    const head = lf.split('\n').slice(0, parsePost(lf).bodyStartLine).join('\n').replace(/\n*$/, '\n');
    const made = withBody(head, rendered);
    draft.text = draft.text.includes('\r\n') ? made.text.replace(/\n/g, '\r\n') : made.text;
    draft.cursor = made.cursor;
    notes.push(`the body from the template ${path.resolve(site.root, options.templatePath ?? site.profile.template ?? '')}`);
  }
  const folder = path.isAbsolute(model.fileName) ? path.dirname(model.fileName) : path.join(site.root, site.profile.postsFolder);
  const target = path.join(folder, draft.fileName);
  notes.push(`drafted after ${label}`);
  const words = worded(draft.text, draft.cursor, version, known, notes);
  const slug = parsePostFileName(draft.fileName).slug ?? draft.fileName.replace(/\.[^.]*$/, '');
  const announcedBy = findExistingPost(site.profile, readPosts(listPostFiles(site)), { version, slug });
  return {
    plan: {
      path: target,
      text: words.text,
      cursor: words.cursor,
      exists: fs.existsSync(target),
      announcedBy,
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
    // A write that fails part-way (a full disk) has already created the temporary file.
    fs.rmSync(temp, { force: true });
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
 * Replaces an existing file's text, only if it still reads `expected` (nobody changed it since it was read). The
 * file is reached through its real path, so a symbolic link stays a link and its target gets the text; the new
 * text is written beside that target and renamed over it (never half written), with the target's mode. A
 * read-only file, or one that is not a regular file, is refused.
 */
export function replaceFileText(file: string, expected: string, text: string): { ok: true } | { error: string } {
  let real: string;
  let stat: fs.Stats;
  try {
    real = fs.realpathSync(file);
    stat = fs.statSync(real);
  } catch (err) {
    return { error: `cannot read ${file}: ${reason(err)}` };
  }
  if (!stat.isFile()) return { error: `${file} is not a regular file; nothing was written to it` };
  if (!isWritable(real, stat)) return { error: `${file} is read-only; nothing was written to it` };
  const current = readText(real);
  if ('error' in current) return { error: `cannot read ${file}: ${current.error}` };
  if (current.text !== expected) return { error: `${file} changed while the post was being prepared; nothing was written to it` };
  const temp = tempNameBeside(real);
  try {
    fs.writeFileSync(temp, text, { flag: 'wx', mode: 0o600 });
    keepOwnerAndMode(temp, stat);
    fs.renameSync(temp, real);
    return { ok: true };
  } catch (err) {
    fs.rmSync(temp, { force: true });
    return { error: `cannot write ${file}: ${reason(err)}` };
  }
}

/** Writable by its mode bits and by this process (root may write anything: the bits still say "read-only"). */
export function isWritable(file: string, stat: fs.Stats): boolean {
  if ((stat.mode & 0o222) === 0) return false;
  try {
    fs.accessSync(file, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** Gives a replacement file the mode (not narrowed by the umask) and, where allowed, the owner of the original. */
export function keepOwnerAndMode(file: string, original: fs.Stats): void {
  try {
    fs.chownSync(file, original.uid, original.gid);
  } catch {
    // Only root may give a file away; the replacement then belongs to whoever runs the command.
  }
  fs.chmodSync(file, original.mode & 0o777);
}
