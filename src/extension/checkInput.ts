/**
 * What a check of one post needs besides its text, as plain data: the same on the extension host and in the check
 * worker (checkWorker.ts). No `vscode` here: the worker loads this module.
 */
import type { PostClaim } from '../core/rules/duplicates';
import { lintPost, type Problem } from '../core/rules/lint';
import { parsePost, type ParsedPost } from '../core/post/parse';
import type { SiteProfile } from '../core/site/profile';
import { routesFrom } from '../core/site/routes';
import type { WorkMessage } from './threadWorker';

/** The site's URLs a link may lead to: the index's (URL → file) or the generator's routes. */
export type SiteLinkData = { kind: 'index'; urls: [string, string][] } | { kind: 'routes'; urls: string[]; folders: string[] };

/** A post to check, as the host asks for it. */
export interface CheckJob {
  text: string;
  fileName: string;
  profile: SiteProfile;
  otherPosts?: PostClaim[];
}

/** A check as the worker gets it: the site's link data (`shared`) comes once per worker, then by `sharedId`. */
export type CheckRequest = WorkMessage<CheckJob, SiteLinkData>;

export interface CheckResult {
  id: number;
  problems: Problem[];
  /** The front matter looks like a post's (`layout` and `title`, or `post_author`). */
  looksLikePost: boolean;
  ms: number;
}

export function linkCheck(data: SiteLinkData): (href: string) => boolean {
  if (data.kind === 'routes') {
    const routes = routesFrom(new Set(data.urls), new Set(data.folders));
    return (href) => routes.status(href) !== 'missing';
  }
  const urls = new Map(data.urls);
  return (href) => resolveUrl(urls, href);
}

/** `resolveSiteUrl` over the index's URL map alone. */
function resolveUrl(urls: Map<string, string>, href: string): boolean {
  if (!href.startsWith('/') || href.startsWith('//')) return false;
  let p = href.replace(/[?#].*$/s, '');
  try {
    p = decodeURI(p);
  } catch {
    // A malformed escape is looked up as written.
  }
  const candidates = [p];
  if (!p.endsWith('/')) candidates.push(p + '/');
  if (p.endsWith('/index.html')) candidates.push(p.slice(0, -'index.html'.length));
  return candidates.some((c) => urls.has(c));
}

export function looksLikePost(post: ParsedPost): boolean {
  const data = post.frontMatter?.data;
  if (!data || typeof data !== 'object' || Array.isArray(data)) return false;
  const fields = data as Record<string, unknown>;
  return ('layout' in fields && 'title' in fields) || 'post_author' in fields;
}

/** Parses and checks a post as the worker does. */
export function runCheck(request: CheckRequest, siteLinkExists: ((href: string) => boolean) | undefined): CheckResult {
  const started = performance.now();
  const post = parsePost(request.text);
  const problems = lintPost(post, request.fileName, request.profile, { siteLinkExists, otherPosts: request.otherPosts });
  return { id: request.id, problems, looksLikePost: looksLikePost(post), ms: performance.now() - started };
}
