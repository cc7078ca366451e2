import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { gitPeople } from '../../../src/core/draft/contributors';
import { decodeRfc2047, groupPeople } from '../../../src/core/draft/people';
import { learnTagPattern } from '../../../src/core/draft/tagPattern';
import { planReleasePost } from '../../../src/core/draft/newPost';
import { findSiteInFolder } from '../../../src/core/site/workspace';

const SAMPLE_SITE = path.join(__dirname, '../../fixtures/sample-site');

/** A git repository in a temporary folder, with commits by whoever the test names. */
function gitRepo(dir = fs.mkdtempSync(path.join(os.tmpdir(), 'release-post-people-'))) {
  const git = (args: string[], env: Record<string, string> = {}) =>
    execFileSync('git', ['-C', dir, ...args], { env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: dir, ...env }, stdio: 'pipe' }).toString();
  git(['init', '-q', '-b', 'main']);
  git(['config', 'user.name', 'Release Manager']);
  git(['config', 'user.email', 'rm@example.org']);
  git(['config', 'commit.gpgsign', 'false']);
  git(['config', 'tag.gpgsign', 'false']);
  let n = 0;
  const commit = (name: string, email: string, message = `change ${n + 1}`) => {
    fs.writeFileSync(path.join(dir, 'code.txt'), `change ${++n}\n`);
    git(['add', '-A']);
    git(['commit', '-q', '-m', message], { GIT_AUTHOR_NAME: name, GIT_AUTHOR_EMAIL: email });
  };
  return { dir, git, commit };
}

describe('people, not identities', () => {
  describe('decodeRfc2047', () => {
    it('decodes Q and B words in UTF-8 and Latin-1, joining adjacent words', () => {
      assert.equal(decodeRfc2047('=?UTF-8?q?Gr=C3=A9goire=20Seux?='), 'Grégoire Seux');
      assert.equal(decodeRfc2047('=?utf-8?B?R3LDqWdvaXJl?= Seux'), 'Grégoire Seux');
      assert.equal(decodeRfc2047('=?ISO-8859-1?Q?Ad=E1m?= =?ISO-8859-1?Q?_B?='), 'Adám B');
      assert.equal(decodeRfc2047('Plain = Name ?='), 'Plain = Name ?=');
      assert.equal(decodeRfc2047('=?x-unknown?q?abc?='), '=?x-unknown?q?abc?=', 'an unknown charset stays as written');
    });
  });

  describe('groupPeople', () => {
    it('one person per e-mail address and per name, named by the most complete spelling', () => {
      const people = groupPeople([
        { name: 'bmahler', email: 'bmahler@apache.org' },
        { name: 'Benjamin Mahler', email: 'bmahler@apache.org' },
        { name: 'bmahler', email: 'bmahler@apache.org' },
        { name: 'Gaston Kleiman', email: 'gaston@a.org' },
        { name: 'Gastón Kleiman', email: 'gkleiman@b.org' },
        { name: '=?UTF-8?q?Gr=C3=A9goire=20Seux?=', email: 'g@c.org' },
      ]);
      assert.deepEqual(people.names, ['Benjamin Mahler', 'Gastón Kleiman', 'Grégoire Seux']);
      assert.deepEqual(people.merged, ['Benjamin Mahler (also bmahler)', 'Gastón Kleiman (also Gaston Kleiman)']);
    });

    it('leaves bots and placeholder names out, and lists them', () => {
      const people = groupPeople([
        { name: 'dependabot[bot]', email: '49699333+dependabot[bot]@users.noreply.github.com' },
        { name: 'None', email: 'none@example.org' },
        { name: 'github-actions', email: 'actions@github.com' },
        { name: 'Ada Quinn', email: 'ada@example.org' },
      ]);
      assert.deepEqual(people.names, ['Ada Quinn']);
      assert.equal(people.bots.length, 3);
      assert.ok(people.bots.some((b) => b.startsWith('dependabot[bot] <')));
    });

    it('capitalises a full name written in one case, and names one-word names that may be someone else', () => {
      const people = groupPeople([
        { name: 'bin zheng', email: 'bz@example.org' },
        { name: 'CHEN RUNCONG', email: 'cr@example.org' },
        { name: 'CHEN RUNCONG', email: 'cr@example.org' },
        { name: 'janisz', email: 'janisz@example.org' },
        { name: 'zois', email: 'zois@example.org' },
        { name: 'Thodoris Zois', email: 'thzois@example.org' },
      ]);
      assert.deepEqual(people.names, ['Bin Zheng', 'Chen Runcong', 'janisz', 'Thodoris Zois', 'zois']);
      assert.deepEqual(people.maybeSame, ['zois / Thodoris Zois']);
    });

    it('does not merge two people who share a no-reply address', () => {
      const people = groupPeople([
        { name: 'Ada Quinn', email: 'noreply@github.com' },
        { name: 'Bruno Salas', email: 'noreply@github.com' },
      ]);
      assert.deepEqual(people.names, ['Ada Quinn', 'Bruno Salas']);
    });
  });

  describe('learnTagPattern', () => {
    const fitsPlain = (t: string) => /^\d+\.\d+\.\d+$/.test(t);
    it('keeps the configured pattern when tags fit it, else learns the prefix most tags carry', () => {
      assert.equal(learnTagPattern(['1.0.0', '1.1.0'], '{version}', fitsPlain), '{version}');
      assert.equal(learnTagPattern(['v4.4.0', 'v4.4.1', 'nightly'], '{version}', fitsPlain), 'v{version}');
      assert.equal(learnTagPattern(['release-1.2.3', 'release-1.2.4-rc1'], '{version}', fitsPlain), 'release-{version}');
      assert.equal(learnTagPattern(['rel/1.2.3', 'rel/1.3.0', 'v0.1.0'], '{version}', fitsPlain), 'rel/{version}');
      assert.equal(learnTagPattern(['orbit-2.0.0'], '{version}', fitsPlain), 'orbit-{version}');
      assert.equal(learnTagPattern(['latest', 'stable'], '{version}', fitsPlain), '{version}');
    });
  });

  describe('from a git repository', function () {
    this.timeout(60000);
    const made: string[] = [];
    after(() => {
      for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
    });

    it('decodes names, merges one e-mail with two names, counts co-authors through .mailmap, leaves bots out', async () => {
      const { dir, git, commit } = gitRepo();
      made.push(dir);
      commit('Ada Quinn', 'ada@example.org');
      git(['tag', 'v1.0.0']);
      commit('=?UTF-8?q?Gr=C3=A9goire=20Seux?=', 'gregoire@example.org');
      commit('bmahler', 'bmahler@example.org');
      commit('Benjamin Mahler', 'bmahler@example.org');
      commit('dependabot[bot]', '49699333+dependabot[bot]@users.noreply.github.com');
      commit('None', 'none@example.org');
      commit('Ada Quinn', 'ada@example.org', 'Pair work\n\nCo-authored-by: Chen W <chen@old.example.org>\nCo-authored-by: Dana Okafor <dana@example.org>');
      fs.writeFileSync(path.join(dir, '.mailmap'), 'Chen Wei <chen@example.org> <chen@old.example.org>\n');
      commit('Ada Quinn', 'ada@example.org');
      git(['tag', 'v1.1.0']);

      const people = await gitPeople(dir, 'v1.0.0', 'v1.1.0');
      assert.ok('names' in people, JSON.stringify(people));
      assert.deepEqual(people.names, ['Ada Quinn', 'Benjamin Mahler', 'Chen Wei', 'Dana Okafor', 'Grégoire Seux']);
      assert.equal(people.commits, 7);
      assert.equal(people.coAuthors, 2);
      assert.deepEqual(people.bots.map((b) => b.split(' <')[0]), ['dependabot[bot]', 'None']);
    });

    /** The sample site inside `repo/website`, with no config file and tags named by `tag`. */
    function siteRepo(tag: (v: string) => string, withPreviousTag: boolean) {
      const repo = gitRepo();
      made.push(repo.dir);
      fs.cpSync(path.join(SAMPLE_SITE, 'site'), path.join(repo.dir, 'website/site'), { recursive: true });
      repo.commit('Ada Quinn', 'ada@example.org');
      if (withPreviousTag) repo.git(['tag', tag('1.1.0')]);
      repo.commit('Bruno Salas', 'bruno@example.org');
      repo.commit('Chen Wei', 'chen@example.org');
      repo.git(['tag', tag('1.2.0')]);
      return repo;
    }

    it('finds the range with v-prefixed tags', async () => {
      const { dir } = siteRepo((v) => `v${v}`, true);
      const r = await planReleasePost(findSiteInFolder(path.join(dir, 'website'))!, { version: '1.2.0', date: '2025-08-01', author: 'A' });
      assert.ok('plan' in r, JSON.stringify(r));
      assert.deepEqual(r.plan.contributors, ['Bruno Salas', 'Chen Wei']);
      assert.ok(r.plan.notes.some((n) => n.startsWith('2 contributors: 2 commits in v1.1.0..v1.2.0')), r.plan.notes.join('\n'));
    });

    it('writes a TODO saying why, never the whole history, when there is no previous tag', async () => {
      const { dir } = siteRepo((v) => v, false);
      const r = await planReleasePost(findSiteInFolder(path.join(dir, 'website'))!, { version: '1.2.0', date: '2025-08-01', author: 'A' });
      assert.ok('plan' in r, JSON.stringify(r));
      assert.equal(r.plan.contributors, undefined);
      assert.ok(!r.plan.text.includes('Ada Quinn'), 'nobody from before the range is thanked');
      assert.match(r.plan.text, /TODO: list the contributors \(the previous release's tag "1\.1\.0" does not exist\)/);
    });

    it('reads a separate code repository (the repository option) instead of the site repository', async () => {
      const site = gitRepo();
      made.push(site.dir);
      fs.cpSync(path.join(SAMPLE_SITE, 'site'), path.join(site.dir, 'site'), { recursive: true });
      for (let i = 0; i < 5; i++) site.commit(`Web Writer ${i}`, `web${i}@example.org`);
      const code = siteRepo((v) => v, true);
      const ctx = findSiteInFolder(site.dir)!;

      const own = await planReleasePost(ctx, { version: '1.2.0', date: '2025-08-01', author: 'A' });
      assert.ok('plan' in own, JSON.stringify(own));
      assert.equal(own.plan.contributors, undefined, 'a site repository without release tags is not counted');
      assert.match(own.plan.text, /TODO: list the contributors \(this repository has no release tags.*name the project's code repository with "repository" in \.releasepost\.json \(or --repo\)/);
      assert.ok(!own.plan.text.includes('Web Writer'));

      const r = await planReleasePost(ctx, { version: '1.2.0', date: '2025-08-01', author: 'A', repository: code.dir });
      assert.ok('plan' in r, JSON.stringify(r));
      assert.deepEqual(r.plan.contributors, ['Bruno Salas', 'Chen Wei']);
    });
  });
});
