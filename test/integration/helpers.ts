import * as path from 'node:path';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'release-post.release-post';

export function workspaceRoot(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the integration suite needs the sample site open as the workspace');
  return folder.uri.fsPath;
}

export function postPath(name: string): string {
  return path.join(workspaceRoot(), 'site', 'source', 'blog', name);
}

export async function openPost(name: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(postPath(name));
  return vscode.window.showTextDocument(doc);
}

/** Polls until `check` returns a value other than undefined, or fails after `timeoutMs`. */
export async function waitFor<T>(what: string, check: () => T | undefined | Promise<T | undefined>, timeoutMs = 10000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Release Post's problems on a file. */
export function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'release-post');
}

/** A problem's rule name. */
export function rule(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}
