import * as path from 'node:path';
import * as vscode from 'vscode';
import { registerCreateConfig } from './commands/createConfig';
import { registerFixAll } from './commands/fixAll';
import { registerLintWorkspace } from './commands/lintWorkspace';
import { registerNewReleasePost } from './commands/newReleasePost';
import { registerShowConventions } from './commands/showConventions';
import { PostDiagnostics } from './diagnostics';
import { registerLanguageFeatures } from './languageFeatures';
import { ReleasePostLog } from './log';
import { PostCache } from './postCache';
import { PreviewManager } from './preview/previewManager';
import type { RenderWorker } from './preview/previewPanel';
import { PostQuickFixes } from './quickFixes';
import { registerRuleDocs } from './ruleDocs';
import { SiteService } from './siteService';
import { PostStatusBar } from './statusBar';
import { ThreadWorker } from './threadWorker';

/** What the extension exposes to its integration tests. */
export interface ReleasePostApi {
  diagnostics: PostDiagnostics;
  preview: PreviewManager;
  statusBar: PostStatusBar;
  /** How long activate() took, in milliseconds (the bench reads it). */
  activationMs: number;
  /** When activate() returned (`performance.now()` of the extension host). */
  activatedAt: number;
  /** The extension's log folder (tests read the Output channel's and the extension host's logs near it). */
  logUri: vscode.Uri;
  /** The lines of site conventions written to the Output channel, in order. */
  conventionsLog: readonly string[];
}

export function activate(context: vscode.ExtensionContext): ReleasePostApi {
  const started = performance.now();
  const log = new ReleasePostLog();
  const cache = new PostCache();
  const sites = new SiteService();
  const conventionsLog: string[] = [];
  // Listening before anything looks a site up, so the first site seen is shown too.
  const conventions = registerShowConventions(sites, log.channel, conventionsLog);
  const diagnostics = new PostDiagnostics(cache, sites, log);
  // Started on the first render of a large post.
  const renders: RenderWorker = new ThreadWorker(path.join(__dirname, 'renderWorker.js'));
  const preview = new PreviewManager({ extensionUri: context.extensionUri, cache, sites, diagnostics, renders });
  const statusBar = new PostStatusBar(sites, cache, diagnostics);
  context.subscriptions.push(
    log,
    cache,
    sites,
    diagnostics,
    preview,
    renders,
    statusBar,
    vscode.languages.registerCodeActionsProvider('markdown', new PostQuickFixes(diagnostics), PostQuickFixes.metadata),
    registerFixAll(diagnostics),
    registerLintWorkspace(diagnostics, sites),
    registerLanguageFeatures(cache, sites, diagnostics),
    registerNewReleasePost(sites, log),
    registerCreateConfig(),
    registerRuleDocs(context.extensionUri),
    vscode.commands.registerCommand('releasePost.showLog', () => log.show()),
    conventions,
  );
  const activatedAt = performance.now();
  return { diagnostics, preview, statusBar, activationMs: activatedAt - started, activatedAt, logUri: context.logUri, conventionsLog };
}

export function deactivate(): void {
  // Everything is owned by context.subscriptions.
}
