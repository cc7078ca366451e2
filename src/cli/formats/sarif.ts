import { ruleDocsAnchor, RULES } from '../../core/rules/index';
import { LARGE_FILE_RULE } from '../../core/rules/lint';
import type { RuleMeta, Severity } from '../../core/rules/types';
import type { ReportedProblem } from '../lint';
import { VERSION } from '../version';

/** Where the rules' documentation is published (docs/rules.md of the repository); each rule has its `## rule` anchor. */
export const RULES_DOCS_URL = 'https://github.com/release-post/release-post/blob/main/docs/rules.md';

/** Problems that are not of a post rule: the config file's own, and a file too large to check. */
const OTHER_RULES: RuleMeta[] = [
  { name: 'config', defaultSeverity: 'error', description: 'The site configuration file (.releasepost.json) has a problem.' },
  { name: LARGE_FILE_RULE, defaultSeverity: 'error', description: 'The file is too large to be checked (over 5 MB).' },
];

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

interface SarifRule {
  id: string;
  shortDescription: { text: string };
  helpUri: string;
  help: { text: string };
  defaultConfiguration: { level: string };
}

function sarifRule(rule: RuleMeta): SarifRule {
  const helpUri = `${RULES_DOCS_URL}#${ruleDocsAnchor(rule.name)}`;
  return {
    id: rule.name,
    shortDescription: { text: rule.description },
    helpUri,
    help: { text: `${rule.description} See ${helpUri}` },
    defaultConfiguration: { level: LEVEL[rule.defaultSeverity] },
  };
}

/** A path as a SARIF URI: relative ones against the checked-out sources, each segment percent-encoded. */
function artifactUri(file: string): { uri: string; uriBaseId?: string } {
  const [first, ...rest] = file.split('/');
  const encoded = rest.map(encodeURIComponent).join('/');
  if (first === '') return { uri: `file:///${encoded}` };
  if (/^[A-Za-z]:$/.test(first)) return { uri: `file:///${first}/${encoded}` };
  return { uri: [encodeURIComponent(first), encoded].filter((s) => s !== '').join('/'), uriBaseId: '%SRCROOT%' };
}

/**
 * A SARIF 2.1.0 log of one run: every rule with its help link and default level (so code-scanning tools can show
 * rules with no results too), and one result per problem with its region (1-based, end column exclusive).
 */
export function sarifReport(problems: ReportedProblem[]): string {
  const known = [...RULES, ...OTHER_RULES];
  const rules = known.map(sarifRule);
  const index = new Map(rules.map((r, i) => [r.id, i]));
  for (const p of problems) {
    if (index.has(p.rule)) continue;
    index.set(p.rule, rules.length);
    rules.push(sarifRule({ name: p.rule, defaultSeverity: p.severity, description: `Release Post rule ${p.rule}.` }));
  }
  const results = problems.map((p) => ({
    ruleId: p.rule,
    ruleIndex: index.get(p.rule)!,
    level: LEVEL[p.severity],
    message: { text: p.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: artifactUri(p.file),
          region: { startLine: p.line, startColumn: p.column, endLine: p.endLine, endColumn: p.endColumn },
        },
      },
    ],
  }));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: { name: 'release-post', version: VERSION, informationUri: RULES_DOCS_URL, rules },
        },
        // Columns are those of the editor: UTF-16 code units.
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
