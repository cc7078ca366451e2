/**
 * Times learning a site's conventions (the site model: generator, posts, release naming, fields), cold and cached,
 * on the largest site of the corpus, against linting every post of that site; the learning should stay under 10 %
 * of the linting. Run: npx tsx scripts/bench-site.ts
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintPost } from '../src/core/rules/lint';
import { parsePost } from '../src/core/post/parse';
import { clearSiteModels, loadSite } from '../src/core/site/model';
import { siteFromModel } from '../src/core/site/workspace';

const SITES = path.resolve(__dirname, '../../shared/corpus/sites');
const RUNS = 5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

function largestSite(): string | undefined {
  if (!fs.existsSync(SITES)) return undefined;
  let best: { root: string; posts: number } | undefined;
  for (const name of fs.readdirSync(SITES)) {
    for (const root of [path.join(SITES, name), path.join(SITES, name, 'docs')]) {
      const model = loadSite(root);
      if (model && (!best || model.postFiles.length > best.posts)) best = { root, posts: model.postFiles.length };
    }
  }
  return best?.root;
}

const root = largestSite();
if (!root) {
  console.log('bench-site: corpus sites absent (../shared/corpus/sites): skipped');
  process.exit(0);
}
const cold: number[] = [];
const cached: number[] = [];
for (let i = 0; i < RUNS; i++) {
  clearSiteModels();
  cold.push(time(() => loadSite(root)));
  cached.push(time(() => loadSite(root)));
}
const model = loadSite(root)!;
const profile = siteFromModel(model).profile;
const texts = model.postFiles.map((f) => ({ name: path.basename(f), text: fs.readFileSync(f, 'utf8') }));
const linting = median(
  Array.from({ length: 3 }, () => time(() => texts.forEach((t) => lintPost(parsePost(t.text), t.name, profile)))),
);
const pct = (ms: number) => ((100 * ms) / linting).toFixed(1);
console.log(`Site model on ${path.relative(SITES, root)} (${model.generator.label}, ${model.postFiles.length} posts), median of ${RUNS}:`);
console.log(`  learn conventions, cold    ${median(cold).toFixed(0).padStart(6)} ms  (${pct(median(cold))} % of linting)`);
console.log(`  learn conventions, cached  ${median(cached).toFixed(0).padStart(6)} ms  (${pct(median(cached))} % of linting)`);
console.log(`  lint every post            ${linting.toFixed(0).padStart(6)} ms`);
