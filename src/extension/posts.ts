import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ParsedPost } from '../core/post/parse';
import { isPostFile, postsModel, type SiteContext } from '../core/site/workspace';

export interface PostDecision {
  isPost: boolean;
  /** Why, in words for the Output channel. */
  reason: string;
}

/**
 * Whether a Markdown document is a post (the same test as the checks use), with the reason. `post` is its parse, or
 * for a post checked on the check worker what the worker said of its front matter.
 */
export function decidePost(document: vscode.TextDocument, site: SiteContext | undefined, post: ParsedPost | { looksLikePost: boolean }): PostDecision {
  const file = document.uri.fsPath || document.uri.path;
  const isPost = 'looksLikePost' in post ? isPostByPath(file, site) ?? post.looksLikePost : isPostFile(file, site, post);
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

/** Whether a file is a post by where it is alone; undefined when its front matter decides. */
function isPostByPath(file: string, site: SiteContext | undefined): boolean | undefined {
  const model = postsModel(site);
  if (model) return model.isPost(file);
  if (!site) return undefined;
  const rel = path.relative(path.resolve(site.root, site.profile.postsFolder), path.resolve(file));
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel) ? true : undefined;
}
