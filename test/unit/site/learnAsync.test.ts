import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { clearSiteModels, loadSite, loadSiteAsync } from '../../../src/core/site/model';
import { findSiteForFile, findSiteForFileAsync, quickSiteForFile } from '../../../src/core/site/workspace';
import { SITES } from '../corpus';

/** How many times the event loop ran other work (a setImmediate callback) while `work` ran. */
async function turnsDuring(work: () => Promise<unknown>): Promise<number> {
  let turns = 0;
  let running = true;
  const tick = () => {
    if (!running) return;
    turns++;
    setImmediate(tick);
  };
  setImmediate(tick);
  await work();
  running = false;
  return turns;
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
    // Slices of 0 ms hand the event loop back at every step: between any two posts read, other work runs. (Slices of
    // time are what the editor uses; counting turns instead of timing them keeps the test the same on a busy machine.)
    const turns = await turnsDuring(async () => (model = await loadSiteAsync(jekyll, 0)));
    clearSiteModels();
    const sync = loadSite(jekyll)!;
    assert.ok(turns >= sync.postFiles.length, `the event loop ran ${turns} times while ${sync.postFiles.length} posts were read`);
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
