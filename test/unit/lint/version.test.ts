import * as assert from 'node:assert/strict';
import { applyFirstFix, covered, edited, GOOD_NAME, GOOD_POST, lint, ofRule } from './helpers';

function versionProblems(text: string, name = GOOD_NAME) {
  return ofRule(lint(text, name), 'version-mismatch');
}

describe('lint: version-mismatch', () => {
  it('reports the previous version left in the CHANGELOG link, and replaces it', () => {
    const text = edited('hb=1.11.0', 'hb=1.10.0');
    const [problem] = versionProblems(text);
    assert.equal(problem.severity, 'error');
    assert.equal(covered(text, problem), '1.10.0');
    assert.match(problem.message, /CHANGELOG link names 1\.10\.0 but this post is about 1\.11\.0/);
    assert.equal(applyFirstFix(text, problem), GOOD_POST);
  });

  it('reads /blob/X/CHANGELOG and /releases/tag/X links', () => {
    const blob = edited('https://gitbox.apache.org/repos/asf?p=mesos.git;a=blob_plain;f=CHANGELOG;hb=1.11.0', 'https://github.com/apache/mesos/blob/1.10.0/CHANGELOG');
    assert.equal(versionProblems(blob).length, 1);
    const tag = edited('is now available for', 'is now available ([tag](https://github.com/apache/mesos/releases/tag/1.10.0)) for');
    assert.equal(versionProblems(tag).length, 1);
  });

  it('leaves links to other files at a tag alone', () => {
    const source = edited('Fair sharing of CPU', 'Fair sharing (see [sorter](https://github.com/apache/mesos/blob/1.10.0/src/sorter.cpp)) of CPU');
    assert.deepEqual(versionProblems(source), []);
  });

  it('reports "upgrading to" and "made … possible" naming another version', () => {
    const upgrade = edited('upgrading to Mesos 1.11.0 from', 'upgrading to Mesos 1.10.0 from');
    assert.equal(covered(upgrade, versionProblems(upgrade)[0]), '1.10.0');
    const thanks = edited('who made 1.11.0 possible', 'who made Mesos 1.10.0 possible');
    const [problem] = versionProblems(thanks);
    assert.equal(covered(thanks, problem), '1.10.0');
    assert.equal(applyFirstFix(thanks, problem), GOOD_POST.replace('made 1.11.0', 'made Mesos 1.11.0'));
  });

  it('reports the upgrade target of "from a Mesos X cluster to Mesos Y"', () => {
    const text = edited('cluster to Mesos 1.11.0', 'cluster to Mesos 1.12.0');
    assert.equal(covered(text, versionProblems(text)[0]), '1.12.0');
  });

  it('accepts a shorter form of this version', () => {
    assert.deepEqual(versionProblems(edited('upgrading to Mesos 1.11.0 from', 'upgrading to Mesos 1.11 from')), []);
    const post023 = GOOD_POST.replace(/1\.11\.0/g, '0.23.0').replace(/1-11-0/g, '0-23-0').replace('upgrading to Mesos 0.23.0', 'upgrading to Mesos 0.23');
    assert.deepEqual(versionProblems(post023, '2015-07-29-mesos-0-23-0-released.md'), []);
  });

  it('does not report previous versions', () => {
    const text = edited(
      'Rolling upgrades from a Mesos 1.10.0 cluster',
      'Upgrades naming the previous version: from a Mesos 0.28.x cluster, or from a Mesos 1.10.0 cluster,',
    );
    assert.deepEqual(versionProblems(text), []);
  });

  it('reports this version where the previous one belongs', () => {
    const text = edited('Rolling upgrades from a Mesos 1.10.0 cluster', 'Bug fixes on top of 1.11.0. Rolling upgrades from a Mesos 1.10.0 cluster');
    const [problem] = versionProblems(text);
    assert.match(problem.message, /previous release/);
    assert.equal(covered(text, problem), '1.11.0');
  });

  it('compares the title with the file name and offers a rename', () => {
    const [problem] = versionProblems(GOOD_POST, '2021-01-05-mesos-1-10-0-released.md');
    assert.match(problem.message, /file name says 1\.10\.0 but the title says 1\.11\.0/);
    assert.equal(covered(GOOD_POST, problem), '1.11.0');
    assert.deepEqual(problem.fixes, [{ title: 'Rename the file to 2021-01-05-mesos-1-11-0-released.md', rename: '2021-01-05-mesos-1-11-0-released.md' }]);
  });

  it('compares the title with the permalink', () => {
    const text = edited('permalink: /blog/mesos-1-11-0-released/', 'permalink: /blog/mesos-1-10-0-released/');
    const [problem] = versionProblems(text);
    assert.equal(covered(text, problem), '1-10-0');
    assert.match(applyFirstFix(text, problem), /permalink: \/blog\/mesos-1-11-0-released\//);
  });

  it('takes the version from the file name when the title has none', () => {
    const text = edited('title: Apache Mesos 1.11.0 Released', 'title: A New Release').replace('hb=1.11.0', 'hb=1.10.0');
    const [problem] = versionProblems(text);
    assert.match(problem.message, /this post is about 1\.11\.0/);
  });

  it('accepts a list of versions that includes this one (a post on several releases)', () => {
    const text = edited('who made 1.11.0 possible', 'who made 1.11.0, 1.10.1, and 1.9.2 possible');
    assert.deepEqual(versionProblems(text), []);
  });

  it('checks nothing in a post without a version', () => {
    const text = edited('title: Apache Mesos 1.11.0 Released', 'title: Community Update').replace('hb=1.11.0', 'hb=1.10.0');
    assert.deepEqual(versionProblems(text, '2021-01-05-community-update.md'), []);
  });

  it('ignores versions in code spans and code blocks', () => {
    const text = edited('### Try it out', '`upgrading to Mesos 1.2.0`\n\n```\nupgrading to Mesos 1.3.0\n```\n\n### Try it out');
    assert.deepEqual(versionProblems(text), []);
  });

  it("leaves dependencies' versions alone: named, the sentence's subject, or newer than this release", () => {
    for (const sentence of [
      'In this release, Apache Calcite was gradually upgraded from 1.29 to 1.32.',
      'The Flink version in StateFun 2.1 has been upgraded to 1.10.1.',
      '[GitHub Pages upgraded to Mesos 1.10.0][1] last week.',
      'Ease the eventual upgrade to v5.0 with these deprecations.',
      'See the [Calcite CHANGELOG](https://github.com/apache/calcite/blob/1.32/CHANGELOG).',
      'Also backported in [Mesos 1.9.3](https://github.com/apache/mesos/releases/tag/1.9.3).',
    ]) {
      assert.deepEqual(versionProblems(edited('We encourage you', `${sentence}\n\nWe encourage you`)), [], sentence);
    }
  });

  it('leaves a dependency written in lower case, a component inside another release, and a release told about on purpose alone', () => {
    for (const sentence of [
      // Rust 1.71.0: a heading on the musl dependency.
      '### Upgrade to musl 1.2',
      // Updating Rust's musl targets: which Rust release bundled which musl.
      'These targets were [silently upgraded to Mesos 1.10.0 in Rust 1.74.0](https://github.com/rust-lang/rust/commit/f99fdac).',
      // Rustup 1.24.1: what went wrong with the release before.
      'Shortly after publishing the 1.10.0 release of Mesos, we got reports of a regression after upgrading to\nMesos 1.10.0. The only change between 1.10.0 and 1.11.0 is to correct this regression.',
    ]) {
      assert.deepEqual(versionProblems(edited('We encourage you', `${sentence}\n\nWe encourage you`)), [], sentence);
    }
  });

  it('still reports the copied "upgrading to" of the previous post, the project written in lower case or not', () => {
    const upgrade = 'Rolling upgrades from a Mesos 1.10.0 cluster to Mesos 1.11.0 are straightforward. See the guide on upgrading to mesos 1.10.0 from 1.9.x.';
    const text = edited('We encourage you', `${upgrade}\n\nWe encourage you`);
    assert.deepEqual(versionProblems(text).map((p) => covered(text, p)), ['1.10.0']);
    const hexo = edited('title: Apache Mesos 1.11.0 Released', 'title: hexo 8.1.0 Released')
      .replace(/1\.11\.0/g, '8.1.0')
      .replace(/1-11-0/g, '8-1-0')
      .replace('We encourage you', 'Read the guide before upgrading to hexo 8.0.0.\n\nWe encourage you');
    assert.deepEqual(versionProblems(hexo, '2025-10-26-hexo-8-1-0-released.md').map((p) => covered(hexo, p)), ['8.0.0']);
  });

  it('still reports an older version of this project where this release belongs', () => {
    const text = edited('We encourage you', 'We recommend upgrading to 1.10.0 soon.\n\nWe encourage you');
    assert.equal(covered(text, versionProblems(text)[0]), '1.10.0');
  });

  it('takes the project from the title: another project of the same site is not this one', () => {
    const post = GOOD_POST.replace('title: Apache Mesos 1.11.0 Released', 'title: Stateful Functions 2.1.0 Release Announcement')
      .replace(/1\.11\.0/g, '2.1.0')
      .replace(/1-11-0/g, '2-1-0')
      .replace('upgrading to Mesos 2.1.0', 'upgrading to Mesos 1.10.1');
    assert.deepEqual(versionProblems(post, '2020-06-09-release-statefun-2.1.0.md'), []);
  });

  it('checks nothing in a post on several releases', () => {
    const multi = edited('title: Apache Mesos 1.11.0 Released', "title: 'Security fixes for 3.6, 3.7, 3.8'").replace('hb=1.11.0', 'hb=1.10.0');
    assert.deepEqual(versionProblems(multi, '2018-09-19-security-fixes-for-3-6-3-7-3-8.md'), []);
    const glued = edited('title: Apache Mesos 1.11.0 Released', 'title: Plugins hexo-server 3.0.0, hexo-renderer-less-4.0.0 released');
    assert.deepEqual(versionProblems(glued, '2022-01-03-hexo-server-3-0-0-hexo-renderer-less-4-0-0-released.md'), []);
  });
});
