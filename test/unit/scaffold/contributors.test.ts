import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { dedupeContributors, gitContributors, gitTags, gitUserName, resolveReleaseRange } from '../../../src/core/draft/contributors';
import { defaultProfile } from '../../../src/core/site/profile';

import { CORPUS } from '../corpus';
const CORPUS_BLOG = path.join(CORPUS, 'site/source/blog');

/** A small repository: 1.0.0, then commits by several people (one under two e-mails, one in two spellings), 1.1.0, then HEAD. */
function buildRepo(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'release-post-git-'));
  const git = (args: string[], env: Record<string, string> = {}) =>
    execFileSync('git', ['-C', dir, ...args], { env: { ...process.env, ...env, GIT_CONFIG_NOSYSTEM: '1', HOME: dir }, stdio: 'pipe' });
  git(['init', '-q', '-b', 'main']);
  git(['config', 'user.name', 'Release Manager']);
  git(['config', 'user.email', 'rm@example.org']);
  git(['config', 'commit.gpgsign', 'false']);
  git(['config', 'tag.gpgsign', 'false']);
  let n = 0;
  const commit = (name: string, email: string) => {
    fs.writeFileSync(path.join(dir, 'file.txt'), `change ${++n}\n`);
    git(['add', 'file.txt']);
    git(['commit', '-q', '-m', `change ${n}`], {
      GIT_AUTHOR_NAME: name,
      GIT_AUTHOR_EMAIL: email,
      GIT_COMMITTER_NAME: 'Release Manager',
      GIT_COMMITTER_EMAIL: 'rm@example.org',
    });
  };
  commit('Ada Quinn', 'ada@example.org');
  git(['tag', '-a', '1.0.0', '-m', '1.0.0']);
  commit('Bruno Salas', 'bruno@example.org');
  commit('bruno salas', 'bruno@example.org');
  commit('Bruno  Salas', 'bruno@example.org');
  commit('C. Wei', 'chen@old.example.org');
  commit('Chen Wei', 'chen@example.org');
  commit('Dana Okafor', 'dana@example.org');
  fs.writeFileSync(path.join(dir, '.mailmap'), 'Chen Wei <chen@example.org> C. Wei <chen@old.example.org>\n');
  git(['add', '.mailmap']);
  git(['commit', '-q', '-m', 'mailmap'], { GIT_AUTHOR_NAME: 'Dana Okafor', GIT_AUTHOR_EMAIL: 'dana@example.org' });
  git(['tag', '1.1.0']);
  commit('Eve Early', 'eve@example.org');
  return dir;
}

describe('contributors', () => {
  describe('dedupeContributors', () => {
    it('merges spellings that differ in case, spacing or accents, keeping the most used one', () => {
      assert.deepEqual(
        dedupeContributors(['haosdent huang', 'Haosdent Huang', 'Haosdent Huang', 'Yong Qiao Wang', 'Yongqiao Wang', 'Yongqiao Wang', 'Gaston Kleiman', 'Gastón Kleiman', 'Gastón Kleiman']),
        ['Gastón Kleiman', 'Haosdent Huang', 'Yongqiao Wang'],
      );
      assert.deepEqual(dedupeContributors(['zoe', 'Zoe', '  ', '']), ['Zoe'], 'a tie keeps the capitalised spelling; blanks are dropped');
      assert.deepEqual(dedupeContributors(['Ann Lee', 'Ann  LEE', 'ann lee', 'ann lee']), ['ann lee'], 'the most used spelling wins');
    });

    it('sorts ignoring case and accents, as the site lists names', () => {
      assert.deepEqual(dedupeContributors(['benno Evers', 'Ádám B', 'Zhitao Li', 'Greg Mann', 'Grégoire Seux']), [
        'Ádám B',
        'benno Evers',
        'Greg Mann',
        'Grégoire Seux',
        'Zhitao Li',
      ]);
    });

    it('gives the Thanks list of the Mesos 1.10.0 and 1.8.1 posts back in their order', function () {
      if (!fs.existsSync(CORPUS_BLOG)) {
        console.log('corpus absent: skipped');
        this.skip();
      }
      for (const file of ['2020-10-20-mesos-1-10-0-released.md', '2019-07-29-mesos-1-8-1-released.md']) {
        const text = fs.readFileSync(path.join(CORPUS_BLOG, file), 'utf8');
        const line = /contributors who made [^\n]* possible:\n\n([^\n]+)/.exec(text)![1];
        const names = line.split(', ');
        // Reversed, with some names also in lower case once (fewer commits than the usual spelling).
        const shuffled = [...names].reverse().flatMap((n, i) => (i % 3 === 0 ? [n.toLowerCase(), n, n] : [n]));
        assert.deepEqual(dedupeContributors(shuffled), names, file);
      }
    });
  });

  describe('from git', function () {
    this.timeout(30000);
    let repo = '';
    before(() => {
      repo = buildRepo();
    });
    after(() => {
      fs.rmSync(repo, { recursive: true, force: true });
    });

    it('lists the authors between two tags through .mailmap, each person once', async () => {
      assert.deepEqual(await gitContributors(repo, '1.0.0', '1.1.0'), { names: ['Bruno Salas', 'Chen Wei', 'Dana Okafor'] });
    });

    it('counts every commit up to the tag for a first release', async () => {
      assert.deepEqual(await gitContributors(repo, undefined, '1.0.0'), { names: ['Ada Quinn'] });
    });

    it('counts up to HEAD while the new version has no tag yet', async () => {
      const range = await resolveReleaseRange(repo, defaultProfile(), '1.2.0', '1.1.0');
      assert.ok('to' in range);
      assert.deepEqual([range.from, range.to], ['1.1.0', 'HEAD']);
      assert.match(range.notes[0], /no tag "1\.2\.0" yet/);
      assert.deepEqual(await gitContributors(repo, range.from, range.to), { names: ['Eve Early'] });
    });

    it('uses the profile tag pattern, else the one the tags follow, and reports a missing previous tag', async () => {
      const range = await resolveReleaseRange(repo, defaultProfile(), '1.1.0', '1.0.0');
      assert.deepEqual(range, { from: '1.0.0', to: '1.1.0', tagPattern: '{version}', notes: [] });
      const learnt = await resolveReleaseRange(repo, { ...defaultProfile(), gitTag: 'v{version}' }, '1.1.0', '1.0.0');
      assert.ok('from' in learnt && learnt.from === '1.0.0' && learnt.tagPattern === '{version}', JSON.stringify(learnt));
      const missing = await resolveReleaseRange(repo, defaultProfile(), '1.1.0', '0.9.0');
      assert.deepEqual(missing, { error: 'the previous release\'s tag "0.9.0" does not exist' });
    });

    it('names an unknown tag, a folder outside git and a missing git', async () => {
      const unknown = await gitContributors(repo, '0.9.0', '1.1.0');
      assert.ok('error' in unknown && unknown.error.includes('"0.9.0" does not exist'));
      const option = await gitContributors(repo, '--all', '1.1.0');
      assert.ok('error' in option && option.error.includes('not a valid git revision'));

      const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'release-post-nogit-'));
      try {
        const r = await gitContributors(outside, undefined, 'HEAD');
        assert.ok('error' in r && r.error.includes('is not inside a git repository'), JSON.stringify(r));
      } finally {
        fs.rmSync(outside, { recursive: true, force: true });
      }

      const savedPath = process.env.PATH;
      process.env.PATH = '';
      try {
        assert.deepEqual(await gitContributors(repo, '1.0.0', '1.1.0'), { error: 'git is not installed (or not on the PATH)' });
      } finally {
        process.env.PATH = savedPath;
      }
    });

    it('lists tags and reads user.name', async () => {
      const tags = await gitTags(repo);
      assert.ok('tags' in tags);
      assert.deepEqual(tags.tags.sort(), ['1.0.0', '1.1.0']);
      assert.equal(await gitUserName(repo), 'Release Manager');
    });
  });
});
