/**
 * Fuzzes every feature with prefixes of the corpus posts (a post being typed) and mutations of them, and reports
 * hangs, crashes, invalid JSON and invalid ranges. Exits 1 when it finds any.
 *   npm run fuzz -- [--seed N] [--count N] [--slow-ms N] [--kill-ms N] [--clock cpu|wall]
 * A step is slow when its CPU time (or with --clock wall, the time that passed) exceeds --slow-ms.
 * A long run: npm run fuzz -- --count 30000
 */
import { runFuzz, type Finding, type FuzzSummary } from './fuzz/run';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} needs a number`);
  return value;
}

function show(title: string, findings: Finding[]): string {
  if (!findings.length) return `${title}: 0`;
  const listed = findings.slice(0, 10).map((f) => `  #${f.id} ${f.file} (${f.how}): ${f.detail.split('\n')[0].slice(0, 300)}`);
  return [`${title}: ${findings.length}`, ...listed].join('\n');
}

function report(s: FuzzSummary, seed: number, clock: 'cpu' | 'wall'): string {
  return [
    `seed ${seed}: ${s.inputs} inputs (${s.prefixes} prefixes, ${s.mutations} mutations) in ${(s.elapsedMs / 1000).toFixed(0)} s`,
    show('hangs', s.hangs),
    show('crashes', s.crashes),
    show('invalid JSON', s.invalidJson),
    show('invalid ranges', s.invalidRanges),
    `slowest step (${clock === 'cpu' ? 'CPU time' : 'wall clock'}): ${s.slowest.step} ${Math.round(s.slowest.ms)} ms, ${s.slowest.input}`,
    `slowest step (wall clock): ${s.slowestWall.step} ${Math.round(s.slowestWall.ms)} ms, ${s.slowestWall.input}`,
  ].join('\n');
}

async function main(): Promise<void> {
  const seed = option('seed', 1);
  const count = option('count', 300);
  const clockAt = process.argv.indexOf('--clock');
  const clock = clockAt >= 0 ? process.argv[clockAt + 1] : 'cpu';
  if (clock !== 'cpu' && clock !== 'wall') throw new Error('--clock is cpu or wall');
  const summary = await runFuzz({
    seed,
    count,
    slowMs: option('slow-ms', 2000),
    killMs: option('kill-ms', 10000),
    clock,
    onProgress: (done, s) => {
      if (done % 500 === 0) {
        process.stderr.write(
          `${done}/${count} (${s.prefixes} prefixes, ${s.mutations} mutations): ${s.hangs.length} hangs, ${s.crashes.length} crashes, ` +
            `${s.invalidJson.length} invalid JSON, ${s.invalidRanges.length} invalid ranges; slowest ${s.slowest.step} ${Math.round(s.slowest.ms)} ms\n`,
        );
      }
    },
  });
  process.stdout.write(report(summary, seed, clock) + '\n');
  const found = summary.hangs.length + summary.crashes.length + summary.invalidJson.length + summary.invalidRanges.length;
  process.exitCode = found ? 1 : 0;
}

main().catch((err: unknown) => {
  process.stderr.write(`fuzz: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 2;
});
