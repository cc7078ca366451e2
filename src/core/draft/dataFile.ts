/**
 * Adds a release to the site's data file (`site/data/releases.yml` in the default profile): a `news` item at the
 * top of the list, in the newest item's keys and order; a `versions` entry where the file's history puts one (above
 * the newest entry of the same line, else on top); and `latest_stable`, every key of it that names the release
 * (`version` and its `jira_version` from the `versions` entry) moving together. Edits are text insertions at
 * positions the YAML parser gives, so comments, key order, quoting and blank lines stay as they were.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type YAMLMap } from 'yaml';
import { compareVersions, formatVersion, parseVersion } from './versions';
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

/** The newest item's keys, in its order, for the keys this command can fill; `target_version` only if it has one. */
function itemLines(item: DataFileRelease, newest: string[] | undefined): string[] {
  const values: Record<string, string> = { title: item.title, date: item.date, target_version: item.version, blog: item.slug };
  const known = newest?.filter((k) => k in values) ?? [];
  const order = known.length ? [...known, ...['title', 'date', 'blog'].filter((k) => !known.includes(k))] : DEFAULT_KEY_ORDER;
  return [...new Set(order)].map((k) => `${k}: ${yamlScalar(values[k])}`);
}

/** Lines inserted above `entry` (an item of a block list), laid out as that item is. */
function insertBefore(text: string, entry: YAMLMap, lines: string[], eol: string): Edit | { error: string } {
  const start = entry.range![0];
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const prefix = /^([ \t]*)-[ \t]+$/.exec(text.slice(lineStart, start));
  if (!prefix) return { error: 'lays out its list items in a way this command does not edit; add the item by hand' };
  const keyIndent = ' '.repeat(start - lineStart);
  const body = lines.map((l, i) => (i === 0 ? `${prefix[1]}- ${l}` : `${keyIndent}${l}`)).join(eol);
  return { at: lineStart, remove: 0, insert: body + eol };
}

/** The edit that puts the new item above the first one, in the first item's layout and key order. */
function newsEdit(text: string, doc: ReturnType<typeof parseDocument>, item: DataFileRelease, eol: string, changes: string[]): Edit | { error: string } {
  const root = doc.contents as YAMLMap;
  const pair = root.items.find((p) => keyName(p.key) === 'news');
  if (!pair) return { error: 'has no "news" list' };
  const news = pair.value;
  if (isSeq(news) && news.flow) return { error: 'writes "news" as a [flow] list; add the item by hand' };
  const first = isSeq(news) ? news.items[0] : undefined;
  if (isMap(first) && first.range) {
    const keys = first.items.map((p) => keyName(p.key));
    if (!keys.includes('target_version')) changes.push('news: no target_version, as the newest item has none');
    return insertBefore(text, first, itemLines(item, keys), eol);
  }
  if (news !== null && !(isScalar(news) && (news.value === null || news.value === undefined))) {
    return { error: 'has a "news" key that is not a list' };
  }
  // An empty list: the item goes on the line after `news:`.
  const keyEnd = isScalar(pair.key) && pair.key.range ? pair.key.range[1] : -1;
  const lineEnd = text.indexOf('\n', keyEnd);
  const at = lineEnd === -1 ? text.length : lineEnd + 1;
  const lines = itemLines(item, undefined).map((l, i) => (i === 0 ? `  - ${l}` : `    ${l}`));
  return { at, remove: 0, insert: (lineEnd === -1 ? eol : '') + lines.join(eol) + eol };
}

interface VersionsEntries {
  /** This release's entry, when the list has one. */
  entry?: YAMLMap;
  /** Where a new entry goes, and its lines, when the list has none. */
  edit?: Edit;
}

/**
 * The `versions` list's entry for the release, or the edit that adds one: above the newest entry of the same
 * `major.minor` line (1.4.2 above 1.4.1), else above the first entry, with the first entry's keys; a key this
 * command cannot know (a JIRA id) is left empty with a TODO comment.
 */
function versionsEntry(text: string, doc: ReturnType<typeof parseDocument>, version: string, eol: string, changes: string[]): VersionsEntries | { error: string } {
  const versions = doc.get('versions', true);
  if (!isSeq(versions) || versions.flow) return {};
  const entries = versions.items.filter((e): e is YAMLMap => isMap(e) && e.range !== undefined && e.has('version'));
  const found = entries.find((e) => scalarSource(e.get('version', true)) === version);
  if (found) return { entry: found };
  if (entries.length === 0) return {};
  const v = parseVersion(version);
  const sameLine = entries.find((e) => {
    const ev = parseVersion(scalarSource(e.get('version', true)) ?? '');
    return ev && v && ev.major === v.major && ev.minor === v.minor && compareVersions(version, formatVersion(ev)) > 0;
  });
  const above = sameLine ?? entries[0];
  const unknown: string[] = [];
  const lines = above.items.map((p) => {
    const key = keyName(p.key);
    if (key === 'version') return `version: ${yamlScalar(version)}`;
    unknown.push(key);
    return `${key}: # TODO: the ${key} of ${version}`;
  });
  const edit = insertBefore(text, above, lines, eol);
  if ('error' in edit) return { error: edit.error.replace('its list items', 'its "versions" list') };
  changes.push(`versions: added ${version}${unknown.length ? ` (fill in its ${unknown.join(', ')})` : ''}`);
  return { edit };
}

/**
 * `latest_stable` and every key of it that names the release, moved together: `version`, and each other key the
 * release's `versions` entry gives a value (`jira_version`). Left alone for a pre-release or an older release (a
 * patch on an older line), or when one of its keys has no value for this release yet.
 */
function latestStableEdits(doc: ReturnType<typeof parseDocument>, version: string, entry: YAMLMap | undefined, changes: string[]): Edit[] {
  const latest = doc.get('latest_stable', true);
  const current = isMap(latest) ? latest.get('version', true) : undefined;
  if (!isMap(latest) || !isScalar(current) || !current.range) {
    changes.push('no latest_stable.version in the file: left as it is');
    return [];
  }
  const old = scalarSource(current) ?? '';
  if (parseVersion(version)?.pre) {
    changes.push(`latest_stable stays ${old} (${version} is a pre-release)`);
    return [];
  }
  const order = compareVersions(version, old);
  if (order <= 0) {
    const line = parseVersion(version);
    changes.push(
      order === 0
        ? `latest_stable.version is already ${old}`
        : `latest_stable stays ${old}: ${version} is a patch on an older line${line ? ` (the latest ${line.major}.${line.minor}.x release)` : ''}`,
    );
    return [];
  }
  const edits: Edit[] = [{ at: current.range[0], remove: current.range[1] - current.range[0], insert: yamlScalar(version) }];
  const moved = [`latest_stable.version: ${old} -> ${version}`];
  for (const pair of latest.items) {
    const key = keyName(pair.key);
    if (key === 'version' || !isScalar(pair.value) || !pair.value.range) continue;
    const value = entry ? scalarSource(entry.get(key, true)) : undefined;
    if (value === undefined || value === '') {
      changes.push(`latest_stable stays ${old}: the versions entry of ${version} has no ${key} yet; fill it in and run again`);
      return [];
    }
    edits.push({ at: pair.value.range[0], remove: pair.value.range[1] - pair.value.range[0], insert: value });
    moved.push(`latest_stable.${key}: ${scalarSource(pair.value)} -> ${value}`);
  }
  changes.push(...moved);
  return edits;
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
  const changes = [`news: added "${item.title}"`];
  const news = newsEdit(text, doc, item, eol, changes);
  if ('error' in news) return { error: `the data file ${news.error}` };
  const versions = versionsEntry(text, doc, item.version, eol, changes);
  if ('error' in versions) return { error: `the data file ${versions.error}` };
  const edits = [news, ...(versions.edit ? [versions.edit] : []), ...latestStableEdits(doc, item.version, versions.entry, changes)];
  let out = text;
  for (const e of edits.sort((a, b) => b.at - a.at)) out = out.slice(0, e.at) + e.insert + out.slice(e.at + e.remove);
  return { text: out, changes };
}
