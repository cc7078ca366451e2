import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { hazardousInputs } from './inputs';

interface Seen {
  problems: number;
  outside: string[];
  scripts: number;
  handlers: boolean;
  javascriptUrls: boolean;
  links: number;
  ran: boolean;
}

const LIMIT_MS = 20000;

/** One input through lint, preview, completions, hovers and links in a worker, ended if it takes too long. */
function exercise(name: string): Promise<Seen> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(path.join(__dirname, 'exercise.ts'), { workerData: { name }, execArgv: ['--require', 'tsx/cjs'] });
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new Error(`"${name}" took more than ${LIMIT_MS / 1000} s`));
    }, LIMIT_MS);
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
  this.timeout(LIMIT_MS + 10000);
  for (const name of Object.keys(hazardousInputs())) {
    it(`survives: ${name}`, async () => {
      const seen = await exercise(name);
      assert.deepEqual(seen.outside, [], 'every problem lies inside the document');
      assert.equal(seen.scripts, 1, 'only our own script tag is on the page');
      assert.equal(seen.handlers, false, 'no on* handler on the page');
      assert.equal(seen.javascriptUrls, false, 'no javascript: URL on the page');
      assert.equal(seen.ran, false, 'front matter code never runs');
    });
  }

  it('reports the problems a person would expect on the hazards that have them', async () => {
    assert.ok((await exercise('---js')).problems > 0, '---js is reported');
    assert.ok((await exercise('100k headings')).problems > 0, 'empty headings are reported');
    assert.ok((await exercise('alias bomb')).problems > 0, 'the alias bomb is reported');
  });
});
