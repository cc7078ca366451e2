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

/** The rules with more problems after than before, in the order they first appear after. */
function risenRules(before: Problem[], after: Problem[]): string[] {
  const old = countByRule(before);
  return [...countByRule(after)].filter(([rule, n]) => n > (old.get(rule) ?? 0)).map(([rule]) => rule);
}

/**
 * The fixes that make an unreadable front matter readable: the rules that read its fields only run after them, so
 * what they then find was hidden, not brought by the fix.
 */
const OPENS_FRONT_MATTER = new Set(['front-matter-syntax', 'front-matter-missing']);

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
  const risen = risenRules(problems, after);
  const opened = applied.some((p) => OPENS_FRONT_MATTER.has(p.rule));
  // A fix that did not apply cleanly shows as a new problem; after the front matter opens up, only a new problem of
  // the front matter itself does.
  const worse = opened ? risen.find((rule) => OPENS_FRONT_MATTER.has(rule)) : risen[0];
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
  if (risen.length) {
    // Said as the editor's Fix All says it: what the readable front matter now shows is reported below, not hidden.
    const fixable = after.filter((p) => risen.includes(p.rule) && autoFix(p)).length;
    const again = fixable ? `; run lint --fix again to fix ${fixable === 1 ? 'the one' : `the ${fixable}`} with a clear fix` : '';
    log(`${lineStartFile(shown)}: the front matter can now be read, and shows ${risen.join(', ')} problems it hid (listed below)${again}\n`);
  }
  return after;
}
