import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { clearSiteModels, loadSite, loadSiteAsync } from '../../../src/core/site/model';
import { findSiteForFile, findSiteForFileAsync, quickSiteForFile } from '../../../src/core/site/workspace';
import { SITES } from '../corpus';

/** The longest time the event loop went without running a timer while `work` ran. */
async function longestStall(work: () => Promise<unknown>): Promise<number> {
  let longest = 0;
  let last = performance.now();
  let running = true;
  const tick = () => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    if (running) setImmediate(tick);
  };
  setImmediate(tick);
  await work();
  running = false;
  await new Promise((resolve) => setImmediate(resolve));
  return longest;
}

describe('site model: learned without holding the event loop', function () {
  const jekyll = path.join(SITES, 'jekyll', 'docs');
  before(function () {
    if (!fs.existsSync(jekyll)) {
      console.log(`    (skipped: the corpus site ${jekyll} is absent)`);
      this.skip();
    }
  });
  afterEach(() => clearSiteModels());

  it('learns the same model as the synchronous load, handing the event loop back between posts', async function () {
    clearSiteModels();
    let model: Awaited<ReturnType<typeof loadSiteAsync>>;
    const started = performance.now();
    const stall = await longestStall(async () => (model = await loadSiteAsync(jekyll)));
    const total = performance.now() - started;
    // Reading and parsing the posts' front matter is most of the work; the conventions are learned in one step.
    assert.ok(stall < total / 2, `longest stall ${stall.toFixed(0)} ms of ${total.toFixed(0)} ms`);
    clearSiteModels();
    const sync = loadSite(jekyll)!;
    assert.ok(model!);
    assert.deepEqual(model!.postFiles, sync.postFiles);
    assert.deepEqual(model!.conventions.requiredFields, sync.conventions.requiredFields);
    assert.equal(model!.permalink?.value, sync.permalink?.value);
  });

  it('a post gets a quick site before learning and the learned one after, as findSiteForFile finds it', async function () {
    clearSiteModels();
    const post = path.join(jekyll, '_posts', fs.readdirSync(path.join(jekyll, '_posts')).sort().pop()!);
    const quick = quickSiteForFile(post);
    assert.ok(quick, 'a post in _posts has a site before its posts are read');
    assert.equal(quick.model, undefined, 'nothing was learned yet');
    const learned = await findSiteForFileAsync(post);
    const expected = findSiteForFile(post)!;
    assert.equal(learned?.root, expected.root);
    assert.deepEqual(learned?.profile, expected.profile);
    assert.ok(learned?.model, 'the learned site has its model');
    // Once learned, the quick answer is the learned one.
    assert.deepEqual(quickSiteForFile(post)?.profile, expected.profile);
  });
});
