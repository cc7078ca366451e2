import * as vscode from 'vscode';
import { ruleDocsAnchor } from '../core/rules/index';

const COMMAND = 'releasePost.showRuleDocs';

/**
 * Where a diagnostic's rule code leads: a command that opens docs/rules.md rendered, at the rule's section. A plain
 * file URI would open the raw Markdown at line 1.
 */
export function ruleDocsTarget(rule: string): vscode.Uri {
  return vscode.Uri.parse(`command:${COMMAND}?${encodeURIComponent(JSON.stringify([rule]))}`, true);
}

export function registerRuleDocs(extensionUri: vscode.Uri): vscode.Disposable {
  return vscode.commands.registerCommand(COMMAND, async (rule?: unknown) => {
    const docs = vscode.Uri.joinPath(extensionUri, 'docs', 'rules.md');
    const target = typeof rule === 'string' ? docs.with({ fragment: ruleDocsAnchor(rule) }) : docs;
    // The built-in Markdown preview scrolls to the fragment's heading.
    await vscode.commands.executeCommand('markdown.showPreview', target);
  });
}
