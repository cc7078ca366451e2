import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ReleasePostApi } from '../../src/extension/extension';
import { EXTENSION_ID, openPost, waitFor } from './helpers';

function api(): ReleasePostApi {
  return vscode.extensions.getExtension<ReleasePostApi>(EXTENSION_ID)!.exports;
}

describe('Preview in the editor', () => {
  let original = '';
  let edited: vscode.TextDocument | undefined;

  after(async () => {
    // Put the post back as it was on disk, so later suites see the sample site unchanged.
    if (edited) {
      const whole = new vscode.Range(edited.positionAt(0), edited.positionAt(edited.getText().length));
      const edit = new vscode.WorkspaceEdit();
      edit.replace(edited.uri, whole, original);
      await vscode.workspace.applyEdit(edit);
      await edited.save();
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens beside the post and shows it as the site would', async () => {
    const editor = await openPost('2025-06-10-orbit-1-1-0-released.md');
    edited = editor.document;
    original = editor.document.getText();
    await vscode.commands.executeCommand('releasePost.showPreviewToSide');
    const panel = await waitFor('the preview panel', () => api().preview.panel);
    await waitFor('the panel to be shown in the second column', () => (panel.panel.viewColumn === vscode.ViewColumn.Two ? true : undefined));
    assert.equal(panel.uri?.toString(), editor.document.uri.toString());
    const html = panel.panel.webview.html;
    assert.match(html, /Content-Security-Policy/);
    assert.match(html, /default-src (&#39;|')none(&#39;|')/);
    assert.match(html, /Orbit 1\.1\.0 Released/);
    assert.match(html, /Chen Wei/);
    assert.match(html, /@chenwei_dev/);
    assert.match(html, /Posted June 10, 2025/);
    assert.match(html, /Orbit Scheduler/, "the site's name from .releasepost.json");
  });

  it('follows edits of the post without reloading the page', async () => {
    const panel = api().preview.panel!;
    const html = panel.panel.webview.html;
    const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === panel.uri?.toString())!;
    await editor.edit((b) => b.replace(editor.document.lineAt(2).range, 'title: "Orbit 1.1.0 Released: pause and resume"'));
    await waitFor('the new title in the preview', () =>
      /Orbit 1\.1\.0 Released: pause and resume/.test(panel.lastContent?.html ?? '') ? true : undefined,
    );
    assert.equal(panel.panel.webview.html, html, 'updated by message, not by reloading the page');
  });

  it('keeps the last good header and shows a banner while the front matter is broken', async () => {
    const panel = api().preview.panel!;
    const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === panel.uri?.toString())!;
    await editor.edit((b) => b.replace(editor.document.lineAt(3).range, 'permalink: [unclosed'));
    await waitFor('an error banner', () => (panel.lastContent?.banner ? true : undefined));
    assert.match(panel.lastContent!.html, /Orbit 1\.1\.0 Released: pause and resume/);
  });

  it('shows another post when it becomes the active editor', async () => {
    await openPost('2025-03-04-orbit-1-0-0-released.md');
    const panel = api().preview.panel!;
    await waitFor('the preview to follow', () => (panel.uri?.fsPath.endsWith('2025-03-04-orbit-1-0-0-released.md') ? true : undefined));
    await waitFor('the 1.0.0 post in the preview', () => (/Orbit 1\.0\.0 Released/.test(panel.lastContent?.html ?? '') ? true : undefined));
  });
});
