/** Small readers of a site's files for the generator modules: none throws. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { parse as parseYaml } from 'yaml';

export function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

export function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

export function readText(p: string): string | undefined {
  try {
    return fs.readFileSync(p, 'utf8');
  } catch {
    return undefined;
  }
}

/** The first of `names` that is a file in `root`. */
export function firstFile(root: string, names: string[]): string | undefined {
  return names.find((n) => isFile(path.join(root, n)));
}

/** The names among `names` that are folders in `root`. */
export function existingFolders(root: string, names: string[]): string[] {
  return names.filter((n) => isDirectory(path.join(root, n)));
}

/** A YAML, TOML or JSON config file as plain data; undefined when it cannot be read. */
export function readConfig(file: string): Record<string, unknown> | undefined {
  const text = readText(file);
  if (text === undefined) return undefined;
  try {
    const data: unknown = file.endsWith('.toml') ? parseToml(text) : file.endsWith('.json') ? JSON.parse(text) : parseYaml(text, { maxAliasCount: 100 });
    return data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** `/:year/:month/:day/:title/` (Jekyll, Hugo, Hexo) → `/{year}/{month}/{day}/{title}/`. */
export function placeholders(pattern: string): string {
  const withSlash = pattern.startsWith('/') ? pattern : '/' + pattern;
  return withSlash.replace(/:([a-z_]+)/g, '{$1}');
}

export function baseName(relativePath: string): string {
  return relativePath.split('/').pop() ?? relativePath;
}

export const MARKDOWN = ['.md', '.markdown'];
