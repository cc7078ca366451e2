import * as vscode from 'vscode';
import { registerCreateConfig } from './commands/createConfig';
import { registerFixAll } from './commands/fixAll';
import { registerLintWorkspace } from './commands/lintWorkspace';
import { registerNewReleasePost } from './commands/newReleasePost';
import { registerShowConventions } from './commands/showConventions';
import { PostDiagnostics } from './diagnostics';
import { registerLanguageFeatures } from './languageFeatures';
import { PostCache } from './postCache';
import { PreviewManager } from './preview/previewManager';
import { PostQuickFixes } from './quickFixes';
import { SiteService } from './siteService';

/** What the extension exposes to its integration tests. */
export interface ReleasePostApi {
  diagnostics: PostDiagnostics;
  preview: PreviewManager;
  /** The lines of site conventions written to the Output channel, in order. */
  conventionsLog: readonly string[];
}

export function activate(context: vscode.ExtensionContext): ReleasePostApi {
  const log = vscode.window.createOutputChannel('Release Post', { log: true });
  const cache = new PostCache();
  const sites = new SiteService();
  const conventionsLog: string[] = [];
  // Listening before anything looks a site up, so the first site seen is shown too.
  const conventions = registerShowConventions(sites, log, conventionsLog);
  const diagnostics = new PostDiagnostics(cache, sites, vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules.md'));
  const preview = new PreviewManager({ extensionUri: context.extensionUri, cache, sites, diagnostics });
  context.subscriptions.push(
    log,
    cache,
    sites,
    diagnostics,
    preview,
    vscode.languages.registerCodeActionsProvider('markdown', new PostQuickFixes(diagnostics), PostQuickFixes.metadata),
    registerFixAll(diagnostics),
    registerLintWorkspace(diagnostics, sites),
    registerLanguageFeatures(cache, sites),
    registerNewReleasePost(sites, log),
    registerCreateConfig(),
    conventions,
  );
  return { diagnostics, preview, conventionsLog };
}

export function deactivate(): void {
  // Everything is owned by context.subscriptions.
}
