// Runs in a worker thread: every consumer of a parse over one hazardous input. Posts back what it saw.
import { parentPort, workerData } from 'node:worker_threads';
import { draftFromModelPost } from '../../../src/core/draft/fromModelPost';
import { chooseModelPost, releasePosts } from '../../../src/core/draft/releaseModel';
import { checkInput } from '../../../scripts/fuzz/check';
import { hazardousInputs } from './inputs';

const { name } = workerData as { name: string };
const text = hazardousInputs()[name];
const fileName = '2017-03-08-mesos-1-2-0-released.md';
// Lint, render, completions and hovers at 40 places, site links and fix-all, with every range they give checked.
const checked = checkInput(text, fileName);
const { problems, page } = checked;
// The newest release post is untrusted input too: drafting after it must not throw or hang.
const model = chooseModelPost(releasePosts([{ fileName, text }]), '1.3.0') ?? { fileName, text, version: '1.2.0' };
draftFromModelPost(model, { version: '1.3.0', previousVersion: '1.2.0', date: '2024-01-01', author: { name: 'Ada' }, contributors: ['Ada'] });
parentPort!.postMessage({
  problems: problems.length,
  rules: [...new Set(problems.map((p) => p.rule))],
  outside: checked.invalidRanges,
  invalidJson: checked.invalidJson,
  scripts: (page.match(/<script\b/gi) ?? []).length,
  handlers: /<[^>]+\son[a-z]+\s*=/i.test(page.replace(/<script nonce[^>]*><\/script>/, '')),
  javascriptUrls: /(href|src)\s*=\s*["']?\s*javascript:/i.test(page),
  ran: (globalThis as { __ran?: number }).__ran === 1,
});
