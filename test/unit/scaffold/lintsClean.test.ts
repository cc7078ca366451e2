import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { issueItems, parseChangelog } from '../../../src/core/draft/changelog';
import { lintPost } from '../../../src/core/rules/lint';
import { planReleasePost, suggestReleaseVersions, writeNewFile } from '../../../src/core/draft/newPost';
import { parsePost } from '../../../src/core/post/parse';
import { defaultProfile } from '../../../src/core/site/profile';
import { scaffoldReleasePost } from '../../../src/core/draft/scaffold';
import { findSiteInFolder } from '../../../src/core/site/workspace';

import { CORPUS } from '../corpus';
const SAMPLE_SITE = path.join(__dirname, '../../fixtures/sample-site');

function problemsOf(text: string, file: string, profile = defaultProfile()) {
  return lintPost(parsePost(text), file, profile);
}

function describeProblems(problems: ReturnType<typeof problemsOf>): string {
  return problems.map((p) => `${p.range.start.line + 1}: ${p.severity} ${p.rule}: ${p.message}`).join('\n');
}

describe('a new release post passes the diagnostics', function () {
  this.timeout(60000);

  it('the next Mesos release, made in a copy of the corpus blog and CHANGELOG, lints with no errors', async function () {
    if (!fs.existsSync(CORPUS)) {
      console.log('corpus absent: skipped');
      this.skip();
    }
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'release-post-mesos-'));
    try {
      fs.cpSync(path.join(CORPUS, 'site'), path.join(dir, 'site'), { recursive: true });
      fs.copyFileSync(path.join(CORPUS, 'CHANGELOG'), path.join(dir, 'CHANGELOG'));
      const site = findSiteInFolder(dir)!;
      const [version] = await suggestReleaseVersions(site);
      assert.equal(version, '1.11.0', 'the CHANGELOG has 1.11.0 and no post announces it');

      const result = await planReleasePost(site, { version, date: '2020-11-24', author: 'Andrei Sekretenko' });
      assert.ok('plan' in result, JSON.stringify(result));
      const { plan } = result;
      assert.equal(path.basename(plan.path), '2020-11-24-mesos-1-11-0-released.md');
      assert.equal(plan.previousVersion, '1.10.0');
      assert.deepEqual(writeNewFile(plan.path, plan.text), { ok: true });

      const problems = problemsOf(fs.readFileSync(plan.path, 'utf8'), plan.path, site.profile);
      assert.deepEqual(problems.filter((p) => p.severity === 'error'), [], describeProblems(problems));
      // What is left for a person: the contributors (the copy has no git history), flagged as placeholders.
      assert.ok(problems.length > 0 && problems.every((p) => p.rule === 'placeholder'), describeProblems(problems));
      const text = plan.text;
      assert.ok(text.includes('hb=1.11.0)'));
      assert.ok(text.includes('(https://issues.apache.org/jira/browse/MESOS-10141) - Mesos Containerizer now supports'));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a post for every release of the Mesos CHANGELOG, with contributors, has no problem but a missing feature list', function () {
    if (!fs.existsSync(CORPUS)) {
      console.log('corpus absent: skipped');
      this.skip();
    }
    const releases = parseChangelog(fs.readFileSync(path.join(CORPUS, 'CHANGELOG'), 'utf8'));
    const listless: string[] = [];
    for (const release of releases) {
      const post = scaffoldReleasePost({
        profile: defaultProfile(),
        version: release.version,
        date: '2021-01-01',
        author: { display_name: 'Release Manager', twitter: 'rm' },
        previousVersion: '0.1.0',
        changelog: release,
        contributors: ['Ada Quinn', 'Bruno Salas'],
      });
      assert.deepEqual(post.errors, []);
      const problems = problemsOf(post.text, post.fileName);
      const lines = post.text.split('\n');
      // An entry with nothing to list (0.27.0 has only "API Changes") keeps the features placeholder, nothing else.
      const expected = release.highlights.length > 0 || (release.bugFixRelease && issueItems(release, ['Bug']).length > 0) ? 0 : 1;
      if (expected) listless.push(release.version);
      assert.equal(problems.length, expected, `${release.version}:\n${describeProblems(problems)}`);
      for (const p of problems) {
        assert.equal(p.rule, 'placeholder');
        assert.match(lines[p.range.start.line], /^TODO: list the main features/);
      }
    }
    assert.deepEqual(listless, ['0.27.0', '0.26.0', '0.11.0', '0.10.0', '0.9.0']);
  });

  it('the sample site post for Orbit 1.2.0 lints with no errors', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'release-post-orbit-'));
    try {
      fs.cpSync(SAMPLE_SITE, dir, { recursive: true });
      const site = findSiteInFolder(dir)!;
      const result = await planReleasePost(site, { version: '1.2.0', date: '2025-08-01', author: 'Chen Wei' });
      assert.ok('plan' in result);
      const problems = problemsOf(result.plan.text, result.plan.path, site.profile);
      assert.deepEqual(problems.filter((p) => p.severity === 'error'), [], describeProblems(problems));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
