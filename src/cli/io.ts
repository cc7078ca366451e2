/** What a CLI command may touch besides the file system: its output streams and working folder. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  cwd: string;
  /** The whole standard input, for `lint -`. */
  readStdin?: () => Promise<string>;
}

/** Exit codes shared by every command. */
export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_USAGE = 2;

/** A usage error: printed as one clear line, exit code 2. */
export class UsageError extends Error {}
