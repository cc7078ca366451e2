import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ParsedPost } from '../core/post/parse';
import { postHead } from '../core/site/model';
import { CONFIG_FILE_NAME } from '../core/site/profile';
import { buildSiteIndex, type SiteIndex } from '../core/site/siteIndex';
import { scanSiteFiles } from '../core/site/siteFiles';
import {
  findSiteForFile,
  findSiteForFileAsync,
  findSiteInFolder,
  listPostFiles,
  quickSiteForFile,
  type SiteContext,
} from '../core/site/workspace';

/** What is known about a file's site right now, without waiting. */
export interface SiteSoon {
  /** The learned site, or while it is learned what the config file and the file's path tell. */
  site: SiteContext | undefined;
  /** True when `site` is the learned one. */
  learned: boolean;
  /** The learned site. */
  ready: Promise<SiteContext | undefined>;
}

/**
 * Knows which site a file belongs to and what that site holds (posts, authors, tags, files), caching both until
 * a config file, a post or a site file changes.
 */
export class SiteService implements vscode.Disposable {
  private readonly sites = new Map<string, SiteContext | undefined>();
  /** Sites being learned, by the folder of the file that asked. */
  private readonly learning = new Map<string, Promise<SiteContext | undefined>>();
  /** Bumped when a config file changes: a site learned before that is not kept. */
  private epoch = 0;
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
      this.epoch++;
      this.sites.clear();
      this.learning.clear();
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
      this.learning.clear();
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

  /**
   * The site of a file without waiting for its posts to be read: the learned site when it is known, else what the
   * config file and the file's path tell (`learned` false) while the site is learned in slices that keep the
   * extension host answering; `ready` resolves with the learned site.
   */
  siteSoon(uri: vscode.Uri): SiteSoon {
    if (uri.scheme !== 'file') return { site: undefined, learned: true, ready: Promise.resolve(undefined) };
    const dir = path.dirname(uri.fsPath);
    if (this.sites.has(dir)) {
      const site = this.sites.get(dir);
      return { site, learned: true, ready: Promise.resolve(site) };
    }
    return { site: safe(() => quickSiteForFile(uri.fsPath)), learned: false, ready: this.siteLearned(uri) };
  }

  /** The site of a file on disk, learned without holding the extension host for long. */
  siteLearned(uri: vscode.Uri): Promise<SiteContext | undefined> {
    if (uri.scheme !== 'file') return Promise.resolve(undefined);
    const dir = path.dirname(uri.fsPath);
    if (this.sites.has(dir)) return Promise.resolve(this.sites.get(dir));
    const pending = this.learning.get(dir);
    if (pending) return pending;
    const epoch = this.epoch;
    const learned = findSiteForFileAsync(uri.fsPath)
      .catch(() => undefined)
      .then((site) => {
        if (this.epoch !== epoch) return site;
        if (this.learning.get(dir) === learned) this.learning.delete(dir);
        if (!this.sites.has(dir)) this.sites.set(dir, this.noted(site));
        return this.sites.get(dir);
      });
    this.learning.set(dir, learned);
    return learned;
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
    this.epoch++;
    this.learning.clear();
    this.sites.clear();
    this.indexes.clear();
    this.built.clear();
  }
}

/**
 * The site's index from its posts' front matter (parsed once per file version, shared with the site model) and its
 * files, in slices of a few milliseconds so the extension host keeps answering while a site of many posts is read.
 */
async function buildIndex(site: SiteContext): Promise<SiteIndex> {
  const posts: { path: string; post: ParsedPost }[] = [];
  let sliceStart = performance.now();
  for (const file of listPostFiles(site)) {
    // A post deleted or unreadable while the index is built is left out, not a failure of the whole index.
    const post = postHead(file);
    if (post) posts.push({ path: file, post });
    if (performance.now() - sliceStart >= SLICE_MS) {
      await handBack();
      sliceStart = performance.now();
    }
  }
  await handBack();
  const files = scanSiteFiles(site);
  await handBack();
  return buildSiteIndex(site, posts, files);
}

const SLICE_MS = 8;

function handBack(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
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
