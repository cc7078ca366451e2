import * as fs from 'node:fs';
import * as path from 'node:path';
import type { SiteLocation } from './siteIndex';

// Dependencies and build output hold nothing a post links to, and can be huge.
const SKIPPED_FOLDERS = new Set(['node_modules', 'build', '_site', 'dist', 'vendor', 'bower_components']);

/**
 * Site-relative paths ('/'-separated) of the files under the profile's source folder, at most `limit` of them.
 * Dot-folders, dependencies, build output and symbolic links are skipped; unreadable folders are passed over.
 */
export function scanSiteFiles(site: SiteLocation, limit = 20000): string[] {
  const source = site.profile.sourceFolder.replace(/\\/g, '/').replace(/^\.?\/+|\/+$/g, '');
  const found: string[] = [];
  const pending: string[] = [source];
  while (pending.length && found.length < limit) {
    const rel = pending.shift() as string;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(path.join(site.root, rel), { withFileTypes: true });
    } catch {
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name)) pending.push(child);
      } else if (entry.isFile()) {
        found.push(child);
        if (found.length >= limit) break;
      }
    }
  }
  return found;
}
