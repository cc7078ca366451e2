import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { corpusPosts, fuzzInputs, type CorpusPost, type FuzzInput } from './inputs';

export interface FuzzOptions {
  seed: number;
  count: number;
  /** An input whose slowest step takes longer than this is reported as slow (a hang). */
  slowMs: number;
  /**
   * Which time `slowMs` bounds: `cpu`, the CPU time the step took (what the work costs, the same on a busy machine),
   * or `wall`, the time that passed (what a user on that machine waits). Both are reported.
   */
  clock?: 'cpu' | 'wall';
  /** An input still running after this is stopped and reported as a hang; the worker is replaced. */
  killMs: number;
  posts?: CorpusPost[];
  onProgress?: (done: number, summary: FuzzSummary) => void;
}

export interface Finding {
  id: number;
  file: string;
  how: string;
  detail: string;
}

export interface FuzzSummary {
  inputs: number;
  prefixes: number;
  mutations: number;
  /** Inputs with a step over slowMs, or stopped at killMs. */
  hangs: Finding[];
  crashes: Finding[];
  invalidJson: Finding[];
  invalidRanges: Finding[];
  /** Slowest step seen by the clock `slowMs` bounds, and where. */
  slowest: { ms: number; step: string; input: string };
  /** Slowest step seen by the wall clock, and where. */
  slowestWall: { ms: number; step: string; input: string };
  elapsedMs: number;
}

interface Answer {
  id: number;
  timings?: Record<string, number>;
  cpuTimings?: Record<string, number>;
  invalidRanges?: string[];
  invalidJson?: boolean;
  crash?: string;
}

/** Runs `count` inputs of a seed through every feature, one at a time in a worker thread. */
export async function runFuzz(options: FuzzOptions): Promise<FuzzSummary> {
  const posts = options.posts ?? corpusPosts();
  if (!posts.length) throw new Error('no corpus posts found (../shared/corpus)');
  const started = Date.now();
  const summary: FuzzSummary = {
    inputs: 0,
    prefixes: 0,
    mutations: 0,
    hangs: [],
    crashes: [],
    invalidJson: [],
    invalidRanges: [],
    slowest: { ms: 0, step: '', input: '' },
    slowestWall: { ms: 0, step: '', input: '' },
    elapsedMs: 0,
  };
  let worker = startWorker();
  try {
    for (const input of fuzzInputs(posts, options.seed, options.count)) {
      summary.inputs++;
      if (input.how.startsWith('mutation')) summary.mutations++;
      else summary.prefixes++;
      const finding = (detail: string): Finding => ({ id: input.id, file: input.file, how: input.how, detail });
      const answer = await ask(worker, input, options.killMs);
      if (answer === 'timeout' || answer === 'exit') {
        (answer === 'timeout' ? summary.hangs : summary.crashes).push(
          finding(answer === 'timeout' ? `stopped after ${options.killMs} ms` : 'the worker died'),
        );
        await worker.terminate();
        worker = startWorker();
        continue;
      }
      if (answer.crash) summary.crashes.push(finding(answer.crash));
      if (answer.invalidJson) summary.invalidJson.push(finding('the JSON report does not parse'));
      if (answer.invalidRanges?.length) summary.invalidRanges.push(finding(answer.invalidRanges.join('; ')));
      const where = `#${input.id} ${input.file} (${input.how})`;
      for (const [step, ms] of Object.entries(answer.timings ?? {})) {
        if (ms > summary.slowestWall.ms) summary.slowestWall = { ms, step, input: where };
      }
      const clock = options.clock ?? 'cpu';
      for (const [step, ms] of Object.entries((clock === 'cpu' ? answer.cpuTimings : answer.timings) ?? {})) {
        if (ms > summary.slowest.ms) summary.slowest = { ms, step, input: where };
        if (ms > options.slowMs) summary.hangs.push(finding(`${step} took ${Math.round(ms)} ms (${clock === 'cpu' ? 'CPU time' : 'wall clock'})`));
      }
      options.onProgress?.(summary.inputs, summary);
    }
  } finally {
    await worker.terminate();
  }
  summary.elapsedMs = Date.now() - started;
  return summary;
}

function startWorker(): Worker {
  return new Worker(path.join(__dirname, 'worker.ts'), { execArgv: ['--require', 'tsx/cjs'], resourceLimits: { maxOldGenerationSizeMb: 2048 } });
}

function ask(worker: Worker, input: FuzzInput, killMs: number): Promise<Answer | 'timeout' | 'exit'> {
  return new Promise((resolve) => {
    const done = (value: Answer | 'timeout' | 'exit') => {
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('exit', onExit);
      worker.off('error', onExit);
      resolve(value);
    };
    const onMessage = (answer: Answer) => {
      if (answer.id === input.id) done(answer);
    };
    const onExit = () => done('exit');
    const timer = setTimeout(() => done('timeout'), killMs);
    worker.on('message', onMessage);
    worker.once('exit', onExit);
    worker.once('error', onExit);
    worker.postMessage({ id: input.id, file: input.file, text: input.text });
  });
}
