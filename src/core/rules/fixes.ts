import { LineIndex, type TextPosition } from '../text/text';
import type { Fix, Problem, TextEdit } from './types';

type EditFix = Extract<Fix, { edits: TextEdit[] }>;

/** The fix "fix all" takes for a problem: its first text fix not marked `byHand`. */
export function autoFix(problem: Problem): EditFix | undefined {
  return problem.fixes?.find((f): f is EditFix => 'edits' in f && !f.byHand);
}

/** A problem whose first automatic text fix "fix all" takes, with that fix's edits. */
export interface ChosenFix {
  problem: Problem;
  /** Index of the problem in the list given. */
  order: number;
  edits: TextEdit[];
}

function compare(a: TextPosition, b: TextPosition): number {
  return a.line - b.line || a.character - b.character;
}

/**
 * Marks on slots 0..size-1, asked "is any slot of [from, to] marked?": a segment tree, O(log size) per call, so
 * choosing among n fixes costs O(n log n) however they overlap.
 */
class SlotMarks {
  private readonly full: Uint8Array;
  private readonly any: Uint8Array;

  constructor(private readonly size: number) {
    this.full = new Uint8Array(4 * Math.max(1, size));
    this.any = new Uint8Array(4 * Math.max(1, size));
  }

  mark(from: number, to: number, node = 1, lo = 0, hi = this.size - 1): void {
    if (to < lo || hi < from || this.full[node]) return;
    if (from <= lo && hi <= to) {
      this.full[node] = 1;
      this.any[node] = 1;
      return;
    }
    const mid = (lo + hi) >> 1;
    this.mark(from, to, 2 * node, lo, mid);
    this.mark(from, to, 2 * node + 1, mid + 1, hi);
    this.any[node] = 1;
  }

  anyMarked(from: number, to: number, node = 1, lo = 0, hi = this.size - 1): boolean {
    if (to < lo || hi < from || !this.any[node]) return false;
    if (this.full[node] || (from <= lo && hi <= to)) return true;
    const mid = (lo + hi) >> 1;
    return this.anyMarked(from, to, 2 * node, lo, mid) || this.anyMarked(from, to, 2 * node + 1, mid + 1, hi);
  }
}

/**
 * The first text-edit fix of each problem not marked `byHand`, in the order given, skipping any that overlaps an edit already taken.
 * Two insertions at one point do not clash (they go in in order); an insertion clashes with a replacement that
 * touches its point; two replacements clash when they share more than an end point. Renames are left out: they
 * change the file, not its text.
 *
 * Each position becomes two slots, the point itself (2k) and the gap after it (2k+1), so "overlaps" becomes "shares
 * a slot": a replacement's inside is its slots strictly between its ends, its closed span includes them.
 */
export function chooseFixes(problems: readonly Problem[]): ChosenFix[] {
  const candidates: ChosenFix[] = [];
  problems.forEach((problem, order) => {
    const fix = autoFix(problem);
    if (fix && fix.edits.every((e) => compare(e.range.start, e.range.end) <= 0)) candidates.push({ problem, order, edits: fix.edits });
  });
  const positions = candidates.flatMap((c) => c.edits.flatMap((e) => [e.range.start, e.range.end])).sort(compare);
  const distinct = positions.filter((p, i) => i === 0 || compare(positions[i - 1], p) !== 0);
  const slotOf = (p: TextPosition): number => {
    let lo = 0;
    let hi = distinct.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compare(distinct[mid], p) < 0) lo = mid + 1;
      else hi = mid;
    }
    return 2 * lo;
  };
  const size = 2 * distinct.length;
  const insides = new SlotMarks(size); // inside of taken replacements
  const spans = new SlotMarks(size); // closed span of taken replacements
  const points = new SlotMarks(size); // points of taken insertions
  const chosen: ChosenFix[] = [];
  for (const candidate of candidates) {
    const slots = candidate.edits.map((e) => ({ from: slotOf(e.range.start), to: slotOf(e.range.end) }));
    const clashes = slots.some(({ from, to }) =>
      from === to ? spans.anyMarked(from, from) : insides.anyMarked(from + 1, to - 1) || points.anyMarked(from, to),
    );
    if (clashes) continue;
    for (const { from, to } of slots) {
      if (from === to) {
        points.mark(from, from);
      } else {
        insides.mark(from + 1, to - 1);
        spans.mark(from, to);
      }
    }
    chosen.push(candidate);
  }
  return chosen;
}

/** The text after "fix all", and the problems whose fix went into it (in the order given). */
export interface FixAllResult {
  text: string;
  applied: Problem[];
}

/** Applies the fixes `chooseFixes` takes and returns the new text. */
export function fixAll(text: string, problems: Problem[]): string {
  return applyFixAll(text, problems).text;
}

/** `fixAll`, also telling which problems were fixed: the CLI prints them. Linear in the text, n log n in the fixes. */
export function applyFixAll(text: string, problems: Problem[]): FixAllResult {
  const lines = new LineIndex(text);
  const chosen = chooseFixes(problems);
  const edits = chosen.flatMap((c) =>
    c.edits.map((e) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), newText: e.newText, order: c.order })),
  );
  // In text order; at one place the earlier problem's insertion goes in first.
  edits.sort((a, b) => a.start - b.start || a.order - b.order);
  const pieces: string[] = [];
  let at = 0;
  for (const e of edits) {
    pieces.push(text.slice(at, Math.max(at, e.start)), e.newText);
    at = Math.max(at, e.end);
  }
  pieces.push(text.slice(at));
  return { text: pieces.join(''), applied: chosen.map((c) => c.problem) };
}
