/**
 * Reads a Markdown CHANGELOG with a heading per version, the shapes projects really write: Keep a Changelog
 * (`## [1.2.3] - 2024-05-01` with `### Added`, `### Fixed`), Jekyll's `History.markdown` (`## 4.4.1 / 2025-01-29`
 * with `### Bug Fixes`, `### Minor Enhancements`), `# Version 1.2.3` headings, and GitHub release notes
 * (`## v1.2.3` with `## What's Changed`). Never throws; what it does not recognise is left out.
 */
import type { ChangelogItem, ChangelogRelease, ChangelogSection } from './jira';

const HEADING = /^(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;
const BULLET = /^([ \t]*)[*+-][ \t]+(.*)$/;
const VERSION_AT_START = /^(\d+\.\d+(?:\.\d+)?(?:-[0-9A-Za-z]+(?:\.[0-9A-Za-z]+)*)?)(?=$|[\s\]/(:,–—-])/;
/** Sections that are not about the product: the site, the docs, the project's own tooling. */
const NOT_PRODUCT = /\b(site|docs?|documentation|development|internal|chores?|tests?|ci|build|dependenc(y|ies)|refactor)/i;
const FEATURES = /highlight|feature|added|enhancement|what'?s (changed|new)|\bnew\b|changed|improvement|breaking|notable/i;
const FIXES = /fix|bug|security|patch/i;
const MAX_DEPTH = 8;

/** The version a heading announces (`[1.2.3] - date`, `4.4.1 / date`, `Version 1.2.3`, `v1.2.3`), if any. */
export function headingVersion(text: string): string | undefined {
  const t = text
    .trim()
    .replace(/^\[/, '')
    .replace(/^(?:version|release)\s+/i, '')
    .replace(/^v(?=\d)/i, '');
  return VERSION_AT_START.exec(t)?.[1];
}

interface Open {
  indent: number;
  item: ChangelogItem;
}

function readItems(lines: string[], from: number, to: number): ChangelogItem[] {
  const top: ChangelogItem[] = [];
  const stack: Open[] = [];
  for (let i = from; i < to; i++) {
    const line = lines[i];
    const bullet = BULLET.exec(line);
    if (bullet) {
      const indent = bullet[1].replace(/\t/g, '    ').length;
      while (stack.length && stack[stack.length - 1].indent >= indent) stack.pop();
      const item: ChangelogItem = { keys: [], text: bullet[2].trim(), children: [], line: i };
      if (stack.length && stack.length < MAX_DEPTH) stack[stack.length - 1].item.children.push(item);
      else top.push(item);
      stack.push({ indent, item });
    } else if (line.trim() === '') {
      continue;
    } else if (stack.length && /^[ \t]+\S/.test(line)) {
      const open = stack[stack.length - 1].item;
      open.text = `${open.text} ${line.trim()}`;
    } else {
      stack.length = 0;
    }
  }
  return top;
}

/** Every version entry of a Markdown CHANGELOG, in file order; empty when no heading names a version. */
export function parseMarkdownChangelog(text: string): ChangelogRelease[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const headings: { line: number; level: number; text: string }[] = [];
  let fence = false;
  lines.forEach((line, index) => {
    if (/^\s*(```|~~~)/.test(line)) fence = !fence;
    if (fence || line.length > 300) return;
    const m = HEADING.exec(line);
    if (m) headings.push({ line: index, level: m[1].length, text: m[2] });
  });
  const first = headings.find((h) => headingVersion(h.text) !== undefined);
  if (!first) return [];
  const level = first.level;
  const releases: ChangelogRelease[] = [];
  headings.forEach((h, n) => {
    if (h.level !== level) return;
    const version = headingVersion(h.text);
    if (!version) return;
    const endHeading = headings.slice(n + 1).find((next) => next.level <= level);
    const end = endHeading ? endHeading.line : lines.length;
    const subs = headings.filter((s) => s.line > h.line && s.line < end);
    const sections: ChangelogSection[] = [];
    const loose = readItems(lines, h.line + 1, subs.length ? subs[0].line : end);
    subs.forEach((s, k) => {
      const items = readItems(lines, s.line + 1, k + 1 < subs.length ? subs[k + 1].line : end);
      if (items.length) sections.push({ title: s.text.replace(/:$/, ''), line: s.line, items });
    });
    const product = sections.filter((s) => !NOT_PRODUCT.test(s.title));
    const features = product.filter((s) => FEATURES.test(s.title) && !FIXES.test(s.title)).flatMap((s) => s.items);
    const fixes = product.filter((s) => FIXES.test(s.title)).flatMap((s) => s.items);
    const highlights = sections.length ? features : loose;
    const bugFixRelease = highlights.length === 0 && fixes.length > 0;
    releases.push({
      version,
      wip: false,
      line: h.line,
      project: '',
      heading: lines[h.line].trim(),
      highlights,
      sections,
      issueGroups: bugFixRelease ? [{ name: 'Bug', items: fixes }] : [],
      bugFixRelease,
      notes: [],
    });
  });
  return releases;
}
