/**
 * Regular expressions built around text from a post or a site's config. The text is always escaped, and the whole
 * pattern is bounded: a pattern grows with the text spliced in, and compiling a huge one can exhaust the process's
 * memory (V8 aborts the process; no exception reaches us).
 */
export const MAX_PATTERN_LENGTH = 4096;

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The compiled pattern, or undefined when it is longer than MAX_PATTERN_LENGTH or not a valid pattern. */
export function boundedRegExp(source: string, flags = ''): RegExp | undefined {
  if (source.length > MAX_PATTERN_LENGTH) return undefined;
  try {
    return new RegExp(source, flags);
  } catch {
    return undefined;
  }
}
