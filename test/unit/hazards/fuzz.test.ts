import * as assert from 'node:assert/strict';
import { runFuzz } from '../../../scripts/fuzz/run';
import { corpusPosts, fuzzInputs, MUTATION_KINDS, seededRandom, mutate } from '../../../scripts/fuzz/inputs';

describe('fuzzing: a short run of `npm run fuzz`', function () {
  // The long run (30,000 inputs) is by hand; this one takes seconds on an idle machine, more on a busy one.
  this.timeout(300000);
  const posts = corpusPosts();

  before(function () {
    if (!posts.length) {
      console.log('    (skipped: the corpus at ../shared/corpus is absent)');
      this.skip();
    }
  });

  it('makes the same inputs for the same seed, and every kind of mutation', () => {
    const texts = (seed: number) => [...fuzzInputs(posts, seed, 30)].map((i) => i.text);
    assert.deepEqual(texts(5), texts(5));
    assert.notDeepEqual(texts(5), texts(6));
    const rng = seededRandom(1);
    const seen = new Set<string>();
    for (let i = 0; i < 400; i++) for (const kind of mutate(posts[0].text, rng).kinds) seen.add(kind);
    assert.deepEqual([...seen].sort(), [...MUTATION_KINDS].sort());
  });

  it('finds no crash, invalid JSON, invalid range or hang in 60 inputs', async () => {
    // Hang limits are generous here (the machine may be busy); the long run reports steps over 2 s.
    const summary = await runFuzz({ seed: 1, count: 60, slowMs: 15000, killMs: 60000, posts });
    assert.equal(summary.inputs, 60);
    assert.deepEqual(summary.crashes, []);
    assert.deepEqual(summary.invalidJson, []);
    assert.deepEqual(summary.invalidRanges, []);
    assert.deepEqual(summary.hangs, []);
  });
});
