import * as vscode from 'vscode';

/**
 * Work that writes files or runs git waits until the workspace is trusted; checks, hovers and the preview do not run
 * workspace code and stay on. Returns true when the work may go ahead, and otherwise says why it waits.
 */
export function requireTrust(what: string): boolean {
  if (vscode.workspace.isTrusted) return true;
  void vscode.window
    .showInformationMessage(
      `${what} writes files and runs git, so it waits until you trust this workspace. Checks, hovers and the preview work meanwhile.`,
      'Manage Workspace Trust',
    )
    .then((choice) => {
      if (choice) void vscode.commands.executeCommand('workbench.trust.manage');
    });
  return false;
}
