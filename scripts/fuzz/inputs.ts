/**
 * What the fuzzer feeds Release Post: prefixes of real posts (a post being typed) and mutations of them (what a
 * careless paste, a bad merge or a hostile pull request makes). Deterministic for a seed.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The read-only corpus beside the project; absent when the project is cloned alone. */
export const CORPUS_ROOT = path.resolve(__dirname, '../../../shared/corpus');

export interface CorpusPost {
  /** Path relative to the corpus root. */
  file: string;
  text: string;
}

/** Post folders of the corpus: the Mesos site and the five other sites. */
const POST_FOLDERS = [
  'mesos/site/source/blog',
  'sites/jekyll/docs/_posts',
  'sites/hexo/source/_posts',
  'sites/flink/docs/content/posts',
  'sites/rust/content',
  'sites/gitea/content/post',
];

function markdownBelow(folder: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) found.push(...markdownBelow(full));
    else if (/\.(md|markdown)$/.test(entry.name)) found.push(full);
  }
  return found.sort();
}

/** Every post of the corpus, or none when the corpus is absent. */
export function corpusPosts(root = CORPUS_ROOT): CorpusPost[] {
  const posts: CorpusPost[] = [];
  for (const folder of POST_FOLDERS) {
    const full = path.join(root, folder);
    if (!fs.existsSync(full)) continue;
    for (const file of markdownBelow(full)) posts.push({ file: path.relative(root, file), text: fs.readFileSync(file, 'utf8') });
  }
  return posts;
}

/** A small seeded generator (mulberry32): the same seed gives the same inputs on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const pick = <T>(rng: Random, items: readonly T[]): T => items[Math.floor(rng() * items.length)];
const between = (rng: Random, lo: number, hi: number): number => lo + Math.floor(rng() * (hi - lo + 1));

/** A prefix of a post: up to a line break (a post typed line by line) or cut at any character. */
export function prefixOf(text: string, rng: Random): { text: string; cut: string } {
  if (rng() < 0.5) {
    const breaks = [0];
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) breaks.push(i + 1);
    const at = pick(rng, breaks);
    return { text: text.slice(0, at), cut: `line prefix at ${at}` };
  }
  const at = between(rng, 0, text.length);
  return { text: text.slice(0, at), cut: `cut at ${at}` };
}

function splitLines(text: string): string[] {
  return text.split('\n');
}

const HOSTILE_HTML = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<a href="jav&#x61;script:alert(1)">x</a>',
  '<svg><script>alert(1)</script></svg>',
  '<iframe src="https://example.com"></iframe>',
  '<object data="x"></object><embed src="x"><form action="x"><input></form>',
  '<meta http-equiv="refresh" content="0;url=https://example.com"><base href="https://example.com/">',
  '<div style="background:url(https://example.com/p.png)">x</div>',
  '<img src="http://example.com/pixel.gif"><img src="file:///etc/passwd"><img src="../../../../etc/x.png">',
  '<ScRiPt>alert(1)</sCrIpT><a HREF="  JaVaScRiPt:alert(1)">y</a>',
  '<!--<!--<!--<!--<!--<!--',
];

/** One mutation of a post, by kind; each names itself so a finding can be reproduced. */
const MUTATIONS: Record<string, (text: string, rng: Random) => string> = {
  'delete lines': (t, rng) => {
    const lines = splitLines(t);
    const at = between(rng, 0, lines.length - 1);
    lines.splice(at, between(rng, 1, 5));
    return lines.join('\n');
  },
  'duplicate lines': (t, rng) => {
    const lines = splitLines(t);
    const at = between(rng, 0, lines.length - 1);
    const n = between(rng, 1, 200);
    lines.splice(at, 0, ...Array<string>(n).fill(lines[at]));
    return lines.join('\n');
  },
  'swap lines': (t, rng) => {
    const lines = splitLines(t);
    const a = between(rng, 0, lines.length - 1);
    const b = between(rng, 0, lines.length - 1);
    [lines[a], lines[b]] = [lines[b], lines[a]];
    return lines.join('\n');
  },
  'random bytes': (t, rng) => {
    const chars = [...t];
    for (let i = between(rng, 1, 50); i > 0; i--) {
      chars.splice(between(rng, 0, chars.length), 0, String.fromCharCode(between(rng, 0, 0xffff)));
    }
    return chars.join('');
  },
  NUL: (t, rng) => insertAt(t, rng, '\u0000'.repeat(between(rng, 1, 20))),
  'lone CR': (t, rng) => (rng() < 0.5 ? t.replace(/\n/g, '\r') : insertAt(t, rng, '\r')),
  BOM: (t) => '\uFEFF' + t,
  'long line': (t, rng) => insertAt(t, rng, pick(rng, ['a', 'ab ', '[x]', '*', '_', '`', '\\']).repeat(between(rng, 10000, 200000))),
  'deep list': (t, rng) => insertAt(t, rng, '\n' + '* '.repeat(between(rng, 100, 20000)) + 'x\n'),
  'deep quote': (t, rng) => insertAt(t, rng, '\n' + '> '.repeat(between(rng, 100, 20000)) + 'x\n'),
  backticks: (t, rng) => insertAt(t, rng, '`'.repeat(10000)),
  'unclosed brackets': (t, rng) => insertAt(t, rng, pick(rng, ['[', '[a](', '![', '<a href="', '(', '{{', '{%']).repeat(between(rng, 100, 20000))),
  'alias bomb': (t) => frontMatterInsert(t, aliasBomb()),
  'duplicate keys': (t, rng) => frontMatterInsert(t, Array.from({ length: between(rng, 2, 5000) }, () => 'title: again').join('\n')),
  '---js opener': (t, rng) => t.replace(/^---/, pick(rng, ['---js', '---javascript', '---JavaScript', '--- js'])),
  'many keys': (t, rng) => frontMatterInsert(t, Array.from({ length: between(rng, 1000, 50000) }, (_, i) => `key${i}: value ${i}`).join('\n')),
  'nested flow': (t, rng) => {
    const depth = between(rng, 50, 20000);
    return frontMatterInsert(t, `x: ${'['.repeat(depth)}${rng() < 0.5 ? ']'.repeat(depth) : ''}`);
  },
  'deep block nesting': (t, rng) =>
    frontMatterInsert(t, Array.from({ length: between(rng, 50, 400) }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ' x'),
  'big table': (t, rng) => {
    const cols = between(rng, 2, 30);
    const rows = between(rng, 10, 1000);
    const row = '|' + ' x |'.repeat(cols);
    return insertAt(t, rng, `\n\n${row}\n|${' --- |'.repeat(cols)}\n${(row + '\n').repeat(rows)}\n`);
  },
  'reference definitions': (t, rng) =>
    insertAt(t, rng, '\n\n' + Array.from({ length: between(rng, 100, 20000) }, (_, i) => `[r${i}]: /blog/r${i}/ "t"\n[x][r${i}]`).join('\n') + '\n'),
  'hostile HTML': (t, rng) => insertAt(t, rng, '\n' + pick(rng, HOSTILE_HTML).repeat(between(rng, 1, 500)) + '\n'),
  'template syntax': (t, rng) => insertAt(t, rng, pick(rng, ['{{ site.x }}', '{% if %}', '<%= x %>', '{{<', '{%- raw -%}']).repeat(between(rng, 1, 2000))),
};

export const MUTATION_KINDS = Object.keys(MUTATIONS);

function insertAt(text: string, rng: Random, piece: string): string {
  const at = between(rng, 0, text.length);
  return text.slice(0, at) + piece + text.slice(at);
}

/** Inserts lines right after the opening `---`, or makes a front matter of them when the post has none. */
function frontMatterInsert(text: string, lines: string): string {
  const m = /^(\uFEFF?(?:---|\+\+\+)[^\n]*\n)/.exec(text);
  return m ? m[1] + lines + '\n' + text.slice(m[1].length) : `---\n${lines}\n---\n${text}`;
}

function aliasBomb(): string {
  const levels = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'];
  return levels
    .map((k, i) => (i === 0 ? `${k}: &${k} ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]` : `${k}: &${k} [${Array(9).fill('*' + levels[i - 1]).join(',')}]`))
    .join('\n');
}

/** The editor checks posts up to 1 MiB while typing; a larger one gets one information message instead. */
export const LIVE_LIMIT = 1024 * 1024;

/** One to three mutations of a post, named; cut to the editor's live limit. */
export function mutate(text: string, rng: Random): { text: string; kinds: string[] } {
  const kinds: string[] = [];
  let result = text;
  for (let n = between(rng, 1, 3); n > 0; n--) {
    const kind = pick(rng, MUTATION_KINDS);
    kinds.push(kind);
    result = MUTATIONS[kind](result, rng).slice(0, LIVE_LIMIT);
  }
  return { text: result, kinds };
}

/** One input of a fuzz run: its text, the post it came from, and how it was made. */
export interface FuzzInput {
  id: number;
  file: string;
  how: string;
  text: string;
}

/**
 * `count` inputs for a seed: two thirds prefixes of corpus posts (line prefixes and cuts at any character), one
 * third mutations of whole posts. Made lazily, one at a time: a long run never holds them all.
 */
export function* fuzzInputs(posts: CorpusPost[], seed: number, count: number): Generator<FuzzInput> {
  const rng = seededRandom(seed);
  const mutations = Math.round(count / 3);
  for (let id = 0; id < count; id++) {
    const post = pick(rng, posts);
    if (id % 3 === 2 && id / 3 < mutations) {
      const m = mutate(post.text, rng);
      yield { id, file: post.file, how: `mutation: ${m.kinds.join(', ')}`, text: m.text };
    } else {
      const p = prefixOf(post.text, rng);
      yield { id, file: post.file, how: p.cut, text: p.text };
    }
  }
}

/** One mutation of a given kind: the hazard tests build their worst cases with it. */
export function mutateWith(kind: string, text: string, rng: Random): string {
  const mutation = MUTATIONS[kind];
  if (!mutation) throw new Error(`no mutation "${kind}"`);
  return mutation(text, rng);
}
