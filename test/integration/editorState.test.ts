import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ReleasePostApi } from '../../src/extension/extension';
import { EXTENSION_ID, openPost, ours, postPath, rule, waitFor, workspaceRoot } from './helpers';

function api(): ReleasePostApi {
  return vscode.extensions.getExtension<ReleasePostApi>(EXTENSION_ID)!.exports;
}

const POST = `---
layout: post
title: Orbit 1.3.0 Released
permalink: /blog/orbit-1-3-0-released/
published: true
post_author:
  display_name: Ada Quinn
tags: Release
---

The latest Orbit release, 1.3.0, is now available for[download](https://orbit.example.org/downloads/).

### Features

### Upgrades

Rolling upgrades from an Orbit 1.1.0 cluster to Orbit 1.3.0 are straightforward.

### Thanks!

Thanks to the ** contributors who made 1.3.0 possible:

Ada Quinn, Chen Wei
`;

/** Every log file below a folder (two levels), read as text. */
function logsBelow(dir: string, depth = 2): { file: string; text: string }[] {
  const found: { file: string; text: string }[] = [];
  for (const entry of fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }) : []) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory() && depth > 0) found.push(...logsBelow(full, depth - 1));
    else if (entry.isFile() && entry.name.endsWith('.log')) found.push({ file: full, text: fs.readFileSync(full, 'utf8') });
  }
  return found;
}

function activeTabInput(): unknown {
  return vscode.window.tabGroups.activeTabGroup.activeTab?.input;
}

describe('The editor, first time and every time', () => {
  const file = () => postPath('2025-11-01-orbit-1-3-0-released.md');
  const notAPost = () => path.join(workspaceRoot(), 'NOTES.md');
  let doc: vscode.TextDocument;

  before(async () => {
    fs.writeFileSync(file(), POST);
    fs.writeFileSync(notAPost(), '# Notes for the team\n\nNot a post: no front matter, outside the posts folder.\n');
    doc = (await openPost(path.basename(file()))).document;
    await waitFor('the first diagnostics', () => (ours(doc.uri).length ? true : undefined), 20000);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(file(), { force: true });
    fs.rmSync(notAPost(), { force: true });
  });

  it('reports a lone "**" (the missing count) as a placeholder', async () => {
    const line = doc.getText().split('\n').findIndex((l) => l.startsWith('Thanks to the **'));
    const found = await waitFor('a placeholder on "**"', () =>
      ours(doc.uri).find((d) => rule(d) === 'placeholder' && d.range.start.line === line && doc.getText(d.range) === '**'),
    );
    assert.ok(found);
  });

  it('links a rule code to its section of the rules, rendered by the Markdown preview, without moving our preview', async () => {
    await vscode.commands.executeCommand('releasePost.showPreviewToSide');
    const panel = await waitFor('our preview', () => api().preview.panel);
    await waitFor('our preview on the post', () => (panel.uri?.toString() === doc.uri.toString() ? true : undefined));
    const diagnostic = ours(doc.uri).find((d) => rule(d) === 'placeholder')!;
    const target = (diagnostic.code as { target: vscode.Uri }).target;
    assert.equal(target.scheme, 'command', `the code opens ${target.toString()}`);
    const args = JSON.parse(decodeURIComponent(target.query)) as unknown[];
    await vscode.commands.executeCommand(target.path, ...args);
    const input = await waitFor('the Markdown preview of rules.md', () => {
      const i = activeTabInput();
      return i instanceof vscode.TabInputWebview && /markdown\.preview/.test(i.viewType) ? i : undefined;
    });
    assert.ok(input);
    assert.match(vscode.window.tabGroups.activeTabGroup.activeTab!.label, /rules\.md/);
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(panel.uri?.toString(), doc.uri.toString(), 'our preview still shows the post');
  });

  it('keeps the last post in the preview when a non-post Markdown file is focused, and follows posts unless locked', async () => {
    const panel = api().preview.panel!;
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(notAPost()), vscode.ViewColumn.One);
    await new Promise((r) => setTimeout(r, 800));
    assert.equal(panel.uri?.toString(), doc.uri.toString(), 'a non-post does not take the preview over');
    assert.doesNotMatch(panel.lastContent?.html ?? '', /Untitled post|Unknown author/);

    await vscode.commands.executeCommand('releasePost.togglePreviewLock');
    assert.match(panel.panel.title, /Locked/);
    await openPost('2025-03-04-orbit-1-0-0-released.md');
    await new Promise((r) => setTimeout(r, 800));
    assert.equal(panel.uri?.toString(), doc.uri.toString(), 'a locked preview keeps its post');

    await vscode.commands.executeCommand('releasePost.togglePreviewLock');
    await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
    await openPost('2025-03-04-orbit-1-0-0-released.md');
    await waitFor('the unlocked preview to follow the next post', () => (panel.uri?.fsPath.endsWith('2025-03-04-orbit-1-0-0-released.md') ? true : undefined));
    panel.dispose();
  });

  it('offers "disable for this line" and "for this file" on every problem; the line one silences just that problem', async () => {
    await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
    const problems = ours(doc.uri);
    assert.ok(problems.length >= 3, `problems: ${problems.map(rule).join(', ')}`);
    for (const d of problems) {
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, d.range, vscode.CodeActionKind.QuickFix.value);
      const titles = actions.map((a) => a.title);
      assert.ok(titles.includes(`Disable ${rule(d)} for this file`), `${rule(d)}: ${titles.join(' | ')}`);
      if (d.range.start.line > 8) assert.ok(titles.includes(`Disable ${rule(d)} for this line`), `${rule(d)}: ${titles.join(' | ')}`);
      assert.ok(actions.every((a) => !a.kind || vscode.CodeActionKind.QuickFix.contains(a.kind)), `only quick fixes when quick fixes are asked for: ${actions.map((a) => a.kind?.value).join(', ')}`);
    }
    const glued = problems.find((d) => rule(d) === 'glued-link')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, glued.range);
    const disable = actions.find((a) => a.title === 'Disable glued-link for this line')!;
    const before = problems.length;
    await vscode.workspace.applyEdit(disable.edit!);
    await waitFor('the glued-link problem to go', () => {
      const now = ours(doc.uri);
      return !now.some((d) => rule(d) === 'glued-link') && now.length === before - 1 ? true : undefined;
    });
  });

  it('returns the source.fixAll action only when that kind is asked for, and the palette Fix All says what it did', async () => {
    const editor = await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
    await editor.edit((b) => b.insert(new vscode.Position(doc.lineCount, 0), '\nRead the[notes](https://orbit.example.org/notes/).\n'));
    await waitFor('a glued link to fix', () => (ours(doc.uri).some((d) => rule(d) === 'glued-link') ? true : undefined));
    const whole = new vscode.Range(0, 0, doc.lineCount, 0);
    const fixAll = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, whole, 'source.fixAll.releasePost');
    assert.ok(fixAll.length === 1 && fixAll[0].kind?.value === 'source.fixAll.releasePost', fixAll.map((a) => a.kind?.value).join(', '));
    const message = await vscode.commands.executeCommand<string>('releasePost.fixAll');
    // An empty section's heading is removed by the fix; what has no clear fix is named as left to the person.
    assert.match(message, /^Fixed \d+ problems? \(.*empty-section.*\)\./, message);
    assert.match(message, /left to you \(.+\)/, message);
    await doc.save();
  });

  it('shows a status-bar item with the problem count on posts, and none on other Markdown files', async () => {
    await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
    const bar = api().statusBar;
    await waitFor('the status-bar item on the post', () => (bar.visible && /Release Post: (\d+ problems?|no problems)/.test(bar.item.text) ? true : undefined));
    const count = ours(doc.uri).length;
    assert.match(bar.item.text, count ? new RegExp(`${count} problem`) : /no problems/);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(notAPost()), vscode.ViewColumn.One);
    await waitFor('the item to hide on a non-post', () => (!bar.visible ? true : undefined));
  });

  it('logs the site found and why a file is or is not a post, in the Output channel', async () => {
    await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(notAPost()), vscode.ViewColumn.One);
    const folder = path.dirname(api().logUri.fsPath);
    const text = await waitFor('the log lines', () => {
      const all = logsBelow(folder).map((l) => l.text).join('\n');
      return /NOTES\.md: not a post/.test(all) && /2025-11-01-orbit-1-3-0-released\.md: checked as a post \(in the posts folder/.test(all) ? all : undefined;
    });
    assert.match(text, /Site .*: posts in site\/source\/blog/);
  });

  it('reads its settings per resource: no "window scoped configuration" warning in the extension host log', () => {
    const folder = path.dirname(api().logUri.fsPath);
    const warnings = logsBelow(folder)
      .flatMap((l) => l.text.split('\n'))
      .filter((l) => /Accessing a window scoped configuration/.test(l) && /releasePost/.test(l));
    assert.deepEqual(warnings.slice(0, 3), []);
  });

  it('the release-post snippet leaves the permalink as a slug once Tab leaves the title', async () => {
    const untitled = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
    const editor = await vscode.window.showTextDocument(untitled, vscode.ViewColumn.One);
    await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'markdown', name: 'Release post' });
    await waitFor('the snippet', () => (editor.document.getText().includes('permalink:') ? true : undefined));
    await vscode.commands.executeCommand('type', { text: 'Apache Mesos 1.12.0 Released' });
    await vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');
    const text = editor.document.getText();
    assert.match(text, /^permalink: \/blog\/mesos-1-12-0-released\/$/m, text.split('\n').slice(0, 5).join('\n'));
    assert.match(text, /hb=1\.12\.0\)/);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
