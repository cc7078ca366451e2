/**
 * `duplicate-post`: two posts that claim one URL (a file name's URL or a permalink) or announce one release. The
 * site serves one of them, or both under two names; readers and the data file see two announcements. The other
 * posts come from the caller (the CLI reads the site's posts, the editor its site index).
 */
import { fieldValue, findField, type ParsedPost } from '../post/parse';
import { parsePostFileName, permalinkFor } from '../site/fileNames';
import type { SiteProfile } from '../site/profile';
import { releaseVersionOf } from '../site/siteIndex';
import { fileLevelRange } from './fileName';
import type { Finding } from './types';

export const DUPLICATE_POST = 'duplicate-post';

/** What one post claims: the URLs it is served at or names, and the release it announces. */
export interface PostClaim {
  /** The post's file, as the caller names it (shown in messages). */
  path: string;
  urls: string[];
  version?: string;
}

const trailingSlash = (url: string) => url.replace(/\/?$/, '/');

/** `1.10` and `1.10.0` are one release. */
function releaseKey(version: string): string {
  const parts = version.split('-')[0].split('.');
  while (parts.length < 3) parts.push('0');
  return [parts.map((p) => String(Number(p))).join('.'), ...version.split('-').slice(1)].join('-');
}

/**
 * The claims of a post from its file name and front matter. `url` is the URL the site's generator gives the post,
 * when the caller knows it; otherwise the profile's permalink gives it, when the file name decides it.
 */
export function claimOf(profile: SiteProfile, path: string, post: ParsedPost, url?: string): PostClaim {
  const name = parsePostFileName(path);
  const urls: string[] = [];
  if (url) urls.push(trailingSlash(url));
  else if (name.slug) {
    const fromName = permalinkFor(profile, name.slug, name.date);
    // A placeholder left unfilled (a title-made URL, a date the file name lacks) leaves the URL unknown.
    if (!fromName.includes('{')) urls.push(trailingSlash(fromName));
  }
  const permalink = fieldValue(post, 'permalink');
  if (typeof permalink === 'string' && permalink.trim().startsWith('/')) urls.push(trailingSlash(permalink.trim()));
  const title = fieldValue(post, 'title');
  const version = name.slug ? releaseVersionOf(profile, name.slug, typeof title === 'string' ? title : '') : undefined;
  return { path, urls: [...new Set(urls)], version };
}

/** One finding per other post that claims a URL or the release of this one. */
export function checkDuplicatePosts(post: ParsedPost, fileName: string, profile: SiteProfile, others: PostClaim[]): Finding[] {
  const mine = claimOf(profile, fileName, post);
  const at = findField(post, 'permalink')?.valueRange ?? findField(post, 'title')?.valueRange ?? fileLevelRange(post);
  const findings: Finding[] = [];
  for (const other of others) {
    const url = mine.urls.find((u) => other.urls.includes(u));
    if (url) {
      findings.push({ rule: DUPLICATE_POST, message: `${other.path} claims the same URL, ${url}`, range: at });
    } else if (mine.version && other.version && releaseKey(mine.version) === releaseKey(other.version)) {
      findings.push({ rule: DUPLICATE_POST, message: `${other.path} announces ${mine.version} too: one post per release`, range: findField(post, 'title')?.valueRange ?? at });
    }
  }
  return findings;
}
