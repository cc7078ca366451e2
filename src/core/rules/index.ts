import { checkContributorCount } from './contributors';
import { checkFieldMissing, checkFieldType } from './fields';
import { checkFileNameFormat, checkPermalinkMismatch } from './fileName';
import { checkFrontMatterMissing, checkFrontMatterSyntax } from './frontMatter';
import { checkEmptyHeading, checkEmptySection } from './headings';
import { checkDanglingLeadIn } from './leadIn';
import { checkEmptyLink, checkGluedLink } from './links';
import { checkPlaceholder } from './placeholder';
import type { RuleCheck, RuleMeta } from './types';
import { checkVersionMismatch } from './version';

export type { Fix, Problem, RuleMeta, Severity, TextEdit } from './types';

export { DUPLICATE_POST } from './duplicates';
import { DUPLICATE_POST } from './duplicates';
export { THANKS_VS_GIT } from './thanksGit';
import { THANKS_VS_GIT } from './thanksGit';

/** Rule of links to the site's own pages and files; checked when the caller can tell which exist. */
export const BROKEN_SITE_LINK = 'broken-site-link';

/** Every rule: its ID (shown in the Problems panel and the CLI), default severity and what it reports. */
export const RULES: RuleMeta[] = [
  { name: 'front-matter-missing', defaultSeverity: 'error', description: 'The post has no front matter starting on its first line.' },
  {
    name: 'front-matter-syntax',
    defaultSeverity: 'error',
    description: 'The front matter does not close, is not YAML (never evaluated), has a YAML error, tabs, an unresolved tag or a non-printable character, or is not a mapping.',
  },
  { name: 'field-missing', defaultSeverity: 'error', description: 'A required front-matter field is absent or empty.' },
  { name: 'field-type', defaultSeverity: 'error', description: 'A front-matter field has the wrong type or form.' },
  {
    name: 'filename-format',
    defaultSeverity: 'error',
    description: 'The file name is not YYYY-MM-DD-<slug>.md with a real date and a lower-case, dash-separated slug.',
  },
  { name: 'permalink-mismatch', defaultSeverity: 'warning', description: 'The permalink differs from the URL the file name gives.' },
  {
    name: 'version-mismatch',
    defaultSeverity: 'error',
    description: "A version in the file name, permalink, CHANGELOG/tag links or upgrade/thanks phrases is not the post's version.",
  },
  { name: 'empty-heading', defaultSeverity: 'error', description: 'A heading has no text.' },
  { name: 'empty-section', defaultSeverity: 'warning', description: 'A heading is followed directly by a heading of the same or a higher level.' },
  { name: 'empty-link', defaultSeverity: 'error', description: 'A link has no target or no text.' },
  { name: 'placeholder', defaultSeverity: 'warning', description: 'Template leftovers: empty emphasis, TODO/TBD/FIXME/XXX, unfilled variables.' },
  { name: 'glued-link', defaultSeverity: 'warning', description: 'A word is written against a link, with no space.' },
  { name: 'dangling-lead-in', defaultSeverity: 'warning', description: 'A paragraph ends in ":" and nothing follows it in its section.' },
  {
    name: 'contributor-count',
    defaultSeverity: 'warning',
    description: '"Thanks to the N contributors" disagrees with the names listed, or a name repeats.',
  },
  { name: BROKEN_SITE_LINK, defaultSeverity: 'warning', description: "A link to the site's own pages or files leads nowhere." },
  { name: DUPLICATE_POST, defaultSeverity: 'warning', description: 'Another post claims the same URL or announces the same release.' },
  {
    name: THANKS_VS_GIT,
    defaultSeverity: 'info',
    description: 'The Thanks list disagrees with the people of the release in git: someone missing, a name with no commit, one person twice.',
  },
];

/** The checks behind the rules that read only the post (broken-site-link also needs to know the site's files). */
export const RULE_CHECKS: { name: string; check: RuleCheck }[] = [
  { name: 'front-matter-missing', check: checkFrontMatterMissing },
  { name: 'front-matter-syntax', check: checkFrontMatterSyntax },
  { name: 'field-missing', check: checkFieldMissing },
  { name: 'field-type', check: checkFieldType },
  { name: 'filename-format', check: checkFileNameFormat },
  { name: 'permalink-mismatch', check: checkPermalinkMismatch },
  { name: 'version-mismatch', check: checkVersionMismatch },
  { name: 'empty-heading', check: checkEmptyHeading },
  { name: 'empty-section', check: checkEmptySection },
  { name: 'empty-link', check: checkEmptyLink },
  { name: 'placeholder', check: checkPlaceholder },
  { name: 'glued-link', check: checkGluedLink },
  { name: 'dangling-lead-in', check: checkDanglingLeadIn },
  { name: 'contributor-count', check: checkContributorCount },
];

export const RULE_NAMES: ReadonlySet<string> = new Set(RULES.map((r) => r.name));

/** The anchor of a rule's section in docs/rules.md (`## rule-name`). */
export function ruleDocsAnchor(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9-]+/g, '-');
}
