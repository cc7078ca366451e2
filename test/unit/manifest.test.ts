import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../../src/core/rules/index';

const ROOT = path.resolve(__dirname, '../..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

describe('package.json: what VS Code reads', () => {
  it('names every command releasePost.* with a title and the "Release Post" category', () => {
    for (const c of pkg.contributes.commands) {
      assert.match(c.command, /^releasePost\.[a-zA-Z]+$/);
      assert.equal(c.category, 'Release Post', c.command);
      assert.ok(c.title && c.title.length > 4, c.command);
    }
  });

  it('contributes only commands that exist, in every menu and keybinding', () => {
    const ids = new Set(pkg.contributes.commands.map((c: { command: string }) => c.command));
    const used = [
      ...Object.values(pkg.contributes.menus).flat().map((m) => (m as { command: string }).command),
      ...pkg.contributes.keybindings.map((k: { command: string }) => k.command),
    ];
    for (const id of used) assert.ok(ids.has(id), id);
  });

  it('describes every setting, and lets releasePost.rules name exactly the rules that exist', () => {
    const props = pkg.contributes.configuration.properties;
    for (const [key, value] of Object.entries(props)) {
      assert.match(key, /^releasePost\./);
      const v = value as { description?: string; markdownDescription?: string };
      assert.ok(v.description ?? v.markdownDescription, `${key} has a description`);
    }
    assert.deepEqual(Object.keys(props['releasePost.rules'].properties).sort(), RULES.map((r) => r.name).sort());
  });

  it('points at files that exist: entry points, snippets, schema, rule docs', () => {
    for (const file of [pkg.main, pkg.bin['release-post']]) assert.match(file, /^\.\/dist\//);
    for (const s of pkg.contributes.snippets) assert.ok(fs.existsSync(path.join(ROOT, s.path)), s.path);
    for (const j of pkg.contributes.jsonValidation) assert.ok(fs.existsSync(path.join(ROOT, j.url)), j.url);
    assert.ok(fs.existsSync(path.join(ROOT, 'docs', 'rules.md')));
    const ignore = fs.readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8');
    for (const shipped of ['dist/extension.js', 'dist/stylesWorker.js', 'dist/checkWorker.js', 'dist/renderWorker.js', 'dist/cli.js', 'dist/webview/preview.js', 'media/**', 'snippets/**', 'schemas/**', 'docs/rules.md']) {
      assert.ok(ignore.includes(`!${shipped}`), `.vscodeignore keeps ${shipped}`);
    }
  });

  it('contributes a "Get Started" walkthrough whose every step has a command link and a shipped picture of at most 1000 px', () => {
    const [walkthrough, ...others] = pkg.contributes.walkthroughs;
    assert.equal(others.length, 0);
    assert.equal(walkthrough.id, 'gettingStarted');
    assert.deepEqual(
      walkthrough.steps.map((s: { id: string }) => s.id),
      ['newPost', 'checkSite', 'preview', 'configure'],
    );
    const ids = new Set(pkg.contributes.commands.map((c: { command: string }) => c.command));
    const ignore = fs.readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8');
    for (const step of walkthrough.steps as { id: string; description: string; media: { image: string; altText: string } }[]) {
      const links = [...step.description.matchAll(/\]\(command:([\w.]+)/g)].map((m) => m[1]);
      assert.ok(links.length, `${step.id} has a button`);
      for (const id of links.filter((l) => l.startsWith('releasePost.'))) assert.ok(ids.has(id), `${step.id}: ${id} exists`);
      const image = path.join(ROOT, step.media.image);
      assert.ok(fs.existsSync(image), step.media.image);
      assert.ok(step.media.altText.length > 20, `${step.id} describes its picture`);
      const png = fs.readFileSync(image);
      assert.equal(png.subarray(1, 4).toString(), 'PNG', step.media.image);
      assert.ok(png.readUInt32BE(16) <= 1000, `${step.media.image} is ${png.readUInt32BE(16)} px wide`);
      assert.ok(png.length < 200 * 1024, `${step.media.image} is ${png.length} bytes`);
      assert.match(step.media.image, /^media\/walkthrough\//);
    }
    assert.ok(ignore.includes('!media/**'), '.vscodeignore ships media/walkthrough');
  });

  it('targets VS Code 1.90 or later (at most 1.100), with matching types', () => {
    assert.equal(pkg.engines.vscode, '^1.90.0');
    assert.equal(pkg.devDependencies['@types/vscode'], '1.90.0');
  });
});
