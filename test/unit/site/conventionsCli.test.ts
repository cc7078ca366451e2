import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { conventionsCommand } from '../../../src/cli/conventions';
import { main } from '../../../src/cli/main';
import { CORPUS, SITES } from '../corpus';

async function run(argv: string[], cwd: string) {
  let out = '';
  let err = '';
  const code = await conventionsCommand(argv, { out: (t) => (out += t), err: (t) => (err += t), cwd });
  return { code, out, err };
}

const SITES_EXPECTED: [string, string, RegExp[]][] = [
  ['jekyll', 'Jekyll', [/Posts folder: _posts {2}\(from _config\.yml\)/, /Release file name: \{year\}-\{month\}-\{day\}-jekyll-\{major\}-\{minor\}-\{patch\}-released\.markdown {2}\(from _posts\/2025-01-29-jekyll-4-4-1-released\.markdown\)/, /Required fields: author, title {2}\(from keys in at least/]],
  ['hexo', 'Hexo', [/Posts folder: source\/_posts/, /Release title: hexo \{version\} Released/, /Required fields: title /]],
  ['flink', 'Hugo', [/Posts folder: content\/posts {2}\(from config\.toml\)/, /Post URL: \/\{year\}\/\{month\}\/\{day\}\/\{title\}\/ {2}\(from config\.toml\)/, /Release title: Announcing the Release of Apache Flink \{major\}\.\{minor\}/]],
  ['rust', 'Zola', [/Front matter: toml/, /Release file name: Rust-\{version\}\.md {2}\(from content\/Rust-1\.98\.0\.md\)/, /Required fields: authors, path, title/]],
  ['gitea', 'Hugo', [/Posts folder: content\/post {2}\(from config\.yaml\)/, /Release file name: release-of-\{version\}\.md/, /Release title: Gitea \{version\} is released/, /Required fields: author, date, tags, title/]],
];

describe('cli: release-post conventions', function () {
  this.timeout(60000);

  for (const [site, generator, lines] of SITES_EXPECTED) {
    it(`${site}: the generator, posts folder, release naming and required fields, with their sources`, async function () {
      if (!fs.existsSync(SITES)) this.skip();
      const r = await run(['--site', site], SITES);
      assert.equal(r.code, 0, r.err);
      assert.match(r.out, new RegExp(`Generator: ${generator} {2}\\(from `));
      for (const l of lines) assert.match(r.out, l);
    });
  }

  it('--format json gives the same facts as data', async function () {
    if (!fs.existsSync(SITES)) this.skip();
    const r = await run(['--site', 'rust', '--format', 'json'], SITES);
    const report = JSON.parse(r.out);
    assert.equal(report.generator.value, 'Zola');
    assert.equal(report.generator.source, 'config.toml');
    assert.equal(report.posts, 750);
    assert.deepEqual(report.releaseNaming.title, { value: 'Announcing Rust {version}', source: 'content/Rust-1.98.0.md' });
  });

  it('Mesos: a Middleman blog whose checks use the built-in profile, and says so', async function () {
    if (!fs.existsSync(CORPUS)) this.skip();
    const r = await run(['--site', CORPUS], CORPUS);
    assert.match(r.out, /Generator: Middleman blog {2}\(from site\/config\.rb\)/);
    assert.match(r.out, /Required fields: layout, title, published, post_author\.display_name, tags {2}\(from the built-in profile/);
  });

  it('a folder with no site is exit 2 and says what was looked for; main knows the command', async () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'release-post-conv-'));
    try {
      const r = await run([], empty);
      assert.equal(r.code, 2);
      assert.match(r.err, /no site recognised .*no site generator was recognised/);
      let out = '';
      await main(['--help'], { out: (t) => (out += t), err: () => {}, cwd: empty });
      assert.match(out, /conventions \[--site DIR\]/);
    } finally {
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });
});
