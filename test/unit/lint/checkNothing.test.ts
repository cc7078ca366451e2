import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { lintCommand } from '../../../src/cli/lint';
import type { CliIO } from '../../../src/cli/io';
import { SITES } from '../corpus';

async function run(argv: string[], cwd: string) {
  let out = '';
  let err = '';
  const io: CliIO = { out: (t) => (out += t), err: (t) => (err += t), cwd };
  const code = await lintCommand(argv, io);
  return { code, out, err };
}

describe('cli: lint never checks nothing silently', () => {
  let root: string;
  beforeEach(() => (root = fs.mkdtempSync(path.join(os.tmpdir(), 'release-post-nothing-'))));
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('a folder with no posts is exit 2 and says what was looked for', async () => {
    fs.writeFileSync(path.join(root, 'notes.md'), '# Notes\n\nNothing here is a post.\n');
    const r = await run(['.'], root);
    assert.equal(r.code, 2);
    assert.match(r.err, /no posts in "\."/);
    assert.match(r.err, /no site generator was recognised/);
    assert.match(r.err, /_posts/);
    assert.match(r.out, /0 posts checked/);
  });

  it('a recognised site with an empty posts folder names the generator and the folder', async () => {
    fs.writeFileSync(path.join(root, 'hugo.toml'), 'baseURL = "https://example.org"\n');
    fs.mkdirSync(path.join(root, 'content/posts'), { recursive: true });
    fs.writeFileSync(path.join(root, 'content/posts/_index.md'), '---\ntitle: Blog\n---\n');
    const r = await run(['.'], root);
    assert.equal(r.code, 2);
    assert.match(r.err, /the posts of the Hugo site at .* \(recognised by hugo\.toml\) in content\/posts/);
  });

  it('a file named on the command line is checked as a post, wherever it is', async () => {
    fs.writeFileSync(path.join(root, 'draft.md'), 'No front matter at all.\n');
    const r = await run(['draft.md'], root);
    assert.match(r.out, /1 post checked/);
    assert.match(r.out, /front-matter-missing/);
    assert.equal(r.code, 1);
  });

  it('the Zola and undated Hugo sites of the corpus: a named post is checked', async function () {
    if (!fs.existsSync(SITES)) this.skip();
    for (const file of ['rust/content/Rust-1.98.0.md', 'gitea/content/post/release-of-1.8.3.md']) {
      const r = await run([file], SITES);
      assert.match(r.out, /1 post checked: 0 errors/, file);
      assert.equal(r.code, 0);
    }
  });
});
