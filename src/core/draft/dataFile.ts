/**
 * Adds a release to the site's data file (`site/data/releases.yml` in the default profile): a `news` item at the
 * top of the list and `latest_stable.version`. Edits are text insertions at positions the YAML parser gives, so
 * comments, key order, quoting and blank lines stay as they were.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type YAMLMap } from 'yaml';
import { compareVersions, parseVersion } from './versions';
import { yamlScalar } from '../text/yamlScalar';

export interface DataFileRelease {
  /** The news title, e.g. `Mesos 1.11.0 is released!` */
  title: string;
  /** As the file writes dates, e.g. `October 20, 2019`. */
  date: string;
  version: string;
  /** The post's slug (the `blog` key). */
  slug: string;
}

export type DataFileUpdate = { text: string; changes: string[] } | { error: string };

const DEFAULT_KEY_ORDER = ['title', 'date', 'target_version', 'blog'];

interface Edit {
  at: number;
  remove: number;
  insert: string;
}

function scalarSource(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  return node.source ?? (node.value === null || node.value === undefined ? undefined : String(node.value));
}

function keyName(key: unknown): string {
  return isScalar(key) ? String(key.value) : String(key);
}

/** The same kind of title as the newest release item (`Mesos 1.10.0 is released!` gives `Mesos 1.11.0 is released!`). */
export function suggestNewsTitle(text: string, projectName: string, version: string): string {
  const fallback = `${projectName} ${version} is released!`;
  const doc = parseDocument(text);
  const news = doc.errors.length ? undefined : doc.get('news', true);
  if (!isSeq(news)) return fallback;
  for (const item of news.items) {
    if (!isMap(item)) continue;
    const previous = scalarSource(item.get('target_version', true));
    const title = item.get('title');
    if (previous && typeof title === 'string' && title.includes(previous)) return title.split(previous).join(version);
  }
  return fallback;
}

function findDuplicate(news: unknown, item: DataFileRelease): string | undefined {
  if (!isSeq(news)) return undefined;
  for (const entry of news.items) {
    if (!isMap(entry)) continue;
    if (scalarSource(entry.get('target_version', true)) === item.version) return `already has a news item for ${item.version}`;
    if (scalarSource(entry.get('blog', true)) === item.slug) return `already has a news item for the post "${item.slug}"`;
  }
  return undefined;
}

function itemLines(item: DataFileRelease, keyOrder: string[]): string[] {
  const values: Record<string, string> = { title: item.title, date: item.date, target_version: item.version, blog: item.slug };
  const order = [...keyOrder.filter((k) => k in values), ...DEFAULT_KEY_ORDER];
  return [...new Set(order)].map((k) => `${k}: ${yamlScalar(values[k])}`);
}

/** The edit that puts the new item above the first one, in the first item's layout and key order. */
function newsEdit(text: string, doc: ReturnType<typeof parseDocument>, item: DataFileRelease, eol: string): Edit | { error: string } {
  const root = doc.contents as YAMLMap;
  const pair = root.items.find((p) => keyName(p.key) === 'news');
  if (!pair) return { error: 'has no "news" list' };
  const news = pair.value;
  if (isSeq(news) && news.flow) return { error: 'writes "news" as a [flow] list; add the item by hand' };
  const first = isSeq(news) ? news.items[0] : undefined;
  if (isMap(first) && first.range) {
    const start = first.range[0];
    const lineStart = text.lastIndexOf('\n', start - 1) + 1;
    const prefix = /^([ \t]*)-[ \t]+$/.exec(text.slice(lineStart, start));
    if (!prefix) return { error: 'lays out the first "news" item in a way this command does not edit; add the item by hand' };
    const keyIndent = ' '.repeat(start - lineStart);
    const lines = itemLines(item, first.items.map((p) => keyName(p.key)));
    const body = lines.map((l, i) => (i === 0 ? `${prefix[1]}- ${l}` : `${keyIndent}${l}`)).join(eol);
    return { at: lineStart, remove: 0, insert: body + eol };
  }
  if (news !== null && !(isScalar(news) && (news.value === null || news.value === undefined))) {
    return { error: 'has a "news" key that is not a list' };
  }
  // An empty list: the item goes on the line after `news:`.
  const keyEnd = isScalar(pair.key) && pair.key.range ? pair.key.range[1] : -1;
  const lineEnd = text.indexOf('\n', keyEnd);
  const at = lineEnd === -1 ? text.length : lineEnd + 1;
  const lines = itemLines(item, DEFAULT_KEY_ORDER).map((l, i) => (i === 0 ? `  - ${l}` : `    ${l}`));
  return { at, remove: 0, insert: (lineEnd === -1 ? eol : '') + lines.join(eol) + eol };
}

function latestStableEdit(doc: ReturnType<typeof parseDocument>, version: string, changes: string[]): Edit | undefined {
  const latest = doc.get('latest_stable', true);
  const current = isMap(latest) ? latest.get('version', true) : undefined;
  if (!isScalar(current) || !current.range) {
    changes.push('no latest_stable.version in the file: left as it is');
    return undefined;
  }
  const old = scalarSource(current) ?? '';
  if (parseVersion(version)?.pre) {
    changes.push(`latest_stable.version stays ${old} (${version} is a pre-release)`);
    return undefined;
  }
  const order = compareVersions(version, old);
  if (order <= 0) {
    changes.push(order === 0 ? `latest_stable.version is already ${old}` : `latest_stable.version stays ${old} (newer than ${version})`);
    return undefined;
  }
  changes.push(`latest_stable.version: ${old} -> ${version}`);
  return { at: current.range[0], remove: current.range[1] - current.range[0], insert: yamlScalar(version) };
}

/** Adds the release; an error (and no change) when the file cannot be read as YAML or already lists it. */
export function addReleaseToDataFile(text: string, item: DataFileRelease): DataFileUpdate {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length) {
    const { line, col } = lineCounter.linePos(doc.errors[0].pos[0]);
    return { error: `the data file is not valid YAML (line ${line}, column ${col}): ${doc.errors[0].message.split('\n')[0]}` };
  }
  if (!isMap(doc.contents)) return { error: 'the data file is not a mapping of keys' };
  const duplicate = findDuplicate(doc.get('news', true), item);
  if (duplicate) return { error: `the data file ${duplicate}` };

  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const news = newsEdit(text, doc, item, eol);
  if ('error' in news) return { error: `the data file ${news.error}` };
  const changes = [`news: added "${item.title}"`];
  const edits = [news, latestStableEdit(doc, item.version, changes)].filter((e): e is Edit => e !== undefined);
  let out = text;
  for (const e of edits.sort((a, b) => b.at - a.at)) out = out.slice(0, e.at) + e.insert + out.slice(e.at + e.remove);
  return { text: out, changes };
}
