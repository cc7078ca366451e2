import * as path from 'node:path';
import * as vscode from 'vscode';
import { parsePost } from '../core/post/parse';
import { DIAGNOSTIC_SOURCE, WORKER_MIN_CHARS, type PostDiagnostics } from './diagnostics';
import type { PostCache } from './postCache';
import { decidePost } from './posts';
import { tooLargeForLiveWork } from './settings';
import type { SiteService } from './siteService';

/**
 * A status-bar item on posts: the site detected and the post's problem count; a click opens the Problems panel.
 * Hidden on other files, so it also tells whether the active file is checked as a post.
 */
export class PostStatusBar implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('releasePost.status', vscode.StatusBarAlignment.Left, 10);
  private readonly disposables: vscode.Disposable[] = [];
  /** Whether the item is on show (the API has no getter). */
  visible = false;

  constructor(
    private readonly sites: SiteService,
    private readonly cache: PostCache,
    private readonly diagnostics: PostDiagnostics,
  ) {
    this.item.name = 'Release Post';
    this.item.command = 'workbench.actions.view.problems';
    this.disposables.push(
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.languages.onDidChangeDiagnostics(() => this.update()),
    );
    setTimeout(() => this.update(), 0);
  }

  update(): void {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || document.languageId !== 'markdown') {
      this.hide();
      return;
    }
    // Never waits for the site to be learned: the item follows when the post is checked again with it.
    const site = this.sites.siteSoon(document.uri).site;
    // A large post is parsed on the check worker, never here: the last check says whether it is a post.
    const large = document.getText().length >= WORKER_MIN_CHARS;
    const post = large || tooLargeForLiveWork(document) ? undefined : this.cache.get(document);
    const isPost = post ? decidePost(document, site, post).isPost : large && !tooLargeForLiveWork(document) ? this.diagnostics.checkedAsPost(document) === true : decidePost(document, site, parsePost('')).isPost;
    if (!isPost) {
      this.hide();
      return;
    }
    const problems = vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === DIAGNOSTIC_SOURCE);
    const errors = problems.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
    const icon = errors ? '$(error)' : problems.length ? '$(warning)' : '$(check)';
    const siteName = site ? path.basename(site.root) : 'no site';
    const count = problems.length === 0 ? 'no problems' : `${problems.length} problem${problems.length === 1 ? '' : 's'}`;
    this.item.text = `${icon} Release Post: ${count}`;
    const tooltip = new vscode.MarkdownString();
    tooltip.appendMarkdown(`**Release Post** checks this file as a post.\n\n`);
    if (site) {
      tooltip.appendText(`Site: ${siteName} (${site.root})\nPosts folder: ${site.profile.postsFolder}\n`);
      tooltip.appendText(
        site.configPath
          ? `Settings: learned from the site, ${path.basename(site.configPath)} overriding ${site.configKeys?.length ? site.configKeys.join(', ') : 'none of them'}\n`
          : 'Settings: learned from the site (no .releasepost.json)\n',
      );
    } else {
      tooltip.appendText('In no site: checked with the built-in conventions.\n');
    }
    tooltip.appendMarkdown(`\n${count}; click to open the Problems panel.`);
    this.item.tooltip = tooltip;
    this.item.show();
    this.visible = true;
  }

  private hide(): void {
    this.item.hide();
    this.visible = false;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
