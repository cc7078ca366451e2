import type { Token } from 'markdown-it';
import type { ParsedPost } from '../post/parse';
import type { TextRange } from '../text/text';
import type { Finding, RuleInput } from './types';
import { personKey } from '../text/personName';

/** "Thanks to the 24 contributors", "thanks to all 9 [contributors](...)". */
const THANKS = /\bthanks\s+(?:goes\s+|go\s+)?to\s+(?:all\s+)?(?:the\s+|our\s+)?(?:all\s+)?(\d+)\s+\[?(?:code\s+)?contributors?\b/i;

export interface NameEntry {
  name: string;
  /** Document offsets of the name as written. */
  start: number;
  end: number;
  /** What removing this entry deletes: the separator before it and the name, or its whole list item. */
  removal: [number, number];
}


/** A written name: drops a link's target (`[Ada](url)` -> `Ada`). */
function cleanName(segment: string): string {
  const link = /^\[([^\]]*)\]\([^)]*\)$/.exec(segment);
  return (link ? link[1] : segment).trim();
}

/** Splits a comma-separated line of names ("A, B, and C." / "A, B and C"), keeping document offsets. */
function namesInText(text: string, base: number): NameEntry[] | undefined {
  const entries: NameEntry[] = [];
  // Each alternative starts at a comma or at the start of a run of spaces: one scan per run, linear.
  const separator = /,\s*(?:and\s+)?|(?<!\s)\s+and\s+/g;
  let from = 0;
  let previousEnd = 0;
  const push = (segStart: number, segEnd: number) => {
    let s = segStart;
    let e = segEnd;
    while (s < e && /[\s]/.test(text[s])) s++;
    while (e > s && /[\s.!]/.test(text[e - 1])) e--;
    if (s >= e) return;
    entries.push({ name: cleanName(text.slice(s, e)), start: base + s, end: base + e, removal: [base + previousEnd, base + e] });
    previousEnd = e;
  };
  for (const m of text.matchAll(separator)) {
    push(from, m.index);
    from = m.index + m[0].length;
  }
  push(from, text.length);
  // A names line is short names only; prose means this is not the list.
  if (!entries.length || entries.some((e) => e.name.split(/\s+/).length > 5 || /\b[a-z]{2,}[.!?]\s/.test(e.name) || e.name === '')) return undefined;
  return entries;
}

function sourceOf(post: ParsedPost, map: [number, number]): { text: string; offset: number } {
  const start = post.lines.lineStarts[map[0]] ?? post.text.length;
  const end = map[1] < post.lines.lineCount ? post.lines.lineStarts[map[1]] : post.text.length;
  return { text: post.text.slice(start, end), offset: start };
}

/** Names of the list items of a list starting at `open` (one name an item). */
function namesInList(post: ParsedPost, tokens: Token[], open: number): NameEntry[] | undefined {
  const entries: NameEntry[] = [];
  for (let i = open + 1; i < tokens.length && tokens[i].level > 0; i++) {
    const item = tokens[i];
    if (item.type !== 'list_item_open' || item.level !== 1 || !item.map) continue;
    const inline = tokens.slice(i, i + 4).find((t) => t.type === 'inline');
    const name = inline ? cleanName(inline.content.split('\n')[0]) : '';
    const line = post.lines.lineText(item.map[0]);
    const at = name ? line.indexOf(name) : -1;
    if (!name || at < 0 || name.split(/\s+/).length > 5) return undefined;
    const lineStart = post.lines.lineStarts[item.map[0]];
    const itemEnd = item.map[1] < post.lines.lineCount ? post.lines.lineStarts[item.map[1]] : post.text.length;
    entries.push({ name, start: lineStart + at, end: lineStart + at + name.length, removal: [lineStart, itemEnd] });
  }
  return entries.length ? entries : undefined;
}

/** The names that follow the thanks sentence: on its own lines after the colon, else in the next block. */
function listedNames(post: ParsedPost, tokens: Token[], paragraph: number, afterMatch: number, source: { text: string; offset: number }) {
  const rest = source.text.slice(afterMatch);
  const lineEnd = rest.search(/\r?\n|\r|$/);
  // The colon that ends the sentence, not one inside a link's URL.
  const colon = rest.slice(0, lineEnd).search(/:(?=\s|$)/);
  const restStart = colon >= 0 ? afterMatch + colon + 1 : afterMatch + lineEnd;
  const remainder = source.text.slice(restStart);
  if (remainder.trim() !== '') return namesInText(remainder, source.offset + restStart);
  let next = paragraph + 1;
  while (next < tokens.length && (tokens[next].level !== 0 || tokens[next].nesting === -1)) next++;
  const block = tokens[next];
  if (!block?.map) return undefined;
  if (block.type === 'paragraph_open') {
    const names = sourceOf(post, block.map);
    return namesInText(names.text, names.offset);
  }
  if (block.type === 'bullet_list_open' || block.type === 'ordered_list_open') return namesInList(post, tokens, next);
  return undefined;
}

/** A "Thanks to the N contributors" sentence and the names listed after it. */
export interface ThanksSection {
  stated: number;
  /** Document offsets of the number N. */
  countStart: number;
  countEnd: number;
  names: NameEntry[];
}

/** Every thanks sentence of the post that is followed by a list of names. */
export function thanksSections(post: ParsedPost): ThanksSection[] {
  const sections: ThanksSection[] = [];
  const { tokens } = post;
  for (let i = 0; i < tokens.length; i++) {
    const open = tokens[i];
    if (open.type !== 'paragraph_open' || open.level !== 0 || !open.map) continue;
    if (!/contributor/i.test(tokens[i + 1]?.content ?? '')) continue;
    const source = sourceOf(post, open.map);
    const m = THANKS.exec(source.text);
    if (!m) continue;
    const names = listedNames(post, tokens, i, m.index + m[0].length, source);
    if (!names) continue;
    const countStart = source.offset + m.index + m[0].search(/\d/);
    sections.push({ stated: Number(m[1]), countStart, countEnd: countStart + m[1].length, names });
  }
  return sections;
}

/** `contributor-count`: "Thanks to the N contributors" matches the names listed after it, each name once. */
export function checkContributorCount({ post }: RuleInput): Finding[] {
  const findings: Finding[] = [];
  for (const section of thanksSections(post)) {
    const seen = new Map<string, NameEntry>();
    const repeats: NameEntry[] = [];
    for (const entry of section.names) {
      const key = personKey(entry.name);
      if (seen.has(key)) repeats.push(entry);
      else seen.set(key, entry);
    }
    const countRange = post.lines.rangeOf(section.countStart, section.countEnd);
    const distinct = seen.size;
    if (section.stated !== distinct) {
      const listed = section.names.length;
      const also = repeats.length ? ` (${listed} listed, ${repeats.length === 1 ? 'one name repeats' : `${repeats.length} names repeat`})` : '';
      findings.push({
        rule: 'contributor-count',
        message: `the post thanks ${section.stated} contributors but lists ${distinct} different names${also}`,
        range: countRange,
        fixes: [{ title: `Change the count to ${distinct}`, edits: [{ range: countRange, newText: String(distinct) }] }],
      });
    }
    for (const entry of repeats) findings.push(repeatFinding(post, entry, seen.get(personKey(entry.name))!));
  }
  return findings;
}

function repeatFinding(post: ParsedPost, entry: NameEntry, first: NameEntry): Finding {
  const range: TextRange = post.lines.rangeOf(entry.start, entry.end);
  const removal = post.lines.rangeOf(entry.removal[0], entry.removal[1]);
  return {
    rule: 'contributor-count',
    message: `"${entry.name}" is already listed as "${first.name}"`,
    range,
    fixes: [{ title: `Remove the repeated "${entry.name}"`, edits: [{ range: removal, newText: '' }] }],
  };
}
