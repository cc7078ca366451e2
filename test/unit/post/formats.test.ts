import * as assert from 'node:assert/strict';
import { findField, parsePost } from '../../../src/core/post/parse';

describe('front matter in TOML and JSON', () => {
  it('TOML +++: data, format, the body after the closing line, and keys at their place', () => {
    const post = parsePost('+++\npath = "2026/08/20/Rust-1.98.0"\ntitle = "Announcing Rust 1.98.0"\n\n[extra]\nrelease = true\n+++\n\nBody\n');
    assert.equal(post.frontMatter?.format, 'toml');
    assert.deepEqual(post.frontMatter?.errors, []);
    assert.deepEqual(post.frontMatter?.data, { path: '2026/08/20/Rust-1.98.0', title: 'Announcing Rust 1.98.0', extra: { release: true } });
    assert.equal(post.bodyStartLine, 7);
    const title = findField(post, 'title')!;
    assert.deepEqual(title.keyRange, { start: { line: 2, character: 0 }, end: { line: 2, character: 5 } });
    assert.equal(title.valueSource, '"Announcing Rust 1.98.0"');
    assert.deepEqual(findField(post, 'extra.release')!.valueRange.start, { line: 5, character: 10 });
  });

  it('TOML dates come back as the strings they were written as', () => {
    const post = parsePost('+++\ndate = 2024-01-02\nupdated = 2024-01-02T10:00:00Z\n+++\n');
    assert.deepEqual(post.frontMatter?.data, { date: '2024-01-02', updated: '2024-01-02T10:00:00.000Z' });
  });

  it('a TOML error keeps its exact line and column', () => {
    const post = parsePost('+++\ntitle = "A"\ndate = \n+++\nx\n');
    const [error] = post.frontMatter!.errors;
    assert.equal(error.kind, 'toml');
    assert.equal(error.range.start.line, 2);
    assert.equal(post.frontMatter!.data, undefined);
  });

  it('an unterminated TOML block says which line closes it', () => {
    const post = parsePost('+++\ntitle = "A"\n');
    assert.equal(post.frontMatter!.errors[0].kind, 'unterminated');
    assert.match(post.frontMatter!.errors[0].message, /\+\+\+/);
  });

  it('JSON { }: data, key places, the body after the closing brace', () => {
    const post = parsePost('{\n  "title": "A",\n  "date": "2020-01-01"\n}\n\nBody\n');
    assert.equal(post.frontMatter?.format, 'json');
    assert.deepEqual(post.frontMatter?.data, { title: 'A', date: '2020-01-01' });
    assert.equal(post.bodyStartLine, 4);
    assert.deepEqual(findField(post, 'date')!.keyRange.start, { line: 2, character: 2 });
  });

  it('a JSON error is reported where it is', () => {
    const post = parsePost('{\n  "title": "A",\n  "date" "x"\n}\n');
    const [error] = post.frontMatter!.errors;
    assert.equal(error.kind, 'json');
    assert.equal(error.range.start.line, 2);
    assert.match(error.message, /colon expected/);
  });

  it('code front matter stays refused and YAML is still YAML', () => {
    assert.equal(parsePost('---js\n{title: 1}\n---\n').frontMatter!.errors[0].kind, 'not-yaml');
    assert.equal(parsePost('---\ntitle: A\n---\n').frontMatter!.format, 'yaml');
  });
});
