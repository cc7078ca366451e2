/**
 * Which of a site's posts announce releases, and which one a new release post should follow. Kept in one small
 * function with plain inputs so that the site model's own release-post detection can take its place.
 */
import { isMap, parseDocument } from 'yaml';
import { yamlRefusal } from '../post/yamlLimits';
import { compareVersions, normalizeVersion } from './versions';
import type { ModelPost } from './fromModelPost';

export interface PostText {
  fileName: string;
  text: string;
}

export interface ReleasePost extends ModelPost {
  /** `YYYY-MM-DD` when known: the file name's date, else the front matter's. */
  date: string | undefined;
  /** The words just before the version in the title ("apache flink"), lower case: one project's posts share them. */
  project: string;
}

const VERSION = /(?<![\w.])v?(\d+(?:\.\d+){1,2})(?![\w-]|\.\d)/;
const SLUG_VERSION = /(?<![\d])(\d+)[-._](\d+)(?:[-._](\d+))?(?![\d]|[-._]\d)/;

/** The front matter's title (YAML `---` or TOML `+++`), when it has one. */
export function titleOf(text: string): string | undefined {
  const m = /^\uFEFF?(---|\+\+\+)[ \t]*\r?\n([\s\S]*?)\r?\n\1[ \t]*(?:\r?\n|$)/.exec(text);
  if (!m) return undefined;
  if (m[1] === '+++') {
    const line = /^title\s*=\s*(?:"((?:[^"\\]|\\.)*)"|'([^']*)')/m.exec(m[2]);
    return line ? (line[2] ?? line[1].replace(/\\"/g, '"')) : undefined;
  }
  if (yamlRefusal(m[2])) return undefined;
  try {
    const doc = parseDocument(m[2]);
    const title = isMap(doc.contents) ? doc.get('title') : undefined;
    return typeof title === 'string' ? title : undefined;
  } catch {
    return undefined;
  }
}

function dateOf(fileName: string, text: string): string | undefined {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const named = /^(\d{4}-\d{2}-\d{2})-/.exec(base);
  if (named) return named[1];
  const head = /^\uFEFF?(---|\+\+\+)[\s\S]*?\n\1/.exec(text)?.[0] ?? '';
  const written = /^(?:date|path)\s*[:=]\s*["']?[^\d\n]*(\d{4})[-/](\d{2})[-/](\d{2})/m.exec(head);
  return written ? `${written[1]}-${written[2]}-${written[3]}` : undefined;
}

interface Candidate extends ReleasePost {
  /** The title (or file name) with its version taken out: posts of one series share it. */
  shape: string;
  /** Both the title and the file name carry the version. */
  twice: boolean;
}

function candidate(post: PostText): Candidate | undefined {
  const base = (post.fileName.split(/[\\/]/).pop() ?? post.fileName).replace(/\.[^.]*$/, '').replace(/^\d{4}-\d{2}-\d{2}-/, '');
  const title = titleOf(post.text);
  const inTitle = title ? VERSION.exec(title) : null;
  const inName = SLUG_VERSION.exec(base);
  const nameVersion = inName ? [inName[1], inName[2], inName[3]].filter(Boolean).join('.') : undefined;
  const titleVersion = inTitle?.[1];
  const written = titleVersion ?? nameVersion;
  if (!written) return undefined;
  // `Flink 1.20` in the title and `release-1.20.0` in the file name: the longer form is the release.
  const full = nameVersion && titleVersion && nameVersion.startsWith(titleVersion) ? nameVersion : written;
  const version = normalizeVersion(full);
  if (!version) return undefined;
  const shape = (inTitle ? title!.replace(inTitle[0], '{v}') : base.replace(inName![0], '{v}')).toLowerCase().replace(/\s+/g, ' ').trim();
  const twice = Boolean(titleVersion && nameVersion && normalizeVersion(titleVersion) === normalizeVersion(nameVersion)) || Boolean(titleVersion && nameVersion?.startsWith(titleVersion));
  const before = inTitle ? title!.slice(0, inTitle.index) : base.slice(0, inName!.index);
  const project = (before.toLowerCase().match(/[a-z][a-z0-9]*/g) ?? []).slice(-2).join(' ');
  return { fileName: post.fileName, text: post.text, version: full, date: dateOf(post.fileName, post.text), project, shape, twice };
}

/**
 * The site's release posts: posts whose title or file name carries a version, in a naming that recurs over several
 * posts ("Jekyll {v} Released"), or whose title and file name carry the same version.
 */
export function releasePosts(posts: PostText[]): ReleasePost[] {
  const candidates = posts.map(candidate).filter((c): c is Candidate => c !== undefined);
  const shapes = new Map<string, number>();
  for (const c of candidates) shapes.set(c.shape, (shapes.get(c.shape) ?? 0) + 1);
  return candidates
    .filter((c) => (shapes.get(c.shape) ?? 0) >= 2 || c.twice)
    .map(({ fileName, text, version, date, project }) => ({ fileName, text, version, date, project }));
}

/**
 * The versions of the site's main release series: the project most release posts announce ("apache flink", not its
 * "kubernetes operator" or "flink cdc"), for the version a new post is likely for.
 */
export function mainSeriesVersions(releases: ReleasePost[]): string[] {
  const counts = new Map<string, number>();
  for (const r of releases) counts.set(r.project, (counts.get(r.project) ?? 0) + 1);
  const main = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  return releases.filter((r) => r.project === main).map((r) => normalizeVersion(r.version) ?? r.version);
}

function isPatch(version: string): boolean {
  const parts = version.split('.');
  return parts.length > 2 && Number(parts[2]) > 0;
}

/**
 * The release post a draft for `version` follows: among the release posts of the same kind (a patch release
 * follows a patch release's post, a feature release a feature release's), the one of the highest version below
 * `version`, the newest of equal ones; without such a post, the newest release post.
 */
export function chooseModelPost(releases: ReleasePost[], version: string): ReleasePost | undefined {
  const target = normalizeVersion(version) ?? version;
  const newestFirst = (a: ReleasePost, b: ReleasePost) => (b.date ?? '').localeCompare(a.date ?? '');
  const below = releases.filter((r) => compareVersions(normalizeVersion(r.version) ?? r.version, target) < 0);
  const sameKind = below.filter((r) => isPatch(normalizeVersion(r.version) ?? r.version) === isPatch(target));
  for (const pool of [sameKind, below]) {
    if (!pool.length) continue;
    return [...pool].sort((a, b) => compareVersions(normalizeVersion(b.version)!, normalizeVersion(a.version)!) || newestFirst(a, b))[0];
  }
  return [...releases].sort(newestFirst)[0];
}
