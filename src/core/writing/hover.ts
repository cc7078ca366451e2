import { frontMatterLineAt, frontMatterLineSpan, readFrontMatterLines } from '../post/frontMatterLines';
import type { ParsedPost } from '../post/parse';
import type { SiteProfile } from '../site/profile';
import { parsePostFileName, permalinkFor } from '../site/fileNames';
import { resolveSiteUrl, type SiteIndex } from '../site/siteIndex';
import { findSiteLinks } from '../site/siteLinks';
import type { TextPosition, TextRange } from '../text/text';

export interface HoverResult {
  markdown: string;
  range: TextRange;
}

function code(text: string): string {
  const ticks = text.includes('`') ? '``' : '`';
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${ticks}${pad}${text}${pad}${ticks}`;
}

/** The expected form of a field's value, for this file where the file name decides it. */
function expectedForm(profile: SiteProfile, path: string, fileName: string): string {
  const kind = profile.fields[path]?.kind;
  const name = parsePostFileName(fileName);
  switch (kind) {
    case 'boolean':
      return '`true` or `false`';
    case 'tags':
      return 'one string of comma-separated tags, e.g. `Release, Docker`';
    case 'twitter':
      return 'a Twitter handle without `@`, e.g. `apachemesos`';
    case 'gravatar':
      return '32 lowercase hexadecimal characters (the MD5 hash of the e-mail address)';
    case 'url':
      return 'an absolute `https://` URL';
    case 'layout':
      return `one of ${profile.layouts.map(code).join(', ') || 'the site\u2019s layouts'}`;
    case 'permalink':
      return name.slug
        ? `${code(permalinkFor(profile, name.slug))}, the URL this file name gives`
        : `${code(profile.permalink.replace('{slug}', '<slug>'))}, from the file name`;
    case 'date':
      return name.date ? `${code(name.date)}, the date of this file name` : '`YYYY-MM-DD`, equal to the file name\u2019s date';
    case 'string':
      return hasChildren(profile, path) ? 'a block of keys: ' + childKeys(profile, path).map(code).join(', ') : 'text';
    default:
      return 'any value';
  }
}

export function hasChildren(profile: SiteProfile, path: string): boolean {
  return childKeys(profile, path).length > 0;
}

/** Sub-keys the profile knows under `path`, in the site's key order. */
export function childKeys(profile: SiteProfile, path: string | undefined): string[] {
  const prefix = path ? path + '.' : '';
  const keys = Object.keys(profile.fields)
    .filter((k) => k.startsWith(prefix) && !k.slice(prefix.length).includes('.'))
    .map((k) => k.slice(prefix.length));
  const order = (k: string) => {
    const i = profile.keyOrder.indexOf(prefix + k);
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  return keys.sort((a, b) => order(a) - order(b) || a.localeCompare(b));
}

/** Required itself, or a block that holds a required key (`post_author` for `post_author.display_name`). */
export function isRequired(profile: SiteProfile, path: string): boolean {
  return profile.requiredFields.some((f) => f === path || f.startsWith(path + '.'));
}

/** Markdown describing a front-matter key: what it does on the site, whether it is required, its expected form. */
export function describeField(profile: SiteProfile, path: string, fileName: string): string | undefined {
  const spec = profile.fields[path];
  if (!spec) return undefined;
  const required = isRequired(profile, path) ? '**Required.**' : 'Optional.';
  return [`**${path}** \u2014 ${required}`, spec.description, `Expected: ${expectedForm(profile, path, fileName)}.`].join('\n\n');
}

/** Hover text for a front-matter key, or for a site-root link of the body. */
export function hoverPost(
  post: ParsedPost,
  position: TextPosition,
  fileName: string,
  profile: SiteProfile,
  index: SiteIndex,
): HoverResult | undefined {
  const span = frontMatterLineSpan(post);
  if (span && position.line >= span.first && position.line < span.end) return hoverKey(post, position, fileName, profile);
  if (position.line < post.bodyStartLine) return undefined;
  return hoverLink(post, position, profile, index);
}

function hoverKey(post: ParsedPost, position: TextPosition, fileName: string, profile: SiteProfile): HoverResult | undefined {
  const line = frontMatterLineAt(readFrontMatterLines(post), position.line);
  if (!line?.key || !line.path || position.character < line.keyStart || position.character > line.keyEnd) return undefined;
  const range = { start: { line: line.line, character: line.keyStart }, end: { line: line.line, character: line.keyEnd } };
  const markdown =
    describeField(profile, line.path, fileName) ??
    `**${line.path}** \u2014 not a key this site uses: the site ignores it. Known keys: ${childKeys(profile, parentOf(line.path)).map(code).join(', ')}.`;
  return { markdown, range };
}

function parentOf(path: string): string | undefined {
  const dot = path.lastIndexOf('.');
  return dot < 0 ? undefined : path.slice(0, dot);
}

function within(range: TextRange, p: TextPosition): boolean {
  const afterStart = p.line > range.start.line || (p.line === range.start.line && p.character >= range.start.character);
  const beforeEnd = p.line < range.end.line || (p.line === range.end.line && p.character <= range.end.character);
  return afterStart && beforeEnd;
}

function hoverLink(post: ParsedPost, position: TextPosition, profile: SiteProfile, index: SiteIndex): HoverResult | undefined {
  const link = findSiteLinks(post).find((l) => within(l.range, position));
  if (!link) return undefined;
  const file = resolveSiteUrl(index, link.href);
  if (file === undefined) {
    return {
      range: link.range,
      markdown: `${code(link.href)} matches no post, page or file under ${code(profile.sourceFolder)}: the link is broken on the published page.`,
    };
  }
  const target = index.posts.find((p) => p.path === file);
  if (target) {
    const draft = target.draft ? ' It is a draft (`published: false`): not on the site yet.' : '';
    const title = target.title ? `**${escapeMarkdown(target.title)}**` : code(target.slug);
    return { range: link.range, markdown: `Post ${title}, ${target.date}.${draft}\n\n${code(file)}` };
  }
  return { range: link.range, markdown: `Site file ${code(file)}` };
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!<>|]/g, '\\$&');
}
