import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { hazardousInputs } from './inputs';

interface Seen {
  problems: number;
  outside: string[];
  invalidJson: boolean;
  rules: string[];
  scripts: number;
  handlers: boolean;
  javascriptUrls: boolean;
  ran: boolean;
}

// Generous: the machine may be busy. A hang (a cost that grows faster than the post) takes far longer than this.
// Posts over the editor's 1 MiB limit (checked only by the CLI) get more.
const LIMIT_MS = 60000;
const LARGE_LIMIT_MS = 180000;
const limitFor = (name: string) => (hazardousInputs()[name].length > 1024 * 1024 ? LARGE_LIMIT_MS : LIMIT_MS);

/** One input through lint, preview, completions, hovers and links in a worker, ended if it takes too long. */
function exercise(name: string): Promise<Seen> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(path.join(__dirname, 'exercise.ts'), { workerData: { name }, execArgv: ['--require', 'tsx/cjs'] });
    const limit = limitFor(name);
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new Error(`"${name}" took more than ${limit / 1000} s`));
    }, limit);
    worker.once('message', (m: Seen) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(m);
    });
    worker.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    worker.once('exit', (code) => {
      clearTimeout(timer);
      if (code !== 0 && code !== 1) reject(new Error(`"${name}" ended the worker with exit code ${code}`));
    });
  });
}

describe('hazardous inputs through every feature (in a worker, with a time limit)', function () {
  this.timeout(LARGE_LIMIT_MS + 10000);
  for (const name of Object.keys(hazardousInputs())) {
    it(`survives: ${name}`, async () => {
      const seen = await exercise(name);
      assert.deepEqual(seen.outside, [], 'every range lies inside the document, start before end');
      assert.equal(seen.invalidJson, false, 'the JSON report parses');
      assert.equal(seen.scripts, 1, 'only our own script tag is on the page');
      assert.equal(seen.handlers, false, 'no on* handler on the page');
      assert.equal(seen.javascriptUrls, false, 'no javascript: URL on the page');
      assert.equal(seen.ran, false, 'front matter code never runs');
    });
  }

  const expected: [string, (seen: Seen) => boolean, string][] = [
    ['---js', (seen) => seen.problems > 0, 'the ---js opener is reported'],
    ['100k headings', (seen) => seen.problems > 0, 'empty headings are reported'],
    ['alias bomb', (seen) => seen.problems > 0, 'the alias bomb is reported'],
    ['nested flow 20,000 deep', (seen) => seen.rules.includes('front-matter-syntax'), 'deep nesting is reported'],
    ['50,000 front-matter keys', (seen) => seen.rules.includes('front-matter-syntax'), 'the oversized front matter is reported'],
    ['5,000 duplicate keys', (seen) => seen.rules.includes('front-matter-syntax'), 'duplicate keys are reported'],
    ['20,000 fixable problems', (seen) => seen.rules.includes('glued-link'), 'the glued links are reported'],
  ];
  for (const [name, holds, what] of expected) {
    it(`reports what a person would expect: ${what}`, async () => {
      assert.ok(holds(await exercise(name)), what);
    });
  }
});
