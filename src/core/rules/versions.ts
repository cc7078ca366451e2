/** A version written somewhere: its text and where it is in the string it was found in. */
export interface VersionMention {
  /** As written (`1.4.2`, `0.23`, `1-4-2` in a slug). */
  text: string;
  /** Numeric components, as strings (`['1', '4', '2']`). */
  parts: string[];
  start: number;
  end: number;
}

/** A dotted version in prose or a title: `1.4.2`, `0.23`, `v1.0.0`; not part of an IP address or a longer number. */
export const PROSE_VERSION_SOURCE = String.raw`v?(\d+(?:\.\d+){1,3})(?![\w-]|\.\d)`;
const PROSE_VERSION = new RegExp(String.raw`(?<![\w.\-/])` + PROSE_VERSION_SOURCE, 'g');
/** In a slug the components may be joined by dashes: `mesos-1-4-2-released`, `mesos-1.4.2-released`. */
const SLUG_VERSION = /(?<![\d.])(\d+)[-.](\d+)(?:[-.](\d+))?(?![\d]|[-.]\d)/g;

export function versionsInProse(text: string): VersionMention[] {
  const found: VersionMention[] = [];
  for (const m of text.matchAll(PROSE_VERSION)) {
    const start = m.index + m[0].length - m[1].length;
    found.push({ text: m[1], parts: m[1].split('.'), start, end: start + m[1].length });
  }
  return found;
}

export function versionsInSlug(slug: string): VersionMention[] {
  const found: VersionMention[] = [];
  for (const m of slug.matchAll(SLUG_VERSION)) {
    const parts = [m[1], m[2], m[3]].filter((p): p is string => p !== undefined);
    found.push({ text: m[0], parts, start: m.index, end: m.index + m[0].length });
  }
  return found;
}

/** Two versions agree when one is a shorter form of the other: `0.23` and `0.23.0`, `1.0` and `1.0.2`. */
export function versionsAgree(a: string[], b: string[]): boolean {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    if (Number(a[i]) !== Number(b[i])) return false;
  }
  return true;
}

export function agreesWithAny(parts: string[], versions: VersionMention[]): boolean {
  return versions.some((v) => versionsAgree(parts, v.parts));
}

export function dotted(parts: string[]): string {
  return parts.join('.');
}

/** Writes `version` in the form of `like`: dashes in a dashed slug, dots otherwise. */
export function inFormOf(like: string, version: string): string {
  return like.includes('-') ? version.replace(/\./g, '-') : version;
}
