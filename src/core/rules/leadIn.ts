import { isCommentOnly } from './headings';
import type { Finding, RuleInput } from './types';

/**
 * `dangling-lead-in`: a top-level paragraph ending in ":" after which its section has nothing (the list it announces
 * never came). Sub-headings count as content: "the following features:" may introduce `###` sections.
 */
export function checkDanglingLeadIn({ post }: RuleInput): Finding[] {
  const findings: Finding[] = [];
  const { tokens } = post;
  let sectionLevel = 0;
  let pending: [number, number] | null = null;
  const report = () => {
    if (!pending) return;
    const line = Math.max(pending[0], pending[1] - 1);
    findings.push({
      rule: 'dangling-lead-in',
      message: 'this sentence ends in ":" but nothing follows it in its section',
      range: post.lines.lineRange(line),
    });
    pending = null;
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.level !== 0 || token.nesting === -1 || isCommentOnly(token)) continue;
    if (token.type === 'heading_open') {
      const level = Number(token.tag.slice(1)) || 1;
      if (pending && sectionLevel > 0 && level <= sectionLevel) report();
      pending = null;
      sectionLevel = level;
      continue;
    }
    pending = null;
    if (token.type === 'paragraph_open' && token.map) {
      const content = tokens[i + 1]?.content.trim() ?? '';
      if (content.endsWith(':') && !/:[\w+-]+:$/.test(content)) pending = token.map;
    }
  }
  report();
  return findings;
}
