/**
 * Times parsePost + lintPost on large posts built from real ones (the Mesos corpus when present, else the sample
 * site): the median of 20 runs at 100, 400 and 1600 KiB, to show the cost grows linearly with the post's size.
 * Run: npx tsx scripts/bench-lint.ts   (steadier: node --expose-gc --import tsx scripts/bench-lint.ts)
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintPost } from '../src/core/rules/lint';
import { parsePost } from '../src/core/post/parse';
import { defaultProfile } from '../src/core/site/profile';

const CORPUS_POSTS = path.resolve(__dirname, '../../shared/corpus/mesos/site/source/blog');
const SAMPLE_POSTS = path.resolve(__dirname, '../test/fixtures/sample-site/site/source/blog');
const RUNS = 20;

function sourcePosts(): { folder: string; files: string[] } {
  const folder = fs.existsSync(CORPUS_POSTS) ? CORPUS_POSTS : SAMPLE_POSTS;
  return { folder, files: fs.readdirSync(folder).filter((f) => f.endsWith('.md')).sort() };
}

/** One post: the first post's front matter, then the bodies of all posts repeated until `kib` KiB. */
function buildPost(kib: number): string {
  const { folder, files } = sourcePosts();
  const texts = files.map((f) => fs.readFileSync(path.join(folder, f), 'utf8'));
  const [, frontMatter] = /^(---\n[\s\S]*?\n---\n)/.exec(texts[0]) ?? ['', '---\nlayout: post\ntitle: Bench\n---\n'];
  const bodies = texts.map((t) => t.replace(/^---\n[\s\S]*?\n---\n/, ''));
  let text = frontMatter;
  for (let i = 0; text.length < kib * 1024; i++) text += '\n' + bodies[i % bodies.length];
  return text.slice(0, kib * 1024);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

interface Timing {
  parse: number;
  lint: number;
  total: number;
  problems: number;
}

function bench(kib: number): Timing {
  const text = buildPost(kib);
  const profile = defaultProfile();
  const name = '2016-07-27-mesos-1-0-0-released.md';
  for (let i = 0; i < 3; i++) lintPost(parsePost(text), name, profile); // warm-up
  const parse: number[] = [];
  const lint: number[] = [];
  const total: number[] = [];
  let problems = 0;
  for (let i = 0; i < RUNS; i++) {
    // Collect the previous run's garbage first when allowed (node --expose-gc), so runs do not pay for each other.
    (globalThis as { gc?: () => void }).gc?.();
    const start = performance.now();
    const post = parsePost(text);
    const parsed = performance.now();
    problems = lintPost(post, name, profile).length;
    const end = performance.now();
    parse.push(parsed - start);
    lint.push(end - parsed);
    total.push(end - start);
  }
  return { parse: median(parse), lint: median(lint), total: median(total), problems };
}

const source = fs.existsSync(CORPUS_POSTS) ? 'Mesos corpus' : 'sample site';
console.log(`parsePost + lintPost, median of ${RUNS} runs, posts built from the ${source}`);
let previous: number | undefined;
for (const kib of [100, 400, 1600]) {
  const t = bench(kib);
  const growth = previous ? `  x${(t.total / previous).toFixed(2)} for x4 the size` : '';
  const ms = (n: number) => n.toFixed(1).padStart(6);
  console.log(`${String(kib).padStart(5)} KiB: ${ms(t.total)} ms (parse ${ms(t.parse)}, rules ${ms(t.lint)}), ${t.problems} problems${growth}`);
  previous = t.total;
}

/** Front matter with many keys: once quadratic (the YAML parser's duplicate-key check). */
function benchKeys(count: number): number {
  const keys = Array.from({ length: count }, (_, i) => `key${i}: value ${i}`).join('\n');
  const text = `---\nlayout: post\ntitle: Apache Mesos 1.2.0 Released\n${keys}\n---\nBody\n`;
  const profile = defaultProfile();
  const name = '2017-03-08-mesos-1-2-0-released.md';
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) {
    (globalThis as { gc?: () => void }).gc?.();
    const start = performance.now();
    lintPost(parsePost(text), name, profile);
    runs.push(performance.now() - start);
  }
  return median(runs);
}

console.log('front matter with many keys (parsePost + lintPost, median of 5 runs)');
for (const count of [3000, 6000, 12000, 50000]) {
  console.log(`${String(count).padStart(6)} keys: ${benchKeys(count).toFixed(1).padStart(7)} ms`);
}
