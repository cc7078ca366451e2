/**
 * How a project names its release tags, learnt from the tags themselves: `1.2.3`, `v1.2.3`, `release-1.2.3`,
 * `rel/1.2.3`, `mesos-1.2.3`. Pure: the tags come from `git tag`.
 */
const TAGGED_VERSION = /^(.*?)(\d+\.\d+\.\d+(?:-[0-9A-Za-z]+(?:[.-][0-9A-Za-z]+)*)?)$/;

/** The text before the version in a tag (`v` of `v1.2.3`), or undefined when the tag ends in no version. */
function tagPrefix(tag: string): string | undefined {
  const m = TAGGED_VERSION.exec(tag);
  if (!m) return undefined;
  // A prefix ending in a digit or dot would swallow part of the version (`1.1.2.3`).
  if (/[\d.]$/.test(m[1])) return undefined;
  return m[1];
}

/**
 * The tag pattern (`{version}` filled in later) of most release tags; `configured` when some tag already fits it
 * (`fits`) or when no tag names a version at all.
 */
export function learnTagPattern(tags: string[], configured: string, fits: (tag: string) => boolean): string {
  if (tags.some(fits)) return configured;
  const counts = new Map<string, number>();
  for (const tag of tags) {
    const prefix = tagPrefix(tag);
    if (prefix !== undefined) counts.set(prefix, (counts.get(prefix) ?? 0) + 1);
  }
  let best: string | undefined;
  for (const [prefix, n] of counts) if (best === undefined || n > counts.get(best)!) best = prefix;
  return best === undefined ? configured : `${best}{version}`;
}
