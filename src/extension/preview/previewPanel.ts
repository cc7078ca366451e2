import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { escapeHtml, readPostHeader, renderPostContent, renderPostPage, type PageInput, type PostContent, type PostHeader } from '../../core/preview/page';
import { parsePost } from '../../core/post/parse';
import { defaultProfile } from '../../core/site/profile';
import { isPostFile } from '../../core/site/workspace';
import { resolveSiteUrl } from '../../core/site/siteIndex';
import type { FromWebview, ToWebview } from '../../core/preview/previewMessages';
import type { SiteContext } from '../../core/site/workspace';
import { siteStylesheetFiles } from '../../core/site/configPaths';
import type { SiteLook } from '../../core/preview/site/siteLook';
import { cachedSiteStylesheets, cssWithUrls, siteStylesheetsAsync, type SiteStyles } from '../../core/preview/site/stylesheets';
import { WORKER_MIN_CHARS, type PostDiagnostics } from '../diagnostics';
import type { PostCache } from '../postCache';
import { lintSettings, tooLargeForLiveWork } from '../settings';
import type { SiteService } from '../siteService';
import { WorkCancelled, type ThreadWorker } from '../threadWorker';
import { localImageFile, lookForPost, PENDING_STYLES, renderSite, withImageUris, type ImageRoots, type RenderJob, type RenderResult, type RenderSite } from './renderInput';

export const PREVIEW_VIEW_TYPE = 'releasePost.preview';

/** Renders large posts for the preview off the extension host's thread (renderWorker.ts). */
export type RenderWorker = ThreadWorker<RenderJob, RenderResult, RenderSite>;

export interface PreviewServices {
  extensionUri: vscode.Uri;
  cache: PostCache;
  sites: SiteService;
  diagnostics: PostDiagnostics;
  renders: RenderWorker;
}

/** Saved by the webview and handed back by VS Code after a window reload. */
export interface PreviewState {
  uri: string;
  line?: number;
}

/**
 * One preview panel showing one post at a time, as the site would publish it. It follows the active post, updates
 * while typing (throttled, by message, so the page is not reloaded) and keeps scroll in step with the editor.
 */
export class PreviewPanel implements vscode.Disposable {
  private document: vscode.TextDocument | undefined;
  private site: SiteContext | undefined;
  /** How the post's site dresses its posts (its CSS, layouts, name and menu); built when the page loads. */
  private look: SiteLook | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;
  /** Until this time, scroll events from the editor are echoes of a scroll the preview asked for. */
  private ignoreEditorScrollUntil = 0;
  private readonly disposed = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.disposed.event;
  /** The header of the last post whose front matter could be read: shown while it is broken. */
  private lastGoodHeader: PostHeader | undefined;
  private lastGoodHeaderUri: string | undefined;
  /** Posts whose remote images the user chose to load ("Load remote images for this post"), by URI. */
  private readonly remoteImagesFor = new Set<string>();
  /** How the loaded page was set up: its nonce and resource URIs. */
  private mode: PageInput['mode'] | undefined;
  /** What the page shows now (tests read it). */
  lastContent: PostContent | undefined;
  /** Number of renders sent to the webview (tests wait on it). */
  renders = 0;
  /** The site CSS last sent to the page by a `styles` message (tests read it). */
  lastStyles: string | undefined;
  /** Number of `styles` messages sent (tests wait on it). */
  stylesSent = 0;
  /** Counts builds of the site's CSS: only the newest one's result reaches the page. */
  private stylesBuild = 0;
  /** Watches the site's style sources while a site's CSS is shown: a change builds it again. */
  private styleWatcher: vscode.FileSystemWatcher | undefined;
  private styleWatcherRoot: string | undefined;
  private styleTimer: NodeJS.Timeout | undefined;
  private isDisposed = false;
  /** Waits for the check of a large document that became active, to follow it if it is a post. */
  private pendingFollow: vscode.Disposable | undefined;
  /** The loaded page came without the site's CSS: it gets it by message, again when it says it is ready. */
  private pageAwaitsStyles = false;
  /** Names the look shown, for the render worker (which makes its own from the site's files). */
  private lookId = 0;
  private static nextLookId = 1;
  /** Counts renders asked of the worker: only the newest one's result reaches the page. */
  private workerRender = 0;
  /** The page of a large post waits for its first render from the worker (a placeholder page shows meanwhile). */
  private pageAwaitsRender = false;
  private readonly rendered = new vscode.EventEmitter<PreviewRender>();
  /** Fires when content reaches the page, with how long the render held the extension host (tests and the bench). */
  readonly onDidRender = this.rendered.event;

  constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly services: PreviewServices,
    document: vscode.TextDocument,
    private line?: number,
  ) {
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((m: unknown) => this.onMessage(m)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        // A post above the size cap is rendered again when saved, not on every keystroke.
        if (e.document === this.document && !tooLargeForLiveWork(e.document)) this.scheduleUpdate();
      }),
      vscode.workspace.onDidSaveTextDocument((doc) => {
        if (doc === this.document) this.scheduleUpdate();
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        // Only another post takes the preview over: a README or the rules' docs leave the last post on show.
        if (this.locked || !editor || editor.document.languageId !== 'markdown' || editor.document === this.document) return;
        if (this.isPost(editor.document)) this.show(editor.document);
        else if (rendersOnWorker(editor.document) && this.services.diagnostics.checkedAsPost(editor.document) === undefined) this.followWhenChecked(editor.document);
      }),
      vscode.window.onDidChangeTextEditorVisibleRanges((e) => this.onEditorScroll(e)),
      vscode.languages.onDidChangeDiagnostics((e) => {
        if (this.document && e.uris.some((u) => u.toString() === this.document!.uri.toString())) this.scheduleUpdate();
      }),
    );
    this.show(document);
  }

  get uri(): vscode.Uri | undefined {
    return this.document?.uri;
  }

  /** A locked preview keeps its post whatever editor becomes active, like VS Code's own Markdown preview. */
  get locked(): boolean {
    return this.isLocked;
  }

  set locked(value: boolean) {
    this.isLocked = value;
    this.updateTitle();
  }

  private isLocked = false;

  /** A large document not checked yet: the preview follows it once its check (on the worker) says it is a post. */
  private followWhenChecked(document: vscode.TextDocument): void {
    this.pendingFollow?.dispose();
    const uri = document.uri.toString();
    this.pendingFollow = this.services.diagnostics.onDidPublish((e) => {
      if (e.uri.toString() !== uri) return;
      this.pendingFollow?.dispose();
      this.pendingFollow = undefined;
      if (this.locked || this.isDisposed || vscode.window.activeTextEditor?.document !== document || document === this.document) return;
      if (this.services.diagnostics.checkedAsPost(document) === true) this.show(document);
    });
  }

  /** As the preview button decides (previewManager.ts): a large post is parsed on the check worker, never here. */
  private isPost(document: vscode.TextDocument): boolean {
    if (tooLargeForLiveWork(document)) return isPostFile(document.uri.fsPath, this.services.sites.siteForFile(document.uri), parsePost(''));
    if (rendersOnWorker(document)) return this.services.diagnostics.checkedAsPost(document) === true;
    return isPostFile(document.uri.fsPath || document.uri.path, this.services.sites.siteForFile(document.uri), this.services.cache.get(document));
  }

  private updateTitle(): void {
    if (!this.document) return;
    const name = path.basename(this.document.uri.fsPath || this.document.uri.path);
    this.panel.title = `${this.isLocked ? '[Locked] ' : ''}Preview ${name}`;
  }

  /** Shows a post: a full page load when the site changes, a message otherwise. */
  show(document: vscode.TextDocument): void {
    const site = this.services.sites.siteForFile(document.uri);
    const look = document.uri.scheme === 'file' ? lookFor(document.uri.fsPath, site) : undefined;
    const sameSite = this.document !== undefined && site?.root === this.site?.root && look?.site.root === this.look?.site.root;
    if (this.document?.uri.toString() !== document.uri.toString()) this.line = undefined;
    this.document = document;
    this.site = site;
    if (look !== this.look) this.lookId = PreviewPanel.nextLookId++;
    this.look = look;
    this.updateTitle();
    if (sameSite) {
      this.update();
      return;
    }
    this.watchStyles();
    this.panel.webview.options = {
      enableScripts: true,
      enableForms: false,
      enableCommandUris: false,
      localResourceRoots: this.resourceRoots(document, site),
    };
    this.reload(document);
  }

  /** A full page load: the CSP (which images may load) is part of the page, not of an update. */
  private reload(document: vscode.TextDocument): void {
    const started = performance.now();
    this.mode = this.webviewMode();
    this.pageAwaitsStyles = this.mode.kind === 'webview' && this.mode.stylesPending === true;
    if (this.pageAwaitsStyles) this.requestStyles();
    if (rendersOnWorker(document)) {
      // The page of a large post is made from the worker's render; until then it says that it is on its way.
      const input = this.pageInput(document, this.mode, EMPTY_POST);
      this.panel.webview.html = renderPostPage(input, placeholderContent(input.fileName));
      this.pageAwaitsRender = true;
      this.renderOnWorker(document);
      return;
    }
    this.pageAwaitsRender = false;
    const input = this.pageInput(document, this.mode);
    const content = renderPostContent(input);
    this.panel.webview.html = renderPostPage(input, content);
    this.lastContent = content;
    this.renders++;
    this.rendered.fire({ uri: document.uri, version: document.version, onWorker: false, hostMs: performance.now() - started });
  }

  /**
   * Renders a large post on the render worker: the extension host only gathers the input and maps the images.
   * Past its budget the render is stopped, and the page says so and keeps the last render.
   */
  private renderOnWorker(document: vscode.TextDocument): void {
    const started = performance.now();
    const token = ++this.workerRender;
    const mode = this.mode!;
    const input = this.pageInput(document, mode, EMPTY_POST);
    const job: RenderJob = {
      text: document.getText(),
      fileName: input.fileName,
      filePath: input.filePath,
      uri: document.uri.toString(),
      // The content does not depend on the site's CSS, which can be large: the page has it already.
      mode: mode.kind === 'webview' ? { ...mode, inlineCss: mode.inlineCss === undefined ? undefined : '' } : mode,
      problems: input.problems ?? [],
      initialLine: this.line,
      fallbackHeader: this.lastGoodHeaderUri === document.uri.toString() ? this.lastGoodHeader : undefined,
      remoteImages: input.remoteImages === true,
      roots: this.imageRoots(document),
      lookId: this.lookId,
      token: `rp${randomBytes(8).toString('hex')}-`,
    };
    const site = this.site;
    const shared = site ? this.services.renders.shared(site, () => renderSite(site)) : undefined;
    const current = () => token === this.workerRender && !this.isDisposed && this.document === document;
    const hostBefore = performance.now() - started;
    const budget = lintSettings(document.uri).timeoutMs;
    this.services.renders.run(job, shared, budget, current).then(
      (result) => {
        if (!result || !current()) return;
        const after = performance.now();
        const uris = result.files.map((file) => this.panel.webview.asWebviewUri(vscode.Uri.file(file)).toString());
        const content = withImageUris(result.content, job.token, uris);
        if (result.header) {
          this.lastGoodHeader = result.header;
          this.lastGoodHeaderUri = document.uri.toString();
        }
        this.showContent(document, content);
        this.rendered.fire({ uri: document.uri, version: document.version, onWorker: true, hostMs: hostBefore + performance.now() - after });
      },
      (err: unknown) => {
        if (!current()) return;
        const why =
          err instanceof WorkCancelled
            ? `The preview of this post took longer than ${err.budgetMs} ms to render and was stopped; it shows the last render and tries again on the next edit.`
            : `The preview of this post could not be rendered (${err instanceof Error ? err.message : String(err)}).`;
        const notice = `<div class="rp-banner-box rp-banner-info"><p>${escapeHtml(why)}</p></div>`;
        const last = this.lastContent?.uri === document.uri.toString() && !this.pageAwaitsRender ? this.lastContent : placeholderContent(input.fileName, why);
        this.showContent(document, { ...last, banner: notice + last.banner });
      },
    );
  }

  /** Content of the current post to the page: the whole page when it waits for its first render, else an update. */
  private showContent(document: vscode.TextDocument, content: PostContent): void {
    this.lastContent = content;
    this.renders++;
    if (this.pageAwaitsRender) {
      this.pageAwaitsRender = false;
      this.panel.webview.html = renderPostPage(this.pageInput(document, this.mode!, EMPTY_POST), content);
      return;
    }
    const fileName = path.basename(document.uri.fsPath || document.uri.path);
    void this.post({ type: 'update', html: content.html, title: content.title, banner: content.banner, uri: content.uri, fileName });
  }

  /** Whether the page uses the site's built CSS (not the files a config names, not the built-in page alone). */
  private usesBuiltStyles(): boolean {
    return this.look !== undefined && !(this.site && siteStylesheetFiles(this.site.root, this.site.profile).length);
  }

  /**
   * Builds the site's CSS in a worker (the host never waits for Sass) and swaps it into the page when ready. The
   * page meanwhile shows in our plain style with a "Building the site's styles..." note.
   */
  private requestStyles(): void {
    const look = this.look;
    if (!look || !this.usesBuiltStyles()) return;
    const token = ++this.stylesBuild;
    const apply = (styles: SiteStyles) => {
      if (this.isDisposed || token !== this.stylesBuild || this.look?.site.root !== look.site.root) return;
      this.look = { ...this.look, styles };
      this.sendStyles();
    };
    siteStylesheetsAsync(look.site).then(apply, (err: unknown) =>
      apply({ css: '', sheets: [], errors: [err instanceof Error ? err.message : String(err)] }),
    );
  }

  /** Sends the site's CSS to the page (again after the page says it is ready: a message may beat the page's script). */
  private sendStyles(): void {
    if (!this.look || this.look.styles.pending || this.mode?.kind !== 'webview' || !this.usesBuiltStyles()) return;
    const css = this.inlineCss(this.look);
    this.mode.inlineCss = css;
    this.mode.stylesPending = false;
    this.lastStyles = css;
    this.stylesSent++;
    void this.post({ type: 'styles', css });
  }

  /** The site's CSS with its `url()`s as webview URIs of the site's files; `none` for a file that is not there. */
  private inlineCss(look: SiteLook): string {
    const webview = this.panel.webview;
    return cssWithUrls(look.styles.css, (sitePath) => {
      const file = path.join(look.site.publicRoot, decodeURIComponent(sitePath.replace(/[?#].*$/s, '')));
      return fs.existsSync(file) ? webview.asWebviewUri(vscode.Uri.file(file)).toString() : undefined;
    });
  }

  /**
   * Watches the CSS, Sass and layout files of the shown site: when one changes (saved here or elsewhere) and the
   * cached CSS is no longer valid (a file it came from changed, a sheet was added, a layout links another), the CSS
   * is built again and swapped in.
   */
  private watchStyles(): void {
    const root = this.look && this.usesBuiltStyles() ? this.look.site.root : undefined;
    if (root === this.styleWatcherRoot) return;
    this.styleWatcher?.dispose();
    this.styleWatcher = undefined;
    this.styleWatcherRoot = root;
    if (!root) return;
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(root), '**/*.{css,scss,sass,html,erb}'));
    const changed = () => {
      clearTimeout(this.styleTimer);
      this.styleTimer = setTimeout(() => this.stylesChanged(), 300);
    };
    watcher.onDidChange(changed);
    watcher.onDidCreate(changed);
    watcher.onDidDelete(changed);
    this.styleWatcher = watcher;
  }

  private stylesChanged(): void {
    const look = this.look;
    if (!look || !this.usesBuiltStyles() || cachedSiteStylesheets(look.site)) return;
    this.requestStyles();
  }

  /** Remote images load for posts the user allowed them in, or everywhere with the setting. */
  private remoteImagesAllowed(document: vscode.TextDocument): boolean {
    if (this.remoteImagesFor.has(document.uri.toString())) return true;
    return vscode.workspace.getConfiguration('releasePost', document.uri).get<boolean>('preview.remoteImages', false) === true;
  }

  private resourceRoots(document: vscode.TextDocument, site: SiteContext | undefined): vscode.Uri[] {
    const roots = [vscode.Uri.joinPath(this.services.extensionUri, 'media'), vscode.Uri.joinPath(this.services.extensionUri, 'dist', 'webview')];
    if (this.look) roots.push(vscode.Uri.file(this.look.site.publicRoot));
    if (site) roots.push(vscode.Uri.file(path.join(site.root, site.profile.sourceFolder)));
    else if (document.uri.scheme === 'file') roots.push(vscode.Uri.file(path.dirname(document.uri.fsPath)));
    // Only folders inside the site: a config cannot open the rest of the disk to the page.
    for (const css of site ? siteStylesheetFiles(site.root, site.profile) : []) roots.push(vscode.Uri.file(path.dirname(css)));
    return roots;
  }

  private webviewMode(): PageInput['mode'] {
    const webview = this.panel.webview;
    const media = (...p: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(this.services.extensionUri, ...p)).toString();
    const siteSheets = (this.site ? siteStylesheetFiles(this.site.root, this.site.profile) : []).map((css) =>
      webview.asWebviewUri(vscode.Uri.file(css)).toString(),
    );
    const look = this.look;
    // The frame (site.css) under the site's own CSS; our imitation of the site (preview.css) for the built-in
    // page when the site has no CSS of its own, or until it is built.
    const builtStyles = !siteSheets.length && look !== undefined;
    const imitation = look?.kind === 'builtin' || !look;
    const ours = imitation && !(builtStyles && look.styles.css) ? 'preview.css' : 'site.css';
    const mode: PageInput['mode'] = {
      kind: 'webview',
      cspSource: webview.cspSource,
      nonce: randomBytes(16).toString('base64'),
      scriptUri: media('dist', 'webview', 'preview.js'),
      styleUris: siteSheets.length ? siteSheets : [media('media', look?.styles.pending ? 'site.css' : ours)],
    };
    if (builtStyles) {
      // A style element by nonce even while the CSS is built, so that it can be swapped in without a reload.
      mode.inlineCss = look.styles.pending ? '' : this.inlineCss(look);
      mode.stylesPending = look.styles.pending === true;
      if (look.styles.pending && imitation) mode.fallbackStyleUri = media('media', 'preview.css');
    }
    return mode;
  }

  /** What the page is made from; `post` given (an empty one) for the parts of a page that do not show the post. */
  private pageInput(document: vscode.TextDocument, mode: PageInput['mode'], post = this.services.cache.get(document)): PageInput {
    const profile = this.site?.profile ?? defaultProfile();
    if (this.lastGoodHeaderUri !== document.uri.toString()) this.lastGoodHeader = undefined;
    const header = post.frontMatter && !post.frontMatter.errors.length ? readPostHeader(post, undefined, profile.authorField) : undefined;
    if (header) {
      this.lastGoodHeader = header;
      this.lastGoodHeaderUri = document.uri.toString();
    }
    const showProblems = vscode.workspace.getConfiguration('releasePost', document.uri).get<boolean>('preview.showProblems', true);
    return {
      post,
      fileName: path.basename(document.uri.fsPath || document.uri.path),
      filePath: document.uri.scheme === 'file' ? document.uri.fsPath : undefined,
      look: this.look,
      profile,
      mode,
      resolveUrl: (href, kind) => this.resolveUrl(document, href, kind),
      problems: showProblems
        ? this.services.diagnostics.problemsFor(document).map((p) => ({ line: p.range.start.line, severity: p.severity, message: p.message }))
        : [],
      uri: document.uri.toString(),
      initialLine: this.line,
      fallbackHeader: this.lastGoodHeader,
      remoteImages: this.remoteImagesAllowed(document),
    };
  }

  /** Site-root and relative images become webview URIs of local files; links stay as written (clicks are ours). */
  private resolveUrl(document: vscode.TextDocument, href: string, kind: 'link' | 'image'): string {
    const file = kind === 'image' ? localImageFile(href, this.imageRoots(document)) : undefined;
    return file ? this.panel.webview.asWebviewUri(vscode.Uri.file(file)).toString() : href;
  }

  private imageRoots(document: vscode.TextDocument): ImageRoots {
    return {
      publicRoot: this.look?.site.publicRoot,
      sourceRoot: this.site ? path.join(this.site.root, this.site.profile.sourceFolder) : undefined,
      postDir: document.uri.scheme === 'file' ? path.dirname(document.uri.fsPath) : undefined,
    };
  }

  private scheduleUpdate(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.update();
    }, 150);
  }

  private update(): void {
    if (!this.document) return;
    if (rendersOnWorker(this.document)) {
      this.renderOnWorker(this.document);
      return;
    }
    const started = performance.now();
    this.pageAwaitsRender = false;
    // The page shell (nonce, script and style URIs) stays as loaded; an update only replaces its content.
    const content = renderPostContent(this.pageInput(this.document, this.mode!));
    this.lastContent = content;
    const fileName = path.basename(this.document.uri.fsPath || this.document.uri.path);
    void this.post({ type: 'update', html: content.html, title: content.title, banner: content.banner, uri: content.uri, fileName });
    this.renders++;
    this.rendered.fire({ uri: this.document.uri, version: this.document.version, onWorker: false, hostMs: performance.now() - started });
  }

  private post(message: ToWebview): Thenable<boolean> {
    return this.panel.webview.postMessage(message);
  }

  private onEditorScroll(e: vscode.TextEditorVisibleRangesChangeEvent): void {
    if (e.textEditor.document !== this.document || !e.visibleRanges.length || !scrollSync(this.document)) return;
    if (Date.now() < this.ignoreEditorScrollUntil) return;
    void this.post({ type: 'scrollToLine', line: e.visibleRanges[0].start.line });
  }

  private onMessage(message: unknown): void {
    if (!message || typeof message !== 'object' || typeof (message as { type?: unknown }).type !== 'string') return;
    const m = message as FromWebview;
    switch (m.type) {
      case 'revealLine':
        if (typeof m.line === 'number') this.revealLine(m.line, false);
        break;
      case 'openLine':
        if (typeof m.line === 'number') this.revealLine(m.line, true);
        break;
      case 'openLink':
        if (typeof m.href === 'string') void this.openLink(m.href);
        break;
      case 'ready':
        // The CSS may have been sent before the page's script listened: send it again (the swap is idempotent).
        if (this.pageAwaitsStyles && this.look && !this.look.styles.pending) {
          this.pageAwaitsStyles = false;
          this.sendStyles();
        }
        break;
      case 'loadRemoteImages':
        if (this.document) {
          this.remoteImagesFor.add(this.document.uri.toString());
          this.reload(this.document);
        }
        break;
    }
  }

  private revealLine(line: number, select: boolean): void {
    const doc = this.document;
    if (!doc || !Number.isFinite(line)) return;
    this.line = line;
    const target = new vscode.Position(Math.max(0, Math.min(Math.floor(line), doc.lineCount - 1)), 0);
    const editor = vscode.window.visibleTextEditors.find((e) => e.document === doc);
    if (select) {
      void vscode.window.showTextDocument(doc, { viewColumn: editor?.viewColumn ?? vscode.ViewColumn.One, selection: new vscode.Range(target, target) });
      return;
    }
    if (!editor || !scrollSync(doc)) return;
    this.ignoreEditorScrollUntil = Date.now() + 300;
    editor.revealRange(new vscode.Range(target, target), vscode.TextEditorRevealType.AtTop);
  }

  /** http(s) and mailto open outside; site-root and relative links open the file behind them in the editor. */
  private async openLink(href: string): Promise<void> {
    if (/^(https?|mailto):/i.test(href)) {
      await vscode.env.openExternal(vscode.Uri.parse(href, true));
      return;
    }
    if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//') || href.startsWith('#')) return;
    const doc = this.document;
    if (!doc) return;
    let target: string | undefined;
    if (href.startsWith('/') && this.site) {
      const index = await this.services.sites.index(this.site).catch(() => undefined);
      const rel = index && resolveSiteUrl(index, href);
      if (rel) target = path.join(this.site.root, rel);
    } else if (!href.startsWith('/') && doc.uri.scheme === 'file') {
      target = path.join(path.dirname(doc.uri.fsPath), decodeURIComponent(href.replace(/[?#].*$/, '')));
    }
    if (target && fs.existsSync(target)) {
      await vscode.commands.executeCommand('vscode.open', vscode.Uri.file(target), { viewColumn: vscode.ViewColumn.One });
    } else {
      void vscode.window.showInformationMessage(`"${href}" does not lead to a file of this site.`);
    }
  }

  dispose(): void {
    this.isDisposed = true;
    clearTimeout(this.timer);
    clearTimeout(this.styleTimer);
    this.styleWatcher?.dispose();
    this.pendingFollow?.dispose();
    for (const d of this.disposables) d.dispose();
    this.disposables.length = 0;
    this.panel.dispose();
    this.disposed.fire();
    this.disposed.dispose();
    this.rendered.dispose();
  }
}

/** A content render of the preview, as `onDidRender` tells it. */
export interface PreviewRender {
  uri: vscode.Uri;
  version: number;
  /** Rendered on the render worker (a large post). */
  onWorker: boolean;
  /** How long the render held the extension host: all of it on the host, only the hand-over for the worker. */
  hostMs: number;
}

/** The site's look for a post, with its CSS from the cache or marked pending: the panel builds it off the host's thread. */
function lookFor(file: string, site: SiteContext | undefined): SiteLook | undefined {
  return lookForPost(file, site, (previewSite) => cachedSiteStylesheets(previewSite) ?? PENDING_STYLES);
}

/** Posts this large are parsed and rendered on the render worker (the same size from which checks move to theirs). */
function rendersOnWorker(document: vscode.TextDocument): boolean {
  return document.getText().length >= WORKER_MIN_CHARS;
}

/** Stands for the post in the parts of a page that do not show it (the site's header and footer). */
const EMPTY_POST = parsePost('');

/** The page of a large post until the worker's render arrives (or says why it did not). */
function placeholderContent(fileName: string, why = 'Rendering the preview of this post…'): PostContent {
  const html = `<p class="rp-rendering">${escapeHtml(why)}</p>`;
  return { html, title: fileName, banner: '', headerHtml: '', bodyHtml: html };
}

function scrollSync(document: vscode.TextDocument): boolean {
  return vscode.workspace.getConfiguration('releasePost', document.uri).get<boolean>('preview.scrollSync', true);
}
