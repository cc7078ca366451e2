import type { Token } from 'markdown-it';
import type { ProseBlock } from './prose';
import type { Finding, RuleInput } from './types';

interface LinkCounts {
  emptyTarget: number;
  emptyText: number;
  any: number;
}

/** What markdown-it parsed in the block: the source matches below only count when a real link stands behind them. */
function countLinks(inlines: Token[]): LinkCounts {
  const counts: LinkCounts = { emptyTarget: 0, emptyText: 0, any: 0 };
  for (const inline of inlines) {
    const children = inline.children ?? [];
    for (let i = 0; i < children.length; i++) {
      if (children[i].type !== 'link_open') continue;
      counts.any++;
      const href = String(children[i].attrGet('href') ?? '').trim();
      if (href === '' || href === '#') counts.emptyTarget++;
      let j = i + 1;
      while (j < children.length && children[j].type === 'text' && children[j].content.trim() === '') j++;
      if (children[j]?.type === 'link_close') counts.emptyText++;
    }
  }
  return counts;
}

// Bounded repeats keep each scan linear on long lines of unclosed brackets.
const EMPTY_TARGET = /(?<![!\\])\[([^\]\n]{0,300})\]\([ \t]*(?:<[ \t]*>|#?)[ \t]*\)/g;
const EMPTY_TEXT = /(?<![!\\])\[[ \t]*\]\([ \t]*[^)\s][^)\n]{0,2000}\)/g;
const GLUED = /[A-Za-z0-9\u00C0-\u024F]\[[^\]\n]{1,300}\]\(/g;

/** `empty-link`: `[text]()`, `[text](<>)`, `[text](#)`, `[](url)`. */
export function checkEmptyLink({ post, prose }: RuleInput): Finding[] {
  const findings: Finding[] = [];
  for (const block of prose()) {
    if (!block.source.includes('](')) continue;
    const counts = countLinks(block.inlines);
    if (counts.emptyTarget) {
      for (const m of matches(block, EMPTY_TARGET, counts.emptyTarget)) {
        findings.push(finding(post, block, m, `the link "${m[1].trim() || m[0]}" goes nowhere: its target is empty`));
      }
    }
    if (counts.emptyText) {
      for (const m of matches(block, EMPTY_TEXT, counts.emptyText)) {
        findings.push(finding(post, block, m, 'this link has no text: readers see nothing to click'));
      }
    }
  }
  return findings;
}

/** `glued-link`: a word written against a link, `for[download](...)`. */
export function checkGluedLink({ post, prose }: RuleInput): Finding[] {
  const findings: Finding[] = [];
  for (const block of prose()) {
    if (!block.source.includes('](')) continue;
    const counts = countLinks(block.inlines);
    if (!counts.any) continue;
    for (const m of matches(block, GLUED, counts.any)) {
      const index = m.index ?? 0;
      const bracket = block.offset + index + 1;
      const range = post.lines.rangeOf(bracket - 1, bracket + m[0].indexOf(']'));
      const at = post.lines.positionAt(bracket);
      findings.push({
        rule: 'glued-link',
        message: `"${m[0][0]}" is glued to the link "${m[0].slice(1, m[0].indexOf(']') + 1)}": the page shows the words run together`,
        range,
        fixes: [{ title: 'Add a space before the link', edits: [{ range: { start: at, end: at }, newText: ' ' }] }],
      });
    }
  }
  return findings;
}

function matches(block: ProseBlock, pattern: RegExp, limit: number): RegExpMatchArray[] {
  const found: RegExpMatchArray[] = [];
  for (const m of block.source.matchAll(pattern)) {
    if (found.length >= limit) break;
    found.push(m);
  }
  return found;
}

function finding(post: RuleInput['post'], block: ProseBlock, m: RegExpMatchArray, message: string): Finding {
  const start = block.offset + (m.index ?? 0);
  return { rule: 'empty-link', message, range: post.lines.rangeOf(start, start + m[0].length) };
}
