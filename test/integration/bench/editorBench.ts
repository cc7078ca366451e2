// Measures the extension in the real editor on a copy of a site (scripts/bench-editor.mjs opens it): activation,
// open → first diagnostics, and keystroke → updated diagnostics (median of 20). Not a test: it writes numbers.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ReleasePostApi } from '../../../src/extension/extension';

export const RESULT_FILE = path.join(__dirname, '..', '..', 'bench-editor.json');
const EXTENSION_ID = 'release-post.release-post';
const RUNS = 20;

function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'release-post');
}

function signature(uri: vscode.Uri): string {
  return JSON.stringify(ours(uri).map((d) => [d.message, d.range.start.line, d.range.start.character]));
}

/** Resolves with the time at which our diagnostics of `uri` next change (other sources' changes are ignored). */
function nextDiagnostics(uri: vscode.Uri, timeoutMs = 30000): Promise<number> {
  const before = signature(uri);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`no diagnostics for ${uri.fsPath} within ${timeoutMs} ms`));
    }, timeoutMs);
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (!e.uris.some((u) => u.toString() === uri.toString()) || signature(uri) === before) return;
      clearTimeout(timer);
      sub.dispose();
      resolve(performance.now());
    });
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export async function run(): Promise<void> {
  const result: Record<string, unknown> = { editor: `VS Code ${vscode.version}` };
  try {
    const root = vscode.workspace.workspaceFolders![0].uri.fsPath;
    const blog = path.join(root, 'site', 'source', 'blog');
    const posts = fs.readdirSync(blog).filter((f) => /released\.md$/.test(f)).sort();
    const target = vscode.Uri.file(path.join(blog, posts[posts.length - 1]));

    const extension = vscode.extensions.getExtension<ReleasePostApi>(EXTENSION_ID)!;
    // The first Markdown file opened activates the extension; its diagnostics are the cold "open → diagnostics".
    const opened = performance.now();
    const first = nextDiagnostics(target);
    const doc = await vscode.workspace.openTextDocument(target);
    await vscode.window.showTextDocument(doc, { preview: false });
    const firstAt = await first;
    const api = extension.exports;
    result.post = path.basename(target.fsPath);
    result.activationMs = api.activationMs;
    result.coldOpenToDiagnosticsMs = firstAt - opened;
    // The goal is about the extension's own work: from activate() returning (or the open, if later) to the problems.
    result.activatedToDiagnosticsMs = firstAt - Math.max(opened, api.activatedAt);
    // For the workbench side: from then to the first change of the status bar's problem counts.
    result.activatedEpoch = performance.timeOrigin + Math.max(opened, api.activatedAt);
    // The same to the problems handed to VS Code (its diagnostics event above comes 50 ms later, debounced), and the
    // time that first check held the extension host (parsing and rules run cold, before the code is optimised).
    const firstPublished = api.diagnostics.firstPublished;
    if (firstPublished) {
      result.activatedToPublishMs = firstPublished.at - Math.max(opened, api.activatedAt);
      result.firstCheckMs = firstPublished.hostMs;
    }

    // Warm: another post opened after activation.
    const other = vscode.Uri.file(path.join(blog, posts[posts.length - 2]));
    const warmStart = performance.now();
    const warm = nextDiagnostics(other);
    const warmPublished = new Promise<number>((resolve) => {
      const sub = api.diagnostics.onDidPublish((e) => {
        if (e.uri.toString() !== other.toString()) return;
        sub.dispose();
        resolve(e.at);
      });
    });
    // When VS Code hands the document to extensions: the time before it is the workbench's (opening the editor,
    // reading the file), the time after it the extension's.
    const warmHanded = new Promise<number>((resolve) => {
      const sub = vscode.workspace.onDidOpenTextDocument((d) => {
        if (d.uri.toString() !== other.toString()) return;
        sub.dispose();
        resolve(performance.now());
      });
    });
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(other), { preview: false });
    result.warmOpenToDiagnosticsMs = (await warm) - warmStart;
    result.warmOpenToPublishMs = (await warmPublished) - warmStart;
    result.warmOpenToDocumentMs = (await warmHanded) - warmStart;
    result.warmDocumentToPublishMs = (await warmPublished) - (await warmHanded);

    const editor = await vscode.window.showTextDocument(doc, { preview: false });
    const delay = vscode.workspace.getConfiguration('releasePost', target).get<number>('lint.delay', 300);
    result.lintDelayMs = delay;
    // Wait until the site is learned and its index built (the check runs again then), so each keystroke below is a
    // keystroke of a user who has been typing for a while.
    await api.diagnostics.lintNow(doc);
    await new Promise((r) => setTimeout(r, 500));
    // The edited line in view: the workbench side of the bench (bench-editor.mjs) watches the problem counts in the
    // status bar, which change when each keystroke's problems reach the workbench.
    editor.revealRange(new vscode.Range(doc.lineCount - 1, 0, doc.lineCount - 1, 0));
    const times: number[] = [];
    const publishTimes: number[] = [];
    /** When each edit was made, in milliseconds since the epoch (the page's clock is the same machine's). */
    const editEpochs: number[] = [];
    let changedAt = 0;
    let publishedAt = 0;
    const onChange = vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === doc && e.contentChanges.length) changedAt = performance.now();
    });
    const onPublish = api.diagnostics.onDidPublish((e) => {
      if (e.uri.toString() === target.toString()) publishedAt = e.at;
    });
    for (let i = 0; i < RUNS; i++) {
      const changed = nextDiagnostics(target);
      const start = performance.now();
      editEpochs.push(performance.timeOrigin + start);
      // Alternately add and remove a word glued to a link, so each keystroke changes the problems.
      const line = doc.lineCount - 1;
      await editor.edit((b) =>
        i % 2 === 0 ? b.insert(new vscode.Position(line, 0), 'x[y](/z) ') : b.delete(new vscode.Range(line, 0, line, 9)),
      );
      times.push((await changed) - start);
      publishTimes.push(publishedAt - changedAt);
      await new Promise((r) => setTimeout(r, 100));
    }
    onChange.dispose();
    onPublish.dispose();
    result.keystrokeToDiagnosticsMedianMs = median(times);
    result.editEpochs = editEpochs;
    result.keystrokeToDiagnosticsMs = times.map((t) => Math.round(t));
    // From the change event reaching the extension to the problems handed to VS Code (its onDidChangeDiagnostics
    // event, which the line above waits for, is debounced by 50 ms inside the extension host).
    result.changeToPublishMedianMs = median(publishTimes);
    result.problems = ours(target).length;
    await vscode.commands.executeCommand('workbench.action.files.revert');
  } catch (err) {
    result.error = err instanceof Error ? err.message : String(err);
  }
  fs.writeFileSync(RESULT_FILE, JSON.stringify(result, null, 2));
}
