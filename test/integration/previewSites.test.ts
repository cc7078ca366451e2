import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
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

/** Drops the unsaved edits of a document: its editor is brought forward and reverted. */
async function revert(doc: vscode.TextDocument): Promise<void> {
  if (!doc.isDirty) return;
  await vscode.window.showTextDocument(doc, { preview: false });
  await vscode.commands.executeCommand('workbench.action.files.revert');
  assert.equal(doc.isDirty, false, `${doc.uri.fsPath} was reverted`);
}

describe("Preview of a post in its own site's page", function () {
  this.timeout(60_000);

  after(async () => {
    for (const doc of vscode.workspace.textDocuments) if (doc.isDirty && doc.uri.fsPath.startsWith(SITES)) await revert(doc);
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
    // The site's Sass is built in a worker: the page comes at once, its CSS follows by message (or is inlined when
    // an earlier test built it already).
    const style = /<style nonce="[^"]+" data-rp-site-css>([\s\S]*?)<\/style>/.exec(html);
    assert.ok(style, 'the page has the nonce\'d style element for the site CSS');
    // The CSP sits escaped in a <meta> attribute: its quotes are `&#39;`, whose `;` is not a directive's end.
    assert.match(html, /style-src (?:[^;&]|&#39;|&quot;)*(&#39;|')nonce-/, 'the CSP allows that one inline stylesheet');
    assert.doesNotMatch(html, /Mesos|Apache Software Foundation|Unknown author/);
    if (style[1] === '') {
      assert.match(html, /data-rp-styles="pending"/, "the page says the site's styles are being built");
      const css = await waitFor("the site's CSS sent to the page", () => panel.lastStyles, 45_000);
      assert.match(css, /\.main-nav/, "the site's Sass, built off the extension host");
      assert.equal(panel.panel.webview.html, html, 'swapped in by message, not by reloading the page');
    } else {
      assert.match(style[1], /\.main-nav/, "the site's Sass, built and inlined by nonce");
    }

    const before = panel.renders;
    try {
      await editor.edit((b) => b.insert(new vscode.Position(editor.document.lineCount, 0), '\nA line typed in the editor.\n'));
      await waitFor('the typed line in the preview', () => (/A line typed in the editor\./.test(panel.lastContent?.html ?? '') ? true : undefined));
      assert.ok(panel.renders > before);
      assert.equal(panel.panel.webview.html, html, 'updated by message, not by reloading the page');
      assert.match(panel.lastContent!.html, /Jekyll is lovingly maintained/, "still inside the site's layout");
    } finally {
      // The corpus is read-only data: the typed line never reaches the file, whatever failed above.
      await revert(editor.document);
    }
  });

  it("builds the site's CSS again when a Sass partial changes, and swaps it into the open page", async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'rp-preview-styles-'));
    const write = (rel: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      fs.writeFileSync(path.join(root, rel), text);
    };
    write('_config.yml', 'title: Orbit\n');
    write('_layouts/default.html', '<html><head><link rel="stylesheet" href="/css/main.css"></head><body><h1>Orbit site</h1>{{ content }}</body></html>\n');
    write('css/main.scss', '---\n---\n@import "colors";\n.post { color: $ink; }\n');
    write('_sass/_colors.scss', '$ink: #123456;\n');
    write('_posts/2024-01-02-orbit-1-0-released.md', '---\nlayout: default\ntitle: Orbit 1.0 released\n---\nOrbit 1.0 is out.\n');
    const post = path.join(root, '_posts', '2024-01-02-orbit-1-0-released.md');
    try {
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(post));
      await vscode.commands.executeCommand('releasePost.showPreviewToSide');
      const panel = await waitFor('the preview of the Orbit post', () => {
        const p = api().preview.panel;
        return p?.uri?.fsPath === post ? p : undefined;
      }, 30_000);
      assert.match(panel.panel.webview.html, /Orbit site/, "the site's layout");
      await waitFor("the site's CSS in the page", () => (/#123456/.test(panel.lastStyles ?? '') ? true : undefined), 45_000);
      const html = panel.panel.webview.html;
      const later = new Date(Date.now() + 5000);
      fs.writeFileSync(path.join(root, '_sass', '_colors.scss'), '$ink: #abcdef;\n');
      fs.utimesSync(path.join(root, '_sass', '_colors.scss'), later, later);
      await waitFor('the CSS built again from the changed partial', () => (/#abcdef/.test(panel.lastStyles ?? '') ? true : undefined), 45_000);
      assert.equal(panel.panel.webview.html, html, 'swapped in by message, not by reloading the page');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
