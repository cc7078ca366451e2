import type { SiteProfile } from './profile';

/** What a post's file name says: its date and slug. */
export interface PostFileName {
  /** File name without folders. */
  baseName: string;
  /** `YYYY-MM-DD`, when the name starts with one (not checked for being a real date). */
  date: string | undefined;
  /** What follows the date, without the extension. */
  slug: string | undefined;
  extension: string;
}

const POST_NAME = /^(\d{4}-\d{2}-\d{2})-(.+?)(\.md|\.markdown)$/i;

export function baseNameOf(fileName: string): string {
  return fileName.split(/[\\/]/).pop() ?? fileName;
}

export function parsePostFileName(fileName: string): PostFileName {
  const baseName = baseNameOf(fileName);
  const m = POST_NAME.exec(baseName);
  const ext = /\.[^.]*$/.exec(baseName)?.[0] ?? '';
  if (!m) return { baseName, date: undefined, slug: undefined, extension: ext };
  return { baseName, date: m[1], slug: m[2], extension: m[3] };
}

/** True when `YYYY-MM-DD` names a day that exists. */
export function isRealDate(date: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

/** A URL-safe slug: lower case, dots and spaces and other separators become single dashes. */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function fill(pattern: string, values: Record<string, string>): string {
  return pattern.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

/** Slug of the release post for `version`: `mesos-1-11-0-released` in the default profile. */
export function releaseSlug(profile: SiteProfile, version: string): string {
  return slugify(fill(profile.releaseSlug, { project: profile.projectName, version }));
}

export function releaseTitle(profile: SiteProfile, version: string): string {
  return fill(profile.releaseTitle, { project: profile.projectName, version });
}

/**
 * The URL the site gives a post with this slug (and file-name date): `/blog/<slug>/` in the default profile;
 * `{year}` `{month}` `{day}` come from the date, `{title}` is the slug.
 */
export function permalinkFor(profile: SiteProfile, slug: string, date?: string): string {
  const [year, month, day] = date && isRealDate(date) ? date.split('-') : [];
  const values: Record<string, string> = { slug, title: slug };
  if (year) Object.assign(values, { year, month, day });
  return fill(profile.permalink, values);
}

/** `{year}-{month}-{day}-{slug}` → a pattern a file name's stem must match; undefined for an empty pattern. */
export function fileNamePatternRegExp(pattern: string): RegExp | undefined {
  if (!pattern.trim()) return undefined;
  const parts: Record<string, string> = {
    year: String.raw`\d{4}`,
    month: String.raw`\d{2}`,
    day: String.raw`\d{2}`,
    slug: '[a-z0-9]+(?:-[a-z0-9]+)*',
    title: '.+',
    version: String.raw`\d+(?:[.-]\d+)*(?:-[0-9A-Za-z.]+)?`,
    major: String.raw`\d+`,
    minor: String.raw`\d+`,
    patch: String.raw`\d+`,
    project: '[A-Za-z0-9-]+',
  };
  const source = pattern
    .split(/(\{\w+\})/)
    .map((piece) => {
      const key = /^\{(\w+)\}$/.exec(piece)?.[1];
      return key && parts[key] ? parts[key] : piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  return new RegExp(`^${source}$`);
}

/**
 * The file-name stem a `fileNamePattern` gives the release post of `version` on `date`: `{year}` `{month}` `{day}`
 * from the date, `{slug}` the release slug, `{title}` the slug of the release title, `{version}` `{major}` `{minor}`
 * `{patch}` `{project}` as written.
 */
export function fileStemFromPattern(profile: SiteProfile, pattern: string, version: string, date: string): string {
  const [year, month, day] = date.split('-');
  const [major, minor, patch] = version.split(/[.-]/);
  return fill(pattern, {
    year,
    month,
    day,
    slug: releaseSlug(profile, version),
    title: slugify(releaseTitle(profile, version)),
    version,
    major,
    minor: minor ?? '0',
    patch: patch ?? '0',
    project: profile.projectName,
  });
}

/** `YYYY-MM-DD-<slug>.md` */
export function postFileName(date: string, slug: string): string {
  return `${date}-${slug}.md`;
}

/** Fills `{version}` (and `{project}`) in a profile link or tag pattern. */
export function fillVersion(pattern: string, profile: SiteProfile, version: string): string {
  return fill(pattern, { version, project: profile.projectName });
}

/** "July 27, 2016" for `2016-07-27`, as the site prints a post's date. */
export function formatPostDate(date: string): string {
  if (!isRealDate(date)) return date;
  const [y, m, d] = date.split('-').map(Number);
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  return `${months[m - 1]} ${d}, ${y}`;
}
