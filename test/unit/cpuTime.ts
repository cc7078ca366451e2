import * as assert from 'node:assert/strict';

/**
 * Milliseconds of CPU time `work` took in this process. Unlike the wall clock, it does not grow when other processes
 * share the machine, so a bound on it fails on a hang or a superlinear step, not on a busy CI runner.
 */
export function cpuMs(work: () => void): number {
  const before = process.cpuUsage();
  work();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

/** Fails when `work` takes more than `limitMs` of CPU time. */
export function assertQuick(what: string, work: () => void, limitMs: number): void {
  const ms = cpuMs(work);
  assert.ok(ms < limitMs, `${what} took ${ms.toFixed(0)} ms of CPU time (limit ${limitMs} ms)`);
}
