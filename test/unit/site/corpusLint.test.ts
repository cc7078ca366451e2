import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { lintCommand } from '../../../src/cli/lint';
import { SITES } from '../corpus';

interface Report {
  files: number;
  problems: { file: string; line: number; rule: string; severity: string }[];
}

async function lint(site: string): Promise<Report> {
  let out = '';
  const io = { out: (t: string) => (out += t), err: () => {}, cwd: SITES };
  await lintCommand([site, '--format', 'json'], io);
  return JSON.parse(out) as Report;
}

const list = (r: Report, severity: string) =>
  r.problems.filter((p) => p.severity === severity).map((p) => `${p.file.split('/').pop()}:${p.line} ${p.rule}`);

/**
 * What `release-post lint <site>` reports on each real site with no config file: the posts its generator takes,
 * and only the problems docs/corpus-findings.md explains (a new false alarm fails here).
 */
const EXPECTED: Record<string, { posts: number; errors: string[]; warnings: number }> = {
  jekyll: {
    posts: 102,
    errors: ['2022-12-21-jekyll-sass-converter-3.0-released.markdown:1 filename-format'],
    warnings: 3,
  },
  hexo: { posts: 58, errors: ['2022-05-11-hexo-6-2-0-released.md:30 empty-link'], warnings: 3 },
  flink: { posts: 237, errors: ['2015-03-13-peeking-into-Apache-Flinks-Engine-Room.md:178 empty-link'], warnings: 6 },
  rust: { posts: 750, errors: [], warnings: 12 },
  gitea: { posts: 40, errors: [], warnings: 0 },
};

describe('lint on the real sites, with no config file', function () {
  this.timeout(180000);
  before(function () {
    if (!fs.existsSync(SITES)) {
      console.log('corpus sites absent: skipped');
      this.skip();
    }
  });

  for (const [site, want] of Object.entries(EXPECTED)) {
    it(`${site}: every post is checked, and only the known problems are reported`, async () => {
      const report = await lint(site);
      assert.equal(report.files, want.posts);
      assert.deepEqual(list(report, 'error'), want.errors);
      assert.equal(list(report, 'warning').length, want.warnings, list(report, 'warning').join('\n'));
      // At most one false error per 100 posts and three false warnings per 100 posts.
      assert.ok(want.warnings <= Math.ceil((3 * want.posts) / 100) + 3);
    });
  }

  it('the site-link check follows the generator: no broken-site-link on any of them', async () => {
    for (const site of Object.keys(EXPECTED)) {
      const report = await lint(site);
      assert.deepEqual(report.problems.filter((p) => p.rule === 'broken-site-link'), [], site);
    }
  });

  it('a link the site does not serve is still reported', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'release-post-routes-'));
    try {
      fs.writeFileSync(path.join(root, '_config.yml'), 'permalink: /news/:year/:title/\n');
      fs.mkdirSync(path.join(root, '_posts'));
      fs.writeFileSync(path.join(root, '_posts/2024-01-01-first.md'), '---\ntitle: First\n---\nText.\n');
      fs.writeFileSync(path.join(root, '_posts/2024-02-01-second.md'), '---\ntitle: Second\n---\nSee [the first](/news/2024/first/) and [a lost one](/news/2024/lost/), [elsewhere](/forum/x/).\n');
      let out = '';
      await lintCommand([root, '--format', 'json'], { out: (t) => (out += t), err: () => {}, cwd: root });
      const report = JSON.parse(out) as Report;
      assert.deepEqual(report.problems.filter((p) => p.rule === 'broken-site-link').map((p) => p.line), [4]);
      assert.equal(report.problems.filter((p) => p.rule === 'broken-site-link').length, 1);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
