import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CliIO } from '../../../src/cli/io';
import { lintCommand } from '../../../src/cli/lint';

const SAMPLE = path.join(__dirname, '..', '..', 'fixtures', 'sample-site');

describe('cli: site-root links', () => {
  let root: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'release-post-links-'));
    fs.cpSync(SAMPLE, root, { recursive: true });
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  async function lintJson(): Promise<{ files: number; problems: { file: string; line: number; rule: string; message: string }[] }> {
    let out = '';
    const io: CliIO = { out: (t) => (out += t), err: () => {}, cwd: root };
    await lintCommand(['--format', 'json', 'site/source/blog'], io);
    return JSON.parse(out);
  }

  it('reports a link to a page the site does not have, at its line, as in the editor', async () => {
    const post = path.join(root, 'site/source/blog/2025-04-15-orbit-community-update.md');
    fs.appendFileSync(post, '\nSee the [roadmap](/documentation/latest/roadmap/).\n');
    const report = await lintJson();
    const broken = report.problems.filter((p) => p.rule === 'broken-site-link');
    assert.equal(broken.length, 1);
    assert.equal(broken[0].file, 'site/source/blog/2025-04-15-orbit-community-update.md');
    assert.equal(broken[0].line, 15);
    assert.match(broken[0].message, /roadmap/);
  });

  it('accepts links to posts, pages and images that exist', async () => {
    const report = await lintJson();
    assert.equal(report.files, 3);
    assert.deepEqual(report.problems.filter((p) => p.rule === 'broken-site-link'), []);
  });
});
