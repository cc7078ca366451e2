import * as vscode from 'vscode';
import type { PostDiagnostics } from '../diagnostics';
import { fixAllEdit } from '../quickFixes';

/** "Fix All Problems in This Post": applies every clear fix at once, as one undoable edit. */
export function registerFixAll(diagnostics: PostDiagnostics): vscode.Disposable {
  return vscode.commands.registerCommand('releasePost.fixAll', async () => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== 'markdown') {
      void vscode.window.showInformationMessage('Open a post in the editor to fix its problems.');
      return;
    }
    const problems = await diagnostics.lintNow(editor.document);
    const edit = fixAllEdit(editor.document, problems);
    if (edit.size === 0) {
      void vscode.window.showInformationMessage('Release Post has no automatic fix for the problems in this post.');
      return;
    }
    await vscode.workspace.applyEdit(edit);
  });
}
