import { fieldValue, findField, type ParsedPost } from '../post/parse';
import type { SiteProfile } from '../site/profile';
import { parsePostFileName } from '../site/fileNames';
import type { TextRange } from '../text/text';
import { frontMatterReadable } from './fields';
import { renameFix } from './fileName';
import type { ProseBlock } from './prose';
import type { Finding, Fix, RuleInput } from './types';
import { agreesWithAny, dotted, inFormOf, versionsAgree, versionsInProse, versionsInSlug, type VersionMention } from './versions';

const RULE = 'version-mismatch';
const V = String.raw`v?\d+(?:\.\d+){1,3}(?![\w-]|\.\d)`;
const V_OR_X = String.raw`v?\d+(?:\.(?:\d+|x)){1,3}(?![\w-]|\.\d)`;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Phrases whose version names the release the post announces; group 1 holds the version(s). */
function thisReleasePatterns(profile: SiteProfile): RegExp[] {
  const p = escapeRegExp(profile.projectName);
  const project = String.raw`(?:(?:the\s+)?(?:apache\s+)?${p}\s+)?`;
  return [
    // "upgrading to Mesos 1.4.2", "upgrades from a Mesos 1.4.1 cluster to Mesos 1.4.2"
    new RegExp(
      String.raw`\bupgrad(?:e|es|ed|ing)\s+(?:from\s+(?:an?\s+)?${project}(?:version\s+)?${V_OR_X}(?:\s+(?:cluster|release|version))?\s+)?to\s+${project}(?:version\s+)?(${V})`,
      'gi',
    ),
    // "made 1.4.2 possible", "made Mesos 1.2.0 possible", "made 0.26.1, 0.25.1, and 0.24.2 possible"
    new RegExp(String.raw`\bmade\s+${project}(${V}(?:\s*,\s*(?:and\s+)?${V}|\s+and\s+${V})*)\s+possible\b`, 'gi'),
    // "The latest Mesos release, 0.25.0,", "The latest Mesos 1.4.x release, 1.4.2,"
    new RegExp(String.raw`\blatest\s+${project}(?:${V_OR_X}\s+)?release,?\s+(?:is\s+)?${project}(${V})`, 'gi'),
  ];
}

/** Phrases that name the *previous* release: this release there is a copy-paste slip. */
function previousReleasePatterns(profile: SiteProfile): RegExp[] {
  const p = escapeRegExp(profile.projectName);
  const project = String.raw`(?:(?:apache\s+)?${p}\s+)?`;
  return [
    new RegExp(String.raw`\bon\s+top\s+of\s+${project}(${V})`, 'gi'),
    new RegExp(String.raw`\bfrom\s+an?\s+${project}(${V})\s+cluster\b`, 'gi'),
  ];
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
  return new RegExp(
    String.raw`(?:[?;&]hb=|/(?:blob|raw|blob_plain)/|(/releases/tag/|/tree/))${optionalV}${before}(\d+(?:\.\d+){1,3})${after}(?=[/;&)#"'>\s]|$)`,
    'gi',
  );
}

/**
 * Whether a link found by tagLinkPattern names the release: a CHANGELOG at a version, or the project's tag page
 * (the version ends the URL's path: `rest` is what follows it in the URL).
 */
function namesRelease(url: string, tagPage: boolean, project: string, rest: string): boolean {
  if (!tagPage) return url.includes('changelog');
  return url.includes(project) && /^\/?(?:[#?]|$)/.test(rest);
}

/** The span of the URL around an offset: bounded by white space, parentheses, angle brackets or quotes. */
function urlSpanAround(source: string, index: number): [number, number] {
  let start = index;
  while (start > 0 && !/[\s(<"']/.test(source[start - 1])) start--;
  let end = index;
  while (end < source.length && !/[\s)>"']/.test(source[end])) end++;
  return [start, end];
}

interface PostVersions {
  versions: VersionMention[];
  /** Where the post's version was read: the title's value or the file name. */
  from: 'title' | 'file name';
  /** The post's one version, when it announces a single release: used by fixes. */
  single: string | undefined;
}

function postVersions(post: ParsedPost, fileName: string): PostVersions | undefined {
  const title = frontMatterReadable(post) ? fieldValue(post, 'title') : undefined;
  const titleVersions = typeof title === 'string' ? versionsInProse(title) : [];
  const name = parsePostFileName(fileName);
  const versions = titleVersions.length ? titleVersions : name.slug ? versionsInSlug(name.slug) : [];
  if (!versions.length) return undefined;
  const first = versions[0].parts;
  const single = versions.every((v) => versionsAgree(v.parts, first) && v.parts.length === first.length) ? dotted(first) : undefined;
  return { versions, from: titleVersions.length ? 'title' : 'file name', single };
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
  const own = postVersions(post, fileName);
  if (!own) return [];
  const shown = own.single ?? own.versions.map((v) => dotted(v.parts)).join(', ');
  const findings: Finding[] = [];
  const name = parsePostFileName(fileName);

  if (own.from === 'title' && name.slug && name.date) {
    const titleRanges = versionsInValue(post, 'title', false);
    for (const fv of versionsInSlug(name.slug)) {
      if (agreesWithAny(fv.parts, own.versions)) continue;
      const renamed = own.single
        ? `${name.date}-${name.slug.slice(0, fv.start)}${inFormOf(fv.text, own.single)}${name.slug.slice(fv.end)}${name.extension}`
        : undefined;
      findings.push({
        rule: RULE,
        message: `the file name says ${dotted(fv.parts)} but the title says ${shown}`,
        range: titleRanges[0]?.range ?? post.lines.lineRange(0),
        fixes: renamed ? [renameFix(renamed)] : undefined,
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
  const thisRelease = thisReleasePatterns(profile);
  const previous = previousReleasePatterns(profile);
  const tagLink = tagLinkPattern(profile);
  const project = profile.projectName.toLowerCase();
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
    for (const m of source.matchAll(tagLink)) {
      // Matches inside one URL share it: each character is read once.
      if (m.index >= spanEnd) {
        const [start, end] = urlSpanAround(source, m.index);
        spanEnd = end;
        url = source.slice(start, end).toLowerCase();
      }
      const after = m.index + m[0].length;
      if (!namesRelease(url, m[1] !== undefined, project, source.slice(after, Math.min(spanEnd, after + 2)))) continue;
      const parts = m[2].split('.');
      if (agreesWithAny(parts, own.versions)) continue;
      const index = m.index + m[0].lastIndexOf(m[2]);
      const what = m[1] !== undefined ? 'release tag' : 'CHANGELOG';
      report(block, index, m[2], `the ${what} link names ${m[2]} but this post is about ${shown}`);
    }
    for (const pattern of thisRelease) {
      for (const m of source.matchAll(pattern)) {
        const groupStart = m.index + m[0].lastIndexOf(m[1]);
        const listed = versionsInProse(m[1]);
        // A list that includes this release ("made 0.26.1, 0.25.1, and 0.24.2 possible") announces several releases.
        if (listed.some((v) => agreesWithAny(v.parts, own.versions))) continue;
        for (const v of listed) {
          report(block, groupStart + v.start, v.text, `"${phrase(m[0])}" names ${v.text} but this post is about ${shown}`);
        }
      }
    }
    if (!own.single) continue;
    const ownParts = own.single.split('.');
    for (const pattern of previous) {
      for (const m of source.matchAll(pattern)) {
        const parts = m[1].replace(/^v/, '').split('.');
        if (parts.length !== ownParts.length || !versionsAgree(parts, ownParts)) continue;
        const index = m.index + m[0].lastIndexOf(m[1]);
        const offset = block.offset + index;
        if (seen.has(offset)) continue;
        seen.add(offset);
        findings.push({
          rule: RULE,
          message: `"${phrase(m[0])}" should name the previous release, not this one (${own.single})`,
          range: post.lines.rangeOf(offset, offset + m[1].length),
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
