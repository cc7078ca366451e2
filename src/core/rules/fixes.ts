import { LineIndex } from '../text/text';
import type { Problem, TextEdit } from './types';

interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
  /** Order of the problem: insertions at one place keep the problems' order. */
  order: number;
}

function overlap(a: OffsetEdit, b: OffsetEdit): boolean {
  const aEmpty = a.start === a.end;
  const bEmpty = b.start === b.end;
  if (aEmpty && bEmpty) return false;
  if (aEmpty) return b.start <= a.start && a.start <= b.end;
  if (bEmpty) return a.start <= b.start && b.start <= a.end;
  return a.start < b.end && b.start < a.end;
}

/** The text after "fix all", and the problems whose fix went into it (in the order given). */
export interface FixAllResult {
  text: string;
  applied: Problem[];
}

/**
 * Applies the first text-edit fix of each problem, skipping any that overlaps one already taken (problems in the
 * order given). Renames are left to the caller: they change the file, not its text.
 */
export function fixAll(text: string, problems: Problem[]): string {
  return applyFixAll(text, problems).text;
}

/** `fixAll`, also telling which problems were fixed: the CLI prints them. */
export function applyFixAll(text: string, problems: Problem[]): FixAllResult {
  const lines = new LineIndex(text);
  const chosen: OffsetEdit[] = [];
  const applied: Problem[] = [];
  problems.forEach((problem, order) => {
    const fix = problem.fixes?.find((f): f is { title: string; edits: TextEdit[] } => 'edits' in f);
    if (!fix) return;
    const edits = fix.edits.map((e) => ({
      start: lines.offsetAt(e.range.start),
      end: lines.offsetAt(e.range.end),
      newText: e.newText,
      order,
    }));
    if (edits.some((e) => e.end < e.start || chosen.some((c) => overlap(c, e)))) return;
    chosen.push(...edits);
    applied.push(problem);
  });
  // From the end backwards, so earlier offsets stay valid; at one place the later insertion goes in first.
  chosen.sort((a, b) => b.start - a.start || b.order - a.order);
  let result = text;
  for (const e of chosen) result = result.slice(0, e.start) + e.newText + result.slice(e.end);
  return { text: result, applied };
}
