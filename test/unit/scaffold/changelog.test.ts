import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findRelease, issueItems, parseChangelog, type ChangelogItem, type ChangelogRelease } from '../../../src/core/draft/changelog';

const SAMPLE = path.join(__dirname, '../../fixtures/sample-site/CHANGELOG');
import { CORPUS } from '../corpus';
import { assertQuick } from '../cpuTime';
const CORPUS_CHANGELOG = path.join(CORPUS, 'CHANGELOG');

function keysOf(items: ChangelogItem[]): string[] {
  return items.map((i) => i.key ?? '');
}

describe('parseChangelog', () => {
  describe('the sample site CHANGELOG', () => {
    const releases = parseChangelog(fs.readFileSync(SAMPLE, 'utf8'));

    it('finds every release, newest first, with its WIP mark', () => {
      assert.deepEqual(
        releases.map((r) => [r.version, r.wip, r.project]),
        [
          ['1.2.0', true, 'Orbit'],
          ['1.1.1', false, 'Orbit'],
          ['1.1.0', false, 'Orbit'],
          ['1.0.0', false, 'Orbit'],
        ],
      );
    });

    it('reads highlights with wrapped lines joined, sub-sections and issue groups', () => {
      const r = findRelease(releases, '1.2.0')!;
      assert.deepEqual(keysOf(r.highlights), ['ORB-201', 'ORB-214']);
      assert.equal(r.highlights[0].text, 'Job templates: define a job once and start it with different parameters.');
      assert.deepEqual(
        r.sections.map((s) => [s.title, keysOf(s.items)]),
        [['Deprecations', ['ORB-220']]],
      );
      assert.deepEqual(
        r.issueGroups.map((g) => [g.name, keysOf(g.items)]),
        [
          ['Bug', ['ORB-230']],
          ['Improvement', ['ORB-201', 'ORB-214']],
        ],
      );
      assert.equal(r.bugFixRelease, false);
    });

    it('recognises a bug-fix release and its fixed issues', () => {
      const r = findRelease(releases, '1.1.1')!;
      assert.equal(r.bugFixRelease, true);
      assert.deepEqual(r.highlights, []);
      assert.deepEqual(keysOf(issueItems(r, ['Bug'])), ['ORB-160', 'ORB-163']);
      assert.equal(issueItems(r, ['Bug'])[1].text, 'Crash when a tenant name contains a dot.');
    });

    it('reads "new features" as highlights', () => {
      assert.deepEqual(keysOf(findRelease(releases, '1.0.0')!.highlights), ['ORB-101', 'ORB-117']);
    });
  });

  describe('shapes of the Mesos CHANGELOG (inline)', () => {
    it('takes keys from a list, from trailing parentheses, or none', () => {
      const [r] = parseChangelog(
        [
          'Release Notes - Mesos - Version 9.9.9',
          '---------------',
          'This release contains the following highlights:',
          '',
          '  * [MESOS-1, MESOS-2] - Two keys.',
          '',
          '  * No key at all.',
          '',
          '  * Key at the end of a wrapped',
          '    line (MESOS-3).',
          '',
          '  * Containerization:',
          '',
          '    * Nested one. (MESOS-4)',
          '',
          '    * Nested two with',
          '      a wrapped line.',
          '      (MESOS-5, MESOS-6)',
        ].join('\r\n'),
      );
      const [two, none, trailing, group] = r.highlights;
      assert.deepEqual([two.keys, two.key, two.text], [['MESOS-1', 'MESOS-2'], 'MESOS-1', 'Two keys.']);
      assert.deepEqual([none.keys, none.key, none.text], [[], undefined, 'No key at all.']);
      assert.deepEqual([trailing.keys, trailing.text], [['MESOS-3'], 'Key at the end of a wrapped line.']);
      assert.equal(group.text, 'Containerization:');
      assert.deepEqual(
        group.children.map((c) => [c.keys, c.text]),
        [
          [['MESOS-4'], 'Nested one.'],
          [['MESOS-5', 'MESOS-6'], 'Nested two with a wrapped line.'],
        ],
      );
    });

    it('never throws on garbage and finds no release in it', () => {
      for (const text of ['', '\u0000\u0001', '* a\n** b\n  * c', 'Release Notes - X - Version', '\n'.repeat(1000)]) {
        assert.deepEqual(parseChangelog(text), []);
      }
      assert.equal(parseChangelog('Release Notes - X - Version 1.0.0\n** \n*\n  *  \n:::\n').length, 1);
    });

    it('stays fast on huge lines, staircases of indentation and long wrapped items', () => {
      const header = 'Release Notes - X - Version 1.0.0\n';
      const inputs = [
        'Release Notes ' + '- '.repeat(200_000),
        header + Array.from({ length: 2000 }, (_, i) => ' '.repeat(i) + '* item').join('\n'),
        header + '  * a\n' + '      continued \t \n'.repeat(100_000),
        header + '  * ' + 'x '.repeat(500_000) + ' '.repeat(100_000) + '(MESOS-1)',
      ];
      for (const text of inputs) {
        assertQuick(`${text.length} characters`, () => parseChangelog(text), 2000);
      }
    });
  });

  describe('the Mesos CHANGELOG', function () {
    let releases: ChangelogRelease[] = [];
    let lines: string[] = [];
    before(function () {
      if (!fs.existsSync(CORPUS_CHANGELOG)) {
        console.log('corpus absent: skipped');
        this.skip();
      }
      const text = fs.readFileSync(CORPUS_CHANGELOG, 'utf8');
      releases = parseChangelog(text);
      lines = text.split('\n');
    });

    it('parses every release header into an entry with content', () => {
      const headers = lines.filter((l) => l.startsWith('Release Notes - Mesos - Version'));
      assert.equal(releases.length, headers.length);
      for (const r of releases) {
        const items = r.highlights.length + r.sections.reduce((n, s) => n + s.items.length, 0) + r.issueGroups.reduce((n, g) => n + g.items.length, 0);
        assert.ok(items > 0, `${r.version} has items`);
        assert.ok(lines[r.line].includes(`Version ${r.version}`));
      }
      assert.deepEqual(
        releases.filter((r) => r.wip).map((r) => r.version),
        ['1.10.1', '1.9.1', '1.8.2', '1.7.4', '1.6.3', '1.5.4', '1.4.4', '1.3.3'],
      );
    });

    it('1.0.0: the 18 new features, the key lists, and the named sections', () => {
      const r = findRelease(releases, '1.0.0')!;
      assert.equal(r.bugFixRelease, false);
      assert.equal(r.highlights.length, 18);
      assert.deepEqual([r.highlights[0].key, r.highlights[0].text], [undefined, 'Scheduler and Executor v1 HTTP APIs are now considered stable.']);
      assert.equal(r.highlights[1].key, 'MESOS-4791');
      assert.ok(r.highlights[1].text.startsWith('**Experimental** support for v1 Master and Agent APIs. These APIs let operators'));
      assert.deepEqual(r.highlights[5].keys, ['MESOS-2948', 'MESOS-5403']);
      assert.deepEqual(r.highlights[7].keys, ['MESOS-4931', 'MESOS-5709', 'MESOS-5704']);
      assert.equal(r.highlights[17].key, 'MESOS-5724');
      assert.deepEqual(
        r.sections.map((s) => [s.title, s.items.length]),
        [
          ['Deprecations', 10],
          ['Additional API Changes', 15],
          ['3rd Party Upgrades', 4],
          ['Binary API Changes', 4],
        ],
      );
      assert.deepEqual(keysOf(r.sections[0].items).slice(0, 2), ['MESOS-2281', 'MESOS-4910']);
      const bug = r.issueGroups.find((g) => g.name === 'Bug')!;
      assert.deepEqual([bug.items[0].key, bug.items[0].text], ['MESOS-1495', 'Create separate local data file to manage releases']);
    });

    it('1.9.0: grouped highlights with keys in trailing parentheses', () => {
      const r = findRelease(releases, '1.9.0')!;
      assert.deepEqual(
        r.highlights.map((h) => [h.text, keysOf(h.children)]),
        [
          ['Maintenance:', ['MESOS-9753']],
          ['Resource Management:', ['']],
          ['Security', ['MESOS-9784', 'MESOS-9810']],
          ['Containerization:', ['MESOS-9760', 'MESOS-9770', 'MESOS-9771', 'MESOS-9795', 'MESOS-9900', 'MESOS-9756']],
        ],
      );
      assert.equal(
        r.highlights[3].children[5].text,
        'A new `/containerizer/debug` HTTP endpoint has been added. This endpoint exposes debug information for the Mesos containerizer. At the moment, it returns a list of pending operations related to Isolators and Launchers.',
      );
      // " Unresolved Critical Issues:" is indented by one space, and its keys have no brackets.
      const unresolved = r.sections.find((s) => s.title === 'Unresolved Critical Issues')!;
      assert.equal(unresolved.items.length, 30);
      assert.deepEqual([unresolved.items[0].key, unresolved.items[0].text], ['MESOS-9889', 'Master CPU high due to unexpected foreachkey behaviour in Master::__reregisterSlave']);
      // The NOTE paragraph after a blank line belongs to its bullet.
      const api = r.sections.find((s) => s.title === 'Additional API Changes')!;
      assert.ok(api.items[1].text.endsWith('NOTE: This new overload is only available when libprocess is compiled with `--enable-ssl`.'));
    });

    it('1.8.1 (a patch release): bug fix flag and the Bug and Improvement items', () => {
      const r = findRelease(releases, '1.8.1')!;
      assert.equal(r.bugFixRelease, true);
      assert.equal(r.wip, false);
      const bugs = issueItems(r, ['Bug']);
      assert.equal(bugs.length, 13);
      assert.deepEqual([bugs[0].key, bugs[0].text], ['MESOS-9395', 'Check failure on `StorageLocalResourceProviderProcess::applyCreateDisk`.']);
      assert.deepEqual(keysOf(issueItems(r, ['Improvement'])), ['MESOS-9695', 'MESOS-9759', 'MESOS-9787']);
    });

    it('1.7.1: a bug-fix release that also names improvements keeps them as highlights', () => {
      const r = findRelease(releases, '1.7.1')!;
      assert.equal(r.bugFixRelease, true);
      assert.equal(r.highlights.length, 3);
      assert.ok(r.highlights[0].text.startsWith('**Allocator**: Improved allocation cycle time substantially'));
    });
  });
});
