import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import * as fs from 'node:fs';
import { growthInputs } from './growthInputs';

/** The hostile corpus beside the project (`../shared/corpus/hostile`): inputs that once broke the product. */
const HOSTILE = path.resolve(__dirname, '../../../../shared/corpus/hostile');

const SMALL = 64 * 1024;
const LARGE = 1024 * 1024;
/** Linear work grows 16 times from SMALL to LARGE; quadratic work 256 times. The slack is for a busy machine. */
const ALLOWED_GROWTH = 64;
/** Times below this are mostly noise: the small size counts as at least this long. */
const FLOOR_MS = 25;
const LIMIT_MS = 60000;

function measure(name: string, file?: string): Promise<{ smallMs: number; largeMs: number }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(path.join(__dirname, 'growthWorker.ts'), {
      workerData: { name, small: SMALL, large: LARGE, file },
      execArgv: ['--require', 'tsx/cjs'],
    });
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new Error(`"${name}" took more than ${LIMIT_MS / 1000} s`));
    }, LIMIT_MS);
    worker.once('message', (m: { smallMs: number; largeMs: number }) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(m);
    });
    worker.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
  });
}

describe('lint and render grow linearly with the size of adversarial posts (in a worker)', function () {
  this.timeout(LIMIT_MS + 10000);
  for (const name of Object.keys(growthInputs)) {
    it(`grows linearly: ${name}`, async () => {
      const { smallMs, largeMs } = await measure(name);
      const limit = ALLOWED_GROWTH * Math.max(smallMs, FLOOR_MS);
      assert.ok(
        largeMs <= limit,
        `${LARGE} bytes took ${largeMs.toFixed(0)} ms, ${SMALL} bytes ${smallMs.toFixed(0)} ms: more than ${ALLOWED_GROWTH} times (superlinear)`,
      );
    });
  }

  it('lints and renders the comment-line post of the hostile corpus at once (it took 23 s)', async function () {
    const dir = path.join(HOSTILE, 'comment-line/site/source/blog');
    if (!fs.existsSync(dir)) {
      console.log(`      (skipped: no hostile corpus at ${HOSTILE})`);
      this.skip();
    }
    for (const name of fs.readdirSync(dir)) {
      const { largeMs } = await measure(name, path.join(dir, name));
      assert.ok(largeMs < 5000, `${name} took ${largeMs.toFixed(0)} ms`);
    }
  });
});
