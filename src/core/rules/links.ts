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
        findings.push(finding(post, block, m, `the link "${m[1].trim() || m[0]}" goes nowhere: its target is empty`, keepText));
      }
    }
    if (counts.emptyText) {
      for (const m of matches(block, EMPTY_TEXT, counts.emptyText)) {
        findings.push(finding(post, block, m, 'this link has no text: readers see nothing to click', urlAsText));
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

type LinkFix = (link: string) => { title: string; newText: string } | undefined;

/** `[text]()` becomes `text`: the words stay, the link that leads nowhere goes. */
const keepText: LinkFix = (link) => {
  const text = link.slice(1, link.lastIndexOf('](')).trim();
  return { title: text ? `Remove the link, keep its text "${text.slice(0, 80)}"` : 'Remove the empty link', newText: text };
};

/** `[](url)` becomes `[url](url)`: readers see where the link goes. */
const urlAsText: LinkFix = (link) => {
  const url = linkUrl(link);
  return url ? { title: 'Show the URL as the link text', newText: `[${escapeText(url)}]${link.slice(link.indexOf(']') + 1)}` } : undefined;
};

/** The destination of `[](url "title")` or `[](<url>)`, without the title. */
function linkUrl(link: string): string {
  const inside = link.slice(link.indexOf('](') + 2, -1).trim();
  if (inside.startsWith('<')) return inside.slice(1, inside.indexOf('>') < 0 ? undefined : inside.indexOf('>')).trim();
  return inside.split(/\s/)[0];
}

/** Link text that shows `text` as written: Markdown's punctuation escaped. */
function escapeText(text: string): string {
  return text.replace(/[\\`*_[\]<>]/g, '\\$&');
}

/**
 * Both fixes guess what the author meant (the missing target or words may be the point), so they are offered in the
 * editor and never applied by fix-all.
 */
function finding(post: RuleInput['post'], block: ProseBlock, m: RegExpMatchArray, message: string, makeFix: LinkFix): Finding {
  const start = block.offset + (m.index ?? 0);
  const range = post.lines.rangeOf(start, start + m[0].length);
  // From the document, not the block: the block has its code spans blanked.
  const fix = makeFix(post.text.slice(start, start + m[0].length));
  if (!fix) return { rule: 'empty-link', message, range };
  return { rule: 'empty-link', message, range, fixes: [{ title: fix.title, edits: [{ range, newText: fix.newText }], byHand: true }] };
}
