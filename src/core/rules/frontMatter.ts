import type { Finding, RuleInput } from './types';
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
  return [...errors, ...fm.portability].map((e) => ({
    rule: 'front-matter-syntax',
    message: e.kind === 'yaml' ? `YAML error in the front matter: ${e.message}` : e.message,
    range: e.range,
  }));
}
