/**
 * Writes one YAML scalar the way the site's files do: plain when YAML reads it back as the same string, in
 * double quotes otherwise (a title with `: ` or ` #`, one starting with `#`, a value YAML would read as a
 * number, boolean or date).
 */

const SPECIAL_START = /^[-?:,[\]{}#&*!|>'"%@`]/;
/** Plain scalars YAML 1.1 or 1.2 reads as something other than a string (`1.10` is the number 1.1). */
const NOT_A_STRING = new RegExp(
  [
    '~|null|true|false|yes|no|on|off|y|n',
    '[-+]?\\d[\\d_]*(?:\\.[\\d_]*)?(?:e[-+]?\\d+)?',
    '[-+]?\\.\\d[\\d_]*(?:e[-+]?\\d+)?',
    '0x[0-9a-f_]+|0o?[0-7_]+|0b[01_]+',
    '[-+]?\\.inf|\\.nan',
    '\\d+(?::[0-5]?\\d)+(?:\\.\\d*)?',
    '\\d{4}-\\d\\d?-\\d\\d?(?:[Tt ].*)?',
  ].map((p) => `(?:${p})`).join('|').replace(/^/, '^(?:').replace(/$/, ')$'),
  'i',
);

/**
 * Characters that no YAML 1.1 or 1.2 parser takes raw in a plain scalar, or that some read as a line break or a
 * byte-order mark: C0 and C1 controls, DEL, U+2028/2029, U+FEFF, the non-characters U+FFFE/FFFF, lone surrogates.
 */
const UNSAFE_RAW = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/** The same but tab and line breaks, which a YAML writer handles itself (and JSON escapes). */
const UNSAFE_IN_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const UNSAFE_IN_TEXT_ALL = new RegExp(UNSAFE_IN_TEXT.source, 'g');

export function needsQuotes(value: string): boolean {
  return (
    value === '' ||
    value !== value.trim() ||
    UNSAFE_RAW.test(value) ||
    value.includes(': ') ||
    value.endsWith(':') ||
    value.includes(' #') ||
    SPECIAL_START.test(value) ||
    NOT_A_STRING.test(value)
  );
}

/** True when `value` holds a character that must be escaped in YAML, other than a tab or a line break. */
export function hasUnsafeYamlCharacter(value: string): boolean {
  return UNSAFE_IN_TEXT.test(value);
}

/**
 * Those characters in YAML source as `\uXXXX` escapes (tab and line breaks stay): for source whose only such
 * characters are inside double-quoted scalars.
 */
export function escapeUnsafeYamlCharacters(source: string): string {
  return source.replace(UNSAFE_IN_TEXT_ALL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * The scalar as YAML source: plain when safe, else a double-quoted string in which every character a parser could
 * refuse or misread is a `\uXXXX` escape (JSON leaves DEL, C1 controls and U+2028 raw; YAML 1.1 reads U+2028 as a
 * line break).
 */
export function yamlScalar(value: string): string {
  if (!needsQuotes(value)) return value;
  return escapeUnsafeYamlCharacters(JSON.stringify(value));
}
