import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ReleasePostApi } from '../../src/extension/extension';
import { EXTENSION_ID, waitFor } from './helpers';

/** The corpus beside the project: from `out/test/integration/` up to the folder that holds the repository. */
const SITES = path.resolve(__dirname, '..', '..', '..', '..', 'shared', 'corpus', 'sites');
const JEKYLL_POST = path.join(SITES, 'jekyll', 'docs', '_posts', '2025-01-29-jekyll-4-4-1-released.markdown');

function api(): ReleasePostApi {
  return vscode.extensions.getExtension<ReleasePostApi>(EXTENSION_ID)!.exports;
}

describe("Preview of a post in its own site's page", function () {
  this.timeout(60_000);

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it("shows a Jekyll post in the site's layouts and CSS, and follows typing in place", async function () {
    if (!fs.existsSync(JEKYLL_POST)) {
      console.log('    (skipped: the corpus sites are not beside the project)');
      this.skip();
    }
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(JEKYLL_POST));
    await vscode.commands.executeCommand('releasePost.showPreviewToSide');
    const panel = await waitFor('the preview of the Jekyll post', () => {
      const p = api().preview.panel;
      return p?.uri?.fsPath === JEKYLL_POST ? p : undefined;
    }, 30_000);
    const html = panel.panel.webview.html;
    assert.match(html, /Showcase/, "the site's navigation, from its _data through its layout");
    assert.match(html, /Jekyll is lovingly maintained by the <a href="\/team\/">core team<\/a>/, "the site's footer");
    assert.match(html, /ashmaroli/, 'the author the post names');
    assert.match(html, /<style nonce="[^"]+">[\s\S]*\.main-nav/, "the site's Sass, built and inlined by nonce");
    // The CSP sits escaped in a <meta> attribute: its quotes are `&#39;`, whose `;` is not a directive's end.
    assert.match(html, /style-src (?:[^;&]|&#39;|&quot;)*(&#39;|')nonce-/, 'the CSP allows that one inline stylesheet');
    assert.doesNotMatch(html, /Mesos|Apache Software Foundation|Unknown author/);

    const before = panel.renders;
    await editor.edit((b) => b.insert(new vscode.Position(editor.document.lineCount, 0), '\nA line typed in the editor.\n'));
    await waitFor('the typed line in the preview', () => (/A line typed in the editor\./.test(panel.lastContent?.html ?? '') ? true : undefined));
    assert.ok(panel.renders > before);
    assert.equal(panel.panel.webview.html, html, 'updated by message, not by reloading the page');
    assert.match(panel.lastContent!.html, /Jekyll is lovingly maintained/, "still inside the site's layout");
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
