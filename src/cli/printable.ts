/**
 * Text from posts and file names made safe to print where a terminal or a CI runner reads the output: control
 * characters (ANSI and OSC escape sequences start with one), line breaks and bidirectional overrides are shown
 * as `\xNN` / `\uNNNN`, so a post cannot colour, rewrite or hyperlink the log, nor start a line of its own.
 */
const UNSAFE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

export function printable(text: string): string {
  return text.replace(UNSAFE, (c) => {
    const code = c.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/**
 * A line start a CI runner reads as a command: GitHub Actions `::name::`, Azure Pipelines `##vso[` and `##[`.
 * White space before it does not stop the runners that trim.
 */
const COMMAND_START = /^\s*(?:::|##)/;

/** A file name to start a line with: one that would read as a command gets `./` before it (the same file). */
export function lineStartFile(file: string): string {
  const shown = printable(file);
  return COMMAND_START.test(shown) ? `./${shown}` : shown;
}
