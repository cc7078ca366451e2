import * as vscode from 'vscode';
import { registerCreateConfig } from './commands/createConfig';
import { registerFixAll } from './commands/fixAll';
import { registerLintWorkspace } from './commands/lintWorkspace';
import { registerNewReleasePost } from './commands/newReleasePost';
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
}

export function activate(context: vscode.ExtensionContext): ReleasePostApi {
  const log = vscode.window.createOutputChannel('Release Post', { log: true });
  const cache = new PostCache();
  const sites = new SiteService();
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
  );
  return { diagnostics, preview };
}

export function deactivate(): void {
  // Everything is owned by context.subscriptions.
}
