import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID, openPost, postPath, waitFor, workspaceRoot } from './helpers';

// Run by `npm run test:restricted`: the same sample site, opened with workspace trust on and the folder not trusted.
describe('Restricted mode (an untrusted workspace)', function () {
  before(function () {
    // Only meaningful in the restricted run; the trusted suite has nothing to check here.
    if (vscode.workspace.isTrusted) this.skip();
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('still checks posts: the extension is enabled and a broken post gets its diagnostics', async () => {
    const file = postPath('2025-12-01-orbit-restricted.md');
    fs.writeFileSync(file, '---\nlayout: post\ntitle: Orbit 1.3.0 Released\npost_author:\n  display_name: Ada Quinn\n---\n\n##\n\nTODO\n');
    try {
      const doc = (await openPost(path.basename(file))).document;
      const rules = await waitFor(
        'diagnostics in restricted mode',
        () => {
          const list = vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'release-post');
          return list.length ? list.map((d) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code))) : undefined;
        },
        20000,
      );
      assert.ok(rules.includes('empty-heading') && rules.includes('placeholder'), rules.join(', '));
      assert.ok(vscode.extensions.getExtension(EXTENSION_ID)?.isActive);
    } finally {
      fs.rmSync(file, { force: true });
    }
  });

  it('New Release Post and Create Site Configuration wait for trust and write nothing', async () => {
    const before = fs.readdirSync(path.join(workspaceRoot(), 'site', 'source', 'blog')).sort();
    assert.equal(await vscode.commands.executeCommand('releasePost.newReleasePost'), undefined);
    assert.equal(await vscode.commands.executeCommand('releasePost.createConfig'), undefined);
    assert.deepEqual(fs.readdirSync(path.join(workspaceRoot(), 'site', 'source', 'blog')).sort(), before);
  });
});
