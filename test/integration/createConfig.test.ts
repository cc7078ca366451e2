import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { workspaceRoot } from './helpers';

describe('Create Site Configuration in the editor', () => {
  const file = () => path.join(workspaceRoot(), '.releasepost.json');

  it('opens the existing config file and leaves it as it is', async () => {
    const before = fs.readFileSync(file(), 'utf8');
    const uri = await vscode.commands.executeCommand<vscode.Uri>('releasePost.createConfig');
    assert.equal(uri.fsPath, file());
    assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, file());
    assert.equal(fs.readFileSync(file(), 'utf8'), before);
  });

  it('writes a starter config with the naming the posts use when there is none', async () => {
    const before = fs.readFileSync(file(), 'utf8');
    fs.rmSync(file());
    try {
      const uri = await vscode.commands.executeCommand<vscode.Uri>('releasePost.createConfig');
      const written = JSON.parse(fs.readFileSync(uri.fsPath, 'utf8'));
      assert.equal(written.projectName, 'Orbit', 'read from "Orbit 1.1.0 Released" and its file name');
      assert.equal(written.postsFolder, 'site/source/blog');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      fs.writeFileSync(file(), before);
      // Let the file watcher report the restored config before the next suite starts.
      await new Promise((r) => setTimeout(r, 1000));
    }
  });
});
