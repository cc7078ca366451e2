import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { lintCommand } from '../../src/cli/lint';
import { newCommand } from '../../src/cli/new';
import type { CliIO } from '../../src/cli/io';
import { SEED_DRAFT_ARGS, seedDefects } from '../unit/ci/seedDraft';
import { waitFor, workspaceRoot } from './helpers';

async function cli(command: typeof lintCommand, argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIO = { out: (t) => (out += t), err: (t) => (err += t), cwd: workspaceRoot() };
  const code = await command(argv, io);
  return { code, out, err };
}

describe('release-post lint --fix and the editor\'s fix-all', () => {
  let draft: string;
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    if (draft) fs.rmSync(draft, { force: true });
  });

  it('make the same bytes of the seed draft', async function () {
    this.timeout(120000);
    const made = await cli(newCommand, [...SEED_DRAFT_ARGS, '--date', '2025-10-02']);
    assert.equal(made.code, 0, made.err);
    draft = path.join(workspaceRoot(), made.out.trim());
    const seeded = seedDefects(fs.readFileSync(draft, 'utf8'));
    fs.writeFileSync(draft, seeded);

    // The editor: open the draft, wait for its problems, run the command, keep the text without saving it.
    const uri = vscode.Uri.file(draft);
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    // The editor may have read the file before the defects were written: wait until it shows them.
    await waitFor('the seeded text in the editor', () => (doc.getText() === seeded ? true : undefined), 30000);
    await waitFor('the draft\'s problems', () => (vscode.languages.getDiagnostics(uri).some((d) => d.source === 'release-post') ? true : undefined), 30000);
    await waitFor('the draft as the active editor', () => (vscode.window.activeTextEditor?.document === doc ? true : undefined), 30000);
    await vscode.commands.executeCommand('releasePost.fixAll');
    const byEditor = await waitFor('the editor\'s fixes', () => (doc.getText() !== seeded ? doc.getText() : undefined), 30000);
    // Put the seeded text back and save it, so the editor holds no unsaved change when it closes.
    const back = new vscode.WorkspaceEdit();
    back.replace(uri, new vscode.Range(doc.positionAt(0), doc.positionAt(byEditor.length)), seeded);
    assert.ok(await vscode.workspace.applyEdit(back));
    assert.ok(await doc.save());
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    assert.equal(fs.readFileSync(draft, 'utf8'), seeded, 'the file on disk is still the seeded draft');

    // The CLI on the file on disk.
    const fixed = await cli(lintCommand, ['--fix', path.relative(workspaceRoot(), draft)]);
    assert.equal(fs.readFileSync(draft, 'utf8'), byEditor);
    assert.match(fixed.out, /  fixed  /);
  });
});
