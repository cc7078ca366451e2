import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { lintCommand } from '../../../src/cli/lint';
import { parsePost } from '../../../src/core/post/parse';
import { checkThanksAgainstGit } from '../../../src/core/rules/thanksGit';

const post = (names: string, count: number) => `---
layout: post
title: Apache Mesos 1.1.0 Released
permalink: /blog/mesos-1-1-0-released/
published: true
post_author:
  display_name: Ada Quinn
tags: Release
---

The latest Mesos release, 1.1.0, is now available for [download](http://mesos.apache.org/downloads).

### Thanks!

Thanks to the ${count} contributors who made 1.1.0 possible:

${names}
`;

describe('thanks-vs-git', () => {
  const people = {
    persons: [
      { name: 'Benjamin Mahler', spellings: ['Benjamin Mahler', 'bmahler'] },
      { name: 'Chen Wei', spellings: ['Chen Wei'] },
      { name: 'Dana Okafor', spellings: ['Dana Okafor'] },
    ],
    range: '1.0.0..1.1.0',
    command: "git log --format='%aN <%aE>' 1.0.0..1.1.0",
  };

  it('names who is missing, who has no commit, and one person listed twice, with the git command', () => {
    const found = checkThanksAgainstGit(parsePost(post('Benjamin Mahler, bmahler, Chen Wei, Eve Early', 4)), people);
    const messages = found.map((f) => f.message);
    assert.ok(messages.includes("bmahler and Benjamin Mahler are one person in git (one e-mail address or .mailmap) (see `git log --format='%aN <%aE>' 1.0.0..1.1.0`)"), messages.join('\n'));
    assert.ok(messages.some((m) => m.startsWith('Eve Early has no commit in 1.0.0..1.1.0')));
    assert.ok(messages.some((m) => m.startsWith('1 person with commits in 1.0.0..1.1.0 is not thanked: Dana Okafor')));
    assert.equal(found.length, 3);
  });

  it('is quiet when the list is the people of the range', () => {
    assert.deepEqual(checkThanksAgainstGit(parsePost(post('Benjamin Mahler, Chen Wei, Dana Okafor', 3)), people), []);
  });

  it('release-post lint runs it where the repository and the range are known, and not elsewhere', async function () {
    this.timeout(60000);
    const repo = fs.mkdtempSync(path.join(os.tmpdir(), 'release-post-thanks-'));
    try {
      const git = (args: string[], env: Record<string, string> = {}) =>
        execFileSync('git', ['-C', repo, ...args], { env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: repo, ...env }, stdio: 'pipe' });
      git(['init', '-q']);
      git(['config', 'user.name', 'R M']);
      git(['config', 'user.email', 'rm@example.org']);
      git(['config', 'commit.gpgsign', 'false']);
      let n = 0;
      const commit = (name: string, email: string) => {
        fs.writeFileSync(path.join(repo, 'code.txt'), String(++n));
        git(['add', '-A']);
        git(['commit', '-q', '-m', `c${n}`], { GIT_AUTHOR_NAME: name, GIT_AUTHOR_EMAIL: email });
      };
      commit('Ada Quinn', 'ada@example.org');
      git(['tag', 'v1.0.0']);
      commit('bmahler', 'bmahler@example.org');
      commit('Benjamin Mahler', 'bmahler@example.org');
      commit('Chen Wei', 'chen@example.org');
      git(['tag', 'v1.1.0']);
      const blog = path.join(repo, 'site/source/blog');
      fs.mkdirSync(blog, { recursive: true });
      fs.writeFileSync(path.join(blog, '2025-01-01-mesos-1-1-0-released.md'), post('Benjamin Mahler, bmahler, Zed Nobody', 3));

      let out = '';
      await lintCommand([blog], { out: (t) => (out += t), err: () => undefined, cwd: repo });
      const lines = out.split('\n').filter((l) => l.includes('thanks-vs-git'));
      assert.equal(lines.length, 3, out);
      assert.ok(lines.some((l) => l.includes('Zed Nobody has no commit in v1.0.0..v1.1.0')));
      assert.ok(lines.some((l) => l.includes('not thanked: Chen Wei')));

      // Outside git (a copy of the site), the rule is off: nothing to compare with.
      const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'release-post-thanks-nogit-'));
      fs.cpSync(path.join(repo, 'site'), path.join(copy, 'site'), { recursive: true });
      let quiet = '';
      await lintCommand([path.join(copy, 'site/source/blog')], { out: (t) => (quiet += t), err: () => undefined, cwd: copy });
      assert.ok(!quiet.includes('thanks-vs-git'), quiet);
      fs.rmSync(copy, { recursive: true, force: true });
    } finally {
      fs.rmSync(repo, { recursive: true, force: true });
    }
  });
});
