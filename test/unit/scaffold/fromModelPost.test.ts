import * as assert from 'node:assert/strict';
import { parseDocument } from 'yaml';
import { draftFromModelPost, type ReleaseFacts } from '../../../src/core/draft/fromModelPost';
import { chooseModelPost, mainSeriesVersions, releasePosts } from '../../../src/core/draft/releaseModel';
import { STARTERS } from '../../../src/core/draft/starters';

const FACTS: ReleaseFacts = { version: '3.6.0', previousVersion: '3.5.0', date: '2024-11-04', author: { name: 'Ada Quinn', twitter: 'adaquinn' } };

function frontMatterOf(text: string): string {
  return /^(?:---|\+\+\+)\n([\s\S]*?)\n(?:---|\+\+\+)\n/.exec(text)![1];
}

describe('a draft in the shape of the model post', () => {
  it('keeps the front-matter keys, their order and value shapes, with this release in them', () => {
    const model = [
      '---',
      'layout: blog-detail',
      'post-type: blog',
      "title: 'Scala 3.5.0 released!'",
      'by: Kamil Szewczyk',
      'date: 2024-08-22 10:00:00 +0200',
      'tags: [release, scala3]',
      'permalink: /news/3.5.0/',
      'version: 3.5',
      '---',
      '',
      'Scala 3.5.0 is out.',
      '',
    ].join('\n');
    const draft = draftFromModelPost({ fileName: '_posts/2024-08-22-scala-3.5.0-released.md', text: model, version: '3.5.0' }, FACTS);
    assert.equal(draft.fileName, '2024-11-04-scala-3.6.0-released.md');
    assert.equal(draft.title, 'Scala 3.6.0 released!');
    assert.equal(
      frontMatterOf(draft.text),
      [
        'layout: blog-detail',
        'post-type: blog',
        "title: 'Scala 3.6.0 released!'",
        'by: Ada Quinn',
        'date: 2024-11-04 10:00:00 +0200',
        'tags: [release, scala3]',
        'permalink: /news/3.6.0/',
        'version: 3.6',
      ].join('\n'),
    );
  });

  it('writes the author in the shape of the model: a list, a post_author mapping, a list of author mappings', () => {
    const list = draftFromModelPost(
      { fileName: 'release-of-1.8.3.md', text: '---\ntitle: "Gitea 1.8.3 is released"\nauthors: ["jolheiser", "lafriks"]\n---\n\nGitea 1.8.3.\n', version: '1.8.3' },
      { ...FACTS, version: '1.8.4' },
    );
    assert.equal(list.fileName, 'release-of-1.8.4.md');
    assert.match(list.text, /^authors: \["Ada Quinn"\]$/m);
    const mapping = draftFromModelPost(
      {
        fileName: '2019-01-01-orbit-1-1-0-released.md',
        text: '---\ntitle: Orbit 1.1.0 Released\npost_author:\n  display_name: Old Author\n  gravatar: 0123456789abcdef0123456789abcdef\n  twitter: old\n---\n\nOrbit 1.1.0.\n',
        version: '1.1.0',
      },
      { ...FACTS, version: '1.2.0' },
    );
    assert.equal(frontMatterOf(mapping.text), 'title: Orbit 1.2.0 Released\npost_author:\n  display_name: Ada Quinn\n  twitter: adaquinn');
    const authorList = draftFromModelPost(
      {
        fileName: '2024-08-02-release-1.20.0.md',
        text: '---\nauthors:\n- reswqa:\n  name: "Weijie Guo"\n  twitter: "WeijieGuo12"\n- fanrui:\n  name: "Rui Fan"\n\ndate: "2024-08-02T08:00:00Z"\ntitle: Announcing the Release of Apache Flink 1.20\naliases:\n- /news/2024/08/02/release-1.20.0.html\n---\n\nApache Flink 1.20.0.\n',
        version: '1.20.0',
      },
      { ...FACTS, version: '1.21.0' },
    );
    assert.equal(
      frontMatterOf(authorList.text),
      'authors:\n- adaquinn:\n  name: "Ada Quinn"\n  twitter: "adaquinn"\n\ndate: "2024-11-04T08:00:00Z"\ntitle: Announcing the Release of Apache Flink 1.21\naliases:\n- /news/2024/11/04/release-1.21.0.html',
    );
  });

  it('names the file as the model is named: undated, dashed, major only', () => {
    const named = (fileName: string, title: string, version: string, next: string) =>
      draftFromModelPost({ fileName, text: `---\ntitle: "${title}"\n---\n\nText.\n`, version }, { ...FACTS, version: next });
    assert.equal(named('2024-10-15-electron-33-0.md', 'Electron 33.0.0', '33.0.0', '34.0.0').fileName, '2024-11-04-electron-34-0.md');
    assert.equal(named('release-of-1.8.3.md', 'Gitea 1.8.3 is released', '1.8.3', '1.9.0').fileName, 'release-of-1.9.0.md');
    assert.equal(named('2025-01-29-jekyll-4-4-1-released.markdown', 'Jekyll 4.4.1 Released', '4.4.1', '4.4.2').fileName, '2024-11-04-jekyll-4-4-2-released.markdown');
  });

  it('writes TOML front matter for a Zola model: keys, tables and quoting kept, path and aliases moved', () => {
    const model = [
      '+++',
      'path = "2026/08/20/Rust-1.98.0"',
      'title = "Announcing Rust 1.98.0"',
      'authors = ["The Rust Release Team"]',
      'aliases = ["releases/1.98.0"]',
      '',
      '[extra]',
      'release = true',
      '+++',
      '',
      'The Rust team is happy to announce a new version of Rust, 1.98.0.',
      '',
    ].join('\n');
    const draft = draftFromModelPost({ fileName: 'content/Rust-1.98.0.md', text: model, version: '1.98.0' }, { ...FACTS, version: '1.99.0', date: '2026-10-01' });
    assert.equal(draft.fileName, 'Rust-1.99.0.md');
    assert.equal(draft.title, 'Announcing Rust 1.99.0');
    assert.equal(
      frontMatterOf(draft.text),
      'path = "2026/10/01/Rust-1.99.0"\ntitle = "Announcing Rust 1.99.0"\nauthors = ["Ada Quinn"]\naliases = ["releases/1.99.0"]\n\n[extra]\nrelease = true',
    );
    assert.match(draft.text, /^The Rust team is happy to announce a new version of Rust, 1\.99\.0\.$/m);
  });

  it("keeps the model's headings, moves the version-bearing links and fills the features and thanks", () => {
    const model = [
      '---',
      'title: hexo 8.1.0 Released',
      '---',
      '',
      'refs: [GitHub Release Note: v8.1.0](https://github.com/hexojs/hexo/releases/tag/v8.1.0)',
      '',
      'We merged 42 pull requests. Download it from [the registry](https://www.npmjs.com/package/hexo/v/8.1.0).',
      '',
      'Some words about the old release only.',
      '',
      '## Highlights',
      '',
      '- perf: faster archy by [@D-Sketon] in [#5700](https://github.com/hexojs/hexo/pull/5700)',
      '',
      '### A feature of 8.1.0 only',
      '',
      'Its story.',
      '',
      '## Full Changelog',
      '',
      '- [v8.0.0...v8.1.0](https://github.com/hexojs/hexo/compare/v8.0.0...v8.1.0)',
      '',
      '## Thanks',
      '',
      'Zed Old, Yan Older',
      '',
    ].join('\n');
    const draft = draftFromModelPost(
      { fileName: '2025-10-26-hexo-8-1-0-released.md', text: model, version: '8.1.0' },
      { ...FACTS, version: '8.2.0', previousVersion: '8.1.0', highlights: ['feat: a new thing ([#6001](https://github.com/hexojs/hexo/pull/6001))'], contributors: ['Ada Quinn', 'Bo Li'] },
    );
    const body = draft.text.slice(draft.text.indexOf('---\n', 4) + 4);
    assert.equal(
      body,
      [
        '',
        'refs: [GitHub Release Note: v8.2.0](https://github.com/hexojs/hexo/releases/tag/v8.2.0)',
        '',
        'We merged TODO pull requests. Download it from [the registry](https://www.npmjs.com/package/hexo/v/8.2.0).',
        '',
        '## Highlights',
        '',
        '* feat: a new thing ([#6001](https://github.com/hexojs/hexo/pull/6001))',
        '',
        '## Full Changelog',
        '',
        '- [v8.1.0...v8.2.0](https://github.com/hexojs/hexo/compare/v8.1.0...v8.2.0)',
        '',
        '## Thanks',
        '',
        'Ada Quinn, Bo Li',
        '',
      ].join('\n'),
    );
    assert.doesNotMatch(draft.text, /archy|Zed Old|old release|A feature of/);
    assert.deepEqual(draft.cursor.line >= 0, true);
  });

  it('keeps CRLF line ends of a model written with them', () => {
    const draft = draftFromModelPost({ fileName: 'x-1.0.0.md', text: '---\r\ntitle: X 1.0.0\r\n---\r\n\r\nX 1.0.0 is out.\r\n', version: '1.0.0' }, { ...FACTS, version: '1.1.0' });
    assert.equal(draft.text, '---\r\ntitle: X 1.1.0\r\n---\r\n\r\nX 1.1.0 is out.\r\n');
  });

  it('leaves a placeholder where a fact is unknown', () => {
    const draft = draftFromModelPost(
      { fileName: 'x-1.0.0.md', text: '---\ntitle: X 1.0.0\nauthor: Old\n---\n\nIntro.\n\n## Features\n\n- old\n\n## Contributors\n\nOld, Older\n', version: '1.0.0' },
      { version: '1.1.0', date: '2024-01-01' },
    );
    assert.match(draft.text, /^author: TODO$/m);
    assert.match(draft.text, /^TODO: say what this release brings\.$/m);
    assert.match(draft.text, /^TODO: list the main changes of this release\.$/m);
    assert.match(draft.text, /^TODO: list the contributors of this release\.$/m);
    const lines = draft.text.split('\n');
    assert.equal(lines[draft.cursor.line].slice(draft.cursor.character, draft.cursor.character + 4), 'TODO');
  });

  it('has a parseable starting point per generator, moved to the release like a model', () => {
    for (const starter of STARTERS) {
      const draft = draftFromModelPost(starter.model, { ...FACTS, version: '2.3.0' });
      assert.match(draft.fileName, /2[-.]3[-.]0/, starter.name);
      assert.equal(draft.title, 'Release 2.3.0', starter.name);
      assert.doesNotMatch(draft.text, /1\.0\.0|2000/, starter.name);
      if (draft.text.startsWith('---')) assert.equal(parseDocument(frontMatterOf(draft.text)).errors.length, 0, starter.name);
    }
  });
});

describe('the release post a draft follows', () => {
  const post = (fileName: string, title: string) => ({ fileName, text: `---\ntitle: "${title}"\n---\n\nText.\n` });
  const posts = [
    post('2024-03-18-release-1.19.0.md', 'Announcing the Release of Apache Flink 1.19'),
    post('2024-06-14-release-1.19.1.md', 'Apache Flink 1.19.1 Release Announcement'),
    post('2024-07-02-release-kubernetes-operator-1.9.0.md', 'Apache Flink Kubernetes Operator 1.9.0 Release Announcement'),
    post('2024-03-21-release-kubernetes-operator-1.8.0.md', 'Apache Flink Kubernetes Operator 1.8.0 Release Announcement'),
    post('2024-08-02-release-1.20.0.md', 'Announcing the Release of Apache Flink 1.20'),
    post('2024-09-05-release-cdc-3.2.0.md', 'Apache Flink CDC 3.2.0 Release Announcement'),
    post('2024-05-17-release-cdc-3.1.0.md', 'Apache Flink CDC 3.1.0 Release Announcement'),
    post('2024-06-01-flink-forward.md', 'Flink Forward 2024'),
    post('2024-02-01-security-fixes-for-3-6-3-7.md', 'Security fixes for 3.6 and 3.7'),
  ];

  it('finds release posts by a version in a naming that recurs, or in both title and file name', () => {
    const found = releasePosts(posts).map((r) => r.version);
    assert.deepEqual(found, ['1.19.0', '1.19.1', '1.9.0', '1.8.0', '1.20.0', '3.2.0', '3.1.0']);
  });

  it('follows the post of the highest version below, of the same kind (feature or patch)', () => {
    const releases = releasePosts(posts);
    assert.equal(chooseModelPost(releases, '1.21.0')?.fileName, '2024-08-02-release-1.20.0.md');
    assert.equal(chooseModelPost(releases, '1.20.1')?.fileName, '2024-06-14-release-1.19.1.md');
    assert.equal(chooseModelPost(releases, '3.3.0')?.fileName, '2024-09-05-release-cdc-3.2.0.md');
    assert.equal(chooseModelPost(releases, '0.1.0')?.fileName, '2024-09-05-release-cdc-3.2.0.md', 'nothing below: the newest');
  });

  it("reads the site's main series for the likely next version: the project most release posts announce", () => {
    assert.deepEqual(mainSeriesVersions(releasePosts(posts)).sort(), ['1.19.0', '1.19.1', '1.20.0']);
  });
});
