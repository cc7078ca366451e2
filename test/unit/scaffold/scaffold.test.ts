import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findRelease, parseChangelog } from '../../../src/core/draft/changelog';
import { fieldValue, parsePost } from '../../../src/core/post/parse';
import { defaultProfile, type SiteProfile } from '../../../src/core/site/profile';
import { scaffoldReleasePost, type ScaffoldInput } from '../../../src/core/draft/scaffold';

const SAMPLE_CHANGELOG = path.join(__dirname, '../../fixtures/sample-site/CHANGELOG');
const releases = parseChangelog(fs.readFileSync(SAMPLE_CHANGELOG, 'utf8'));

function orbitProfile(): SiteProfile {
  return {
    ...defaultProfile(),
    projectName: 'Orbit',
    releaseTitle: 'Orbit {version} Released',
    issueUrl: 'https://issues.example.org/browse/{key}',
    links: {
      download: 'https://orbit.example.org/downloads/',
      changelog: 'https://git.example.org/orbit/blob/{version}/CHANGELOG',
      upgrades: 'https://orbit.example.org/documentation/latest/upgrades/',
      community: 'https://orbit.example.org/community/',
    },
  };
}

function input(overrides: Partial<ScaffoldInput> = {}): ScaffoldInput {
  return {
    profile: defaultProfile(),
    version: '1.11.0',
    date: '2020-11-24',
    author: { display_name: 'Andrei Sekretenko', twitter: '@asekretenko' },
    previousVersion: '1.10.0',
    contributors: ['Andrei Budnik', 'Benjamin Mahler', 'Qian Zhang'],
    ...overrides,
  };
}

function lineOf(text: string, needle: string): string {
  return text.split('\n').find((l) => l.includes(needle)) ?? '';
}

describe('scaffoldReleasePost', () => {
  it('names the file, slug and permalink as the default profile does', () => {
    const post = scaffoldReleasePost(input());
    assert.deepEqual(post.errors, []);
    assert.equal(post.slug, 'mesos-1-11-0-released');
    assert.equal(post.permalink, '/blog/mesos-1-11-0-released/');
    assert.equal(post.fileName, '2020-11-24-mesos-1-11-0-released.md');
    assert.equal(post.title, 'Apache Mesos 1.11.0 Released');
  });

  it('writes the front matter in the profile key order with the site conventions', () => {
    const post = scaffoldReleasePost(input({ author: { display_name: 'Ada Quinn', twitter: '@adaq', gravatar: 'ABCDEF0123456789ABCDEF0123456789' } }));
    const head = post.text.slice(0, post.text.indexOf('\n---\n') + 5);
    assert.equal(
      head,
      [
        '---',
        'layout: post',
        'title: Apache Mesos 1.11.0 Released',
        'permalink: /blog/mesos-1-11-0-released/',
        'published: true',
        'post_author:',
        '  display_name: Ada Quinn',
        '  gravatar: abcdef0123456789abcdef0123456789',
        '  twitter: adaq',
        'tags: Release',
        '---',
        '',
      ].join('\n'),
    );
    const parsed = parsePost(post.text);
    assert.deepEqual(parsed.frontMatter?.errors, []);
    assert.equal(fieldValue(parsed, 'published'), true);
  });

  it('quotes a title that YAML would misread', () => {
    const profile = { ...defaultProfile(), releaseTitle: 'Apache {project} {version}: the #1 release' };
    const post = scaffoldReleasePost(input({ profile }));
    assert.equal(lineOf(post.text, 'title:'), 'title: "Apache Mesos 1.11.0: the #1 release"');
    assert.equal(fieldValue(parsePost(post.text), 'title'), 'Apache Mesos 1.11.0: the #1 release');
  });

  it('links THIS version in the CHANGELOG and names the previous one in Upgrades', () => {
    const post = scaffoldReleasePost(input());
    assert.ok(post.text.includes('[CHANGELOG](https://gitbox.apache.org/repos/asf?p=mesos.git;a=blob_plain;f=CHANGELOG;hb=1.11.0)'));
    assert.ok(post.text.includes('Rolling upgrades from a Mesos 1.10.0 cluster to Mesos 1.11.0 are straightforward.'));
    assert.ok(post.text.includes('[download](http://mesos.apache.org/downloads)'));
  });

  it('computes the contributor count from the names', () => {
    const post = scaffoldReleasePost(input());
    assert.ok(post.text.includes('Thanks to the 3 contributors who made 1.11.0 possible:\n\nAndrei Budnik, Benjamin Mahler, Qian Zhang\n'));
  });

  it('leaves TODO placeholders for unknown contributors, features and previous version, cursor on the first', () => {
    const post = scaffoldReleasePost(input({ contributors: undefined, previousVersion: undefined }));
    assert.deepEqual(post.errors, []);
    const lines = post.text.split('\n');
    assert.ok(lines[post.cursor.line].slice(post.cursor.character).startsWith('TODO: list the main features'));
    assert.ok(post.text.includes('from a Mesos TODO: previous version cluster'));
    assert.ok(post.text.includes('Thanks to the TODO contributors'));
    assert.ok(/^TODO: list the contributors/m.test(post.text));
    const withRange = scaffoldReleasePost(input({ contributors: undefined, profile: { ...defaultProfile(), gitTag: 'v{version}' } }));
    assert.ok(withRange.text.includes('TODO: list the contributors, from `git log --format=%aN v1.10.0..v1.11.0 | sort -u`.'));
  });

  it('lists the highlights with issue links, and says "an Orbit"', () => {
    const post = scaffoldReleasePost(
      input({ profile: orbitProfile(), version: '1.2.0', previousVersion: '1.1.0', changelog: findRelease(releases, '1.2.0') }),
    );
    assert.equal(post.slug, 'orbit-1-2-0-released');
    assert.equal(post.title, 'Orbit 1.2.0 Released');
    assert.ok(
      post.text.includes(
        'This release includes the following features and improvements:\n\n' +
          '* [ORB-201](https://issues.example.org/browse/ORB-201) - Job templates: define a job once and start it with different parameters.\n' +
          '* [ORB-214](https://issues.example.org/browse/ORB-214) - The scheduler exports Prometheus metrics.\n',
      ),
    );
    assert.ok(post.text.includes('from an Orbit 1.1.0 cluster to Orbit 1.2.0'));
    // Nothing left to write except reviewing: the cursor is on the feature list.
    assert.ok(post.text.split('\n')[post.cursor.line].startsWith('* [ORB-201]'));
  });

  it('lists the fixed issues of a bug-fix release', () => {
    const post = scaffoldReleasePost(
      input({ profile: orbitProfile(), version: '1.1.1', previousVersion: '1.1.0', changelog: findRelease(releases, '1.1.1') }),
    );
    assert.ok(post.text.includes('This release includes the following bug fixes and improvements:'));
    assert.ok(post.text.includes('* [ORB-160](https://issues.example.org/browse/ORB-160) - Quota check ignores paused jobs.\n* [ORB-163]'));
  });

  it('nests grouped highlights and can make one section per group', () => {
    const [release] = parseChangelog(
      'Release Notes - Mesos - Version 1.11.0\n---\nThis release contains the following highlights:\n\n  * Security:\n\n    * Safer TLS. (MESOS-1)\n\n  * Faster builds (MESOS-2).\n',
    );
    const post = scaffoldReleasePost(input({ changelog: release }));
    assert.ok(post.text.includes('* Security:\n  * [MESOS-1](https://issues.apache.org/jira/browse/MESOS-1) - Safer TLS.\n* [MESOS-2]('));
    const sections = scaffoldReleasePost(input({ changelog: release, template: '{{feature_sections}}\n' }));
    assert.ok(sections.text.includes('## Security\n\n* [MESOS-1](https://issues.apache.org/jira/browse/MESOS-1) - Safer TLS.\n\n## Other Features and Improvements\n\n* [MESOS-2]'));
  });

  it('uses a custom template and reports its unknown variables', () => {
    const ok = scaffoldReleasePost(input({ template: '# {{title}}\n\n{{cursor}}Released on {{date_long}}.\n' }));
    assert.deepEqual(ok.errors, []);
    assert.ok(ok.text.endsWith('---\n\n# Apache Mesos 1.11.0 Released\n\nReleased on November 24, 2020.\n'));
    assert.equal(ok.text.split('\n')[ok.cursor.line], 'Released on November 24, 2020.');
    const bad = scaffoldReleasePost(input({ template: 'Hi {{releasee}}\n' }));
    assert.deepEqual(bad.errors, ['unknown template variable "{{releasee}}" on line 1']);
  });

  it('refuses an invalid version, date, handle or gravatar with clear errors', () => {
    const post = scaffoldReleasePost(
      input({ version: '1.11', date: '2020-02-30', author: { display_name: ' ', twitter: 'not a handle', gravatar: 'xyz' } }),
    );
    assert.equal(post.errors.length, 5);
    assert.match(post.errors.join('\n'), /1\.11\.0/);
    assert.match(post.errors.join('\n'), /"2020-02-30" is not a date/);
  });
});
