import * as path from 'node:path';
import * as vscode from 'vscode';
import { lintPost, type Problem } from '../core/rules/lint';
import { parsePost, type ParsedPost } from '../core/post/parse';
import { defaultProfile } from '../core/site/profile';
import { resolveSiteUrl, type SiteIndex } from '../core/site/siteIndex';
import type { SiteModel } from '../core/site/model';
import { buildRoutes, type SiteRoutes } from '../core/site/routes';
import { isPostFile, postsModel, type SiteContext } from '../core/site/workspace';
import type { PostClaim } from '../core/rules/duplicates';
import type { SiteProfile } from '../core/site/profile';
import { CheckCancelled, CheckWorker } from './checkClient';
import type { CheckResult } from './checkInput';
import { ruleDocsTarget } from './ruleDocs';
import { toRange } from './convert';
import type { PostCache } from './postCache';
import type { ReleasePostLog } from './log';
import { decidePost } from './posts';
import { lintSettings, SECTION, withEditorRules, type LintSettings } from './settings';
import type { SiteService } from './siteService';

export const DIAGNOSTIC_SOURCE = 'release-post';

interface Linted {
  version: number;
  problems: Problem[];
}

/**
 * Checks posts as they are opened and edited: at once on open, debounced while typing, stale results dropped,
 * cleared on close, recomputed when the settings or a site's config change.
 */
export class PostDiagnostics implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection(DIAGNOSTIC_SOURCE);
  private readonly configDiagnostics = vscode.languages.createDiagnosticCollection(`${DIAGNOSTIC_SOURCE}-config`);
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly generation = new Map<string, number>();
  private readonly results = new Map<string, Linted>();
  private readonly decided = new Map<string, boolean>();
  /** Large documents by whether their last check on the worker was slow (or stopped). */
  private readonly slow = new Map<string, boolean>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly published = new vscode.EventEmitter<Published>();
  private readonly worker = new CheckWorker();
  /** Posts whose stopped check was already said in a message. */
  private readonly cancelSaid = new Set<string>();
  private readonly cancelled = new vscode.EventEmitter<vscode.Uri>();
  /** Fires the first time a post's check is stopped past its budget (when the message is shown). */
  readonly onDidCancelCheck = this.cancelled.event;
  /** Fires when a post's problems are published, with the time (`performance.now()`): the bench and tests read it. */
  readonly onDidPublish = this.published.event;
  /** The first problems published since activation (the bench reads when, and how long that check held the host). */
  firstPublished: Published | undefined;

  constructor(
    private readonly cache: PostCache,
    private readonly sites: SiteService,
    private readonly log: ReleasePostLog,
  ) {
    this.disposables.push(
      this.published.event((e) => (this.firstPublished ??= e)),
      this.published,
      this.cancelled,
      { dispose: () => this.worker.dispose() },
      this.collection,
      this.configDiagnostics,
      vscode.workspace.onDidOpenTextDocument((doc) => this.schedule(doc, 0)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length) this.schedule(e.document, lintSettings(e.document.uri).delayMs);
      }),
      vscode.workspace.onDidCloseTextDocument((doc) => {
        this.forget(doc.uri);
        this.decided.delete(doc.uri.toString());
        this.slow.delete(doc.uri.toString());
        this.cancelSaid.delete(doc.uri.toString());
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(SECTION)) this.relintAll();
      }),
      sites.onDidChangeConfig(() => this.relintAll()),
    );
    this.relintAll();
  }

  /**
   * Whether the last check took a document as a post; undefined before its first check. What the status bar and the
   * preview button go by for a post too large to parse again on the extension host.
   */
  checkedAsPost(document: vscode.TextDocument): boolean | undefined {
    return this.decided.get(document.uri.toString());
  }

  /**
   * Whether the extension host may parse this document itself (for hovers, completions and links): a small one
   * always; a large one only once its check on the worker showed that it parses and checks in well under a second.
   */
  quickToParse(document: vscode.TextDocument): boolean {
    return document.getText().length < WORKER_MIN_CHARS || this.slow.get(document.uri.toString()) === false;
  }

  /** The problems behind the diagnostics currently shown for a document version, for quick fixes. */
  problemsFor(document: vscode.TextDocument): Problem[] {
    const linted = this.results.get(document.uri.toString());
    return linted && linted.version === document.version ? linted.problems : [];
  }

  /** Lints a document now and returns its problems (used by fix-all and the workspace command). */
  async lintNow(document: vscode.TextDocument): Promise<Problem[]> {
    await this.lint(document, true);
    return this.problemsFor(document);
  }

  relintAll(): void {
    this.configDiagnostics.clear();
    for (const doc of vscode.workspace.textDocuments) this.schedule(doc, 0);
  }

  private schedule(document: vscode.TextDocument, delayMs: number): void {
    // Posts on disk and unsaved ones; not the read-only copies VS Code opens for diffs and history (git:, ...).
    if (document.languageId !== 'markdown' || !CHECKED_SCHEMES.has(document.uri.scheme)) return;
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    const scheduled = performance.now();
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        const late = performance.now() - scheduled - delayMs;
        // A timer that fires late means the extension host was busy (with this extension's work or another's).
        if (late > 50) this.log.debug(`The check of ${vscode.workspace.asRelativePath(document.uri)} started ${Math.round(late)} ms late: the extension host was busy.`);
        void this.lint(document).catch((err: unknown) => this.reportFailure(document, err));
      }, delayMs),
    );
  }

  /**
   * Lints posts on disk that are not open (the workspace command). Open documents are linted from the editor's text.
   * Returns the number of files checked and their problems.
   */
  async lintFileOnDisk(uri: vscode.Uri, site: SiteContext, text: string): Promise<Problem[]> {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open) return this.lintNow(open);
    const settings = lintSettings(uri);
    if (text.length > settings.maxFileSizeKiB * 1024) {
      this.collection.set(uri, [tooLarge(settings.maxFileSizeKiB)]);
      return [];
    }
    const post = parsePost(text);
    if (!isPostFile(uri.fsPath, site, post)) return [];
    const index = await this.sites.index(site).catch(() => undefined);
    const problems = checkPost(post, uri, site, index, settings);
    this.collection.set(
      uri,
      problems.map((p) => this.toDiagnostic(p)),
    );
    return problems;
  }

  private async lint(document: vscode.TextDocument, waitForIndex = false): Promise<void> {
    const started = performance.now();
    const key = document.uri.toString();
    const generation = (this.generation.get(key) ?? 0) + 1;
    this.generation.set(key, generation);
    const settings = lintSettings(document.uri);
    const version = document.version;
    if (!settings.enabled || document.isClosed) {
      this.forget(document.uri);
      return;
    }
    // The first check of an opened post does not wait for the site's posts to be read: it uses what the config file
    // and the post's path tell, and runs again once the site is learned.
    const found = waitForIndex ? { site: await this.sites.siteLearned(document.uri), learned: true, ready: undefined } : this.sites.siteSoon(document.uri);
    if (waitForIndex && (this.generation.get(key) !== generation || document.version !== version)) return;
    const site = found.site;
    if (found.learned) {
      if (site) this.log.site(site);
      if (site?.configPath) this.showConfigProblems(site);
    } else {
      // Checked again with the learned site even if this check found no post: the learned site may say otherwise.
      found.ready?.then(
        () => {
          if (!document.isClosed) this.schedule(document, 0);
        },
        () => undefined,
      );
      // What the quick look gives is shown only where learning cannot change it (the built-in layout, no config
      // file); elsewhere the problems wait for the learned site rather than change under the user.
      if (!quickIsFinal(site)) return;
    }

    if (document.getText().length > settings.maxFileSizeKiB * 1024) {
      this.publish(document, version, [], [tooLarge(settings.maxFileSizeKiB)]);
      return;
    }
    // A large post is parsed and checked on the check worker: the extension host never waits for it.
    const onWorker = document.getText().length >= WORKER_MIN_CHARS;
    const post = onWorker ? undefined : this.cache.get(document);
    if (post) {
      const decision = decidePost(document, site, post);
      this.decided.set(key, decision.isPost);
      this.log.post(document.uri, decision.isPost, decision.reason);
      if (!decision.isPost) {
        this.forget(document.uri);
        return;
      }
    }
    let index: SiteIndex | undefined;
    if (!found.learned) {
      // The index is built for the learned site.
    } else if (site && waitForIndex) {
      index = await this.sites.index(site).catch(() => undefined);
      // A newer edit started another lint while the site index loaded: its result wins.
      if (this.generation.get(key) !== generation || document.version !== version) return;
    } else if (site) {
      // The first check of an opened post does not wait for the site's index: the link check joins when it is built.
      const built = this.sites.indexIfBuilt(site);
      index = built.index;
      if (!built.current) {
        built.next.then(
          () => {
            if (this.generation.get(key) === generation && !document.isClosed) this.schedule(document, 0);
          },
          () => undefined,
        );
      }
    }
    if (!post) {
      await this.checkOnWorker(document, version, site, index, settings, () => this.generation.get(key) === generation && document.version === version, started);
      return;
    }
    const rulesStart = performance.now();
    const problems = checkPost(post, document.uri, site, index, settings);
    const done = performance.now();
    this.publish(document, version, problems, problems.map((p) => this.toDiagnostic(p)));
    this.log.debug(
      `Checked ${vscode.workspace.asRelativePath(document.uri)} (version ${version}) in ${Math.round(done - started)} ms: ` +
        `rules ${Math.round(done - rulesStart)} ms; site ${found.learned ? 'learned' : 'being learned'}, index ${index ? 'built' : 'not yet'}.`,
    );
    this.published.fire({ uri: document.uri, version, at: performance.now(), hostMs: performance.now() - started });
  }

  /** Checks a large post on the check worker; past its budget the check is stopped and that is said once. */
  private async checkOnWorker(
    document: vscode.TextDocument,
    version: number,
    site: SiteContext | undefined,
    index: SiteIndex | undefined,
    settings: LintSettings,
    current: () => boolean,
    started: number,
  ): Promise<void> {
    const uri = document.uri;
    const model = postsModel(site);
    const links = model
      ? this.worker.links(routesOf(model), () => {
          const routes = routesOf(model);
          return { kind: 'routes', urls: [...routes.urls], folders: [...routes.folders] };
        })
      : index
        ? this.worker.links(index, () => ({ kind: 'index', urls: [...index.urls] }))
        : undefined;
    const request = {
      text: document.getText(),
      fileName: path.basename(uri.fsPath || uri.path),
      profile: checkProfile(uri, site, settings),
      otherPosts: otherPostsOf(uri, site, index),
    };
    let result: CheckResult | undefined;
    // The time this check takes on the extension host itself: before the worker is asked, and after it answers.
    let hostMs = 0;
    try {
      hostMs = performance.now() - started;
      result = await this.worker.check(request, links, settings.timeoutMs, () => current() && !document.isClosed);
    } catch (err) {
      if (!(err instanceof CheckCancelled)) throw err;
      this.slow.set(uri.toString(), true);
      if (!current() || document.isClosed) return;
      const after = performance.now();
      this.reportCancelled(document, version, err.budgetMs);
      this.published.fire({ uri, version, at: performance.now(), hostMs: hostMs + performance.now() - after });
      return;
    }
    const after = performance.now();
    if (result) this.slow.set(uri.toString(), result.ms > SLOW_CHECK_MS);
    if (!result || !current() || document.isClosed) return;
    const decision = decidePost(document, site, result);
    this.decided.set(uri.toString(), decision.isPost);
    this.log.post(uri, decision.isPost, decision.reason);
    if (!decision.isPost) {
      this.forget(uri);
      return;
    }
    this.publish(document, version, result.problems, result.problems.map((p) => this.toDiagnostic(p)));
    this.log.debug(
      `Checked ${vscode.workspace.asRelativePath(uri)} (version ${version}) on the check worker in ${Math.round(performance.now() - started)} ms ` +
        `(${Math.round(result.ms)} ms of parsing and rules there).`,
    );
    this.published.fire({ uri, version, at: performance.now(), hostMs: hostMs + performance.now() - after });
  }

  /** A check stopped past its budget: an information problem on the post, and a message the first time. */
  private reportCancelled(document: vscode.TextDocument, version: number, budgetMs: number): void {
    const message =
      `Release Post stopped checking this post: the check ran past ${budgetMs} ms ("releasePost.lint.timeout"). ` +
      'It is checked again after the next edit; "release-post lint" checks it without a limit.';
    const d = new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0), message, vscode.DiagnosticSeverity.Information);
    d.source = DIAGNOSTIC_SOURCE;
    d.code = 'check-timeout';
    this.publish(document, version, [], [d]);
    this.log.info(`${vscode.workspace.asRelativePath(document.uri)}: ${message}`);
    const key = document.uri.toString();
    if (this.cancelSaid.has(key)) return;
    this.cancelSaid.add(key);
    void vscode.window.showInformationMessage(message);
    this.cancelled.fire(document.uri);
  }

  private publish(document: vscode.TextDocument, version: number, problems: Problem[], diagnostics: vscode.Diagnostic[]) {
    if (document.isClosed) return;
    this.results.set(document.uri.toString(), { version, problems });
    this.collection.set(document.uri, diagnostics);
  }

  private toDiagnostic(problem: Problem): vscode.Diagnostic {
    const d = new vscode.Diagnostic(toRange(problem.range), problem.message, SEVERITY[problem.severity]);
    d.source = DIAGNOSTIC_SOURCE;
    d.code = { value: problem.rule, target: ruleDocsTarget(problem.rule) };
    return d;
  }

  private showConfigProblems(site: SiteContext): void {
    const uri = vscode.Uri.file(site.configPath!);
    const list = site.problems.map((p) => {
      const d = new vscode.Diagnostic(toRange(p.range), p.message, vscode.DiagnosticSeverity.Error);
      d.source = DIAGNOSTIC_SOURCE;
      d.code = { value: 'config', target: ruleDocsTarget('config') };
      return d;
    });
    this.configDiagnostics.set(uri, list);
  }

  private reportFailure(document: vscode.TextDocument, err: unknown): void {
    const d = new vscode.Diagnostic(
      new vscode.Range(0, 0, 0, 0),
      `Release Post could not check this file: ${err instanceof Error ? err.message : String(err)}`,
      vscode.DiagnosticSeverity.Information,
    );
    d.source = DIAGNOSTIC_SOURCE;
    this.collection.set(document.uri, [d]);
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.results.delete(key);
    this.generation.set(key, (this.generation.get(key) ?? 0) + 1);
    this.collection.delete(uri);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    for (const d of this.disposables) d.dispose();
  }
}

const CHECKED_SCHEMES = new Set(['file', 'untitled']);

interface Published {
  uri: vscode.Uri;
  version: number;
  /** When the problems were handed to VS Code (`performance.now()`). */
  at: number;
  /** How long the check held the extension host, from the start of its turn (not counting the worker's time). */
  hostMs: number;
}

/**
 * Posts from this many characters on are parsed and checked on the check worker. Below it the extension host checks
 * them itself, from the parse it shares with hovers and the preview: a Mesos post (4–20 KB) takes a few ms there.
 */
export const WORKER_MIN_CHARS = 64 * 1024;

/** A site found without learning that learning leaves as it is: the built-in layout, with no config file. */
function quickIsFinal(site: SiteContext | undefined): boolean {
  return site !== undefined && !site.configPath && !site.model && site.profile.postsFolder === defaultProfile().postsFolder;
}

/** A large post whose check on the worker takes longer than this is not parsed again on the extension host. */
const SLOW_CHECK_MS = 150;

/** The site's profile with the editor's severities. */
function checkProfile(uri: vscode.Uri, site: SiteContext | undefined, settings: LintSettings): SiteProfile {
  const profile = withEditorRules(site?.profile ?? defaultProfile(), settings.rules);
  // An unsaved post has no file name yet: the rules about the name wait until it is saved.
  return uri.scheme !== 'file' ? withEditorRules(profile, { 'filename-format': 'off', 'permalink-mismatch': 'off' }) : profile;
}

/** The site's other posts, for `duplicate-post`: the index knows each post's URL from its file name and release. */
function otherPostsOf(uri: vscode.Uri, site: SiteContext | undefined, index: SiteIndex | undefined): PostClaim[] | undefined {
  const self = site && uri.scheme === 'file' ? path.relative(site.root, uri.fsPath).split(path.sep).join('/') : undefined;
  if (!index || self === undefined) return undefined;
  return index.posts.filter((p) => p.path !== self).map((p) => ({ path: p.path, urls: p.url.includes('{') ? [] : [p.url.replace(/\/?$/, '/')], version: p.version }));
}

/** The rules over one parse, with the editor's severities and the site's files for link checks. */
function checkPost(post: ParsedPost, uri: vscode.Uri, site: SiteContext | undefined, index: SiteIndex | undefined, settings: LintSettings): Problem[] {
  const model = postsModel(site);
  return lintPost(post, path.basename(uri.fsPath || uri.path), checkProfile(uri, site, settings), {
    siteLinkExists: model ? routedLinks(model) : index ? (href) => resolveSiteUrl(index, href) !== undefined : undefined,
    otherPosts: otherPostsOf(uri, site, index),
  });
}

/** Routes of a site model, built once per model (a changed site gets a new model). */
const routesByModel = new WeakMap<SiteModel, SiteRoutes>();

function routesOf(model: SiteModel): SiteRoutes {
  let routes = routesByModel.get(model);
  if (!routes) {
    routes = buildRoutes(model);
    routesByModel.set(model, routes);
  }
  return routes;
}

/** Site links routed the way the site's generator routes them; a route it cannot know is not reported. */
function routedLinks(model: SiteModel): (href: string) => boolean {
  const known = routesOf(model);
  return (href) => known.status(href) !== 'missing';
}

const SEVERITY: Record<Problem['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

function tooLarge(capKiB: number): vscode.Diagnostic {
  const d = new vscode.Diagnostic(
    new vscode.Range(0, 0, 0, 0),
    `This file is larger than ${capKiB} KiB, so Release Post does not check it while you type. ` +
      'Raise "releasePost.lint.maxFileSize" or run "release-post lint" on it.',
    vscode.DiagnosticSeverity.Information,
  );
  d.source = DIAGNOSTIC_SOURCE;
  d.code = 'file-too-large';
  return d;
}
