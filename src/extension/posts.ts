import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ParsedPost } from '../core/post/parse';
import { isPostFile, type SiteContext } from '../core/site/workspace';

export interface PostDecision {
  isPost: boolean;
  /** Why, in words for the Output channel. */
  reason: string;
}

/** Whether a Markdown document is a post (the same test as the checks use), with the reason. */
export function decidePost(document: vscode.TextDocument, site: SiteContext | undefined, post: ParsedPost): PostDecision {
  const file = document.uri.fsPath || document.uri.path;
  const isPost = isPostFile(file, site, post);
  if (site) {
    const folder = path.resolve(site.root, site.profile.postsFolder);
    const rel = path.relative(folder, path.resolve(file));
    if (!rel.startsWith('..') && !path.isAbsolute(rel)) return { isPost, reason: `in the posts folder ${site.profile.postsFolder}` };
  }
  const where = site ? `outside the posts folder ${site.profile.postsFolder}` : 'in no site';
  return isPost
    ? { isPost, reason: `${where}, but its front matter looks like a post's (layout and title, or post_author)` }
    : { isPost, reason: `${where}, and its front matter does not look like a post's` };
}
