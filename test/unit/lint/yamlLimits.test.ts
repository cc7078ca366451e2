import * as assert from 'node:assert/strict';
import { parseDocument } from 'yaml';
import { duplicateKeys, MAX_NESTING, nestingDepth } from '../../../src/core/post/yamlLimits';
import { parsePost } from '../../../src/core/post/parse';
import { GOOD_POST } from './helpers';

describe('front matter limits', () => {
  it('measures nesting of flow collections and blocks, not brackets in text', () => {
    assert.equal(nestingDepth('title: a\npublished: true\n'), 1);
    assert.equal(nestingDepth('post_author:\n  display_name: A\n  twitter: x\n'), 2);
    assert.equal(nestingDepth('x: [[1, 2], {a: [3]}]\n'), 4);
    assert.equal(nestingDepth('- - - x\n'), 4);
    assert.equal(nestingDepth('title: "[[[[[[" # [[[[\nother: it\'s [fine\n'), 1);
    assert.equal(nestingDepth('x: ' + '['.repeat(5000)), 5001);
  });

  it('refuses deep nesting before parsing, with a clear message', () => {
    const deep = parsePost(`---\nx: ${'['.repeat(MAX_NESTING + 1)}\n---\nBody\n`);
    assert.equal(deep.frontMatter?.data, undefined);
    assert.match(deep.frontMatter!.errors[0].message, /nests more than 100 levels deep/);
    const fine = parsePost(`---\nx: ${'['.repeat(20)}${']'.repeat(20)}\n---\nBody\n`);
    assert.deepEqual(fine.frontMatter?.errors, []);
  });

  it('refuses front matter over 128 KiB and reads one just under it', () => {
    const keys = (n: number) => Array.from({ length: n }, (_, i) => `key${i}: value`).join('\n');
    const big = parsePost(`---\n${keys(12000)}\n---\nBody\n`);
    assert.match(big.frontMatter!.errors[0].message, /larger than 128 KiB/);
    assert.equal(big.frontMatter!.errors[0].range.start.line, 1);
    const under = parsePost(`---\n${keys(5000)}\n---\nBody\n`);
    assert.deepEqual(under.frontMatter?.errors, []);
    assert.equal((under.frontMatter?.data as Record<string, string>).key4999, 'value');
  });

  it('finds each repeated key of a mapping, nested ones too, at the repetition', () => {
    const doc = parseDocument('a: 1\nb:\n  c: 1\n  c: 2\na: 3\n', { uniqueKeys: false });
    assert.deepEqual(
      duplicateKeys(doc).map((d) => [d.key, d.range[0]]),
      [['c', 17], ['a', 22]],
    );
  });

  it('still reports a repeated key in a post and keeps the rest of the post working', () => {
    const post = parsePost(GOOD_POST.replace('published: true\n', 'published: true\npublished: false\n'));
    const [error] = post.frontMatter!.errors;
    assert.match(error.message, /unique: "published"/);
    assert.equal(post.frontMatter!.data, undefined);
    assert.ok(post.tokens.length > 0);
  });
});
