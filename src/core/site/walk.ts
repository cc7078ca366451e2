import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Files below a folder whose names `accept` takes, sorted, skipping node_modules and dot-folders; symbolic links to
 * files count. Folders that cannot be read are passed to `onUnreadable`.
 */
export function filesBelow(folder: string, accept: (name: string) => boolean, onUnreadable: (dir: string) => void = () => {}): string[] {
  const found: string[] = [];
  const pending = [folder];
  while (pending.length) {
    const dir = pending.pop()!;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      onUnreadable(dir);
      continue;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) pending.push(full);
      else if (accept(entry.name) && (entry.isFile() || (entry.isSymbolicLink() && isFile(full)))) found.push(full);
    }
  }
  return found.sort();
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}
