import { fieldValue, findField, type ParsedPost } from '../post/parse';
import type { SiteProfile } from '../site/profile';
import { parsePostFileName } from '../site/fileNames';
import type { TextRange } from '../text/text';
import { frontMatterReadable } from './fields';
import { renameFix } from './fileName';
import type { ProseBlock } from './prose';
import type { Finding, Fix, RuleInput } from './types';
import { agreesWithAny, dotted, inFormOf, versionsAgree, versionsInProse, versionsInSlug, type VersionMention } from './versions';
import { boundedRegExp, escapeRegExp } from '../text/regexpText';

const RULE = 'version-mismatch';
const V = String.raw`v?\d+(?:\.\d+){1,3}(?![\w-]|\.\d)`;
const V_OR_X = String.raw`v?\d+(?:\.(?:\d+|x)){1,3}(?![\w-]|\.\d)`;


/**
 * Up to three words written before a version ("Mesos ", "the new "); only its capitalised words count as a name.
 * Lazy, so "upgrading to 1.2" leaves it empty.
 */
const NAME = String.raw`(?:[A-Za-z][\w.+-]*\s+){0,3}?`;

/** Phrases whose version names the release the post announces; group `v` holds the version(s), `n1`/`n2` names. */
const THIS_RELEASE: RegExp[] = [
  // "upgrading to Mesos 1.4.2", "upgrades from a Mesos 1.4.1 cluster to Mesos 1.4.2"
  new RegExp(
      String.raw`\bupgrad(?:e|es|ed|ing)\s+(?<from>from\s+(?:an?\s+)?${NAME}(?:version\s+)?${V_OR_X}(?:\s+(?:cluster|release|version))?\s+)?to\s+(?<n1>${NAME})(?:version\s+)?(?<v>${V})`,
      'gi',
    ),
  // "made 1.4.2 possible", "made Mesos 1.2.0 possible", "made 0.26.1, 0.25.1, and 0.24.2 possible"
  new RegExp(String.raw`\bmade\s+(?<n1>${NAME})(?<v>${V}(?:\s*,\s*(?:and\s+)?${V}|\s+and\s+${V})*)\s+possible\b`, 'gi'),
  // "The latest Mesos release, 0.25.0,", "The latest Mesos 1.4.x release, 1.4.2,"
  new RegExp(
      String.raw`\blatest\s+(?<n1>${NAME})(?:${V_OR_X}\s+)?release,?\s+(?:is\s+)?(?<n2>${NAME})(?<v>${V})`,
      'gi',
    ),
];

/** Phrases that name the *previous* release: this release there is a copy-paste slip. */
const PREVIOUS_RELEASE: RegExp[] = [
  new RegExp(String.raw`\bon\s+top\s+of\s+(?<n1>${NAME})(?<v>${V})`, 'gi'),
  new RegExp(String.raw`\bfrom\s+an?\s+(?<n1>${NAME})(?<v>${V})\s+cluster\b`, 'gi'),
];

/** Words that are not a project's name, in a title or before a version. */
const NOT_NAMES = new Set(['a', 'an', 'the', 'i', 'of', 'for', 'and', 'to', 'in', 'on', 'is', 'new', 'version', 'release', 'released', 'announcing', 'apache']);

/** Words before a version that say which release, not whose: "the latest stable 1.2". */
const QUALIFIERS = new Set(['latest', 'stable', 'next', 'current', 'final', 'beta', 'alpha', 'newest', 'recent', 'our', 'its', 'their', 'this', 'that', 'v']);

/**
 * The names in a phrase's name groups, lower-cased: its capitalised words ("Mesos", "Flink client"), and the word
 * right before the version in any case, unless it says which release rather than whose: a package is often written
 * in lower case ("upgrade to musl 1.2").
 */
function namesIn(m: RegExpMatchArray): string[] {
  const written = `${m.groups?.n1 ?? ''} ${m.groups?.n2 ?? ''}`;
  const names = (written.match(/\b[A-Z][\w+-]*/g) ?? []).map((w) => w.toLowerCase()).filter((w) => !NOT_NAMES.has(w));
  const last = /([a-z][\w.+-]*)\s+$/.exec(m.groups?.n1 ?? '')?.[1];
  if (last && !NOT_NAMES.has(last) && !QUALIFIERS.has(last) && !names.includes(last)) names.push(last);
  return names;
}

/**
 * Whether a release phrase's version is another's, as what follows it or its paragraph says: a component's version
 * inside a release of something else ("upgraded to musl 1.2.4 in Rust 1.74.0"), or an earlier release the paragraph
 * tells about on purpose ("after publishing the 1.24.0 release of Rustup, ... after upgrading to Rustup 1.24.0").
 */
function versionOfAnother(source: string, m: RegExpMatchArray, written: string): boolean {
  const after = source.slice(m.index! + m[0].length, m.index! + m[0].length + 80);
  if (/^\s+in\s+(?:[A-Z][\w.+-]*\s+){1,3}v?\d+(?:\.\d+)+/.test(after)) return true;
  const v = escapeRegExp(written.replace(/^v/, ''));
  return new RegExp(String.raw`\bthe\s+v?${v}\s+release\b|\brelease\s+v?${v}(?![\d.]\d)|\bbetween\s+v?${v}\s+and\b`, 'i').test(source);
}

/**
 * The words that name the project a post announces: the title's words before its version ("Stateful Functions" in
 * "Stateful Functions 2.1.0 Release Announcement"), else the file name's; the configured project name when neither
 * has any.
 */
function projectWords(before: string): Set<string> {
  const words = new Set<string>();
  for (const w of before.toLowerCase().split(/[^a-z0-9+]+/)) {
    if (w.length > 1 && !NOT_NAMES.has(w) && !/^\d+$/.test(w)) words.add(w);
  }
  return words;
}

/**
 * Whether the version of a release phrase is the released project's, not a dependency's or another release's:
 * - a name written before it must be the project's ("upgrading to Mesos 1.4.1"; not "upgrade to Calcite 1.32");
 * - the sentence's subject must not be another name ("The Flink version in StateFun 2.1 has been upgraded to
 *   1.10.1", "GitHub Pages upgraded to Jekyll 3.0.2");
 * - a version newer than the post's is talk of the future ("the eventual upgrade to v5.0" in a 4.3 post), not a
 *   leftover of the older post a draft was copied from; except as the target of "from X to Y", which is this release.
 */
function isOwnRelease(m: RegExpMatchArray, parts: string[], own: string[], sentence: string, project: Set<string>): boolean {
  const names = namesIn(m);
  if (names.length && !names.some((n) => project.has(n))) return false;
  if (!m.groups?.from && compareParts(parts, own) > 0) return false;
  const words =
    sentence
      .replace(/\]\([^)\s]*\)/g, ']')
      .replace(/https?:\/\/\S+/g, ' ')
      .match(/\b[A-Za-z][\w+-]*/g) ?? [];
  return !words.slice(1).some((w) => /^[A-Z]/.test(w) && !NOT_NAMES.has(w.toLowerCase()) && !project.has(w.toLowerCase()));
}

function compareParts(a: string[], b: string[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = Number(a[i] ?? 0) - Number(b[i] ?? 0);
    if (d) return d;
  }
  return 0;
}

/** The sentence a match stands in, up to the match: after the last `.`, `!`, `?` or `:` before a space, or line break. */
function sentenceBefore(source: string, index: number): string {
  let start = index;
  while (start > 0 && source[start - 1] !== '\n' && !(/\s/.test(source[start - 1]) && /[.!?:]/.test(source[start - 2] ?? ''))) start--;
  return source.slice(start, index).replace(/^[\s*+#>-]+/, '');
}

/**
 * A version in a CHANGELOG link (`hb=X`, `/blob/X/CHANGELOG`) or a link to the release's tag (`/releases/tag/X`,
 * `/tree/X`). Links to other files at a tag (`/blob/1.6.0/src/x.cpp`) may rightly name any version.
 */
function tagLinkPattern(profile: SiteProfile): RegExp {
  const [before, after] = (profile.gitTag.includes('{version}') ? profile.gitTag : '{version}')
    .split('{version}')
    .map((part) => escapeRegExp(part.replace(/\{project\}/g, profile.projectName.toLowerCase())));
  const optionalV = before === '' ? 'v?' : '';
  // A config's tag pattern too long to compile safely matches nothing.
  const pattern = boundedRegExp(
    String.raw`(?:[?;&]hb=|/(?:blob|raw|blob_plain)/|(/releases/tag/|/tree/))${optionalV}${before}(\d+(?:\.\d+){1,3})${after}(?=[/;&)#"'>\s]|$)`,
    'gi',
  );
  return pattern ?? /(?!)/gi;
}

/**
 * Whether a link found by tagLinkPattern names the release: a CHANGELOG at a version, or the project's tag page
 * (the version ends the URL's path: `rest` is what follows it in the URL).
 */
function namesRelease(url: string, tagPage: boolean, project: Set<string>, rest: string): boolean {
  // Only the project's own CHANGELOG and tags: a dependency's (`apache/calcite/blob/1.32/CHANGELOG`) may name any version.
  if (![...project].some((word) => url.includes(word))) return false;
  return tagPage ? /^\/?(?:[#?]|$)/.test(rest) : url.includes('changelog');
}

/** The span of the URL around an offset: bounded by white space, parentheses, angle brackets or quotes. */
function urlSpanAround(source: string, index: number): [number, number] {
  let start = index;
  while (start > 0 && !/[\s(<"']/.test(source[start - 1])) start--;
  let end = index;
  while (end < source.length && !/[\s)>"']/.test(source[end])) end++;
  return [start, end];
}

/** The text of the Markdown link whose target starts at `urlStart` (`[text](url`), or ''. */
function linkTextBefore(source: string, urlStart: number): string {
  if (source[urlStart - 1] !== '(' || source[urlStart - 2] !== ']') return '';
  const open = source.lastIndexOf('[', urlStart - 2);
  return open >= 0 && urlStart - open < 300 ? source.slice(open + 1, urlStart - 2) : '';
}

interface PostVersions {
  versions: VersionMention[];
  /** Where the post's version was read: the title's value or the file name. */
  from: 'title' | 'file name';
  /** The post's one version (undefined for a post on several releases): what fixes write. */
  single: string | undefined;
  /** The words that name the released project (see projectWords). */
  project: Set<string>;
}

function postVersions(post: ParsedPost, fileName: string, profile: SiteProfile): PostVersions | undefined {
  const title = frontMatterReadable(post) ? fieldValue(post, 'title') : undefined;
  const titleVersions = typeof title === 'string' ? versionsInProse(title) : [];
  const name = parsePostFileName(fileName);
  const fromTitle = titleVersions.length > 0;
  const versions = fromTitle ? titleVersions : name.slug ? versionsInSlug(name.slug) : [];
  if (!versions.length) return undefined;
  const first = versions[0].parts;
  const same = (parts: string[]) => versionsAgree(parts, first) && parts.length === first.length;
  // Versions glued to a name ("hexo-renderer-less-4.0.0") count here, so the title's other releases are not missed.
  const loose = fromTitle ? [...(title as string).matchAll(/\d+(?:\.\d+){1,3}/g)].map((m) => m[0].split('.')) : [];
  const single = versions.every((v) => same(v.parts)) && loose.every(same) ? dotted(first) : undefined;
  const named = fromTitle ? (title as string).slice(0, versions[0].start) : name.slug!.slice(0, versions[0].start);
  let project = projectWords(named);
  if (!project.size) project = projectWords(profile.projectName);
  return { versions, from: fromTitle ? 'title' : 'file name', single, project };
}

/** Ranges of the versions written in a front-matter value's source. */
function versionsInValue(post: ParsedPost, path: string, inSlug: boolean): { mention: VersionMention; range: TextRange }[] {
  const at = findField(post, path);
  if (!at) return [];
  const base = post.lines.offsetAt(at.valueRange.start);
  const found = inSlug ? versionsInSlug(at.valueSource) : versionsInProse(at.valueSource);
  return found.map((mention) => ({ mention, range: post.lines.rangeOf(base + mention.start, base + mention.end) }));
}

function replaceFix(range: TextRange, written: string, version: string | undefined): Fix[] | undefined {
  if (!version) return undefined;
  const newText = inFormOf(written, version);
  return [{ title: `Change to ${newText}`, edits: [{ range, newText }] }];
}

/** `version-mismatch`: the version a post announces is the one its file name, permalink, links and phrases name. */
export function checkVersionMismatch({ post, fileName, profile, prose }: RuleInput): Finding[] {
  const own = postVersions(post, fileName, profile);
  // A post on several releases ("security fixes for 3.6, 3.7, 3.8", "hexo-fs 1.0.1 and hexo-less 1.0.0") names each
  // of them in turn: it has no one version for the file name, the links and the phrases to carry.
  if (!own?.single) return [];
  const shown = own.single;
  const findings: Finding[] = [];
  const name = parsePostFileName(fileName);

  if (own.from === 'title' && name.slug && name.date) {
    const titleRanges = versionsInValue(post, 'title', false);
    for (const fv of versionsInSlug(name.slug)) {
      if (agreesWithAny(fv.parts, own.versions)) continue;
      const renamed = `${name.date}-${name.slug.slice(0, fv.start)}${inFormOf(fv.text, own.single)}${name.slug.slice(fv.end)}${name.extension}`;
      findings.push({
        rule: RULE,
        message: `the file name says ${dotted(fv.parts)} but the title says ${shown}`,
        range: titleRanges[0]?.range ?? post.lines.lineRange(0),
        fixes: [renameFix(renamed)],
      });
    }
  }

  if (frontMatterReadable(post) && typeof fieldValue(post, 'permalink') === 'string') {
    for (const { mention, range } of versionsInValue(post, 'permalink', true)) {
      if (agreesWithAny(mention.parts, own.versions)) continue;
      findings.push({
        rule: RULE,
        message: `the permalink names ${dotted(mention.parts)} but this post is about ${shown} (${own.from})`,
        range,
        fixes: replaceFix(range, mention.text, own.single),
      });
    }
  }

  findings.push(...bodyFindings(post, prose(), profile, own, shown));
  return findings;
}

function bodyFindings(post: ParsedPost, blocks: ProseBlock[], profile: SiteProfile, own: PostVersions, shown: string): Finding[] {
  const findings: Finding[] = [];
  const seen = new Set<number>();
  const tagLink = tagLinkPattern(profile);
  const project = own.project;
  const ownParts = own.single!.split('.');
  const report = (block: ProseBlock, index: number, written: string, message: string) => {
    const offset = block.offset + index;
    if (seen.has(offset)) return;
    seen.add(offset);
    const range = post.lines.rangeOf(offset, offset + written.length);
    findings.push({ rule: RULE, message, range, fixes: replaceFix(range, written, own.single) });
  };

  for (const block of blocks) {
    const source = block.source;
    if (!/\d\.\d/.test(source)) continue;
    let spanEnd = -1;
    let url = '';
    let linkText = '';
    for (const m of source.matchAll(tagLink)) {
      // Matches inside one URL share it: each character is read once.
      if (m.index >= spanEnd) {
        const [start, end] = urlSpanAround(source, m.index);
        spanEnd = end;
        url = source.slice(start, end).toLowerCase();
        linkText = linkTextBefore(source, start);
      }
      const after = m.index + m[0].length;
      if (!namesRelease(url, m[1] !== undefined, project, source.slice(after, Math.min(spanEnd, after + 2)))) continue;
      const parts = m[2].split('.');
      if (agreesWithAny(parts, own.versions)) continue;
      // "[Jekyll 3.8.7](.../releases/tag/v3.8.7)" links another release on purpose; a leftover hides behind "CHANGELOG".
      if (linkText.includes(m[2])) continue;
      const index = m.index + m[0].lastIndexOf(m[2]);
      const what = m[1] !== undefined ? 'release tag' : 'CHANGELOG';
      report(block, index, m[2], `the ${what} link names ${m[2]} but this post is about ${shown}`);
    }
    for (const pattern of THIS_RELEASE) {
      for (const m of source.matchAll(pattern)) {
        const written = m.groups!.v;
        const groupStart = m.index + m[0].lastIndexOf(written);
        const listed = versionsInProse(written);
        // A list that includes this release ("made 0.26.1, 0.25.1, and 0.24.2 possible") announces several releases.
        if (listed.some((v) => agreesWithAny(v.parts, own.versions))) continue;
        for (const v of listed) {
          if (!isOwnRelease(m, v.parts, ownParts, sentenceBefore(source, m.index), project)) continue;
          if (versionOfAnother(source, m, v.text)) continue;
          report(block, groupStart + v.start, v.text, `"${phrase(m[0])}" names ${v.text} but this post is about ${shown}`);
        }
      }
    }
    for (const pattern of PREVIOUS_RELEASE) {
      for (const m of source.matchAll(pattern)) {
        const written = m.groups!.v;
        const parts = written.replace(/^v/, '').split('.');
        if (parts.length !== ownParts.length || !versionsAgree(parts, ownParts)) continue;
        if (namesIn(m).length && !namesIn(m).some((n) => project.has(n))) continue;
        const index = m.index + m[0].lastIndexOf(written);
        const offset = block.offset + index;
        if (seen.has(offset)) continue;
        seen.add(offset);
        findings.push({
          rule: RULE,
          message: `"${phrase(m[0])}" should name the previous release, not this one (${own.single})`,
          range: post.lines.rangeOf(offset, offset + written.length),
        });
      }
    }
  }
  return findings;
}

function phrase(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ');
  return oneLine.length > 60 ? oneLine.slice(0, 57) + '…' : oneLine;
}
