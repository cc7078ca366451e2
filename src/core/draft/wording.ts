/**
 * The words a release post uses for what kind of release it announces: "The latest Mesos release, 1.10.0," is
 * wrong for a patch on an older line (1.4.2 while 1.6.1 is current) and for a release candidate. Pure.
 */
import { compareVersions, parseVersion } from './versions';

export type ReleaseKind = 'latest' | 'older-line' | 'pre-release';

/** Which kind of release `version` is among the `known` released versions. */
export function releaseKind(version: string, known: Iterable<string>): ReleaseKind {
  const v = parseVersion(version);
  if (!v) return 'latest';
  if (v.pre) return 'pre-release';
  if (v.patch === 0) return 'latest';
  const newerLine = [...known].some((k) => {
    const kv = parseVersion(k);
    return kv !== undefined && !kv.pre && compareVersions(k, version) > 0 && (kv.major !== v.major || kv.minor !== v.minor);
  });
  return newerLine ? 'older-line' : 'latest';
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * `text` with "The latest <project> release, <version>," said for the kind of release: "The latest 1.4.x release of
 * Mesos, 1.4.2," for a patch on an older line, "A pre-release of Mesos, 1.11.0-rc1," for a release candidate.
 * Text without that phrase comes back unchanged.
 */
export function rewordLatest(text: string, version: string, kind: ReleaseKind): string {
  if (kind === 'latest') return text;
  const v = parseVersion(version)!;
  const phrase = new RegExp(`\\b([Tt])he latest ([^\\n,]{1,60}?) release, ${escapeRegExp(version)},`, 'g');
  return text.replace(phrase, (_whole, t: string, project: string) =>
    kind === 'older-line'
      ? `${t}he latest ${v.major}.${v.minor}.x release of ${project}, ${version},`
      : `${t === 'T' ? 'A' : 'a'} pre-release of ${project}, ${version},`,
  );
}
