import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { postPath, waitFor } from './helpers';

async function complete(uri: vscode.Uri, position: vscode.Position): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position);
  return list.items;
}

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

function insertOf(item: vscode.CompletionItem): string {
  const t = item.insertText ?? labelOf(item);
  return typeof t === 'string' ? t : t.value;
}

describe('Writing help in the editor', () => {
  const draft = postPath('2025-10-01-orbit-1-3-0-released.md');
  const uri = vscode.Uri.file(draft);

  before(() =>
    fs.writeFileSync(
      draft,
      ['---', 'layout: ', 'title: Orbit 1.3.0 Released', 'permalink: ', 'published: true', 'post_author:', '  display_name: ', 'tags: Release, ', '---', '', 'See [the last release](/blog/', ''].join('\n'),
    ),
  );
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(draft, { force: true });
  });

  it('completes layout values from the profile', async () => {
    const items = await complete(uri, new vscode.Position(1, 8));
    assert.ok(items.map(labelOf).includes('post'), items.map(labelOf).join(', '));
  });

  it('completes the permalink the file name gives', async () => {
    const items = await complete(uri, new vscode.Position(3, 11));
    assert.ok(items.some((i) => insertOf(i).includes('/blog/orbit-1-3-0-released/')), items.map(insertOf).join(', '));
  });

  it('completes tags already used on the site, with their counts', async () => {
    const items = await complete(uri, new vscode.Position(7, 15));
    const labels = items.map(labelOf);
    assert.ok(labels.includes('Scheduling') || labels.includes('Community'), labels.join(', '));
    const community = items.find((i) => labelOf(i) === 'Community');
    assert.ok(community);
    assert.match(String(community.detail ?? ''), /1/);
  });

  it('completes authors from previous posts and brings their twitter handle along', async () => {
    const items = await complete(uri, new vscode.Position(6, 16));
    const chen = items.find((i) => labelOf(i) === 'Chen Wei');
    assert.ok(chen, items.map(labelOf).join(', '));
    const brought = [insertOf(chen), ...(chen.additionalTextEdits ?? []).map((e) => e.newText)].join('\n');
    assert.match(brought, /chenwei_dev/);
  });

  it('completes site-root links to the other posts', async () => {
    // The site's index is built after activation, without holding the editor: its posts join once it is ready.
    const inserts = await waitFor(
      'the site index in the completions',
      async () => {
        const found = (await complete(uri, new vscode.Position(10, 29))).map(insertOf).join(' ');
        return /orbit-1-0-0-released/.test(found) ? found : undefined;
      },
      15000,
    );
    assert.match(inserts, /orbit-1-0-0-released/);
    assert.match(inserts, /orbit-1-1-0-released/);
  });

  it('completes the post whose slug was typed after "](/blog/": Enter inserts that post, not a near one', async () => {
    // Two posts whose slugs differ in one digit, as Mesos 1.10.0 and 1.11.0 do.
    const near = [postPath('2025-07-01-orbit-1-10-0-released.md'), postPath('2025-08-01-orbit-1-11-0-released.md')];
    for (const [i, file] of near.entries()) {
      const v = `1.1${i}.0`;
      fs.writeFileSync(file, `---\nlayout: post\ntitle: Orbit ${v} Released\npermalink: /blog/orbit-${v.replace(/\./g, '-')}-released/\npublished: true\npost_author:\n  display_name: Ada Quinn\ntags: Release\n---\n\nOrbit ${v}.\n`);
    }
    try {
      const doc = await vscode.workspace.openTextDocument(uri);
      const editor = await vscode.window.showTextDocument(doc);
      const line = doc.lineCount;
      await editor.edit((b) => b.insert(doc.lineAt(line - 1).range.end, '\nRead [the 1.10.0 post]('));
      editor.selection = new vscode.Selection(line, doc.lineAt(line).text.length, line, doc.lineAt(line).text.length);
      // Until the site index has both new posts, a completion request would not offer them.
      await waitFor(
        'the new posts in the completions',
        async () => {
          const items = await complete(uri, new vscode.Position(10, 29));
          return items.filter((i) => /orbit-1-1[01]-0-released/.test(labelOf(i))).length === 2 ? true : undefined;
        },
        15000,
      );
      // Typed as a person types: the "/" opens the suggestions, the rest filters them.
      for (const ch of '/blog/orbit-1-10') {
        await vscode.commands.executeCommand('type', { text: ch });
        await new Promise((r) => setTimeout(r, 40));
      }
      await new Promise((r) => setTimeout(r, 800));
      await vscode.commands.executeCommand('acceptSelectedSuggestion');
      const accepted = await waitFor('the accepted link', () => (/\/$/.test(doc.lineAt(line).text) ? doc.lineAt(line).text : undefined), 5000);
      assert.equal(accepted, 'Read [the 1.10.0 post](/blog/orbit-1-10-0-released/');
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
      for (const file of near) fs.rmSync(file, { force: true });
    }
  });

  it('explains a front-matter key on hover', async () => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(4, 3));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /published/i);
    assert.match(text, /required/i);
  });

  it('makes site-root links and images Ctrl+clickable to the file behind them', async () => {
    // The link provider command only answers for documents that are open.
    const post = vscode.Uri.file(postPath('2025-03-04-orbit-1-0-0-released.md'));
    await vscode.workspace.openTextDocument(post);
    const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', post);
    const targets = links.map((l) => l.target?.fsPath ?? `no target for ${JSON.stringify(l.range)}`);
    assert.ok(targets.some((t) => t.endsWith('assets/img/blog/orbit-architecture.png')), `links: ${targets.join(', ')}`);
    const update = vscode.Uri.file(postPath('2025-04-15-orbit-community-update.md'));
    await vscode.workspace.openTextDocument(update);
    const more = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', update);
    assert.ok(more.some((l) => l.target?.fsPath.endsWith('2025-03-04-orbit-1-0-0-released.md')), more.map((l) => l.target?.fsPath).join('\n'));
  });

  it('warns about a site-root link that leads nowhere', async () => {
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc);
    await editor.edit((b) => b.insert(new vscode.Position(11, 0), 'Also [this page](/documentation/latest/nowhere/).\n'));
    const deadline = Date.now() + 10000;
    let found: vscode.Diagnostic | undefined;
    while (!found && Date.now() < deadline) {
      found = vscode.languages.getDiagnostics(uri).find((d) => typeof d.code === 'object' && d.code.value === 'broken-site-link');
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.ok(found, 'a broken-site-link diagnostic');
    assert.equal(found.severity, vscode.DiagnosticSeverity.Warning);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
