import { replaceFileText } from '../core/draft/newPost';
import { lineStartFile, printable } from './printable';
import { applyFixAll, autoFix } from '../core/rules/fixes';
import type { Problem } from '../core/rules/lint';

/** How `lint --fix` checks one post's text: the same rules, site and file name as the report. */
export type LintText = (text: string) => Problem[];

/** How many problems of each rule: a fix that raises any count did not apply cleanly. */
function countByRule(problems: Problem[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const p of problems) counts.set(p.rule, (counts.get(p.rule) ?? 0) + 1);
  return counts;
}

function introducesProblems(before: Problem[], after: Problem[]): string | undefined {
  const old = countByRule(before);
  for (const [rule, n] of countByRule(after)) if (n > (old.get(rule) ?? 0)) return rule;
  return undefined;
}

/**
 * `lint --fix` for one post: applies what the editor's "fix all" applies (renames are left to the user), checks the
 * result again, and writes it in one atomic step. The file is left as it was when the fixed text would bring a new
 * problem (a fix that does not apply cleanly) or when the file changed on disk meanwhile. Returns the problems left.
 */
export function fixPostFile(
  file: string,
  shown: string,
  text: string,
  problems: Problem[],
  lintText: LintText,
  log: (line: string) => void,
): Problem[] {
  const { text: fixed, applied } = applyFixAll(text, problems);
  if (!applied.length || fixed === text) return problems;
  const after = lintText(fixed);
  const worse = introducesProblems(problems, after);
  if (worse) {
    log(`${lineStartFile(shown)}: not fixed: the fixes would bring a new ${worse} problem; the file is unchanged\n`);
    return problems;
  }
  const written = replaceFileText(file, text, fixed);
  if ('error' in written) {
    log(`${lineStartFile(shown)}: not fixed: ${printable(written.error)}\n`);
    return problems;
  }
  for (const p of applied) {
    const title = autoFix(p)?.title ?? 'fixed';
    log(`${lineStartFile(shown)}:${p.range.start.line + 1}:${p.range.start.character + 1}  fixed  ${printable(title)}  ${p.rule}\n`);
  }
  return after;
}
