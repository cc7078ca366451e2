import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ReleasePostApi } from '../../src/extension/extension';
import { EXTENSION_ID, waitFor } from './helpers';

/** A post of the Gitea blog (Hugo, undated names, list tags) that lacks the author every other post has. */
const NO_AUTHOR = `---
date: "2019-07-01T10:00:00+02:00"
title: "Gitea 1.8.4 is released"
tags: ["release"]
draft: false
---

We are proud to present the release of Gitea version 1.8.4.
`;

describe('A Hugo site with no config file, in the editor', function () {
  let copy: string;
  let corpus: string;

  before(function () {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    corpus = path.resolve(ext.extensionPath, '..', 'shared', 'corpus', 'sites', 'gitea');
    if (!fs.existsSync(corpus)) {
      console.log('corpus sites absent: skipped');
      this.skip();
    }
    copy = fs.mkdtempSync(path.join(os.tmpdir(), 'release-post-gitea-'));
    fs.cpSync(corpus, copy, { recursive: true });
    fs.writeFileSync(path.join(copy, 'content', 'post', 'release-of-1.8.4.md'), NO_AUTHOR);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    if (copy) fs.rmSync(copy, { recursive: true, force: true });
  });

  it('shows what it learned in the Output channel and the site\'s own problems in the Problems panel', async () => {
    const ext = vscode.extensions.getExtension<ReleasePostApi>(EXTENSION_ID)!;
    const api = ext.isActive ? ext.exports : await ext.activate();
    const uri = vscode.Uri.file(path.join(copy, 'content', 'post', 'release-of-1.8.4.md'));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));

    const diagnostics = await waitFor('the post\'s problems', () => {
      const list = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'release-post');
      return list.length ? list : undefined;
    });
    const messages = diagnostics.map((d) => d.message);
    assert.deepEqual(messages, ['the required field "author" is missing'], 'only the author the site\'s posts all have');

    const logged = await waitFor('the site in the Output channel', () => {
      const at = api.conventionsLog.indexOf(`Site conventions of ${copy}`);
      return at >= 0 ? api.conventionsLog.slice(at) : undefined;
    });
    assert.ok(logged.includes('Generator: Hugo  (from config.yaml)'), logged.join('\n'));
    assert.ok(logged.includes('Posts folder: content/post  (from config.yaml)'));
    // The newest release post (the one just written) gives the naming.
    assert.ok(logged.some((l) => /^Release file name: release-of-\{version\}\.md {2}\(from content\/post\/release-of-1\.8\.4\.md\)$/.test(l)));
    assert.ok(!logged.some((l) => /mesos/i.test(l)), 'no word of another site');

    const before = api.conventionsLog.length;
    await vscode.commands.executeCommand('releasePost.showSiteConventions');
    assert.ok(api.conventionsLog.length > before, 'Show Site Conventions writes them again');
    assert.equal(api.conventionsLog[before], `Site conventions of ${copy}`);
  });
});
