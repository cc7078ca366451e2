import type { Token } from 'markdown-it';
import type { Finding, RuleInput, TextEdit } from './types';

function headingText(tokens: Token[], openIndex: number): string {
  const inline = tokens[openIndex + 1];
  return inline?.type === 'inline' ? inline.content.trim() : '';
}

function headingLevel(token: Token): number {
  return Number(token.tag.slice(1)) || 1;
}

/** True for a block that only holds HTML comments (a disable comment, a note to the editor): not content. */
export function isCommentOnly(token: Token): boolean {
  return token.type === 'html_block' && onlyComments(token.content);
}

const SPACE = /\s/;

function skipSpace(text: string, from: number): number {
  let i = from;
  while (i < text.length && SPACE.test(text[i])) i++;
  return i;
}

/**
 * One or more `<!-- ... -->` comments separated by white space, each ending at its first `-->` as in HTML.
 * A scan rather than a regular expression: `(<!--[\s\S]*?-->\s*)+` backtracks exponentially on a line of
 * comments followed by text.
 */
function onlyComments(text: string): boolean {
  let i = skipSpace(text, 0);
  if (i === text.length) return false;
  while (i < text.length) {
    if (!text.startsWith('<!--', i)) return false;
    const end = text.indexOf('-->', i + 4);
    if (end < 0) return false;
    i = skipSpace(text, end + 3);
  }
  return true;
}

/** `empty-heading`: a heading with no text. */
export function checkEmptyHeading({ post }: RuleInput): Finding[] {
  const findings: Finding[] = [];
  const { tokens } = post;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.type !== 'heading_open' || !token.map || headingText(tokens, i) !== '') continue;
    findings.push({ rule: 'empty-heading', message: 'this heading has no text', range: post.lines.lineRange(token.map[0]) });
  }
  return findings;
}

function isBlank(post: RuleInput['post'], line: number): boolean {
  return post.lines.lineText(line).trim() === '';
}

/**
 * Removes a heading's lines (two for a setext heading) and the blank lines after it, so the text around keeps its
 * spacing. At the end of the post it removes the blank lines before it instead, leaving the file's last line break.
 */
function removeHeading(post: RuleInput['post'], [first, next]: [number, number]): TextEdit {
  const { lines } = post;
  let after = next;
  while (after < lines.lineCount && isBlank(post, after)) after++;
  if (after < lines.lineCount) return { range: { start: { line: first, character: 0 }, end: { line: after, character: 0 } }, newText: '' };
  let before = first - 1;
  while (before >= 0 && isBlank(post, before)) before--;
  const end = lines.lineRange(next - 1).end;
  if (before < 0) return { range: { start: { line: 0, character: 0 }, end }, newText: '' };
  return { range: { start: lines.lineRange(before).end, end }, newText: '' };
}

/** `empty-section`: a heading followed directly by a heading of the same or a higher level, or by the end. */
export function checkEmptySection({ post }: RuleInput): Finding[] {
  const findings: Finding[] = [];
  const { tokens } = post;
  let pending: { token: Token; level: number; text: string } | undefined;
  const report = () => {
    if (!pending?.token.map) return;
    findings.push({
      rule: 'empty-section',
      message: `the section "${pending.text}" is empty: write it or remove the heading`,
      range: post.lines.lineRange(pending.token.map[0]),
      fixes: [{ title: `Remove the empty heading "${pending.text.slice(0, 80)}"`, edits: [removeHeading(post, pending.token.map)] }],
    });
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.level !== 0 || token.nesting === -1) continue;
    if (token.type === 'heading_open') {
      const text = headingText(tokens, i);
      if (text === '') continue;
      const level = headingLevel(token);
      if (pending && level <= pending.level) report();
      pending = { token, level, text };
      continue;
    }
    if (isCommentOnly(token)) continue;
    pending = undefined;
  }
  report();
  return findings;
}
