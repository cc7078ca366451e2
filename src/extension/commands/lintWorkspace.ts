import * as fs from 'node:fs/promises';
import * as vscode from 'vscode';
import { listPostFiles, whatWasLookedFor } from '../../core/site/workspace';
import type { PostDiagnostics } from '../diagnostics';
import type { SiteService } from '../siteService';

/** "Check All Posts in the Workspace": lints every post of every site, with progress and a summary. */
export function registerLintWorkspace(diagnostics: PostDiagnostics, sites: SiteService): vscode.Disposable {
  return vscode.commands.registerCommand('releasePost.lintWorkspace', async () => {
    const found = sites.workspaceSites();
    const files = found.flatMap((site) => listPostFiles(site).map((file) => ({ site, file })));
    if (!files.length) {
      // Never check nothing silently: say what was looked for, and where.
      const folders = vscode.workspace.workspaceFolders ?? [];
      const where = folders.map((f) => `${f.name}: ${whatWasLookedFor(f.uri.fsPath)}`).join('; ');
      void vscode.window.showErrorMessage(`Release Post found no posts to check. ${where || 'Open a folder of a site first.'}`);
      return;
    }
    const counts = { files: 0, errors: 0, warnings: 0 };
    const cancelled = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Release Post: checking posts', cancellable: true },
      async (progress, token) => {
        for (const { site, file } of files) {
          if (token.isCancellationRequested) return true;
          progress.report({ message: `${counts.files + 1} of ${files.length}`, increment: 100 / files.length });
          let text: string;
          try {
            text = await fs.readFile(file, 'utf8');
          } catch {
            continue;
          }
          const problems = await diagnostics.lintFileOnDisk(vscode.Uri.file(file), site, text);
          counts.files++;
          counts.errors += problems.filter((p) => p.severity === 'error').length;
          counts.warnings += problems.filter((p) => p.severity === 'warning').length;
        }
        return false;
      },
    );
    const summary = `Release Post checked ${counts.files} posts: ${counts.errors} errors, ${counts.warnings} warnings.`;
    // Not awaited: the command is done when the posts are checked, not when the message is dismissed.
    void vscode.window.showInformationMessage(cancelled ? `Stopped. ${summary}` : summary, 'Show Problems').then((choice) => {
      if (choice === 'Show Problems') void vscode.commands.executeCommand('workbench.actions.view.problems');
    });
    return counts;
  });
}
