import type { Finding, Fix, RuleInput } from './types';
import { insertFrontMatterFix } from './insertField';

/** `front-matter-missing`: the post must start with a `---` front-matter block on its first line. */
export function checkFrontMatterMissing({ post, fileName, profile }: RuleInput): Finding[] {
  if (post.frontMatter) return [];
  const { lines } = post;
  const firstText = firstNonBlankLine(post);
  if (firstText !== undefined && firstText > 0 && /^---[ \t]*$/.test(lines.lineText(firstText))) {
    return [
      {
        rule: 'front-matter-missing',
        message: `the front matter starts on line ${firstText + 1}; it must start on the first line or the site reads none`,
        range: lines.lineRange(firstText),
        fixes: [
          {
            title: 'Remove the blank lines before the front matter',
            edits: [{ range: { start: { line: 0, character: 0 }, end: { line: firstText, character: 0 } }, newText: '' }],
          },
        ],
      },
    ];
  }
  return [
    {
      rule: 'front-matter-missing',
      message: 'no front matter: a post starts with a "---" line, its fields, and a closing "---" line',
      range: lines.lineRange(0),
      fixes: [insertFrontMatterFix(post, fileName, profile)],
    },
  ];
}

function firstNonBlankLine(post: RuleInput['post']): number | undefined {
  for (let line = 0; line < post.lines.lineCount; line++) {
    if (post.lines.lineText(line).replace(/^\uFEFF/, '').trim() !== '') return line;
  }
  return undefined;
}

/** `front-matter-syntax`: what the parser found wrong with the block (never evaluated as code). */
export function checkFrontMatterSyntax({ post }: RuleInput): Finding[] {
  const fm = post.frontMatter;
  if (!fm) return [];
  // On a line with a tab the parser's errors follow from the tab; ours says what to do.
  const tabLines = new Set(fm.errors.filter((e) => e.kind === 'tab').map((e) => e.range.start.line));
  const errors = fm.errors.filter((e) => !(e.kind === 'yaml' && tabLines.has(e.range.start.line)));
  return [...errors, ...fm.portability].map((e) => {
    const finding: Finding = {
      rule: 'front-matter-syntax',
      message: e.kind === 'yaml' ? `YAML error in the front matter: ${e.message}` : e.message,
      range: e.range,
    };
    const fix = e.kind === 'unterminated' && fm.format === 'yaml' ? closeFrontMatterFix(post) : undefined;
    return fix ? { ...finding, fixes: [fix] } : finding;
  });
}

const FIELD = /^[A-Za-z_][\w.-]*[ \t]*:(?:[ \t]|$)/;
const NESTED = /^([ \t]+\S|-[ \t])/;
/** A line meant as the closing one: dashes of the wrong count, or YAML's `...` end marker. */
const NEAR_CLOSING = /^(-{2}|-{4,}|\.{3})[ \t]*$/;

/**
 * The closing `---` of a YAML front matter that has none: after the last line of `key: value` fields (and their
 * nested lines) that follows the opening, before the first blank line, Markdown heading or other text. A line of the
 * wrong number of dashes there is taken as the closing line meant and replaced. No fix when no field follows the
 * opening: where the block should end is then anyone's guess.
 */
function closeFrontMatterFix(post: RuleInput['post']): Fix | undefined {
  const { lines } = post;
  let last: number | undefined;
  let line = 1;
  for (; line < lines.lineCount; line++) {
    const text = lines.lineText(line);
    if (FIELD.test(text) || (last !== undefined && NESTED.test(text))) last = line;
    else break;
  }
  if (last === undefined) return undefined;
  const eol = post.text.includes('\r\n') ? '\r\n' : '\n';
  if (line < lines.lineCount && NEAR_CLOSING.test(lines.lineText(line))) {
    const written = lines.lineText(line).trim();
    return { title: `Replace "${written}" with the closing "---"`, edits: [{ range: lines.lineRange(line), newText: '---' }] };
  }
  const title = `Close the front matter after line ${last + 1}`;
  if (last + 1 < lines.lineCount) {
    const at = { line: last + 1, character: 0 };
    return { title, edits: [{ range: { start: at, end: at }, newText: `---${eol}` }] };
  }
  const end = lines.lineRange(last).end;
  return { title, edits: [{ range: { start: end, end }, newText: `${eol}---${eol}` }] };
}
