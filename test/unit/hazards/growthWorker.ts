// Runs in a worker thread: lints and renders one adversarial post at two sizes, posting back the times.
import { lintPost } from '../../../src/core/rules/lint';
import { renderPostPage } from '../../../src/core/preview/page';
import { parsePost } from '../../../src/core/post/parse';
import { defaultProfile } from '../../../src/core/site/profile';
import { growthInputs } from './growthInputs';

import * as fs from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';

const { name, small, large, file } = workerData as { name: string; small: number; large: number; file?: string };
const fileName = '2026-07-07-widget-2-7-0-released.md';
const profile = defaultProfile();

function once(bytes: number, given?: string): number {
  const text = given ?? growthInputs[name](bytes);
  const started = process.hrtime.bigint();
  const post = parsePost(text);
  const problems = lintPost(post, fileName, profile, { siteLinkExists: () => false });
  renderPostPage({
    post,
    fileName,
    profile,
    mode: { kind: 'standalone', inlineCss: '' },
    resolveUrl: (href) => href,
    problems: problems.map((p) => ({ line: p.range.start.line, severity: p.severity, message: p.message })),
  });
  return Number(process.hrtime.bigint() - started) / 1e6;
}

if (file) {
  parentPort?.postMessage({ smallMs: 0, largeMs: once(0, fs.readFileSync(file, 'utf8')) });
  process.exit(0);
}
once(small); // warm up the compiler
const smallMs = Math.min(once(small), once(small), once(small));
const largeMs = once(large);
parentPort?.postMessage({ smallMs, largeMs });
