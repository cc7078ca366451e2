import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { ours, postPath, rule, waitFor, workspaceRoot } from './helpers';

const BROKEN = `---
layout: post
title: Orbit 1.2.0 Released
permalink: /blog/orbit-1-1-0-released/
post_author:
  display_name: Ada Quinn
tags: Release
---

The latest Orbit release, 1.2.0, is now available for [download](https://orbit.example.org/downloads/).

##

### Features

### Upgrades

Rolling upgrades from an Orbit 1.1.0 cluster to Orbit 1.2.0 are straightforward.
`;

async function diagnosticsWhere(uri: vscode.Uri, what: string, check: (rules: string[]) => boolean) {
  return waitFor(what, () => {
    const list = ours(uri);
    return check(list.map(rule)) ? list : undefined;
  });
}

describe('Diagnostics in the editor', () => {
  const file = postPath('2025-09-01-orbit-1-2-0-released.md');
  const uri = vscode.Uri.file(file);

  before(() => fs.writeFileSync(file, BROKEN));
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(file, { force: true });
  });

  it('shows the problems of a post as soon as it is opened, with rule codes linked to their docs', async () => {
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const list = await diagnosticsWhere(uri, 'diagnostics of the broken post', (r) => r.includes('field-missing'));
    const rules = list.map(rule);
    for (const expected of ['field-missing', 'permalink-mismatch', 'empty-heading', 'empty-section']) {
      assert.ok(rules.includes(expected), `${expected} in ${rules.join(', ')}`);
    }
    const missing = list.find((d) => rule(d) === 'field-missing')!;
    assert.match(missing.message, /published/);
    assert.equal(missing.severity, vscode.DiagnosticSeverity.Error);
    const code = missing.code as { value: string; target: vscode.Uri };
    // A command that opens docs/rules.md in the Markdown preview at the rule's section.
    assert.equal(code.target.scheme, 'command');
    assert.equal(code.target.path, 'releasePost.showRuleDocs');
    assert.deepEqual(JSON.parse(decodeURIComponent(code.target.query)), ['field-missing']);
    const permalink = list.find((d) => rule(d) === 'permalink-mismatch')!;
    assert.equal(permalink.range.start.line, 3, 'reported on the permalink line');
    assert.equal(permalink.severity, vscode.DiagnosticSeverity.Warning);
  });

  it('fixes a wrong permalink with a quick fix, as an undoable edit', async () => {
    const doc = await vscode.workspace.openTextDocument(uri);
    const permalink = ours(uri).find((d) => rule(d) === 'permalink-mismatch')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      uri,
      permalink.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const fix = actions.find((a) => a.title.startsWith('Set the permalink'));
    assert.ok(fix?.edit, `a quick fix for the permalink among: ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.equal(doc.lineAt(3).text, 'permalink: /blog/orbit-1-2-0-released/');
    await diagnosticsWhere(uri, 'the permalink problem to go', (r) => !r.includes('permalink-mismatch'));
    await vscode.commands.executeCommand('undo');
    assert.equal(doc.lineAt(3).text, 'permalink: /blog/orbit-1-1-0-released/');
    await diagnosticsWhere(uri, 'the permalink problem to come back', (r) => r.includes('permalink-mismatch'));
  });

  it('re-checks while typing: a new empty link is reported, and goes once filled in', async () => {
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc);
    const end = doc.lineAt(doc.lineCount - 1).range.end;
    await editor.edit((b) => b.insert(end, '\nSee the [notes]() for more.\n'));
    const list = await diagnosticsWhere(uri, 'an empty-link problem', (r) => r.includes('empty-link'));
    const empty = list.find((d) => rule(d) === 'empty-link')!;
    assert.equal(doc.lineAt(empty.range.start.line).text, 'See the [notes]() for more.');
    const line = empty.range.start.line;
    await editor.edit((b) => b.replace(doc.lineAt(line).range, 'See the [notes](https://orbit.example.org/notes/) for more.'));
    await diagnosticsWhere(uri, 'the empty-link problem to go', (r) => !r.includes('empty-link'));
  });

  it('fixes everything it can at once with "Fix All Problems in This Post"', async () => {
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('releasePost.fixAll');
    assert.match(doc.getText(), /^published: true$/m);
    assert.match(doc.getText(), /^permalink: \/blog\/orbit-1-2-0-released\/$/m);
    await diagnosticsWhere(uri, 'field-missing and permalink-mismatch to go', (r) => !r.includes('field-missing') && !r.includes('permalink-mismatch'));
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('renames a badly named post with a quick fix, never over another file', async () => {
    const dotted = postPath('2025-09-02-orbit-1.2.1-released.md');
    const renamed = postPath('2025-09-02-orbit-1-2-1-released.md');
    fs.writeFileSync(dotted, BROKEN.replace(/1\.2\.0/g, '1.2.1').replace('orbit-1-1-0-released', 'orbit-1-2-1-released'));
    try {
      const doc = await vscode.workspace.openTextDocument(dotted);
      await vscode.window.showTextDocument(doc);
      const list = await diagnosticsWhere(doc.uri, 'a filename-format problem', (r) => r.includes('filename-format'));
      const problem = list.find((d) => rule(d) === 'filename-format')!;
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        doc.uri,
        problem.range,
        vscode.CodeActionKind.QuickFix.value,
      );
      const rename = actions.find((a) => /rename/i.test(a.title));
      assert.ok(rename?.edit, actions.map((a) => a.title).join(' | '));
      fs.writeFileSync(renamed, 'another post\n');
      assert.equal(await vscode.workspace.applyEdit(rename.edit), false, 'refused while the name is taken');
      assert.equal(fs.readFileSync(renamed, 'utf8'), 'another post\n');
      fs.rmSync(renamed);
      assert.ok(await vscode.workspace.applyEdit(rename.edit));
      assert.ok(fs.existsSync(renamed), 'the post has its new name');
      assert.ok(!fs.existsSync(dotted), 'the old name is gone');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      fs.rmSync(dotted, { force: true });
      fs.rmSync(renamed, { force: true });
    }
  });

  it('leaves Markdown files that are not posts alone', async () => {
    const readme = path.join(workspaceRoot(), 'NOTES.md');
    fs.writeFileSync(readme, '# Notes\n\n##\n\n[x]()\n');
    const doc = await vscode.workspace.openTextDocument(readme);
    await vscode.window.showTextDocument(doc);
    await new Promise((r) => setTimeout(r, 800));
    assert.deepEqual(ours(doc.uri), []);
    fs.rmSync(readme);
  });

  it('checks an unsaved post, leaving the file-name rules until it has a name', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: BROKEN });
    await vscode.window.showTextDocument(doc);
    const list = await diagnosticsWhere(doc.uri, 'diagnostics of the unsaved post', (r) => r.includes('empty-heading'));
    const rules = list.map(rule);
    assert.ok(rules.includes('field-missing'), rules.join(', '));
    assert.ok(!rules.includes('filename-format'), rules.join(', '));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('follows the rule severities in the settings', async () => {
    const config = vscode.workspace.getConfiguration('releasePost');
    await config.update('rules', { 'empty-heading': 'off' }, vscode.ConfigurationTarget.Global);
    try {
      await diagnosticsWhere(uri, 'empty-heading to be switched off', (r) => r.length > 0 && !r.includes('empty-heading'));
    } finally {
      await config.update('rules', undefined, vscode.ConfigurationTarget.Global);
    }
    await diagnosticsWhere(uri, 'empty-heading to come back', (r) => r.includes('empty-heading'));
  });

  it('reports a post above the size cap once, as information, instead of checking it while typing', async () => {
    const big = postPath('2025-11-01-orbit-big-notes.md');
    fs.writeFileSync(big, BROKEN + 'A long paragraph of release notes. '.repeat(36000));
    try {
      const doc = await vscode.workspace.openTextDocument(big);
      await vscode.window.showTextDocument(doc);
      const list = await diagnosticsWhere(doc.uri, 'the size notice', (r) => r.includes('file-too-large'));
      assert.equal(list.length, 1);
      assert.equal(list[0].severity, vscode.DiagnosticSeverity.Information);
      assert.match(list[0].message, /releasePost\.lint\.maxFileSize/);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    } finally {
      fs.rmSync(big, { force: true });
    }
  });

  it('reports a broken .releasepost.json at its line, and goes on with the built-in profile', async () => {
    const config = path.join(workspaceRoot(), '.releasepost.json');
    const original = fs.readFileSync(config, 'utf8');
    fs.writeFileSync(config, '{\n  "projectName": "Orbit",\n  "layouts": "post"\n}\n');
    try {
      const doc = await vscode.workspace.openTextDocument(uri);
      const editor = await vscode.window.showTextDocument(doc);
      // An edit re-checks the post, which reads the changed config.
      await editor.edit((b) => b.insert(new vscode.Position(doc.lineCount, 0), ' '));
      const configUri = vscode.Uri.file(config);
      const problems = await waitFor('a problem in the config file', () => {
        const list = ours(configUri);
        return list.length ? list : undefined;
      });
      assert.equal(problems[0].range.start.line, 2, 'at the line of "layouts"');
      assert.match(problems[0].message, /layouts/);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    } finally {
      fs.writeFileSync(config, original);
    }
  });

  it('checks every post of the workspace from one command', async () => {
    const counts = await vscode.commands.executeCommand<{ files: number; errors: number }>('releasePost.lintWorkspace');
    assert.ok(counts.files >= 4, `checked ${counts.files} posts`);
    const clean = vscode.Uri.file(postPath('2025-06-10-orbit-1-1-0-released.md'));
    assert.deepEqual(ours(clean).filter((d) => d.severity === vscode.DiagnosticSeverity.Error).map(rule), []);
  });
});
