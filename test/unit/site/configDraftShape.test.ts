import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { planReleasePost } from '../../../src/core/draft/newPost';
import { fieldValue, parsePost } from '../../../src/core/post/parse';
import { lintPost } from '../../../src/core/rules/lint';
import { renderPostPage, type PageInput } from '../../../src/core/preview/page';
import { parseConfig } from '../../../src/core/site/config';
import { defaultProfile } from '../../../src/core/site/profile';
import { findSiteInFolder } from '../../../src/core/site/workspace';

describe('.releasepost.json "authorField" and "frontMatterFormat" shape new posts', () => {
  let root: string;
  beforeEach(() => (root = fs.mkdtempSync(path.join(os.tmpdir(), 'release-post-draft-shape-'))));
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  function write(rel: string, text: string): void {
    const file = path.join(root, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  }

  /** A small Jekyll site whose posts name their author with `author:`. */
  function jekyllSite(config?: string): void {
    write('_config.yml', 'title: Kestrel\n');
    write('_layouts/post.html', '{{ content }}\n');
    for (let minor = 0; minor < 5; minor++) {
      write(`_posts/2024-0${minor + 1}-02-kestrel-1-${minor}-0-released.md`, `---\nlayout: post\ntitle: "Kestrel 1.${minor}.0 Released"\nauthor: Jo\ntags: [release]\n---\n\nText.\n`);
    }
    if (config !== undefined) write('.releasepost.json', config);
  }

  async function draft(): Promise<{ text: string; path: string }> {
    const site = findSiteInFolder(root)!;
    assert.deepEqual(site.problems, []);
    const r = await planReleasePost(site, { version: '1.5.0', date: '2024-07-01', author: 'Ann Lee' });
    if ('error' in r) assert.fail(r.error);
    return r.plan;
  }

  it('without the keys, the learned author field and format are used', async () => {
    jekyllSite('{ "rules": {} }');
    const site = findSiteInFolder(root)!;
    assert.equal(site.profile.authorField, 'author');
    assert.equal(site.profile.frontMatterFormat, 'yaml');
    const { text } = await draft();
    assert.match(text, /^---\n/);
    assert.match(text, /\nauthor: Ann Lee\n/);
    assert.doesNotMatch(text, /post_author|display_name/);
  });

  it('"authorField": "by" puts the author under by:', async () => {
    jekyllSite('{ "authorField": "by" }');
    const { text } = await draft();
    assert.match(text, /\nby: Ann Lee\n/);
    assert.doesNotMatch(text, /\nauthor:|post_author/);
    assert.equal(fieldValue(parsePost(text), 'by'), 'Ann Lee');
  });

  it('a dotted "authorField" writes the mapping, "authors" a list', async () => {
    jekyllSite('{ "authorField": "post_author.display_name" }');
    assert.match((await draft()).text, /\npost_author:\n {2}display_name: Ann Lee\n/);
    write('.releasepost.json', '{ "authorField": "authors" }');
    assert.deepEqual(fieldValue(parsePost((await draft()).text), 'authors'), ['Ann Lee']);
  });

  it('"frontMatterFormat": "toml" and "json" write the same data in that format, and the front-matter checks find the same', async () => {
    jekyllSite('{ "authorField": "by" }');
    const yamlDraft = await draft();
    const yaml = parsePost(yamlDraft.text);
    const findings = (post: ReturnType<typeof parsePost>) =>
      lintPost(post, path.basename(yamlDraft.path), findSiteInFolder(root)!.profile)
        .filter((p) => /^(field-|front-matter-)/.test(p.rule))
        .map((p) => `${p.rule}: ${p.message}`);
    assert.equal(yaml.frontMatter?.format, 'yaml');
    // The author is required under the field that names it now.
    assert.ok(!findings(yaml).some((f) => f.includes('"author"') || f.includes('"by"')));
    for (const format of ['toml', 'json'] as const) {
      write('.releasepost.json', `{ "authorField": "by", "frontMatterFormat": "${format}" }`);
      const { text } = await draft();
      assert.match(text, format === 'toml' ? /^\+\+\+\n[\s\S]*\n\+\+\+\n/ : /^\{\n[\s\S]*\n\}\n/);
      const post = parsePost(text);
      assert.equal(post.frontMatter?.format, format);
      assert.deepEqual(post.frontMatter?.data, yaml.frontMatter?.data);
      assert.equal(fieldValue(post, 'by'), 'Ann Lee');
      assert.deepEqual(findings(post), findings(yaml));
    }
  });

  it('wrong values are reported at the key and the learned value is kept', () => {
    const source = '{\n  "authorField": "the author",\n  "frontMatterFormat": "xml"\n}';
    const { problems, profile } = parseConfig(source, { ...parseConfig('{}').profile, authorField: 'by', frontMatterFormat: 'toml' });
    assert.deepEqual(
      problems.map((p) => [p.range.start.line, p.message]),
      [
        [1, '"authorField" must be a front-matter key or a dotted path such as "post_author.display_name"'],
        [2, '"frontMatterFormat" must be one of: yaml, toml, json'],
      ],
    );
    assert.equal(profile.authorField, 'by');
    assert.equal(profile.frontMatterFormat, 'toml');
  });
});

describe('the preview reads the author from the site\'s author field', () => {
  const input = (text: string, authorField?: string): PageInput => ({
    post: parsePost(text),
    fileName: '2024-07-01-kestrel-1-5-0-released.md',
    profile: { ...defaultProfile(), authorField },
    mode: { kind: 'webview', cspSource: 'https://example.invalid', nonce: 'bm9uY2U', scriptUri: 'vscode-resource:/a.js', styleUris: [] },
    resolveUrl: (href) => href,
  });
  const authorText = (html: string) => /class="rp-author-name"[^>]*>(?:<strong>)?([^<]*)</.exec(html)?.[1] ?? '';

  it('names the configured field when the author is missing, and shows the author written there', () => {
    assert.match(renderPostPage(input('---\ntitle: T\n---\nBody.\n', 'by')), /Unknown author \(no by in the front matter\)/);
    assert.match(renderPostPage(input('---\ntitle: T\n---\nBody.\n')), /Unknown author \(no post_author\.display_name in the front matter\)/);
    // A post that also keeps an older key: the site's field wins.
    const both = '---\ntitle: T\nauthor: Old Name\nby: Ann Lee\n---\nBody.\n';
    assert.equal(authorText(renderPostPage(input(both, 'by'))), 'Ann Lee');
    assert.equal(authorText(renderPostPage(input(both))), 'Old Name');
  });
});
