// A worker thread of the fuzzer: checks the inputs it is sent, one at a time, and answers each.
import { parentPort } from 'node:worker_threads';
import { checkInput } from './check';

parentPort!.on('message', (input: { id: number; file: string; text: string }) => {
  const fileName = input.file.split('/').pop() ?? 'post.md';
  try {
    const r = checkInput(input.text, fileName);
    parentPort!.postMessage({ id: input.id, timings: r.timings, cpuTimings: r.cpuTimings, invalidRanges: r.invalidRanges.slice(0, 5), invalidJson: r.invalidJson });
  } catch (err) {
    parentPort!.postMessage({ id: input.id, crash: err instanceof Error ? (err.stack ?? err.message).slice(0, 2000) : String(err) });
  }
});
