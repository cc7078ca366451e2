import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { ReleasePostApi } from '../../src/extension/extension';
import { EXTENSION_ID, postPath, waitFor } from './helpers';

const FRONT = `---
layout: post
title: Orbit 9.9.0 Released
published: true
post_author:
  display_name: Ada Quinn
tags: Release
---

`;

function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'release-post');
}

function rule(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('Large posts are checked on their own thread', () => {
  const hostileFile = postPath('2025-10-01-orbit-9-9-0-released.md');
  const plainFile = postPath('2025-10-02-orbit-9-9-1-released.md');
  // 300 KB of empty links: parsing and checking it takes over a second on a 2-core machine.
  const hostile = FRONT + '[a]() '.repeat(50_000) + '\n';
  // 70 KB of ordinary sections, one of them empty: a large post that checks in a few tens of ms.
  const plain = FRONT.replace('title: Orbit 9.9.0 Released', 'title: Orbit 9.9.1 Released') + '## Notes\n\n' + 'The release fixes many things in the scheduler.\n\n'.repeat(1400) + '## Empty\n\n## End\n\nDone.\n';

  before(async () => {
    fs.writeFileSync(hostileFile, hostile);
    fs.writeFileSync(plainFile, plain);
    await vscode.workspace.getConfiguration('releasePost').update('lint.timeout', 400, vscode.ConfigurationTarget.Workspace);
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.getConfiguration('releasePost').update('lint.timeout', undefined, vscode.ConfigurationTarget.Workspace);
    fs.rmSync(hostileFile, { force: true });
    fs.rmSync(plainFile, { force: true });
  });

  it('a large post that checks quickly gets its problems from the check worker', async () => {
    const uri = vscode.Uri.file(plainFile);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
    const list = await waitFor('the problems of the large post', () => {
      const found = ours(uri);
      return found.some((d) => rule(d) === 'empty-section') ? found : undefined;
    }, 30000);
    assert.ok(!list.some((d) => rule(d) === 'check-timeout'), 'the check finished within its budget');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('typing in a post whose check runs past its budget never holds the extension host, and the stop is said once', async function () {
    this.timeout(120000);
    const api = vscode.extensions.getExtension<ReleasePostApi>(EXTENSION_ID)!.exports;
    const uri = vscode.Uri.file(hostileFile);
    let said = 0;
    const sub = api.diagnostics.onDidCancelCheck((u) => {
      if (u.toString() === uri.toString()) said++;
    });
    try {
      const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
      await waitFor('the stopped check', () => ours(uri).find((d) => rule(d) === 'check-timeout'), 60000);
      // Type, and while each check runs on the worker (300 ms after the keystroke, for up to 400 ms), ask the
      // extension host to run one of the extension's commands, then a 25 ms timer, again and again: each round must
      // come back at once. (A command of this extension host runs in it, without the window's renderer, which may
      // be busy drawing a 300 KB line.)
      const waits: number[] = [];
      for (let i = 0; i < 5; i++) {
        await editor.edit((b) => b.insert(new vscode.Position(10, 0), 'x'));
        const until = performance.now() + 1200;
        while (performance.now() < until) {
          const start = performance.now();
          await vscode.commands.executeCommand('releasePost.togglePreviewLock');
          await sleep(25);
          waits.push(performance.now() - start - 25);
        }
      }
      await sleep(1000);
      const longest = Math.max(...waits);
      assert.ok(longest < 500, `the longest round was ${Math.round(longest)} ms late (of ${waits.length})`);
      const stopped = ours(uri).filter((d) => rule(d) === 'check-timeout');
      assert.equal(stopped.length, 1, 'one information problem says the check was stopped');
      assert.equal(stopped[0].severity, vscode.DiagnosticSeverity.Information);
      assert.equal(said, 1, 'the message was shown once, not once per keystroke');
    } finally {
      sub.dispose();
    }
  });
});
