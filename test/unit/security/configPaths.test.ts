import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { lintCommand } from '../../../src/cli/lint';
import { newCommand } from '../../../src/cli/new';
import { renderCommand } from '../../../src/cli/render';
import type { CliIO } from '../../../src/cli/io';
import { readSiteConfig } from '../../../src/core/site/workspace';
import { siteStylesheetFiles } from '../../../src/core/site/configPaths';

const SECRET = 'TOP-SECRET-TOKEN-4711';
const POST = `---
layout: post
title: Widget 1.0.0 Released
permalink: /blog/widget-1-0-0-released/
published: true
post_author:
  display_name: Ada Example
tags: Release
---

Widget 1.0.0 is out.
`;

function io(cwd: string): CliIO & { stdout: string; stderr: string } {
  const captured = { stdout: '', stderr: '', cwd, out: (t: string) => (captured.stdout += t), err: (t: string) => (captured.stderr += t) };
  return captured;
}

/** Every file below `dir`, relative, with its text. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files[path.relative(dir, path.join(entry.parentPath, entry.name))] = fs.readFileSync(path.join(entry.parentPath, entry.name), 'utf8');
  }
  return files;
}

describe('security: the paths a config names stay inside the site', () => {
  let temp: string;
  let site: string;
  let outside: string;
  const postFile = () => path.join(site, 'site/source/blog/2025-01-02-widget-1-0-0-released.md');
  const writeConfig = (config: unknown) => fs.writeFileSync(path.join(site, '.releasepost.json'), JSON.stringify(config, null, 2));

  beforeEach(() => {
    temp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'release-post-contain-')));
    site = path.join(temp, 'site-root');
    outside = path.join(temp, 'outside');
    fs.mkdirSync(path.join(site, 'site/source/blog'), { recursive: true });
    fs.mkdirSync(path.join(site, 'site/data'), { recursive: true });
    fs.mkdirSync(path.join(site, 'css'), { recursive: true });
    fs.mkdirSync(outside);
    fs.writeFileSync(path.join(outside, 'secret.txt'), `body { --token: ${SECRET}; }`);
    fs.writeFileSync(path.join(outside, 'releases.yml'), 'news:\n  - title: x\n');
    fs.writeFileSync(path.join(site, 'css/site.css'), '.own-site-style { color: teal; }');
    fs.symlinkSync(path.join(outside, 'secret.txt'), path.join(site, 'css/linked.css'));
    fs.symlinkSync(outside, path.join(site, 'linked-folder'));
    fs.writeFileSync(postFile(), POST);
  });
  afterEach(() => fs.rmSync(temp, { recursive: true, force: true }));

  it('reports each path that leads outside (.., absolute, or through a symbolic link) at its line, and drops it', () => {
    writeConfig({
      postsFolder: '../escaped-posts',
      dataFile: 'linked-folder/releases.yml',
      template: '/etc/hostname',
      layouts: ['post', '../../x'],
      preview: { stylesheets: ['css/site.css', '../outside/secret.txt', 'css/linked.css', '../../../../../../../../proc/self/environ'] },
    });
    const read = readSiteConfig(path.join(site, '.releasepost.json'))!;
    const lines = fs.readFileSync(path.join(site, '.releasepost.json'), 'utf8').split('\n');
    const reported = read.problems.map((p) => [lines[p.range.start.line].trim().replace(/,$/, ''), p.message.split(' ')[0]]);
    assert.deepEqual(reported, [
      ['"postsFolder": "../escaped-posts"', '"postsFolder"'],
      ['"dataFile": "linked-folder/releases.yml"', '"dataFile"'],
      ['"template": "/etc/hostname"', '"template"'],
      ['"../../x"', '"layouts[1]"'],
      ['"../outside/secret.txt"', '"preview.stylesheets[1]"'],
      ['"css/linked.css"', '"preview.stylesheets[2]"'],
      ['"../../../../../../../../proc/self/environ"', '"preview.stylesheets[3]"'],
    ]);
    assert.match(read.problems[0].message, /leads outside the site/);
    assert.match(read.problems[2].message, /is an absolute path/);
    assert.equal(read.profile.postsFolder, 'site/source/blog', 'the default posts folder instead');
    assert.equal(read.profile.dataFile, '');
    assert.equal(read.profile.template, '');
    assert.deepEqual(read.profile.layouts, ['post']);
    assert.deepEqual(siteStylesheetFiles(read.root, read.profile), [path.join(site, 'css/site.css')]);
  });

  it('accepts paths inside the site, also through a symbolic link that stays inside', () => {
    fs.symlinkSync(path.join(site, 'css'), path.join(site, 'styles'));
    writeConfig({ postsFolder: 'site/source/blog', dataFile: 'site/data/releases.yml', preview: { stylesheets: ['styles/site.css', './css/../css/site.css'] } });
    const read = readSiteConfig(path.join(site, '.releasepost.json'))!;
    assert.deepEqual(read.problems, []);
    assert.equal(siteStylesheetFiles(read.root, read.profile).length, 2);
  });

  it('render never inlines a file from outside the site, and says why', async () => {
    process.env.RELEASE_POST_TEST_SECRET = SECRET;
    writeConfig({ preview: { stylesheets: ['../outside/secret.txt', 'css/linked.css', '../../../../../../../../proc/self/environ'] } });
    const run = io(site);
    const code = await renderCommand([postFile()], run);
    delete process.env.RELEASE_POST_TEST_SECRET;
    assert.equal(code, 0);
    assert.ok(!run.stdout.includes(SECRET), 'no secret in the page');
    assert.match(run.stdout, /^<!DOCTYPE html>/);
    assert.match(run.stderr, /\.releasepost\.json:4: "preview\.stylesheets\[0\]" leads outside the site/);
    assert.equal(run.stderr.split('\n').filter((l) => l.includes('leads outside')).length, 3);
  });

  it('lint reports the config error at its line (exit 1)', async () => {
    writeConfig({ dataFile: '../escaped-data.yml' });
    const run = io(site);
    const code = await lintCommand([postFile()], run);
    assert.equal(code, 1);
    assert.match(run.stdout, /^\.releasepost\.json:2:15 {2}error {2}"dataFile" leads outside the site.*config$/m);
  });

  it('new writes nothing when the config sends the post or the data file outside', async () => {
    for (const config of [{ postsFolder: '../escaped-posts' }, { dataFile: '../outside/releases.yml' }, { template: '../outside/secret.txt' }]) {
      writeConfig(config);
      const before = snapshot(temp);
      const run = io(site);
      const code = await newCommand(['--version', '1.1.0', '--date', '2025-03-04', '--author', 'Ada', '--update-data-file'], run);
      assert.equal(code, 2, JSON.stringify(config));
      assert.match(run.stderr, /error: .*\.releasepost\.json:2: .* leads outside the site/);
      assert.match(run.stderr, /nothing was written/);
      assert.equal(run.stdout, '');
      assert.deepEqual(snapshot(temp), before, JSON.stringify(config));
      assert.ok(!fs.existsSync(path.join(temp, 'escaped-posts')));
    }
  });
});
