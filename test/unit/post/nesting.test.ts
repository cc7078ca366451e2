import assert from 'node:assert/strict';
import { parsePost } from '../../../src/core/post/parse';
import { assertQuick } from '../cpuTime';

describe('deeply nested blocks', () => {
  it('nest no deeper than 32 levels, so a hostile quote cannot multiply the work of the lines after it', () => {
    const post = parsePost('> '.repeat(5000) + 'x\n');
    const deepest = Math.max(...post.tokens.map((t) => t.level));
    assert.ok(deepest <= 32, `tokens nest ${deepest} levels deep`);
  });

  it('parse a line of 20,000 `>` before 36,000 lines of text in bounded time (it took 2.3 s of CPU time)', () => {
    const text = '> '.repeat(20000) + 'x\n' + '[r1]: /blog/r1/ "t"\n[x][r1]\n'.repeat(18000);
    assertQuick('the deep quote', () => parsePost(text), 2000);
  });

  it('keep a list nested ten levels deep whole', () => {
    const text = Array.from({ length: 10 }, (_, i) => '  '.repeat(i) + `- item ${i}`).join('\n') + '\n';
    const items = parsePost(text).tokens.filter((t) => t.type === 'list_item_open');
    assert.equal(items.length, 10);
  });
});
