import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { newCommand } from '../../../src/cli/new';
import type { CliIO } from '../../../src/cli/io';
import { parsePost } from '../../../src/core/post/parse';
import { lintPost } from '../../../src/core/rules/lint';
import { findSiteForFile } from '../../../src/core/site/workspace';

function captureIO(cwd: string): CliIO & { stdout: string; stderr: string } {
  const io = { stdout: '', stderr: '', cwd, out: (t: string) => void (io.stdout += t), err: (t: string) => void (io.stderr += t) };
  return io;
}

describe('release-post new on a site with no release post yet', () => {
  let root: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'release-post-starter-'));
    fs.mkdirSync(path.join(root, '_posts'));
    fs.writeFileSync(path.join(root, '_posts', '2024-05-01-welcome.md'), '---\nlayout: post\ntitle: Welcome\n---\n\nHello.\n');
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('asks for a built-in starting point, naming each, and writes nothing', async () => {
    const io = captureIO(root);
    assert.equal(await newCommand(['--version', '1.0.0', '--author', 'Ada Quinn'], io), 2);
    assert.match(io.stderr, /no release post in .*_posts to follow/);
    for (const name of ['jekyll', 'hugo', 'hexo', 'zola', 'middleman']) assert.match(io.stderr, new RegExp(`\\b${name}\\b`));
    assert.deepEqual(fs.readdirSync(path.join(root, '_posts')), ['2024-05-01-welcome.md']);
  });

  it('writes the chosen starting point for this release, with no error and no built-in site words', async () => {
    const io = captureIO(root);
    assert.equal(await newCommand(['--version', '0.3.0', '--author', 'Ada Quinn', '--date', '2024-06-01', '--starter', 'jekyll'], io), 0, io.stderr);
    const file = path.join(root, '_posts', '2024-06-01-release-0-3-0.md');
    assert.equal(path.resolve(root, io.stdout.trim()), file);
    const text = fs.readFileSync(file, 'utf8');
    assert.match(text, /^---\nlayout: post\ntitle: "Release 0\.3\.0"\ndate: 2024-06-01\nauthor: Ada Quinn\ncategories: \[release\]\n---\n/);
    assert.doesNotMatch(text, /mesos|apache/i);
    const problems = lintPost(parsePost(text), file, findSiteForFile(file)!.profile);
    assert.deepEqual(problems.filter((p) => p.severity === 'error'), []);
  });

  it('refuses an unknown starting point', async () => {
    const io = captureIO(root);
    assert.equal(await newCommand(['--version', '0.3.0', '--author', 'Ada Quinn', '--starter', 'wordpress'], io), 2);
    assert.match(io.stderr, /unknown starting point "wordpress"; choose one of: jekyll, hugo, hexo, zola, middleman/);
  });
});
