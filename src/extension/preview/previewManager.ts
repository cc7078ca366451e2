import * as path from 'node:path';
import * as vscode from 'vscode';
import { parsePost } from '../../core/post/parse';
import { isPostFile } from '../../core/site/workspace';
import { WORKER_MIN_CHARS } from '../diagnostics';
import { tooLargeForLiveWork } from '../settings';
import { PREVIEW_VIEW_TYPE, PreviewPanel, type PreviewServices, type PreviewState } from './previewPanel';

/**
 * The preview's commands, its editor-title button (through the `releasePost.postActive` context key) and its
 * restoration after a window reload.
 */
export class PreviewManager implements vscode.Disposable {
  private current: PreviewPanel | undefined;
  private postActive: boolean | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly services: PreviewServices) {
    this.disposables.push(
      vscode.commands.registerCommand('releasePost.showPreview', (uri?: vscode.Uri) => this.open(uri, false)),
      vscode.commands.registerCommand('releasePost.showPreviewToSide', (uri?: vscode.Uri) => this.open(uri, true)),
      vscode.commands.registerCommand('releasePost.togglePreviewLock', () => {
        if (this.current) this.current.locked = !this.current.locked;
      }),
      vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, {
        deserializeWebviewPanel: (panel, state: unknown) => this.revive(panel, state),
      }),
      vscode.window.onDidChangeActiveTextEditor((e) => this.updateContext(e)),
      // A post being typed from scratch becomes a post once its front matter says so; re-check after each lint
      // (the parse is cached by then) instead of on every keystroke.
      vscode.languages.onDidChangeDiagnostics(() => this.updateContext(vscode.window.activeTextEditor)),
    );
    // After activation returns: activation only registers (the check reads the site and parses the post).
    setTimeout(() => this.updateContext(vscode.window.activeTextEditor), 0);
  }

  /** The open preview, if any (tests inspect it). */
  get panel(): PreviewPanel | undefined {
    return this.current;
  }

  private async open(uri: vscode.Uri | undefined, toSide: boolean): Promise<void> {
    const document = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
    if (!document || document.languageId !== 'markdown') {
      void vscode.window.showInformationMessage('Open a post (a Markdown file) to preview it.');
      return;
    }
    const column = toSide ? vscode.ViewColumn.Beside : (vscode.window.activeTextEditor?.viewColumn ?? vscode.ViewColumn.One);
    if (this.current) {
      this.current.show(document);
      this.current.panel.reveal(column, toSide);
      return;
    }
    const panel = vscode.window.createWebviewPanel(
      PREVIEW_VIEW_TYPE,
      `Preview ${path.basename(document.uri.fsPath || document.uri.path)}`,
      { viewColumn: column, preserveFocus: toSide },
      { enableScripts: true, enableForms: false, enableCommandUris: false, localResourceRoots: [] },
    );
    this.adopt(new PreviewPanel(panel, this.services, document));
  }

  private async revive(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const saved = state as Partial<PreviewState> | undefined;
    let document: vscode.TextDocument | undefined;
    try {
      if (typeof saved?.uri === 'string') document = await vscode.workspace.openTextDocument(vscode.Uri.parse(saved.uri, true));
    } catch {
      document = undefined;
    }
    if (!document) {
      panel.dispose();
      return;
    }
    this.current?.dispose();
    this.adopt(new PreviewPanel(panel, this.services, document, typeof saved?.line === 'number' ? saved.line : undefined));
  }

  private adopt(preview: PreviewPanel): void {
    this.current = preview;
    preview.onDidDispose(() => {
      if (this.current === preview) this.current = undefined;
    });
  }

  private updateContext(editor: vscode.TextEditor | undefined): void {
    let isPost = false;
    if (editor && editor.document.languageId === 'markdown') {
      // Never waits for the site to be learned: the context follows when the post is checked again with it.
      const site = this.services.sites.siteSoon(editor.document.uri).site;
      // Above the size cap only the folder decides: this runs after every lint, and a parse would cost a second. A
      // large post is parsed on the check worker, never here: the last check says whether it is a post.
      const tooLarge = tooLargeForLiveWork(editor.document);
      if (!tooLarge && editor.document.getText().length >= WORKER_MIN_CHARS) isPost = this.services.diagnostics.checkedAsPost(editor.document) === true;
      else isPost = isPostFile(editor.document.uri.fsPath, site, tooLarge ? parsePost('') : this.services.cache.get(editor.document));
    }
    if (isPost === this.postActive) return;
    this.postActive = isPost;
    void vscode.commands.executeCommand('setContext', 'releasePost.postActive', isPost);
    // The key the built-in Markdown extension reads to leave its own preview button to a custom preview: a post
    // shows one "Open Preview to the Side" button, ours; other Markdown files keep the built-in one.
    void vscode.commands.executeCommand('setContext', 'hasCustomMarkdownPreview', isPost);
  }

  dispose(): void {
    this.current?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
