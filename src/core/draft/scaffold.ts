/**
 * The text of a new release post: front matter in the profile's key order and the body from a template, filled
 * from the CHANGELOG entry and the contributors. What only a person can write is left as a `TODO:` placeholder,
 * which the `placeholder` rule points at.
 */
import { issueItems, type ChangelogItem, type ChangelogRelease } from './changelog';
import type { SiteProfile } from '../site/profile';
import { fileStemFromPattern, fillVersion, formatPostDate, isRealDate, permalinkFor, postFileName, releaseSlug, releaseTitle } from '../site/fileNames';
import { BUILT_IN_TEMPLATE, renderTemplate, type RenderedTemplate, type TemplateVars } from './template';
import type { TextPosition } from '../text/text';
import { validateVersion } from './versions';
import { stringify as stringifyToml } from 'smol-toml';
import { yamlScalar } from '../text/yamlScalar';

export interface PostAuthor {
  display_name: string;
  /** Handle with or without `@`; written without it. */
  twitter?: string;
  /** MD5 hash of the e-mail address. */
  gravatar?: string;
}

export interface ScaffoldInput {
  profile: SiteProfile;
  version: string;
  /** `YYYY-MM-DD` */
  date: string;
  author: PostAuthor;
  previousVersion?: string;
  /** This version's CHANGELOG entry, when there is one. */
  changelog?: ChangelogRelease;
  /** Contributors from git; undefined when unknown. */
  contributors?: string[];
  /** When the contributors are unknown: the Thanks placeholder, saying why and how to fill it. */
  contributorsTodo?: string;
  /** A body template; the built-in one when undefined. */
  template?: string;
}

export interface ScaffoldedPost {
  /** `YYYY-MM-DD-<slug>.md` */
  fileName: string;
  slug: string;
  permalink: string;
  title: string;
  text: string;
  /** The first thing a person must write: the first placeholder, else the template's `{{cursor}}`. */
  cursor: TextPosition;
  /** Why no post can be written (invalid version or date, unknown template variable, ...). */
  errors: string[];
}

/** Placeholders start with this word, so the `placeholder` rule reports each one. */
export const PLACEHOLDER_MARK = 'TODO';

const PLACEHOLDERS = {
  features: `${PLACEHOLDER_MARK}: list the main features and improvements of this release.`,
  fixes: `${PLACEHOLDER_MARK}: list the bug fixes of this release.`,
  previous: `${PLACEHOLDER_MARK}: previous version`,
  count: PLACEHOLDER_MARK,
};

/** The contributors placeholder, with the git command that lists them when the range is known. */
function contributorsPlaceholder(profile: SiteProfile, version: string, previous: string | undefined): string {
  const range = previous ? `${fillVersion(profile.gitTag, profile, previous)}..${fillVersion(profile.gitTag, profile, version)}` : '<previous tag>..HEAD';
  return `${PLACEHOLDER_MARK}: list the contributors, from \`git log --format=%aN ${range} | sort -u\`.`;
}

/** `[MESOS-1](url), [MESOS-2](url) - text` as the site's posts link issues. */
function itemLine(item: ChangelogItem, issueUrl: string | undefined): string {
  const keys = item.keys.map((k) => (issueUrl ? `[${k}](${issueUrl.replace('{key}', k)})` : k)).join(', ');
  return keys ? `${keys} - ${item.text}` : item.text;
}

function markdownList(items: ChangelogItem[], issueUrl: string | undefined, depth = 0): string[] {
  const pad = '  '.repeat(depth);
  return items.flatMap((item) => [`${pad}* ${itemLine(item, issueUrl)}`, ...markdownList(item.children, issueUrl, depth + 1)]);
}

/** What the post lists: the highlights, and for a bug-fix release also its fixed bugs and improvements. */
function featureItems(release: ChangelogRelease | undefined): ChangelogItem[] {
  if (!release) return [];
  if (!release.bugFixRelease) return release.highlights;
  const fixes = issueItems(release, ['Bug', 'Improvement', 'Improvements']);
  const highlighted = new Set(release.highlights.flatMap((i) => i.keys));
  return [...release.highlights, ...fixes.filter((i) => !i.keys.some((k) => highlighted.has(k)))];
}

/** This release's CHANGELOG highlights (for a bug-fix release also its fixes), as list items with no marker. */
export function highlightLines(release: ChangelogRelease | undefined, issueUrl?: string): string[] {
  return markdownList(featureItems(release), issueUrl).map((line) => line.replace(/^(\s*)\* /, '$1'));
}

/** One `##` section per highlight group; ungrouped highlights stay a list under a section of their own. */
function featureSections(items: ChangelogItem[], issueUrl: string | undefined, placeholder: string): string {
  if (items.length === 0) return `## ${placeholder}`;
  const groups = items.filter((i) => i.children.length > 0 && i.keys.length === 0);
  const loose = items.filter((i) => !groups.includes(i));
  const parts = groups.map((g) => `## ${g.text.replace(/:$/, '')}\n\n${markdownList(g.children, issueUrl).join('\n')}`);
  if (loose.length) parts.push(`## Other Features and Improvements\n\n${markdownList(loose, issueUrl).join('\n')}`);
  return parts.join('\n\n');
}

function articleFor(word: string): string {
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}

interface FrontMatterValues {
  layout: string;
  title: string;
  permalink: string;
  published: boolean;
  post_author: PostAuthor;
  tags: string;
}

type Value = string | boolean | string[] | Entries;
/** Keys and values in the order they are written. */
type Entries = [string, Value][];

/** `value` put at the dotted `path` of `entries`, making the mappings on the way. */
function place(entries: Entries, path: string[], value: Value): void {
  const [key, ...rest] = path;
  if (!rest.length) {
    entries.push([key, value]);
    return;
  }
  let inner = entries.find(([k, v]) => k === key && Array.isArray(v) && typeof v[0] !== 'string')?.[1] as Entries | undefined;
  if (!inner) entries.push([key, (inner = [])]);
  place(inner, rest, value);
}

/** `entries` sorted by `order` (dotted paths); keys it does not name keep their place after those it names. */
function ordered(entries: Entries, order: string[], prefix = ''): Entries {
  const rank = (key: string) => {
    const i = order.indexOf(prefix + key);
    return i === -1 ? order.length : i;
  };
  return entries
    .map(([k, v], i) => ({ k, v: isEntries(v) ? ordered(v, order, `${prefix}${k}.`) : v, i }))
    .sort((a, b) => rank(a.k) - rank(b.k) || a.i - b.i)
    .map(({ k, v }) => [k, v]);
}

function isEntries(value: Value): value is Entries {
  return Array.isArray(value) && value.length > 0 && Array.isArray(value[0]);
}

function toObject(entries: Entries): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of entries) Object.defineProperty(out, k, { value: isEntries(v) ? toObject(v) : v, enumerable: true, writable: true, configurable: true });
  return out;
}

function yamlLines(entries: Entries, indent = ''): string[] {
  const lines: string[] = [];
  for (const [key, value] of entries) {
    if (typeof value === 'boolean') lines.push(`${indent}${key}: ${value}`);
    else if (typeof value === 'string') lines.push(`${indent}${key}: ${yamlScalar(value)}`);
    else if (isEntries(value)) lines.push(`${indent}${key}:`, ...yamlLines(value, `${indent}  `));
    else lines.push(`${indent}${key}:`, ...value.map((v) => `${indent}  - ${yamlScalar(v as string)}`));
  }
  return lines;
}

/**
 * Front matter in the profile's key order (keys the order does not name come after, in a fixed order), the author
 * under the profile's author field, written in the profile's format.
 */
function frontMatter(profile: SiteProfile, values: FrontMatterValues): string {
  const { post_author: given, ...rest } = values;
  const name = given.display_name.trim();
  const authorPath = (profile.authorField || 'post_author.display_name').split('.');
  const entries: Entries = [];
  for (const [key, value] of Object.entries(rest)) {
    if (key === 'tags') {
      // The author comes before the tags, where the built-in order has it.
      const leaf = authorPath[authorPath.length - 1];
      place(entries, authorPath, leaf === 'authors' ? [name] : name);
      if (authorPath.length > 1) {
        const parent = authorPath.slice(0, -1);
        const gravatar = given.gravatar?.trim().toLowerCase();
        const twitter = given.twitter?.trim().replace(/^@/, '');
        if (gravatar) place(entries, [...parent, 'gravatar'], gravatar);
        if (twitter) place(entries, [...parent, 'twitter'], twitter);
      }
    }
    if (key !== authorPath[0]) place(entries, [key], value);
  }
  const data = ordered(entries, profile.keyOrder);
  switch (profile.frontMatterFormat) {
    case 'toml':
      return `+++\n${stringifyToml(toObject(data)).trim()}\n+++\n`;
    case 'json':
      return `${JSON.stringify(toObject(data), null, 2)}\n`;
    default:
      return `---\n${yamlLines(data).join('\n')}\n---\n`;
  }
}

function validate(input: ScaffoldInput): string[] {
  const errors: string[] = [];
  const versionError = validateVersion(input.version);
  if (versionError) errors.push(versionError);
  if (!isRealDate(input.date)) errors.push(`"${input.date}" is not a date; write it as YYYY-MM-DD`);
  if (input.author.display_name.trim() === '') errors.push("the author's name is empty");
  const twitter = input.author.twitter?.trim().replace(/^@/, '');
  if (twitter && !/^\w{1,15}$/.test(twitter)) errors.push(`"${input.author.twitter}" is not a Twitter handle`);
  const gravatar = input.author.gravatar?.trim();
  if (gravatar && !/^[0-9a-f]{32}$/i.test(gravatar)) errors.push('the gravatar must be 32 hexadecimal characters (the MD5 of the e-mail)');
  return errors;
}

function firstPlaceholder(text: string, fromLine: number): TextPosition | undefined {
  const lines = text.split('\n');
  for (let line = fromLine; line < lines.length; line++) {
    const character = lines[line].indexOf(PLACEHOLDER_MARK);
    if (character !== -1) return { line, character };
  }
  return undefined;
}

export function scaffoldReleasePost(input: ScaffoldInput): ScaffoldedPost {
  const { profile } = input;
  const version = input.version.trim();
  const slug = releaseSlug(profile, version);
  const permalink = permalinkFor(profile, slug, input.date);
  const title = releaseTitle(profile, version);
  const fileName = profile.fileNamePattern ? `${fileStemFromPattern(profile, profile.fileNamePattern, version, input.date)}.md` : postFileName(input.date, slug);
  const errors = validate(input);
  const rendered = renderBody(input, title);
  errors.push(...rendered.errors);

  const head = frontMatter(profile, {
    layout: profile.layouts[0] ?? 'post',
    title,
    permalink,
    published: true,
    post_author: input.author,
    tags: profile.releaseTags,
  });
  const { text, cursor } = withBody(head, rendered);
  return { fileName, slug, permalink, title, text, cursor, errors };
}

/**
 * A post's text from its front matter (with its fences) and a rendered body; the cursor at the body's first
 * placeholder, else where the template's `{{cursor}}` was, else at the body's start.
 */
export function withBody(head: string, rendered: RenderedTemplate): { text: string; cursor: TextPosition } {
  const body = rendered.text.replace(/^\n+/, '').replace(/\s*$/, '\n');
  const text = `${head}\n${body}`;
  const bodyLine = head.split('\n').length;
  const trimmedLead = rendered.text.length - rendered.text.replace(/^\n+/, '').length;
  const cursor =
    firstPlaceholder(text, bodyLine) ??
    (rendered.cursor
      ? { line: bodyLine + Math.max(0, rendered.cursor.line - trimmedLead), character: rendered.cursor.character }
      : undefined) ??
    { line: bodyLine, character: 0 };
  return { text, cursor };
}

/** The body from the input's template (the built-in one when it has none), its variables filled in. */
export function renderBody(input: Omit<ScaffoldInput, 'author'> & { author: { display_name: string } }, title: string): RenderedTemplate {
  const { profile } = input;
  const version = input.version.trim();
  const bugFix = input.changelog?.bugFixRelease === true;
  const items = featureItems(input.changelog);
  const missing = bugFix ? PLACEHOLDERS.fixes : PLACEHOLDERS.features;
  const contributors = input.contributors;
  const vars: TemplateVars = {
    version,
    previous_version: input.previousVersion ?? PLACEHOLDERS.previous,
    project: profile.projectName,
    article: articleFor(profile.projectName),
    title,
    date: input.date,
    date_long: formatPostDate(input.date),
    author: input.author.display_name.trim(),
    features_intro: bugFix
      ? 'This release includes the following bug fixes and improvements:'
      : 'This release includes the following features and improvements:',
    features: items.length ? markdownList(items, profile.issueUrl).join('\n') : missing,
    feature_sections: featureSections(items, profile.issueUrl, missing),
    changelog_url: fillVersion(profile.links.changelog, profile, version),
    download_url: fillVersion(profile.links.download, profile, version),
    upgrades_url: fillVersion(profile.links.upgrades, profile, version),
    community_url: fillVersion(profile.links.community, profile, version),
    contributor_count: contributors?.length ? String(contributors.length) : PLACEHOLDERS.count,
    contributors: contributors?.length ? contributors.join(', ') : input.contributorsTodo ?? contributorsPlaceholder(profile, version, input.previousVersion),
  };
  return renderTemplate((input.template ?? BUILT_IN_TEMPLATE).replace(/\r\n?/g, '\n'), vars);
}
