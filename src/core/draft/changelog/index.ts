/**
 * CHANGELOG readers, one module a format, all giving the same `ChangelogRelease` entries: JIRA release notes
 * (`jira.ts`) and Markdown changelogs with a heading per version (`markdown.ts`).
 */
export * from './jira';
