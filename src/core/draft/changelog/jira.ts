/**
 * Reads a CHANGELOG in the Apache/JIRA release-notes shape (`Release Notes - <Project> - Version X.Y.Z`), as the
 * Mesos CHANGELOG has written it since 0.9: highlights or new features, named sub-sections, the full issue list
 * grouped by type, and bug-fix releases. Tolerant by design: every shape it does not recognise becomes a note
 * or a plain item, never an exception.
 */
import { compareVersions, normalizeVersion } from '../versions';

export interface ChangelogItem {
  /** The first issue key (`MESOS-1234`), when the item names one. */
  key?: string;
  /** Every issue key the item names, from `[A-1, A-2] - text` or a trailing `(A-1)`. */
  keys: string[];
  /** The item's text without its keys, wrapped lines joined. */
  text: string;
  children: ChangelogItem[];
  /** 0-based line of the item's bullet in the CHANGELOG. */
  line: number;
}

export interface ChangelogSection {
  /** The heading without its colon: `Deprecations`, `Additional API Changes`, ... */
  title: string;
  line: number;
  items: ChangelogItem[];
}

export interface ChangelogIssueGroup {
  /** The JIRA issue type: `Bug`, `Improvement`, `Task`, ... */
  name: string;
  items: ChangelogItem[];
}

export interface ChangelogRelease {
  /** As written in the header, e.g. `1.11.0`. */
  version: string;
  /** The header says `(WIP)`: the release is still being prepared. */
  wip: boolean;
  /** 0-based line of the `Release Notes - ...` header (the version's heading in other formats). */
  line: number;
  /** That line as written, for saying where the highlights came from. */
  heading?: string;
  /** The project named in the header. */
  project: string;
  /** Highlights or new features (for a bug-fix release, the improvements it names besides its fixes). */
  highlights: ChangelogItem[];
  /** Named sub-sections such as `Deprecations` and `Unresolved Critical Issues`, in file order. */
  sections: ChangelogSection[];
  /** The full issue list (`** Bug`, `** Improvement`, ...). */
  issueGroups: ChangelogIssueGroup[];
  /** The entry starts with `* This is a bug fix release.` */
  bugFixRelease: boolean;
  /** Paragraphs that are neither headings nor lists (`**NOTE**: ...`). */
  notes: string[];
}

const HEADER = /^Release Notes\s*-\s*(.+?)\s*-\s*Version\s+(\d+(?:\.\d+)+(?:-[0-9A-Za-z.]+)?)\s*(\(WIP\))?/i;
const RULE = /^\s*-{3,}\s*$/;
// Lines arrive without trailing white space, so no pattern needs to skip it (which could backtrack badly).
const GROUP = /^\s*\*\*\s+(\S.*)$/s;
const BULLET = /^(\s*)\*\s+(.*)$/s;
const BUG_FIX = /^This is a bug fix release\.?\s*/i;
const ISSUE_LIST = /^All(?: Resolved)? Issues$/i;
const HIGHLIGHTS = /highlights|new features|^(?:this|the) release (?:also )?(?:contains|includes)\b|^and experimental support/i;
/** An issue type written as a single-star line inside the issue list (0.21.0). */
const GROUP_NAME = /^[A-Z][A-Za-z-]*(?: [A-Za-z-]+){0,2}$/;
const KEY = '[A-Z][A-Z0-9]*-\\d+';
const LEADING_KEYS = new RegExp(`^\\[(${KEY}(?:\\s*,\\s*${KEY})*)\\]\\s*(?:-\\s*)?`);
const LEADING_BARE_KEY = new RegExp(`^(${KEY})\\s+-\\s+`);
const TRAILING_KEYS = new RegExp(`\\s*\\((${KEY}(?:\\s*,\\s*${KEY})*)\\)(\\.?)$`);

/** Real notes nest two levels; deeper staircases become siblings so nothing recurses without bound. */
const MAX_DEPTH = 8;

interface Frame {
  indent: number;
  /** Where the children of this frame go. */
  children: ChangelogItem[];
  /** The item whose text continuation lines extend; undefined for the bug-fix marker. */
  item: ChangelogItem | undefined;
}

/** Parses one release entry: the lines after its header up to the next header. */
class ReleaseReader {
  private mode: 'intro' | 'highlights' | 'section' | 'issues' = 'intro';
  /** Where top-level items go; undefined in the issue list before its first `** Type` line. */
  private container: ChangelogItem[] | undefined;
  private stack: Frame[] = [];
  private paragraph: { text: string[]; line: number } | undefined;

  constructor(private readonly release: ChangelogRelease) {
    this.container = release.highlights;
  }

  read(lines: string[], from: number, to: number): void {
    for (let i = from; i < to; i++) this.readLine(lines[i].trimEnd(), i);
    this.flushParagraph();
  }

  private readLine(line: string, index: number): void {
    if (line === '') {
      this.flushParagraph();
      return;
    }
    // The line of dashes under the header.
    if (RULE.test(line)) return;
    const indent = line.length - line.trimStart().length;
    const group = GROUP.exec(line);
    if (group) {
      this.flushParagraph();
      this.startGroup(group[1]);
      return;
    }
    const bullet = BULLET.exec(line);
    if (bullet) {
      this.flushParagraph();
      this.readBullet(bullet[1].length, bullet[2], index);
      return;
    }
    const top = this.stack[this.stack.length - 1];
    if (!this.paragraph && top && indent > top.indent) {
      if (top.item) top.item.text += ' ' + line.trim();
      return;
    }
    this.paragraph ??= { text: [], line: index };
    this.paragraph.text.push(line.trim());
  }

  private readBullet(indent: number, text: string, line: number): void {
    if (BUG_FIX.test(text)) {
      this.release.bugFixRelease = true;
      this.stack = [{ indent, children: this.release.highlights, item: undefined }];
      return;
    }
    if (this.mode === 'issues' && indent === 0 && !/^\[/.test(text)) {
      if (text.endsWith(':')) {
        this.startSection(text.slice(0, -1).trim(), line);
        return;
      }
      if (GROUP_NAME.test(text)) {
        this.startGroup(text);
        return;
      }
    }
    while (this.stack.length && this.stack[this.stack.length - 1].indent >= indent) this.stack.pop();
    if (this.stack.length >= MAX_DEPTH) this.stack.pop();
    const item: ChangelogItem = { keys: [], text, children: [], line };
    const parent = this.stack[this.stack.length - 1];
    (parent ? parent.children : this.currentContainer()).push(item);
    this.stack.push({ indent, children: item.children, item });
  }

  private currentContainer(): ChangelogItem[] {
    if (!this.container) this.startGroup('Other');
    return this.container!;
  }

  private flushParagraph(): void {
    const p = this.paragraph;
    if (!p) return;
    this.paragraph = undefined;
    const text = p.text.join(' ').replace(/\s+/g, ' ');
    if (text.endsWith(':')) this.startSection(text.slice(0, -1).trim(), p.line);
    else this.release.notes.push(text);
  }

  private startSection(title: string, line: number): void {
    this.stack = [];
    if (ISSUE_LIST.test(title)) {
      this.mode = 'issues';
      this.container = undefined;
      return;
    }
    if (HIGHLIGHTS.test(title) && this.mode !== 'section' && this.mode !== 'issues') {
      this.mode = 'highlights';
      this.container = this.release.highlights;
      return;
    }
    const section: ChangelogSection = { title, line, items: [] };
    this.release.sections.push(section);
    this.mode = 'section';
    this.container = section.items;
  }

  private startGroup(name: string): void {
    const group: ChangelogIssueGroup = { name: name.replace(/:$/, ''), items: [] };
    this.release.issueGroups.push(group);
    this.mode = 'issues';
    this.container = group.items;
    this.stack = [];
  }
}

/** Splits the issue keys off an item's text and tidies its spacing. */
function finishItem(item: ChangelogItem): void {
  let text = item.text.replace(/\s+/g, ' ').trim();
  let m = LEADING_KEYS.exec(text) ?? LEADING_BARE_KEY.exec(text);
  if (m) {
    item.keys = m[1].split(/\s*,\s*/);
    text = text.slice(m[0].length);
  } else if ((m = TRAILING_KEYS.exec(text))) {
    item.keys = m[1].split(/\s*,\s*/);
    const before = text.slice(0, m.index);
    text = before + (m[2] && !/[.!?:]$/.test(before) ? '.' : '');
  }
  item.text = text.trim();
  if (item.keys.length) item.key = item.keys[0];
  item.children.forEach(finishItem);
}

/** Every release entry of a CHANGELOG, in file order (newest first in practice). Never throws. */
export function parseChangelog(text: string): ChangelogRelease[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const starts: { index: number; release: ChangelogRelease }[] = [];
  lines.forEach((line, index) => {
    // Headers are short; the length check keeps the lazy title match linear on huge lines.
    const m = line.length < 300 && line.startsWith('Release Notes') ? HEADER.exec(line) : null;
    if (!m) return;
    starts.push({
      index,
      release: {
        version: m[2],
        wip: Boolean(m[3]),
        line: index,
        heading: line.trim(),
        project: m[1],
        highlights: [],
        sections: [],
        issueGroups: [],
        bugFixRelease: false,
        notes: [],
      },
    });
  });
  return starts.map(({ index, release }, n) => {
    const end = n + 1 < starts.length ? starts[n + 1].index : lines.length;
    new ReleaseReader(release).read(lines, index + 1, end);
    release.highlights.forEach(finishItem);
    for (const s of release.sections) s.items.forEach(finishItem);
    for (const g of release.issueGroups) g.items.forEach(finishItem);
    return release;
  });
}

/** The entry for `version` (`1.10` finds `1.10.0`), the first one when the file repeats a version. */
export function findRelease(releases: ChangelogRelease[], version: string): ChangelogRelease | undefined {
  const wanted = normalizeVersion(version);
  if (!wanted) return undefined;
  return releases.find((r) => {
    const v = normalizeVersion(r.version);
    return v !== undefined && compareVersions(v, wanted) === 0;
  });
}

/** The items of the issue groups with these names (case-insensitive), in file order, each key once. */
export function issueItems(release: ChangelogRelease, groupNames: string[]): ChangelogItem[] {
  const wanted = new Set(groupNames.map((n) => n.toLowerCase()));
  const seen = new Set<string>();
  const out: ChangelogItem[] = [];
  for (const group of release.issueGroups) {
    if (!wanted.has(group.name.toLowerCase())) continue;
    for (const item of group.items) {
      if (item.key && seen.has(item.key)) continue;
      if (item.key) seen.add(item.key);
      out.push(item);
    }
  }
  return out;
}
