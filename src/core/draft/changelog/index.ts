/**
 * CHANGELOG readers, one module a format, all giving the same `ChangelogRelease` entries: JIRA release notes
 * (`jira.ts`) and Markdown changelogs with a heading per version (`markdown.ts`).
 */
import { parseChangelog, type ChangelogRelease } from './jira';
import { parseMarkdownChangelog } from './markdown';

export * from './jira';
export { headingVersion, parseMarkdownChangelog } from './markdown';

/** File names a project's CHANGELOG goes by, most usual first. */
export const CHANGELOG_NAMES = ['CHANGELOG', 'CHANGELOG.md', 'CHANGES.md', 'CHANGES', 'HISTORY.md', 'History.md', 'History.markdown', 'RELEASE_NOTES.md', 'NEWS.md'];

/** The entries of a CHANGELOG in whichever format it is written: JIRA release notes, else Markdown headings. */
export function parseAnyChangelog(text: string): ChangelogRelease[] {
  const jira = parseChangelog(text);
  return jira.length ? jira : parseMarkdownChangelog(text);
}
