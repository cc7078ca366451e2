import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Reading a site's own files for its page (layouts, includes, stylesheets, data). A site is untrusted input: a
 * read never leaves the site's folder, not through `..` nor through a symbolic link, and is capped in size.
 */

/** The real path of `file` when it is a file inside the real `root`; undefined otherwise. */
export function fileInside(root: string, file: string): string | undefined {
  try {
    const realRoot = fs.realpathSync(root);
    const real = fs.realpathSync(path.resolve(root, file));
    const rel = path.relative(realRoot, real);
    if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
    return fs.statSync(real).isFile() ? real : undefined;
  } catch {
    return undefined;
  }
}

/** The text of a file inside the site, or undefined when it is outside, missing, unreadable or larger than `maxBytes`. */
export function readSiteFile(root: string, file: string, maxBytes: number): string | undefined {
  const real = fileInside(root, file);
  if (!real) return undefined;
  try {
    if (fs.statSync(real).size > maxBytes) return undefined;
    return fs.readFileSync(real, 'utf8');
  } catch {
    return undefined;
  }
}

/** Files below `dir` (inside `root`) whose names match, relative to `dir` with `/`, sorted; bounded in count and depth. */
export function listSiteFiles(root: string, dir: string, match: RegExp, limit = 500): string[] {
  const base = path.resolve(root, dir);
  if (!fileInsideOrRoot(root, base)) return [];
  const found: string[] = [];
  const pending: [string, number][] = [[base, 0]];
  while (pending.length && found.length < limit) {
    const [current, depth] = pending.pop()!;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(current, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = path.join(current, entry.name);
      if (entry.isDirectory() && depth < 6) pending.push([full, depth + 1]);
      else if (entry.isFile() && match.test(entry.name)) found.push(path.relative(base, full).split(path.sep).join('/'));
    }
  }
  return found.sort();
}

function fileInsideOrRoot(root: string, dir: string): boolean {
  try {
    const rel = path.relative(fs.realpathSync(root), fs.realpathSync(dir));
    return !rel.startsWith('..') && !path.isAbsolute(rel) && fs.statSync(dir).isDirectory();
  } catch {
    return false;
  }
}
