import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintPost } from '../../../src/core/rules/lint';
import { parsePost } from '../../../src/core/post/parse';
import { defaultProfile } from '../../../src/core/site/profile';
import { expandSnippet } from './snippetExpander';

const SNIPPETS_FILE = path.resolve(__dirname, '../../../snippets/release-post.code-snippets');

interface Snippet {
  prefix: string | string[];
  body: string | string[];
  description: string;
}

const snippets = JSON.parse(fs.readFileSync(SNIPPETS_FILE, 'utf8')) as Record<string, Snippet>;
const byPrefix = (prefix: string): Snippet => {
  const found = Object.values(snippets).find((s) => ([] as string[]).concat(s.prefix).includes(prefix));
  assert.ok(found, `a snippet with prefix ${prefix}`);
  return found;
};

describe('snippets', () => {
  it('are valid JSON with unique prefixes, string bodies and descriptions', () => {
    const seen = new Set<string>();
    for (const [name, s] of Object.entries(snippets)) {
      for (const prefix of ([] as string[]).concat(s.prefix)) {
        assert.match(prefix, /^[a-z][a-z-]*$/, `${name}: prefix ${prefix}`);
        assert.ok(!seen.has(prefix), `prefix ${prefix} is used twice`);
        seen.add(prefix);
      }
      assert.ok(typeof s.body === 'string' || (Array.isArray(s.body) && s.body.every((l) => typeof l === 'string')), name);
      assert.ok(s.description.length > 20, `${name} says what it inserts`);
    }
    for (const expected of ['release-post', 'front-matter', 'post-author', 'draft', 'upgrades', 'thanks', 'try-it-out', 'features']) {
      assert.ok(seen.has(expected), `prefix ${expected}`);
    }
  });

  it('make the permalink from the title: lower case, "Apache " dropped, dots and spaces become dashes', () => {
    const text = expandSnippet(byPrefix('front-matter').body);
    assert.match(text, /^title: Apache Mesos 1\.11\.0 Released$/m);
    assert.match(text, /^permalink: \/blog\/mesos-1-11-0-released\/$/m);
  });

  it('insert a release-post front matter that parses and lints clean under its file name', () => {
    const text = expandSnippet(byPrefix('front-matter').body);
    const post = parsePost(text);
    assert.deepEqual(post.frontMatter?.errors, []);
    assert.deepEqual(Object.keys(post.frontMatter!.data as object), ['layout', 'title', 'permalink', 'published', 'post_author', 'tags']);
    const problems = lintPost(post, '2025-09-01-mesos-1-11-0-released.md', defaultProfile());
    const inFrontMatter = problems.filter((p) => p.range.start.line <= post.frontMatter!.closingLine!);
    assert.deepEqual(inFrontMatter.map((p) => `${p.rule}: ${p.message}`), []);
  });

  it('carry the version of the title into the whole release post', () => {
    const text = expandSnippet(byPrefix('release-post').body);
    assert.match(text, /The latest Mesos release, 1\.11\.0, is now available/);
    assert.match(text, /hb=1\.11\.0\)/);
    assert.match(text, /Thanks to the 2 contributors who made 1\.11\.0 possible:\n\nFirst Contributor, Second Contributor/);
    for (const heading of ['### Upgrades', '### Try it out', '### Thanks!']) assert.ok(text.includes(`\n${heading}\n`), heading);
    const post = parsePost(text);
    const problems = lintPost(post, '2025-09-01-mesos-1-11-0-released.md', defaultProfile());
    assert.deepEqual(problems.filter((p) => p.severity !== 'info').map((p) => `${p.rule}: ${p.message}`), []);
  });

  it('switch a post to draft and date it today', () => {
    assert.equal(expandSnippet(byPrefix('draft').body), 'published: false');
    assert.match(expandSnippet(byPrefix('date').body, new Date(2025, 8, 1)), /^date: 2025-09-01$/);
  });

  it('insert a post_author block that parses into the site\u2019s keys', () => {
    const post = parsePost(`---\n${expandSnippet(byPrefix('post-author').body)}\n---\n`);
    assert.deepEqual(post.frontMatter?.data, { post_author: { display_name: 'Your Name', twitter: 'yourhandle' } });
  });
});
