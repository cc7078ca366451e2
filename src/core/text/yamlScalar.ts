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

export function needsQuotes(value: string): boolean {
  return (
    value === '' ||
    value !== value.trim() ||
    /[\n\r\t\0]/.test(value) ||
    value.includes(': ') ||
    value.endsWith(':') ||
    value.includes(' #') ||
    SPECIAL_START.test(value) ||
    NOT_A_STRING.test(value)
  );
}

/** The scalar as YAML source: plain when safe, else a double-quoted string. */
export function yamlScalar(value: string): string {
  if (!needsQuotes(value)) return value;
  return JSON.stringify(value);
}
