import { ruleDocsAnchor } from '../core/rules/index';
import type { ReportedProblem } from '../cli/lint';
import { RULES_DOCS_URL } from '../cli/formats/sarif';

export interface Counts {
  errors: number;
  warnings: number;
  infos: number;
}

export function countSeverities(problems: ReportedProblem[]): Counts {
  const count = (s: ReportedProblem['severity']) => problems.filter((p) => p.severity === s).length;
  return { errors: count('error'), warnings: count('warning'), infos: count('info') };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** One line for the log and the failure message: "3 posts checked: 1 error, 2 warnings, 0 info". */
export function summaryLine(posts: number, c: Counts): string {
  return `${plural(posts, 'post')} checked: ${plural(c.errors, 'error')}, ${plural(c.warnings, 'warning')}, ${c.infos} info`;
}

/** The job summary (GitHub-flavoured Markdown): the totals, then a table of problems by rule, most first. */
export function jobSummary(posts: number, problems: ReportedProblem[]): string {
  const lines = ['## Release Post', '', `**${summaryLine(posts, countSeverities(problems))}**`, ''];
  if (!problems.length) return [...lines, 'No problems found.', ''].join('\n');
  const byRule = new Map<string, Counts>();
  for (const p of problems) {
    const row = byRule.get(p.rule) ?? { errors: 0, warnings: 0, infos: 0 };
    if (p.severity === 'error') row.errors++;
    else if (p.severity === 'warning') row.warnings++;
    else row.infos++;
    byRule.set(p.rule, row);
  }
  const total = (c: Counts) => c.errors + c.warnings + c.infos;
  const rows = [...byRule].sort(([a, x], [b, y]) => total(y) - total(x) || a.localeCompare(b));
  lines.push('| Rule | Errors | Warnings | Info |', '| --- | ---: | ---: | ---: |');
  for (const [rule, c] of rows) {
    // Rule names are our own identifiers ([a-z-]); the link goes to the rule's documentation.
    lines.push(`| [${rule}](${RULES_DOCS_URL}#${ruleDocsAnchor(rule)}) | ${c.errors} | ${c.warnings} | ${c.infos} |`);
  }
  return [...lines, ''].join('\n');
}
