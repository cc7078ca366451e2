import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { lintPost } from '../../../src/core/rules/lint';
import { parsePost } from '../../../src/core/post/parse';
import { findSiteForFile } from '../../../src/core/site/workspace';
import { parseConfig } from '../../../src/core/site/config';

describe('.releasepost.json overrides what was learned, key by key', () => {
  let root: string;
  beforeEach(() => (root = fs.mkdtempSync(path.join(os.tmpdir(), 'release-post-override-'))));
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  function write(rel: string, text: string): string {
    const file = path.join(root, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    return file;
  }

  /** A small Hugo site: undated names, list tags, an author on every post. */
  function hugoSite(): string {
    write('config.yaml', 'baseurl: https://example.org/\npermalinks:\n  post: /:year/:month/:title/\n');
    for (let minor = 0; minor < 9; minor++) {
      const v = `0.${minor}.0`;
      write(`content/post/release-of-${v}.md`, `---\ndate: "2023-0${minor + 1}-01T10:00:00+01:00"\nauthor: "jo"\ntitle: "Kestrel ${v} is released"\ntags: ["release"]\n---\n\nText.\n`);
    }
    return write('content/post/release-of-1.3.0.md', '---\ndate: "2024-05-01T10:00:00+01:00"\ntitle: "Kestrel 1.3.0 is released"\ntags: ["release"]\n---\n\nText.\n');
  }

  const rules = (file: string) => {
    const site = findSiteForFile(file)!;
    return lintPost(parsePost(fs.readFileSync(file, 'utf8')), path.basename(file), site.profile).map((p) => `${p.rule}: ${p.message}`);
  };

  it('a config file with one key keeps everything else learned (the required author, list tags, undated names)', () => {
    const post = hugoSite();
    assert.deepEqual(rules(post), ['field-missing: the required field "author" is missing']);
    write('.releasepost.json', '{ "rules": { "empty-section": "off" } }');
    const site = findSiteForFile(post)!;
    assert.ok(site.configPath);
    assert.deepEqual(site.profile.requiredFields, ['date', 'tags', 'title', 'author']);
    assert.equal(site.profile.fields.tags.kind, 'tag-list');
    assert.equal(site.profile.postsFolder, 'content/post');
    assert.deepEqual(rules(post), ['field-missing: the required field "author" is missing']);
  });

  it('requiredFields, tagsStyle and fileNamePattern each override their one value', () => {
    const post = hugoSite();
    write('.releasepost.json', '{ "requiredFields": ["title"], "tagsStyle": "comma-string", "fileNamePattern": "{year}-{month}-{day}-{slug}" }');
    assert.deepEqual(rules(post).sort(), [
      'field-type: "tags" must be one comma-separated string such as "Release, Docker", not a list',
      'filename-format: the file name "release-of-1.3.0.md" does not follow the site\'s pattern {year}-{month}-{day}-{slug}',
    ]);
  });

  it('dateSource "file-name" makes a front-matter date agree with the file name', () => {
    write('_config.yml', 'title: x\n');
    const post = write('_posts/2024-01-02-kestrel-1-0-0-released.md', '---\ntitle: Kestrel 1.0.0 Released\ndate: 2024-01-05\n---\n\nText.\n');
    assert.deepEqual(rules(post), []);
    write('.releasepost.json', '{ "dateSource": "file-name" }');
    assert.deepEqual(rules(post), ['field-type: "date" is 2024-01-05 but the file name says 2024-01-02; the site takes the date from the file name']);
  });

  it('permalink placeholders {year} {month} {day} {title} are filled from the file name', () => {
    write('.releasepost.json', '{ "postsFolder": "_posts", "permalink": "/news/{year}/{month}/{day}/{title}/" }');
    const good = write('_posts/2024-01-02-kestrel-1-0-0-released.md', '---\nlayout: post\ntitle: Kestrel\npermalink: /news/2024/01/02/kestrel-1-0-0-released/\npublished: true\npost_author:\n  display_name: Jo\ntags: Release\n---\n\nText.\n');
    assert.ok(!rules(good).some((r) => r.startsWith('permalink-mismatch')));
    const bad = write('_posts/2024-01-03-kestrel-1-0-1-released.md', '---\nlayout: post\ntitle: Kestrel\npermalink: /news/2024/01/02/kestrel-1-0-1-released/\npublished: true\npost_author:\n  display_name: Jo\ntags: Release\n---\n\nText.\n');
    assert.ok(rules(bad).some((r) => r.includes('/news/2024/01/03/kestrel-1-0-1-released/')));
  });

  it('the new keys are checked like the others', () => {
    const { problems } = parseConfig('{ "dateSource": "sometimes", "tagsStyle": 3, "repository": "../code" }');
    assert.deepEqual(problems.map((p) => p.message), [
      '"dateSource" must be one of: file-name, front-matter, front-matter-or-file-name',
      '"tagsStyle" must be one of: list, comma-string',
    ]);
  });
});
