/**
 * The people behind a release's commits, not git's identities: one person per e-mail address and per spelling of a
 * name (case, accents, spacing), named by the most complete spelling; names encoded as RFC 2047 words decoded;
 * `Co-authored-by:` trailers counted; bots left out. The grouping is pure; `git` runs in contributors.ts.
 */
import { personKey } from '../text/personName';

export interface Identity {
  name: string;
  email: string;
}

export interface People {
  /** One display name per person, sorted as the site lists names. */
  names: string[];
  /** Identities left out as bots or placeholders (`dependabot[bot]`, `None`), as `Name <email>`. */
  bots: string[];
  /** People whose commits came under more than one identity, e.g. `Benjamin Mahler (also bmahler)`. */
  merged: string[];
  /** Pairs that may be one person but share neither an address nor a spelling (`longfei` and `Longfei Niu`). */
  maybeSame: string[];
  /** Each person's display name with every spelling their commits carry. */
  persons: { name: string; spellings: string[] }[];
}

const ENCODED_WORD = /=\?([^?\s]+)\?([bBqQ])\?([^?\s]*)\?=/g;

function decodeBytes(bytes: Uint8Array, charset: string): string | undefined {
  try {
    return new TextDecoder(charset.toLowerCase().split('*')[0], { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** One RFC 2047 encoded word, or undefined when it cannot be decoded (it is then kept as written). */
function decodeWord(charset: string, encoding: string, text: string): string | undefined {
  if (encoding.toLowerCase() === 'b') {
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return undefined;
    return decodeBytes(Uint8Array.from(Buffer.from(text, 'base64')), charset);
  }
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '_') bytes.push(0x20);
    else if (c === '=' && /^[0-9A-Fa-f]{2}$/.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (c.charCodeAt(0) < 0x80) bytes.push(c.charCodeAt(0));
    else return undefined;
  }
  return decodeBytes(Uint8Array.from(bytes), charset);
}

/** `=?UTF-8?q?Gr=C3=A9goire=20Seux?=` reads `Grégoire Seux`; text that is not encoded is returned as it is. */
export function decodeRfc2047(text: string): string {
  if (!text.includes('=?')) return text;
  // Whitespace between two encoded words is not part of the text (RFC 2047, section 6.2).
  const joined = text.replace(/(\?=)\s+(?==\?)/g, '$1');
  return joined.replace(ENCODED_WORD, (whole, charset: string, encoding: string, body: string) => decodeWord(charset, encoding, body) ?? whole);
}

const PLACEHOLDER_NAMES = new Set(['none', 'null', 'undefined', 'unknown', 'nobody', 'root', '(no author)', 'n/a']);
const BOT_NAMES = /^(dependabot|renovate|renovate-bot|greenkeeper|snyk-bot|github-actions|github|travis-ci|imgbot|pre-commit-ci|allcontributors|mergify|codecov|semantic-release-bot)$/i;

/** Why an identity is not a person, or undefined when it is one. */
export function botReason(id: Identity): string | undefined {
  const name = id.name.trim();
  const email = id.email.trim().toLowerCase();
  if (name === '' && email === '') return 'no name';
  if (/\[bot\]$/i.test(name) || /\[bot\]@/.test(email)) return 'a bot account';
  if (BOT_NAMES.test(name)) return 'a bot account';
  // A person's own no-reply address (`123+ada@users.noreply.github.com`) is not a bot's; `bot@`, `ci-bot@` are.
  if (/(^|[.+_-])bots?@/.test(email) || /^bots?-?no-?reply@/.test(email)) return 'a bot address';
  if (PLACEHOLDER_NAMES.has(name.toLowerCase())) return `"${name}" is a placeholder, not a name`;
  return undefined;
}

/** `Name <email>` of a `Co-authored-by:` trailer; undefined when it has no address. */
export function parseTrailerIdentity(value: string): Identity | undefined {
  const m = /^\s*(.*?)\s*<([^<>\s]*)>\s*$/.exec(value);
  if (!m) return undefined;
  return { name: m[1], email: m[2] };
}

/** Addresses shared by many people, which therefore do not say who someone is. */
function isSharedAddress(email: string): boolean {
  return email === '' || /^(no-?reply|noreply)@github\.com$/.test(email) || !email.includes('@');
}

/**
 * A name with more words beats a handle (`Benjamin Mahler` over `bmahler`), then one with accents
 * (`Gastón` over `Gaston`), then the spelling of most commits, then the one with more capitalised words.
 */
function betterSpelling(a: { name: string; count: number }, b: { name: string; count: number }): boolean {
  const words = (n: string) => Math.min(n.split(' ').length, 2);
  const accents = (n: string) => (n.normalize('NFKD').match(/[\u0300-\u036f]/g) ?? []).length;
  // `Chen Runcong` over `CHEN RUNCONG` and `chen runcong`: words in proper case.
  const capitals = (n: string) => n.split(' ').filter((w) => /^\p{Lu}(?!\p{Lu}+$)/u.test(w)).length;
  return (
    words(a.name) - words(b.name) || accents(a.name) - accents(b.name) || a.count - b.count || capitals(a.name) - capitals(b.name)
  ) > 0;
}

/**
 * A full name written all in lower or all in upper case (`bin zheng`, `CHEN RUNCONG`) is shown with capitals
 * (`Bin Zheng`), as the site's posts list people; handles (one word) and mixed case stay as written.
 */
export function displayName(name: string): string {
  const words = name.split(' ');
  const letters = name.replace(/[^\p{L}]/gu, '');
  const oneCase = letters !== '' && (letters === letters.toLowerCase() || letters === letters.toUpperCase());
  if (words.length < 2 || !oneCase || letters.toLowerCase() === letters.toUpperCase()) return name;
  return words.map((w) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase()).join(' ');
}

/** Compares names as the site lists them: alphabetical, ignoring case and accents. */
export function compareNames(a: string, b: string): number {
  return a.localeCompare(b, 'en', { sensitivity: 'base' }) || (a < b ? -1 : a > b ? 1 : 0);
}

/** Groups identities (already through `.mailmap`) into people. */
export function groupPeople(identities: Identity[]): People {
  const parent = new Map<string, string>();
  const find = (k: string): string => {
    let r = k;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(k, r);
    return r;
  };
  const union = (a: string, b: string) => {
    for (const k of [a, b]) if (!parent.has(k)) parent.set(k, k);
    parent.set(find(a), find(b));
  };
  const bots = new Set<string>();
  const spellings = new Map<string, Map<string, number>>();
  for (const raw of identities) {
    const id = { name: decodeRfc2047(raw.name).replace(/\s+/g, ' ').trim(), email: raw.email.trim().toLowerCase() };
    if (botReason(id) !== undefined) {
      bots.add(`${id.name || '(no name)'} <${id.email}>`);
      continue;
    }
    const nameKey = `n:${personKey(id.name)}`;
    if (!parent.has(nameKey)) parent.set(nameKey, nameKey);
    if (!isSharedAddress(id.email)) union(nameKey, `e:${id.email}`);
    const counts = spellings.get(nameKey) ?? new Map<string, number>();
    counts.set(id.name, (counts.get(id.name) ?? 0) + 1);
    spellings.set(nameKey, counts);
  }
  const people = new Map<string, { name: string; count: number }[]>();
  for (const [nameKey, counts] of spellings) {
    const root = find(nameKey);
    const list = people.get(root) ?? [];
    for (const [name, count] of counts) list.push({ name, count });
    people.set(root, list);
  }
  const names: string[] = [];
  const merged: string[] = [];
  const persons: People['persons'] = [];
  for (const list of people.values()) {
    let best = list[0];
    for (const s of list.slice(1)) if (betterSpelling(s, best)) best = s;
    names.push(displayName(best.name));
    const others = [...new Set(list.map((s) => s.name))].filter((n) => n !== best.name);
    persons.push({ name: displayName(best.name), spellings: [best.name, ...others] });
    if (others.length) merged.push(`${best.name} (also ${others.join(', ')})`);
  }
  return { names: names.sort(compareNames), bots: [...bots].sort(compareNames), merged: merged.sort(compareNames), maybeSame: maybeSame(names), persons };
}

/** A one-word name that is the first or last word of another person's name. */
function maybeSame(names: string[]): string[] {
  const out: string[] = [];
  for (const single of names.filter((n) => !n.includes(' '))) {
    const key = personKey(single);
    for (const full of names) {
      const words = full.split(' ');
      if (words.length > 1 && [words[0], words[words.length - 1]].some((w) => personKey(w) === key)) out.push(`${single} / ${full}`);
    }
  }
  return out.sort(compareNames);
}
