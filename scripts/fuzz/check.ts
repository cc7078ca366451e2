/**
 * One input through everything the editor and the CLI run on a post: lint, the preview page, completions and
 * hovers at 40 positions, site links and fix-all. Reports how long each took, every range that falls outside
 * the text or ends before it starts, and lint output that is not valid JSON.
 */
import { formatReport, toReported } from '../../src/cli/lint';
import { applyFixAll } from '../../src/core/rules/fixes';
import { lintPost, type Problem } from '../../src/core/rules/lint';
import { renderPostPage } from '../../src/core/preview/page';
import { parsePost, type ParsedPost } from '../../src/core/post/parse';
import { defaultProfile } from '../../src/core/site/profile';
import { emptySiteIndex } from '../../src/core/site/siteIndex';
import { findSiteLinks } from '../../src/core/site/siteLinks';
import { completePost } from '../../src/core/writing/completions';
import { hoverPost } from '../../src/core/writing/hover';
import type { TextPosition, TextRange } from '../../src/core/text/text';

export interface CheckResult {
  /** Milliseconds each step took, by the wall clock. */
  timings: Record<string, number>;
  /**
   * Milliseconds of CPU time each step took in this process: the work itself, which other processes on a busy
   * machine do not inflate (the fuzzer's main thread waits idle while its worker checks an input).
   */
  cpuTimings: Record<string, number>;
  /** Ranges that fall outside the document or end before they start, described. */
  invalidRanges: string[];
  invalidJson: boolean;
  problems: Problem[];
  /** The preview page's HTML. */
  page: string;
}

function validPosition(post: ParsedPost, p: TextPosition): boolean {
  return (
    Number.isInteger(p.line) &&
    Number.isInteger(p.character) &&
    p.line >= 0 &&
    p.line < post.lines.lineCount &&
    p.character >= 0 &&
    p.character <= post.lines.lineText(p.line).length
  );
}

/** Why a range is invalid in this post, or undefined when it is fine. */
export function rangeProblem(post: ParsedPost, r: TextRange): string | undefined {
  if (!validPosition(post, r.start) || !validPosition(post, r.end)) return 'outside the document';
  if (r.start.line > r.end.line || (r.start.line === r.end.line && r.start.character > r.end.character)) return 'start after end';
  return undefined;
}

/** Up to `count` positions spread over the document: line starts, line ends, indentation and middles. */
export function probePositions(post: ParsedPost, count: number): TextPosition[] {
  const lines = post.lines.lineCount;
  const positions: TextPosition[] = [];
  for (let i = 0; i < count; i++) {
    const line = i < 10 ? Math.min(i, lines - 1) : Math.floor(((i - 10) * lines) / Math.max(1, count - 10)) % lines;
    const text = post.lines.lineText(line);
    const indent = /^ */.exec(text)![0].length;
    const choices = [0, text.length, indent, Math.floor(text.length / 2), Math.max(0, indent - 1)];
    positions.push({ line, character: Math.min(text.length, choices[i % choices.length]) });
  }
  return positions;
}

interface Clocks {
  timings: Record<string, number>;
  cpuTimings: Record<string, number>;
}

function timed<T>(clocks: Clocks, name: string, run: () => T): T {
  const start = performance.now();
  const cpu = process.cpuUsage();
  try {
    return run();
  } finally {
    const used = process.cpuUsage(cpu);
    clocks.timings[name] = (clocks.timings[name] ?? 0) + performance.now() - start;
    clocks.cpuTimings[name] = (clocks.cpuTimings[name] ?? 0) + (used.user + used.system) / 1000;
  }
}

export function checkInput(text: string, fileName: string, positions = 40): CheckResult {
  const timings: Record<string, number> = {};
  const cpuTimings: Record<string, number> = {};
  const clocks: Clocks = { timings, cpuTimings };
  const invalidRanges: string[] = [];
  const profile = defaultProfile();
  const index = emptySiteIndex();
  const post = timed(clocks, 'parse', () => parsePost(text));
  const note = (what: string, r: TextRange) => {
    const why = rangeProblem(post, r);
    if (why) invalidRanges.push(`${what} ${JSON.stringify(r)}: ${why}`);
  };
  const problems: Problem[] = timed(clocks, 'lint', () => lintPost(post, fileName, profile, { siteLinkExists: () => false }));
  for (const p of problems) {
    note(`problem ${p.rule}`, p.range);
    for (const f of p.fixes ?? []) if ('edits' in f) for (const e of f.edits) note(`fix of ${p.rule}`, e.range);
  }
  const reported = problems.map((p) => toReported(fileName, p));
  let invalidJson = false;
  try {
    const parsed = JSON.parse(formatReport('json', 1, reported)) as { problems: unknown[] };
    invalidJson = parsed.problems.length !== problems.length;
  } catch {
    invalidJson = true;
  }
  const page = timed(clocks, 'render', () =>
    renderPostPage({
      post,
      fileName,
      profile,
      mode: { kind: 'webview', cspSource: 'https://example.vscode-cdn.net', nonce: 'n0nce', scriptUri: 'https://example/p.js', styleUris: [] },
      resolveUrl: (href) => href,
      problems: problems.map((p) => ({ line: p.range.start.line, severity: p.severity, message: p.message })),
    }),
  );
  for (const position of probePositions(post, positions)) {
    const completion = timed(clocks, 'completions', () => completePost(post, position, fileName, profile, index));
    if (completion) {
      note(`completion at ${JSON.stringify(position)}`, completion.range);
      for (const item of completion.items) for (const e of item.additionalEdits ?? []) note(`completion edit of ${item.label}`, e.range);
    }
    const hover = timed(clocks, 'hovers', () => hoverPost(post, position, fileName, profile, index));
    if (hover) note(`hover at ${JSON.stringify(position)}`, hover.range);
  }
  for (const link of timed(clocks, 'links', () => findSiteLinks(post))) note('link', link.range);
  timed(clocks, 'fix-all', () => applyFixAll(text, problems));
  return { timings, cpuTimings, invalidRanges, invalidJson, problems, page };
}
