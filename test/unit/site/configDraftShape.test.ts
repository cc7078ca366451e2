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
import { starterConfig } from '../../../src/core/site/starterConfig';
import { findSiteInFolder, siteWithConfig } from '../../../src/core/site/workspace';
import { CORPUS, SITES } from '../corpus';

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

  it('"releaseTags" and "permalink" replace the model\'s own values, in the model\'s shapes; a "template" writes the body only, with every placeholder filled', async () => {
    jekyllSite();
    for (let minor = 0; minor < 5; minor++) {
      write(
        `_posts/2024-0${minor + 1}-02-kestrel-1-${minor}-0-released.md`,
        `---\nlayout: post\ntitle: "Kestrel 1.${minor}.0 Released"\npermalink: /news/kestrel-1-${minor}-0-released/\nauthor: Jo\ntags: [release]\n---\n\nText.\n`,
      );
    }
    write('.releasepost.json', '{ "releaseTags": "release, news" }');
    let post = parsePost((await draft()).text);
    assert.deepEqual(fieldValue(post, 'tags'), ['release', 'news']);
    assert.equal(fieldValue(post, 'permalink'), '/news/kestrel-1-5-0-released/');
    write('.releasepost.json', '{ "permalink": "/releases/{year}/{month}/{slug}/" }');
    post = parsePost((await draft()).text);
    assert.equal(fieldValue(post, 'permalink'), '/releases/2024/07/kestrel-1-5-0-released/');
    assert.deepEqual(fieldValue(post, 'tags'), ['release']);
    // A template gives the body only: the front matter is the model post's, moved to this release.
    write('_config.yml', 'title: Kestrel\npermalink: /news/:year/:month/:day/:title/\n');
    write('tpl.md', '{{title}} is out.\n');
    write('.releasepost.json', '{ "template": "tpl.md" }');
    const { text } = await draft();
    post = parsePost(text);
    assert.match(text, /\n\nKestrel 1\.5\.0 Released is out\.\n$/);
    assert.equal(fieldValue(post, 'permalink'), '/news/kestrel-1-5-0-released/');
    assert.deepEqual(fieldValue(post, 'tags'), ['release']);
    assert.equal(fieldValue(post, 'layout'), 'post');
    assert.equal(fieldValue(post, 'author'), 'Ann Lee');
    assert.doesNotMatch(text, /post_author|published/, "the built-in profile's keys");
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

/**
 * A config file with one key gives the draft a site gets with no config file, but for that key's own value. The
 * corpus is read-only: the config text is read over each site in place (`siteWithConfig`, the function that reads a
 * `.releasepost.json` file), and a plan is only made, nothing written.
 */
describe('.releasepost.json overrides one value of a draft and leaves the rest learned', function () {
  this.timeout(120000);
  const DATE = '2026-12-02';
  const SITE_CASES = [
    { site: 'jekyll', root: path.join(SITES, 'jekyll/docs'), version: '4.4.2' },
    { site: 'hexo', root: path.join(SITES, 'hexo'), version: '8.2.0' },
    { site: 'flink', root: path.join(SITES, 'flink/docs'), version: '1.21.0' },
    { site: 'gitea', root: path.join(SITES, 'gitea'), version: '1.8.4' },
    { site: 'rust', root: path.join(SITES, 'rust'), version: '1.99.0' },
    { site: 'mesos', root: CORPUS, version: '1.11.0' },
  ];
  const AUTHOR_KEYS = ['author', 'authors', 'by', 'post_author'];

  interface Draft {
    path: string;
    text: string;
    title: string;
    data: Record<string, unknown>;
    keys: string[];
    format: string | undefined;
    body: string;
    errors: string[];
    notes: string[];
  }

  async function draftWith(root: string, version: string, config: string | undefined): Promise<Draft> {
    const site = config === undefined ? findSiteInFolder(root)! : siteWithConfig(root, config);
    assert.deepEqual(site.problems, [], 'the config is read without problems');
    const r = await planReleasePost(site, { version, date: DATE, author: 'Ada Quinn' });
    if ('error' in r) assert.fail(r.error);
    const post = parsePost(r.plan.text);
    const data = (post.frontMatter?.data ?? {}) as Record<string, unknown>;
    const errors = lintPost(post, path.basename(r.plan.path), site.profile)
      .filter((p) => p.severity === 'error')
      .map((p) => `${p.rule}: ${p.message}`);
    return {
      path: r.plan.path,
      text: r.plan.text,
      title: r.plan.title,
      data,
      keys: Object.keys(data),
      format: post.frontMatter?.format,
      body: r.plan.text.split('\n').slice(post.bodyStartLine).join('\n'),
      errors,
      notes: r.plan.notes,
    };
  }

  /** TOML writes a table (and a list of tables) after the plain keys, and has no empty value. */
  const tableOrder = (keys: string[], data: Record<string, unknown>) => {
    const table = (v: unknown) => v !== null && typeof v === 'object' && !Array.isArray(v);
    const isTable = (k: string) => table(data[k]) || (Array.isArray(data[k]) && (data[k] as unknown[]).length > 0 && (data[k] as unknown[]).every(table));
    return [...keys.filter((k) => !isTable(k)), ...keys.filter(isTable)];
  };
  const withoutNulls = (data: unknown): unknown => JSON.parse(JSON.stringify(data, (_k, v: unknown) => (v === null ? undefined : v)));
  const without = (data: Record<string, unknown>, keys: string[]) => Object.fromEntries(Object.entries(data).filter(([k]) => !keys.includes(k)));

  for (const c of SITE_CASES) {
    describe(c.site, () => {
      let plain: Draft;
      before(async function () {
        if (!fs.existsSync(c.root)) {
          console.log(`corpus site ${c.site} absent: skipped`);
          this.skip();
        }
        plain = await draftWith(c.root, c.version, undefined);
        assert.deepEqual(plain.errors, [], 'the draft with no config lints with no errors');
      });

      it('{} and a key that does not shape drafts ("rules") give the very same draft', async () => {
        for (const config of ['{}', '{ "rules": { "placeholder": "warning" } }']) {
          const d = await draftWith(c.root, c.version, config);
          assert.equal(d.path, plain.path, config);
          assert.equal(d.text, plain.text, config);
          assert.deepEqual(d.errors, [], config);
        }
      });

      it('a config that writes out what the site says ("Create Site Configuration") changes nothing', async () => {
        const d = await draftWith(c.root, c.version, starterConfig(findSiteInFolder(c.root)!.profile));
        assert.equal(d.path, plain.path);
        assert.equal(d.text, plain.text);
      });

      it('"releaseTitle" changes the title only', async () => {
        const d = await draftWith(c.root, c.version, '{ "releaseTitle": "Release {version} is out" }');
        assert.equal(d.title, `Release ${c.version} is out`);
        assert.equal(d.data.title, d.title);
        assert.equal(d.path, plain.path);
        assert.deepEqual(without(d.data, ['title']), without(plain.data, ['title']));
        assert.deepEqual(d.keys, plain.keys);
        assert.equal(d.body.split(d.title).join(plain.title), plain.body);
        assert.deepEqual(d.errors, []);
      });

      it('"authorField" moves the author to that key only', async () => {
        const d = await draftWith(c.root, c.version, '{ "authorField": "by" }');
        assert.equal(d.data.by, 'Ada Quinn');
        assert.ok(!AUTHOR_KEYS.some((k) => k !== 'by' && k in d.data), `no other author key: ${d.keys.join(', ')}`);
        assert.deepEqual(without(d.data, AUTHOR_KEYS), without(plain.data, AUTHOR_KEYS));
        assert.equal(d.body, plain.body);
        assert.equal(d.path, plain.path);
        assert.deepEqual(d.errors, []);
      });

      it('"frontMatterFormat" writes the same data in another format', async () => {
        const formats = plain.format === 'toml' ? ['yaml', 'json'] : ['toml', 'json'];
        for (const format of formats) {
          const d = await draftWith(c.root, c.version, `{ "frontMatterFormat": "${format}" }`);
          assert.equal(d.format, format);
          if (format === 'toml') {
            assert.deepEqual(d.data, withoutNulls(plain.data), format);
            // What TOML cannot hold is said, not dropped silently.
            const dropped = JSON.stringify(plain.data) !== JSON.stringify(withoutNulls(plain.data));
            assert.equal(d.notes.some((n) => n.startsWith('TOML has no empty value')), dropped, d.notes.join('\n'));
            assert.deepEqual(d.keys, tableOrder(plain.keys, plain.data), format);
          } else {
            assert.deepEqual(d.data, plain.data, format);
            assert.deepEqual(d.keys, plain.keys, format);
          }
          assert.equal(d.body, plain.body, format);
          assert.equal(d.path, plain.path, format);
          assert.deepEqual(d.errors, [], format);
        }
      });

      it('"fileNamePattern" names the file and changes nothing in it', async () => {
        const d = await draftWith(c.root, c.version, '{ "fileNamePattern": "{year}-{month}-{day}-release-{version}" }');
        assert.equal(path.dirname(d.path), path.dirname(plain.path));
        assert.equal(path.basename(d.path).replace(/\.[^.]*$/, ''), `${DATE}-release-${c.version}`);
        assert.equal(path.extname(d.path), path.extname(plain.path));
        assert.equal(d.text, plain.text);
        assert.deepEqual(d.errors, []);
      });

      it('"keyOrder" orders the same keys', async () => {
        const order = [...plain.keys].reverse();
        const d = await draftWith(c.root, c.version, JSON.stringify({ keyOrder: order }));
        assert.deepEqual(d.keys, plain.format === 'toml' ? tableOrder(order, plain.data) : order);
        assert.deepEqual(d.data, plain.data);
        assert.equal(d.body, plain.body);
        assert.deepEqual(d.errors, []);
      });
    });
  }
});
