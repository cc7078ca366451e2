import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ReleasePostApi } from '../../src/extension/extension';
import { EXTENSION_ID, waitFor, workspaceRoot } from './helpers';

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Accepts whatever the open quick input offers, until the command is done. */
async function acceptQuickInputsUntil<T>(done: Thenable<T>): Promise<T> {
  let finished = false;
  const result = Promise.resolve(done).finally(() => (finished = true));
  for (let i = 0; i < 100 && !finished; i++) {
    await new Promise((r) => setTimeout(r, 300));
    if (!finished) await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
  }
  return result;
}

describe('New Release Post in the editor', () => {
  const blog = () => path.join(workspaceRoot(), 'site', 'source', 'blog');
  const expected = () => path.join(blog(), `${today()}-orbit-1-2-0-released.md`);
  const dataFile = () => path.join(workspaceRoot(), 'site', 'data', 'releases.yml');
  let dataBefore = '';

  before(async () => {
    dataBefore = fs.readFileSync(dataFile(), 'utf8');
    await vscode.workspace.getConfiguration('releasePost').update('newPost.updateDataFile', 'always', vscode.ConfigurationTarget.Global);
  });
  after(async () => {
    await vscode.workspace.getConfiguration('releasePost').update('newPost.updateDataFile', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(expected(), { force: true });
    fs.writeFileSync(dataFile(), dataBefore);
  });

  it('writes the next release post through its quick inputs, and opens it at the first thing to write', async () => {
    const uri = await acceptQuickInputsUntil(vscode.commands.executeCommand<vscode.Uri | undefined>('releasePost.newReleasePost'));
    assert.ok(uri, 'the command returns the new post');
    assert.equal(uri.fsPath, expected());
    const text = fs.readFileSync(expected(), 'utf8');
    assert.match(text, /^title: Orbit 1\.2\.0 Released$/m);
    assert.match(text, /^permalink: \/blog\/orbit-1-2-0-released\/$/m);
    assert.match(text, /ORB-201/, 'highlights from the CHANGELOG');
    assert.match(text, /hb=1\.2\.0|\/1\.2\.0\/CHANGELOG/, 'the CHANGELOG link names this version');
    // The site names the previous feature release (1.1.0), not its latest patch, in a feature release's upgrades.
    assert.match(text, /from an? Orbit 1\.1\.0 cluster/, 'upgrades name the previous version');
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.fsPath, expected());
    assert.equal(vscode.window.tabGroups.activeTabGroup.activeTab?.isPreview, false, 'the new post opens as a kept tab, not a preview tab');
  });

  it('adds the release to the site data file, keeping its comments', async () => {
    const text = await waitFor('the data file update', () => {
      const t = fs.readFileSync(dataFile(), 'utf8');
      return t.includes('orbit-1-2-0-released') ? t : undefined;
    });
    assert.match(text, /# Releases shown on the home page/);
    assert.match(text, /version: 1\.2\.0/);
  });

  it('lints the new post with no errors', async () => {
    const uri = vscode.Uri.file(expected());
    await vscode.window.showTextDocument(uri);
    await new Promise((r) => setTimeout(r, 1500));
    const errors = vscode.languages
      .getDiagnostics(uri)
      .filter((d) => d.source === 'release-post' && d.severity === vscode.DiagnosticSeverity.Error);
    assert.deepEqual(errors.map((d) => `${d.range.start.line + 1}: ${d.message}`), []);
  });

  it('never overwrites: running it again leaves the post as it is (1.2.0 has its post, so the next version is offered)', async () => {
    const before = fs.readFileSync(expected(), 'utf8');
    const posts = new Set(fs.readdirSync(blog()));
    try {
      await acceptQuickInputsUntil(vscode.commands.executeCommand('releasePost.newReleasePost'));
      assert.equal(fs.readFileSync(expected(), 'utf8'), before);
    } finally {
      // The post of the version offered next is no part of the sample site the later tests see.
      for (const f of fs.readdirSync(blog())) if (!posts.has(f)) fs.rmSync(path.join(blog(), f), { force: true });
    }
  });
});

describe('New Release Post when the release already has a post', () => {
  const blog = () => path.join(workspaceRoot(), 'site', 'source', 'blog');
  // Written by hand under a name of its own, so the version suggested is still 1.2.0; its title and permalink
  // announce that release.
  const existing = () => path.join(blog(), '2025-09-20-orbit-two-jobs-preview.md');
  const wouldWrite = () => path.join(blog(), `${today()}-orbit-1-2-0-released.md`);

  before(() =>
    fs.writeFileSync(
      existing(),
      '---\nlayout: post\ntitle: Orbit 1.2.0 Released\npermalink: /blog/orbit-1-2-0-released/\npublished: true\npost_author:\n  display_name: Ada Quinn\ntags: Release\n---\n\nOrbit 1.2.0 is out.\n',
    ),
  );
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(existing(), { force: true });
    fs.rmSync(wouldWrite(), { force: true });
  });

  it('says so right after the version, without asking for the date and the author first', async () => {
    const log = path.dirname(vscode.extensions.getExtension<ReleasePostApi>(EXTENSION_ID)!.exports.logUri.fsPath);
    let finished = false;
    const done = Promise.resolve(vscode.commands.executeCommand('releasePost.newReleasePost')).finally(() => (finished = true));
    // Enter on whatever is asked, as a hurried user would; each Enter before the version box shows does nothing.
    await new Promise((r) => setTimeout(r, 1000));
    let accepts = 0;
    for (; accepts < 8 && !finished; accepts++) {
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      await new Promise((r) => setTimeout(r, 600));
    }
    await done;
    // The version (and at most one Enter that came before its box): not the date, not the author.
    assert.ok(accepts <= 2, `${accepts} questions answered before the command ended`);
    assert.ok(!fs.existsSync(wouldWrite()), 'no second post for 1.2.0');
    const said = await waitFor('the reason in the Output channel', () => {
      const text = logText(log);
      return /nothing written\. 1\.2\.0 already has a post, 2025-09-20-orbit-two-jobs-preview\.md/.test(text) ? text : undefined;
    });
    assert.ok(said);
  });
});

/** The text of every log file below a folder (two levels). */
function logText(dir: string, depth = 2): string {
  let text = '';
  for (const entry of fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }) : []) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory() && depth > 0) text += logText(full, depth - 1);
    else if (entry.isFile() && entry.name.endsWith('.log')) text += fs.readFileSync(full, 'utf8');
  }
  return text;
}
