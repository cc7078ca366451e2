import type { SiteProfile } from '../site/profile';
import { releaseSlug } from '../site/fileNames';
import { boundedRegExp, escapeRegExp } from '../text/regexpText';

/** A release version `X.Y.Z`, optionally with a pre-release suffix (`1.11.0-rc1`). */
export interface Version {
  major: number;
  minor: number;
  patch: number;
  /** The suffix after `-`, e.g. `rc1`; undefined for a final release. */
  pre: string | undefined;
}

const VERSION = /^(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z]+(?:[.-][0-9A-Za-z]+)*))?$/;
/** A version inside free text: `1.10.0`, `1.10` or `0.24.1-rc2`. */
const VERSION_IN_TEXT = /(?<![\w.])(\d+\.\d+(?:\.\d+)?(?:-(?:rc|alpha|beta)\d*)?)(?![\w.]*\d)/i;

export function parseVersion(text: string): Version | undefined {
  const m = VERSION.exec(text.trim());
  if (!m) return undefined;
  return { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3]), pre: m[4] };
}

export function formatVersion(v: Version): string {
  return `${v.major}.${v.minor}.${v.patch}${v.pre ? `-${v.pre}` : ''}`;
}

/** Why `text` is not a usable release version, or undefined when it is one. */
export function validateVersion(text: string): string | undefined {
  const t = text.trim();
  if (t === '') return 'the version is empty; write it as X.Y.Z, e.g. 1.11.0';
  const core = /^v?(\d+)\.(\d+)\.(\d+)/i.exec(t);
  if (core && core.slice(1).some((n) => /^0\d/.test(n))) {
    const fixed = core.slice(1).map((n) => String(Number(n))).join('.') + t.slice(core[0].length);
    return `"${t.slice(0, 40)}" has a leading zero, which no tag or post would carry; write ${fixed}`;
  }
  if (parseVersion(t)) return undefined;
  if (/^v\d/i.test(t) && parseVersion(t.slice(1))) return `write the version without "v": ${t.slice(1)}`;
  if (/^\d+\.\d+$/.test(t)) return `"${t}" needs a patch number: ${t}.0`;
  return `"${t.slice(0, 40)}" is not a version; write it as X.Y.Z (optionally -rc1), e.g. 1.11.0`;
}

/** Natural order of pre-release suffixes, so rc2 < rc10. */
function comparePre(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  // A final release comes after its pre-releases.
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  return a.localeCompare(b, 'en', { numeric: true, sensitivity: 'base' });
}

/** Orders two versions; text that is not a version sorts before every version. */
export function compareVersions(a: string, b: string): number {
  const va = parseVersion(a);
  const vb = parseVersion(b);
  if (!va || !vb) return (va ? 1 : 0) - (vb ? 1 : 0);
  return va.major - vb.major || va.minor - vb.minor || va.patch - vb.patch || comparePre(va.pre, vb.pre);
}

/** Valid versions only, without repeats, newest first. */
export function sortVersionsDescending(versions: Iterable<string>): string[] {
  const unique = new Map<string, string>();
  for (const raw of versions) {
    const v = parseVersion(raw);
    if (v) unique.set(formatVersion(v), formatVersion(v));
  }
  return [...unique.values()].sort((a, b) => compareVersions(b, a));
}

/** `1.10` becomes `1.10.0`; anything else that is not a version becomes undefined. */
export function normalizeVersion(text: string): string | undefined {
  const t = text.trim();
  const full = /^\d+\.\d+$/.test(t) ? `${t}.0` : t;
  const v = parseVersion(full);
  return v ? formatVersion(v) : undefined;
}

/** The first version named in a title: `Apache Mesos 1.10: ...` gives `1.10.0`. */
export function versionFromTitle(title: string): string | undefined {
  const m = VERSION_IN_TEXT.exec(title);
  return m ? normalizeVersion(m[1]) : undefined;
}

const SENTINEL = '9111.9222.9333';
const SENTINEL_SLUG = '9111-9222-9333';

/**
 * The version of a release post from its slug, when the slug has the profile's release-slug shape
 * (`mesos-1-11-0-released`, also the dotted `mesos-1.4.2-released`); undefined for other posts.
 */
export function releaseVersionFromSlug(profile: SiteProfile, slug: string): string | undefined {
  // A sentinel version shows where the version lands in the profile's slug, whatever the pattern's shape.
  const sample = releaseSlug(profile, SENTINEL);
  const at = sample.indexOf(SENTINEL_SLUG);
  if (at < 0) return undefined;
  const pattern =
    escapeRegExp(sample.slice(0, at)) + '(\\d+[-.]\\d+[-.]\\d+(?:-rc\\d+)?)' + escapeRegExp(sample.slice(at + SENTINEL_SLUG.length));
  const m = boundedRegExp(`^${pattern}$`, 'i')?.exec(slug);
  if (!m) return undefined;
  return normalizeVersion(m[1].replace(/^(\d+)[-.](\d+)[-.](\d+)/, '$1.$2.$3'));
}

/** The version a git tag names under the profile's tag pattern (`{version}`, `v{version}`, `mesos-{version}`). */
export function versionFromTag(profile: SiteProfile, tag: string): string | undefined {
  const [before, after] = profile.gitTag.replace('{project}', profile.projectName).split('{version}');
  if (after === undefined) return undefined;
  if (!tag.startsWith(before) || !tag.endsWith(after)) return undefined;
  const v = parseVersion(tag.slice(before.length, tag.length - after.length));
  return v ? formatVersion(v) : undefined;
}

export interface VersionSources {
  /** Versions that already have a release post. */
  postVersions: string[];
  /** CHANGELOG entries; `wip` marks an entry still being written. */
  changelogVersions: { version: string; wip: boolean }[];
  /** Versions that have a git tag. */
  tagVersions: string[];
}

function bump(v: Version, part: 'patch' | 'minor' | 'major'): string {
  if (part === 'patch') return formatVersion({ ...v, patch: v.patch + (v.pre ? 0 : 1), pre: undefined });
  if (part === 'minor') return formatVersion({ major: v.major, minor: v.minor + 1, patch: 0, pre: undefined });
  return formatVersion({ major: v.major + 1, minor: 0, patch: 0, pre: undefined });
}

/**
 * Versions the next release post is likely for, most likely first: a tagged release newer than every post (released
 * but unannounced, oldest first), then the CHANGELOG's newest entry when no post announces it or anything newer,
 * then other CHANGELOG entries, then the next patch, minor and major of the newest post.
 */
export function suggestNextVersions(sources: VersionSources): string[] {
  const newestPost = sortVersionsDescending(sources.postVersions)[0];
  const isNew = (v: string) => newestPost === undefined || compareVersions(v, newestPost) > 0;
  const posted = new Set(sortVersionsDescending(sources.postVersions));
  const out: string[] = [];
  const add = (v: string | undefined) => {
    const n = v === undefined ? undefined : normalizeVersion(v);
    if (n && !posted.has(n) && !out.includes(n)) out.push(n);
  };

  const entries = sources.changelogVersions.filter((e) => normalizeVersion(e.version) && isNew(e.version));
  for (const v of sortVersionsDescending(sources.tagVersions.filter((t) => isNew(t) && !parseVersion(t)?.pre)).reverse()) add(v);
  const newestEntry = [...entries].sort((a, b) => compareVersions(b.version, a.version))[0];
  add(newestEntry?.version);
  for (const v of sortVersionsDescending(entries.filter((e) => !e.wip).map((e) => e.version))) add(v);
  for (const v of sortVersionsDescending(entries.filter((e) => e.wip).map((e) => e.version))) add(v);
  // A release candidate's tag is not offered once its release is tagged.
  const finals = new Set(sources.tagVersions.filter((t) => !parseVersion(t)?.pre));
  const released = (t: string) => {
    const v = parseVersion(t);
    return v?.pre !== undefined && finals.has(formatVersion({ ...v, pre: undefined }));
  };
  for (const v of sortVersionsDescending(sources.tagVersions.filter((t) => isNew(t) && !released(t)))) add(v);

  const base = parseVersion(newestPost ?? sortVersionsDescending([...sources.tagVersions, ...entries.map((e) => e.version)])[0] ?? '');
  if (base) {
    add(bump(base, 'patch'));
    add(bump(base, 'minor'));
    add(bump(base, 'major'));
  } else if (out.length === 0) {
    add('1.0.0');
  }
  return out;
}

/**
 * The release a post for `version` upgrades from, as the site names it: for a patch release the newest known
 * release of the same line below it (1.4.1 for 1.4.2), for a minor or major release the newest `.0` release
 * below it (1.3.0 for 1.4.0, even when 1.3.1 exists). Falls back to the newest known release below it.
 * Pre-releases among the known versions are ignored.
 */
export function previousVersion(version: string, known: Iterable<string>): string | undefined {
  const v = parseVersion(version);
  if (!v) return undefined;
  const below = sortVersionsDescending(known).filter((k) => !parseVersion(k)?.pre && compareVersions(k, version) < 0);
  const sameLine = below.find((k) => {
    const kv = parseVersion(k)!;
    return kv.major === v.major && kv.minor === v.minor;
  });
  if (v.patch > 0 && sameLine) return sameLine;
  if (v.patch === 0) {
    const lineStart = below.find((k) => parseVersion(k)!.patch === 0);
    if (lineStart) return lineStart;
  }
  return below[0];
}
