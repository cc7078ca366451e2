import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { newCommand } from '../../../src/cli/new';
import type { CliIO } from '../../../src/cli/io';
import { planReleasePost, postVersions, suggestReleaseVersions, writeNewFile } from '../../../src/core/draft/newPost';
import { findSiteInFolder } from '../../../src/core/site/workspace';

const SAMPLE_SITE = path.join(__dirname, '../../fixtures/sample-site');

/** A copy of the sample site in a temporary folder (outside any git repository). */
function copySample(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'release-post-site-'));
  fs.cpSync(SAMPLE_SITE, dir, { recursive: true });
  return dir;
}

function captureIO(cwd: string): CliIO & { stdout: string; stderr: string } {
  const io = {
    stdout: '',
    stderr: '',
    cwd,
    out(text: string) {
      io.stdout += text;
    },
    err(text: string) {
      io.stderr += text;
    },
  };
  return io;
}

function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      const full = path.join(entry.parentPath, entry.name);
      files.set(path.relative(dir, full), fs.readFileSync(full, 'latin1'));
    }
  }
  return files;
}

describe('new release post: files and CLI', () => {
  let site = '';
  beforeEach(() => {
    site = copySample();
  });
  afterEach(() => {
    fs.rmSync(site, { recursive: true, force: true });
  });

  describe('writeNewFile', () => {
    it('creates a file and leaves no temporary file behind', () => {
      const target = path.join(site, 'new.md');
      assert.deepEqual(writeNewFile(target, 'hello\n'), { ok: true });
      assert.equal(fs.readFileSync(target, 'utf8'), 'hello\n');
      assert.deepEqual(fs.readdirSync(site).filter((f) => f.includes('.tmp')), []);
    });

    it('refuses to overwrite: the existing file stays byte for byte', () => {
      const target = path.join(site, 'site/source/blog/2025-06-10-orbit-1-1-0-released.md');
      const before = fs.readFileSync(target);
      const r = writeNewFile(target, 'overwritten?');
      assert.ok('error' in r && r.exists === true && r.error.endsWith('already exists'));
      assert.ok(fs.readFileSync(target).equals(before));
      assert.deepEqual(fs.readdirSync(path.dirname(target)).filter((f) => f.startsWith('.')), []);
    });

    it('reports a folder that does not exist, creating nothing', () => {
      const r = writeNewFile(path.join(site, 'missing/x.md'), 'x');
      assert.ok('error' in r && r.error.startsWith('cannot write in'));
      assert.equal(fs.existsSync(path.join(site, 'missing')), false);
    });
  });

  describe('planReleasePost on the sample site', () => {
    it('finds the post versions, suggests 1.2.0 and plans orbit-1-2-0-released', async () => {
      const ctx = findSiteInFolder(site)!;
      assert.deepEqual(postVersions(ctx).sort(), ['1.0.0', '1.1.0']);
      assert.equal((await suggestReleaseVersions(ctx))[0], '1.2.0');

      const r = await planReleasePost(ctx, { version: '1.2.0', date: '2025-08-01', author: 'Chen Wei' });
      assert.ok('plan' in r, JSON.stringify(r));
      const { plan } = r;
      assert.equal(plan.path, path.join(site, 'site/source/blog/2025-08-01-orbit-1-2-0-released.md'));
      assert.equal(plan.exists, false);
      assert.equal(plan.previousVersion, '1.1.0');
      // The author's handle comes from their earlier post.
      assert.ok(plan.text.includes('post_author:\n  display_name: Chen Wei\n  twitter: chenwei_dev\n'));
      assert.ok(plan.text.includes('[ORB-201]('));
      assert.ok(plan.text.includes('[CHANGELOG](https://git.example.org/orbit/blob/1.2.0/CHANGELOG)'));
      assert.equal(plan.contributors, undefined);
      assert.ok(plan.notes.some((n) => n.startsWith('contributors unknown')));
      assert.equal(plan.changelogPath, path.join(site, 'CHANGELOG'));
      assert.ok(plan.dataFile?.text.includes('  - title: Orbit 1.2.0 is released!\n    date: August 1, 2025\n'));
    });

    it('says clearly what is wrong: version, CHANGELOG, template, posts folder', async () => {
      const ctx = findSiteInFolder(site)!;
      assert.deepEqual(await planReleasePost(ctx, { version: '1.2', author: 'A' }), { error: '"1.2" needs a patch number: 1.2.0' });
      const changelog = await planReleasePost(ctx, { version: '1.2.0', author: 'A', changelogPath: 'NOPE' });
      assert.deepEqual(changelog, { error: `cannot read the CHANGELOG ${path.join(site, 'NOPE')}: no such file` });
      fs.writeFileSync(path.join(site, 'tpl.md'), 'Hello {{version}} from {{team}}\n');
      assert.deepEqual(await planReleasePost(ctx, { version: '1.2.0', author: 'A', templatePath: 'tpl.md' }), {
        error: 'unknown template variable "{{team}}" on line 1',
      });
      fs.rmSync(path.join(site, 'site/source/blog'), { recursive: true });
      const noPosts = await planReleasePost(ctx, { version: '1.2.0', author: 'A' });
      assert.ok('error' in noPosts && noPosts.error.startsWith('no posts folder at'));
    });
  });

  describe('a site folder inside the project repository', () => {
    it('finds the CHANGELOG at the repository root and thanks the contributors since the previous tag', async function () {
      this.timeout(30000);
      const repo = fs.mkdtempSync(path.join(os.tmpdir(), 'release-post-repo-'));
      try {
        const git = (args: string[], env: Record<string, string> = {}) =>
          execFileSync('git', ['-C', repo, ...args], { env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: repo, ...env }, stdio: 'pipe' });
        git(['init', '-q']);
        git(['config', 'user.name', 'Ada Quinn']);
        git(['config', 'user.email', 'ada@example.org']);
        git(['config', 'commit.gpgsign', 'false']);
        fs.cpSync(path.join(SAMPLE_SITE, 'site'), path.join(repo, 'website/site'), { recursive: true });
        fs.copyFileSync(path.join(SAMPLE_SITE, 'CHANGELOG'), path.join(repo, 'CHANGELOG'));
        const commit = (name: string, file: string) => {
          fs.writeFileSync(path.join(repo, file), name);
          git(['add', '-A']);
          git(['commit', '-q', '-m', file], { GIT_AUTHOR_NAME: name, GIT_AUTHOR_EMAIL: `${file}@example.org` });
        };
        commit('Ada Quinn', 'a');
        git(['tag', '1.1.0']);
        commit('Bruno Salas', 'b');
        commit('bruno salas', 'c');
        commit('Chen Wei', 'd');

        const ctx = findSiteInFolder(path.join(repo, 'website'))!;
        // No config file in the copy: the default profile, with the CHANGELOG found above the site folder.
        const r = await planReleasePost(ctx, { version: '1.2.0', date: '2025-08-01' });
        assert.ok('plan' in r, JSON.stringify(r));
        assert.equal(r.plan.changelogPath, path.join(repo, 'CHANGELOG'));
        assert.equal(r.plan.previousVersion, '1.1.0');
        assert.deepEqual(r.plan.contributors, ['Bruno Salas', 'Chen Wei']);
        assert.ok(r.plan.text.includes('Thanks to the 2 contributors who made 1.2.0 possible:\n\nBruno Salas, Chen Wei\n'));
        assert.ok(r.plan.text.includes('  display_name: Ada Quinn\n'), "git's user.name is the default author");
        assert.ok(r.plan.notes.includes('no tag "1.2.0" yet: contributors are counted up to HEAD'));
      } finally {
        fs.rmSync(repo, { recursive: true, force: true });
      }
    });
  });

  describe('release-post new', () => {
    it('writes the post, prints its path, and with --update-data-file updates releases.yml', async () => {
      const io = captureIO(site);
      const code = await newCommand(['--version', '1.2.0', '--date=2025-08-01', '--author', 'Ada Quinn', '--twitter', '@ada', '--update-data-file'], io);
      assert.equal(code, 0, io.stderr);
      const rel = path.join('site', 'source', 'blog', '2025-08-01-orbit-1-2-0-released.md');
      assert.equal(io.stdout, `${rel}\n`);
      const text = fs.readFileSync(path.join(site, rel), 'utf8');
      assert.ok(text.startsWith('---\nlayout: post\ntitle: Orbit 1.2.0 Released\npermalink: /blog/orbit-1-2-0-released/\n'));
      assert.ok(text.includes('  twitter: ada\n'));
      assert.ok(fs.readFileSync(path.join(site, 'site/data/releases.yml'), 'utf8').includes('latest_stable:\n  version: 1.2.0\n'));
      assert.match(io.stderr, /updated site[\\/]data[\\/]releases\.yml/);
    });

    it('exits 0 when the post is written and the data file already lists the release, saying so on stderr', async () => {
      const dataFile = path.join(site, 'site/data/releases.yml');
      const listed = fs.readFileSync(dataFile, 'utf8').replace('news:\n', 'news:\n  - title: Orbit 1.2.0 is out\n    target_version: 1.2.0\n');
      fs.writeFileSync(dataFile, listed);
      const io = captureIO(site);
      const code = await newCommand(['--version', '1.2.0', '--date=2025-08-01', '--author', 'Ada Quinn', '--update-data-file'], io);
      assert.equal(code, 0, io.stderr);
      assert.match(io.stdout, /2025-08-01-orbit-1-2-0-released\.md/);
      assert.match(io.stderr, /note: the data file already has a news item for 1\.2\.0/);
      assert.match(io.stderr, /note: the data file was not updated/);
      assert.equal(fs.readFileSync(dataFile, 'utf8'), listed);
    });

    it('exits 1 and touches nothing when the post exists', async () => {
      const before = snapshot(site);
      const io = captureIO(path.join(site, 'site'));
      const code = await newCommand(['--version', '1.1.0', '--date', '2025-06-10', '--author', 'X', '--site', '..', '--update-data-file'], io);
      assert.equal(code, 1);
      assert.match(io.stderr, /2025-06-10-orbit-1-1-0-released\.md already exists; nothing was written/);
      assert.equal(io.stdout, '');
      assert.deepEqual(snapshot(site), before);
    });

    it('exits 2 with one clear line for bad usage, writing nothing', async () => {
      const before = snapshot(site);
      const cases: [string[], RegExp][] = [
        [['--author', 'A'], /--version X\.Y\.Z is required \(likely next: 1\.2\.0/],
        [['--version', '1.2.x', '--author', 'A'], /"1\.2\.x" is not a version/],
        [['--version', '1.2.0', '--date', '2025-02-30', '--author', 'A'], /"2025-02-30" is not a date/],
        [['--version', '1.2.0', '--author', 'A', '--changelog', 'missing/CHANGELOG'], /cannot read the CHANGELOG .*missing[\\/]CHANGELOG: no such file/],
        [['--version', '1.2.0', '--author', 'A', '--site', 'site/data'], /no posts folder found in/],
        [['--version', '1.2.0', '--author', 'A', '--site', 'CHANGELOG'], /--site names a file, not the site's folder/],
        [['--version', '1.2.0', '--author', 'A', '--repo', 'no/such/repo'], /--repo names no folder: /],
        [['--version', '1.2.0', '--author', 'A', '--frobnicate'], /unknown argument "--frobnicate"/],
        [['--version'], /--version needs a value/],
      ];
      for (const [argv, message] of cases) {
        const io = captureIO(site);
        assert.equal(await newCommand(argv, io), 2, argv.join(' '));
        assert.match(io.stderr, message);
        assert.equal(io.stdout, '');
      }
      assert.deepEqual(snapshot(site), before);
    });
  });
});
