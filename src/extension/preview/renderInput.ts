/**
 * What the preview's render of one post needs besides its text, as plain data: the same on the extension host and in
 * the render worker (renderWorker.ts), which renders large posts. No `vscode` here: the worker loads this module.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { escapeHtml, readPostHeader, renderPostContent, type PageMode, type PostContent, type PostHeader } from '../../core/preview/page';
import type { BodyProblem } from '../../core/preview/render';
import { previewSiteFor, type PreviewSite } from '../../core/preview/site/previewSite';
import { siteLook, type SiteLook } from '../../core/preview/site/siteLook';
import type { SiteStyles } from '../../core/preview/site/stylesheets';
import { parsePost, type ParsedPost } from '../../core/post/parse';
import { defaultProfile, type SiteProfile } from '../../core/site/profile';
import type { SiteContext } from '../../core/site/workspace';
import type { WorkMessage } from '../threadWorker';

/** Stands for the site's CSS while a worker builds it. */
export const PENDING_STYLES: SiteStyles = { css: '', sheets: [], errors: [], pending: true };

/**
 * The site's look for a post; a site whose look cannot be made gets the built-in page. Its CSS is what `styles` gives
 * (the cached build, or pending: the preview builds it off the host's thread).
 */
export function lookForPost(file: string, site: SiteContext | undefined, styles: (site: PreviewSite) => SiteStyles): SiteLook | undefined {
  try {
    const previewSite = previewSiteFor(file, site);
    return previewSite ? siteLook(previewSite, { styles: styles(previewSite) }) : undefined;
  } catch {
    return undefined;
  }
}

/** The folders a post's local images are looked up in. */
export interface ImageRoots {
  /** Where the built site serves site-root paths from (the look's site). */
  publicRoot?: string;
  /** The site's source folder, for site-root paths when there is no look. */
  sourceRoot?: string;
  /** The post's own folder, for relative paths. */
  postDir?: string;
}

/** The local file a post's image names, when it exists; undefined for remote, `data:` and missing images. */
export function localImageFile(href: string, roots: ImageRoots): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//')) return undefined;
  let clean: string;
  try {
    clean = decodeURIComponent(href.replace(/[?#].*$/s, ''));
  } catch {
    return undefined;
  }
  let file: string | undefined;
  if (clean.startsWith('/')) {
    const root = roots.publicRoot ?? roots.sourceRoot;
    if (root) file = path.join(root, clean);
  } else if (roots.postDir) {
    file = path.join(roots.postDir, clean);
  }
  return file && fs.existsSync(file) ? file : undefined;
}

/** A large post to render for the preview, as the host asks for it. */
export interface RenderJob {
  text: string;
  fileName: string;
  filePath?: string;
  uri: string;
  /** The page's mode without its inline CSS (the content does not depend on it). */
  mode: PageMode;
  problems: BodyProblem[];
  initialLine?: number;
  fallbackHeader?: PostHeader;
  remoteImages: boolean;
  roots: ImageRoots;
  /** Names the look the host made when the post was shown: the worker makes its own once per id. */
  lookId: number;
  /** Local images become `${token}${n}.` with n their index in the result's `files`; the host maps them to URIs. */
  token: string;
}

/** The site a render worker dresses posts for, as plain data (shared: sent once per worker). */
export interface RenderSite {
  root: string;
  profile: SiteProfile;
}

/** The site as the preview's render needs it: its root and profile (a site model is made from the files). */
export function renderSite(site: SiteContext): RenderSite {
  return { root: site.root, profile: site.profile };
}

/** A site context from render data, as `previewSiteFor` and the page read it. */
export function siteOfRender(data: RenderSite): SiteContext {
  return { root: data.root, profile: data.profile, configPath: undefined, problems: [] };
}

export type RenderRequest = WorkMessage<RenderJob, RenderSite>;

export interface RenderResult {
  id: number;
  content: PostContent;
  /** The post's header when its front matter can be read (the preview keeps the last good one). */
  header?: PostHeader;
  /** The local image files the content names, by the index in their token. */
  files: string[];
  ms: number;
}

/** Parses and renders a post as the preview does, with local images as tokens for the host to map. */
export function runRender(
  request: RenderJob & { id: number },
  site: SiteContext | undefined,
  look: SiteLook | undefined,
  parse: (text: string) => ParsedPost = parsePost,
): RenderResult {
  const started = performance.now();
  const profile = site?.profile ?? defaultProfile();
  const post = parse(request.text);
  const header = post.frontMatter && !post.frontMatter.errors.length ? readPostHeader(post, undefined, profile.authorField) : undefined;
  const files: string[] = [];
  const seen = new Map<string, number>();
  const content = renderPostContent({
    post,
    fileName: request.fileName,
    filePath: request.filePath,
    look,
    profile,
    mode: request.mode,
    resolveUrl: (href, kind) => {
      if (kind !== 'image') return href;
      const file = localImageFile(href, request.roots);
      if (!file) return href;
      let n = seen.get(file);
      if (n === undefined) {
        n = files.push(file) - 1;
        seen.set(file, n);
      }
      return `${request.token}${n}.`;
    },
    problems: request.problems,
    uri: request.uri,
    initialLine: request.initialLine,
    fallbackHeader: request.fallbackHeader,
    remoteImages: request.remoteImages,
  });
  return { id: request.id, content, header, files, ms: performance.now() - started };
}

/** Puts the URIs of a render's local images in place of their tokens. */
export function withImageUris(content: PostContent, token: string, uris: string[]): PostContent {
  if (!uris.length) return content;
  const pattern = new RegExp(`${token}(\\d+)\\.`, 'g');
  const put = (html: string) => html.replace(pattern, (match, n: string) => (uris[Number(n)] !== undefined ? escapeHtml(uris[Number(n)]) : match));
  return { ...content, html: put(content.html), headerHtml: put(content.headerHtml), bodyHtml: put(content.bodyHtml), banner: put(content.banner) };
}
