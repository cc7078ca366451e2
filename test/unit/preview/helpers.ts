import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse, parseFragment } from 'parse5';
import { parsePost, type ParsedPost } from '../../../src/core/post/parse';

export const FIXTURES = path.join(__dirname, '..', '..', 'fixtures', 'posts', 'preview');
export const SAMPLE_SITE = path.join(__dirname, '..', '..', 'fixtures', 'sample-site');

export function fixture(name: string): { text: string; post: ParsedPost; fileName: string } {
  const text = fs.readFileSync(path.join(FIXTURES, name), 'utf8');
  return { text, post: parsePost(text), fileName: name };
}

export interface FoundElement {
  tag: string;
  attrs: Record<string, string>;
  text: string;
}

interface P5Node {
  nodeName: string;
  tagName?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: P5Node[];
  content?: P5Node;
  value?: string;
}

/** Text of a script-like element: its direct text children are enough. */
function textOf(node: P5Node): string {
  return (node.childNodes ?? []).map((c) => (c.nodeName === '#text' ? (c.value ?? '') : '')).join('');
}

/** Iterative: hostile inputs nest tens of thousands deep. */
function walk(root: P5Node, out: FoundElement[]): void {
  const stack: P5Node[] = [root];
  while (stack.length) {
    const node = stack.pop() as P5Node;
    if (node.tagName) {
      const attrs: Record<string, string> = {};
      for (const a of node.attrs ?? []) attrs[a.name] = a.value;
      out.push({ tag: node.tagName, attrs, text: node.tagName === 'script' ? textOf(node) : '' });
    }
    const children = [...(node.childNodes ?? []), ...(node.content ? [node.content] : [])];
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
}

/** Every element a browser builds from this HTML, as the HTML parsing algorithm sees it. */
export function elementsOf(html: string, fragment = false): FoundElement[] {
  const out: FoundElement[] = [];
  walk((fragment ? parseFragment(html) : parse(html)) as unknown as P5Node, out);
  return out;
}

const URL_ATTRIBUTES = ['href', 'src', 'srcset', 'action', 'formaction', 'xlink:href', 'cite', 'data', 'poster', 'background'];

export interface ActiveContentOptions {
  fragment?: boolean;
  /** Our own script: external, empty, with this nonce. */
  nonce?: string;
  /** Our own inline stylesheet (standalone pages). */
  styleElements?: number;
  /** Our own stylesheet links start with this. */
  stylesheetPrefix?: string;
}

/** What could run script, load a foreign document or restyle the page: one description each, empty when inert. */
export function activeContent(html: string, options: ActiveContentOptions = {}): string[] {
  const found: string[] = [];
  let styles = 0;
  for (const el of elementsOf(html, options.fragment)) {
    const ours = options.nonce !== undefined && el.attrs.nonce === options.nonce && Boolean(el.attrs.src) && !el.text.trim();
    if (el.tag === 'script' && !ours) found.push(`<script> ${JSON.stringify(el.attrs)} ${el.text.slice(0, 40)}`);
    if (el.tag === 'style' && ++styles > (options.styleElements ?? 0)) found.push('<style>');
    if (['iframe', 'object', 'embed', 'form', 'base', 'svg', 'math', 'frame', 'frameset', 'input', 'button', 'textarea'].includes(el.tag)) {
      found.push(`<${el.tag}>`);
    }
    if (el.tag === 'meta') {
      const allowed =
        el.attrs.charset?.toLowerCase() === 'utf-8' ||
        el.attrs.name === 'viewport' ||
        el.attrs['http-equiv']?.toLowerCase() === 'content-security-policy';
      if (!allowed) found.push(`<meta ${JSON.stringify(el.attrs)}>`);
    }
    if (el.tag === 'link' && !(options.stylesheetPrefix && el.attrs.rel === 'stylesheet' && el.attrs.href?.startsWith(options.stylesheetPrefix))) {
      found.push(`<link ${JSON.stringify(el.attrs)}>`);
    }
    for (const [name, value] of Object.entries(el.attrs)) {
      if (/^on/i.test(name)) found.push(`${el.tag} ${name}=${value}`);
      const compact = value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
      if (URL_ATTRIBUTES.includes(name) && /^(javascript|vbscript|data:text|data:image\/svg)/.test(compact)) found.push(`${el.tag} ${name}=${value}`);
      if (name === 'style' && /url\(|expression/i.test(value)) found.push(`${el.tag} style=${value}`);
    }
  }
  return found;
}
