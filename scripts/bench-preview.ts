/**
 * Times the preview's work in the extension host on a keystroke: parsing the post and rendering the page's content
 * (the site's layout and CSS already built and cached, as they are after the page has loaded), for a 40 KiB post
 * made from each corpus site's own posts. Prints the median and the slowest of 20 runs per site. Before that, the
 * site's CSS is built the way the preview builds it, in a worker thread, while a 5 ms timer on this thread records
 * its longest wait: how long the extension host would have been stalled.
 * Run: npx tsx scripts/bench-preview.ts
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parsePost } from '../src/core/post/parse';
import { renderPostContent, type PageInput } from '../src/core/preview/page';
import { previewSiteFor } from '../src/core/preview/site/previewSite';
import { siteLook } from '../src/core/preview/site/siteLook';
import { siteStylesheetsAsync } from '../src/core/preview/site/stylesheets';
import { defaultProfile } from '../src/core/site/profile';
import { findSiteForFile } from '../src/core/site/workspace';

const CORPUS = path.resolve(__dirname, '../../shared/corpus');
const RUNS = 20;
const KIB = 40;

const SITES: [string, string][] = [
  ['jekyll (its layouts, Liquid)', 'sites/jekyll/docs/_posts/2025-01-29-jekyll-4-4-1-released.markdown'],
  ['hugo (flink, plain page)', 'sites/flink/docs/content/posts/2024-08-02-release-1.20.0.md'],
  ['zola (rust, plain page)', 'sites/rust/content/1.94.1-release.md'],
  ['middleman (mesos, built-in page)', 'mesos/site/source/blog/2016-07-27-mesos-1-0-0-released.md'],
];

/** The post's front matter, then the bodies of its folder's posts until 40 KiB. */
function buildPost(file: string): string {
  const text = fs.readFileSync(file, 'utf8');
  const frontMatter = /^(---\r?\n[\s\S]*?\r?\n---\r?\n|\+\+\+\r?\n[\s\S]*?\r?\n\+\+\+\r?\n)/.exec(text)?.[1] ?? '';
  const dir = path.dirname(file);
  const bodies = fs
    .readdirSync(dir)
    .filter((f) => /\.(md|markdown)$/.test(f))
    .sort()
    .map((f) => fs.readFileSync(path.join(dir, f), 'utf8').replace(/^(---|\+\+\+)\r?\n[\s\S]*?\r?\n\1\r?\n/, ''));
  let out = frontMatter;
  for (let i = 0; out.length < KIB * 1024; i++) out += '\n' + bodies[i % bodies.length];
  return out.slice(0, KIB * 1024);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Builds the site's CSS in the worker; returns its time and the longest gap between this thread's 5 ms ticks. */
async function workerBuild(site: Parameters<typeof siteStylesheetsAsync>[0]): Promise<{ ms: number; stall: number; sheets: number }> {
  let last = performance.now();
  let stall = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    stall = Math.max(stall, now - last);
    last = now;
  }, 5);
  const start = performance.now();
  const styles = await siteStylesheetsAsync(site);
  const ms = performance.now() - start;
  clearInterval(timer);
  return { ms, stall, sheets: styles.sheets.length };
}

async function main(): Promise<void> {
  for (const [label, rel] of SITES) {
    const file = path.join(CORPUS, rel);
    if (!fs.existsSync(file)) {
      console.log(`${label}: skipped (the corpus is not beside the project)`);
      continue;
    }
    const site = findSiteForFile(file);
    const previewSite = previewSiteFor(file, site);
    if (!previewSite) continue;
    const built = await workerBuild(previewSite);
    const coldStart = performance.now();
    const look = siteLook(previewSite);
    const cold = performance.now() - coldStart;
    const text = buildPost(file);
    const input = (edit: number, post = parsePost(text + `\nedit ${edit}\n`)): PageInput => ({
      post,
      fileName: path.basename(file),
      filePath: file,
      profile: site?.profile ?? defaultProfile(),
      mode: { kind: 'standalone', inlineCss: '' },
      resolveUrl: (href) => href,
      look,
    });
    for (let i = 0; i < 3; i++) renderPostContent(input(i));
    const times: number[] = [];
    const parses: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const start = performance.now();
      const post = parsePost(text + `\nedit ${i}\n`);
      const parsed = performance.now();
      renderPostContent(input(i, post));
      times.push(performance.now() - parsed);
      parses.push(parsed - start);
    }
    console.log(
      `${label}: ${KIB} KiB post, keystroke update: page content ${median(times).toFixed(1)} ms (slowest` +
        ` ${Math.max(...times).toFixed(1)}) + the parse the checks share, ${median(parses).toFixed(1)} ms (slowest` +
        ` ${Math.max(...parses).toFixed(1)}); layout and CSS cached; medians over ${RUNS} runs.\n` +
        `  site's CSS built in a worker: ${built.ms.toFixed(0)} ms (${built.sheets} stylesheets), longest stall of this` +
        ` thread meanwhile ${built.stall.toFixed(0)} ms; the rest of the site's look (layouts, data) on this thread` +
        ` ${cold.toFixed(0)} ms`,
    );
  }
}

void main();
