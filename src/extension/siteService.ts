import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { parsePost } from '../core/post/parse';
import { CONFIG_FILE_NAME } from '../core/site/profile';
import { buildSiteIndex, type SiteIndex } from '../core/site/siteIndex';
import { scanSiteFiles } from '../core/site/siteFiles';
import { findSiteForFile, findSiteInFolder, listPostFiles, type SiteContext } from '../core/site/workspace';

/**
 * Knows which site a file belongs to and what that site holds (posts, authors, tags, files), caching both until
 * a config file, a post or a site file changes.
 */
export class SiteService implements vscode.Disposable {
  private readonly sites = new Map<string, SiteContext | undefined>();
  private readonly indexes = new Map<string, Promise<SiteIndex>>();
  /** Indexes already built, for work that must not wait for one (the first check of an opened post). */
  private readonly built = new Map<string, { index: SiteIndex; from: Promise<SiteIndex> }>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when a config file changes, so diagnostics can be recomputed. */
  readonly onDidChangeConfig = this.changed.event;
  private readonly seenRoots = new Set<string>();
  private readonly seen = new vscode.EventEmitter<SiteContext>();
  /** Fires the first time a site is found (by its root), so what was learned about it can be shown. */
  readonly onDidFindSite = this.seen.event;

  constructor() {
    const configWatcher = vscode.workspace.createFileSystemWatcher(`**/${CONFIG_FILE_NAME}`);
    const onConfig = () => {
      this.sites.clear();
      this.indexes.clear();
      this.built.clear();
      this.changed.fire();
    };
    configWatcher.onDidChange(onConfig, undefined, this.disposables);
    configWatcher.onDidCreate(onConfig, undefined, this.disposables);
    configWatcher.onDidDelete(onConfig, undefined, this.disposables);
    // Any file created, deleted or saved may change what site links resolve to or which authors exist.
    const fileWatcher = vscode.workspace.createFileSystemWatcher('**/*');
    const onFile = (uri: vscode.Uri) => {
      for (const root of [...this.indexes.keys()]) if (isInside(uri.fsPath, root)) this.indexes.delete(root);
    };
    // A post added or removed changes what the site's model learned and routes: look the site up again.
    const onPostAddedOrRemoved = (uri: vscode.Uri) => {
      onFile(uri);
      for (const [dir, site] of [...this.sites]) if (site?.model && isInside(uri.fsPath, site.root)) this.sites.delete(dir);
    };
    fileWatcher.onDidCreate(onPostAddedOrRemoved, undefined, this.disposables);
    fileWatcher.onDidDelete(onPostAddedOrRemoved, undefined, this.disposables);
    fileWatcher.onDidChange(onFile, undefined, this.disposables);
    this.disposables.push(configWatcher, fileWatcher, this.changed, this.seen);
  }

  /** The site of a file on disk, or undefined for a file that belongs to none. */
  siteForFile(uri: vscode.Uri): SiteContext | undefined {
    if (uri.scheme !== 'file') return undefined;
    const dir = path.dirname(uri.fsPath);
    if (!this.sites.has(dir)) this.sites.set(dir, this.noted(safe(() => findSiteForFile(uri.fsPath))));
    return this.sites.get(dir);
  }

  /** Every site found at the root of the workspace folders. */
  workspaceSites(): SiteContext[] {
    const found: SiteContext[] = [];
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      if (folder.uri.scheme !== 'file') continue;
      const site = this.noted(safe(() => findSiteInFolder(folder.uri.fsPath)));
      if (site) found.push(site);
    }
    return found;
  }

  private noted(site: SiteContext | undefined): SiteContext | undefined {
    if (site && !this.seenRoots.has(site.root)) {
      this.seenRoots.add(site.root);
      this.seen.fire(site);
    }
    return site;
  }

  /** Posts, authors, tags and files of a site; built once and reused until something in the site changes. */
  index(site: SiteContext): Promise<SiteIndex> {
    const pending = this.indexes.get(site.root);
    if (pending) return pending;
    const created = buildIndex(site);
    this.indexes.set(site.root, created);
    created.then(
      (index) => {
        if (this.indexes.get(site.root) === created) this.built.set(site.root, { index, from: created });
      },
      () => this.indexes.delete(site.root),
    );
    return created;
  }

  /**
   * The site's index if it is built (the latest one, even if a file changed since and a new one is being built), or
   * undefined while the first one is built: the caller works without it now and again when `index` resolves.
   */
  indexIfBuilt(site: SiteContext): { index: SiteIndex | undefined; current: boolean; next: Promise<SiteIndex> } {
    const next = this.index(site);
    const built = this.built.get(site.root);
    return { index: built?.index, current: built?.from === next, next };
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
    this.sites.clear();
    this.indexes.clear();
    this.built.clear();
  }
}

async function buildIndex(site: SiteContext): Promise<SiteIndex> {
  // A post deleted or unreadable while the index is built is left out, not a failure of the whole index.
  const read = await Promise.all(
    listPostFiles(site).map((file) =>
      fs.readFile(file, 'utf8').then(
        (text) => ({ path: file, post: parsePost(text) }),
        () => undefined,
      ),
    ),
  );
  return buildSiteIndex(site, read.filter((p) => p !== undefined), scanSiteFiles(site));
}

function isInside(file: string, root: string): boolean {
  const rel = path.relative(root, file);
  return !rel.startsWith('..') && !path.isAbsolute(rel);
}

function safe<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch {
    return undefined;
  }
}
