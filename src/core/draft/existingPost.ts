/**
 * A post that already announces a release: one post per release, whatever its date or spelling of the file name
 * (`mesos-1.4.2-released` and `mesos-1-4-2-released` announce the same release). Pure: posts come as text.
 */
import { isMap, isSeq, parseDocument } from 'yaml';
import * as path from 'node:path';
import { fieldValue, parsePost } from '../post/parse';
import { parsePostFileName } from '../site/fileNames';
import type { SiteProfile } from '../site/profile';
import { releasePosts, type PostText } from './releaseModel';
import { normalizeVersion, releaseVersionFromSlug } from './versions';

export interface PlannedPost {
  version: string;
  /** The new post's slug (its file name without date and extension). */
  slug: string;
  /** The URL the new post claims, when known. */
  permalink?: string;
}

export interface ExistingPost {
  /** The post file already announcing the release. */
  path: string;
  /** What gives it away: "its title announces 1.4.2", "its permalink is /blog/…/". */
  why: string;
}

function slugOf(fileName: string): string {
  return parsePostFileName(fileName).slug ?? path.basename(fileName).replace(/\.[^.]*$/, '');
}

/** The slugs the data file's `news` list ties to `version` (`target_version: 1.10.0` with `blog: mesos-1-10-0-released`). */
function dataFileSlugs(dataFile: string | undefined, version: string): string[] {
  if (!dataFile) return [];
  try {
    const doc = parseDocument(dataFile);
    const news = doc.errors.length ? undefined : doc.get('news', true);
    if (!isSeq(news)) return [];
    return news.items.flatMap((item) => {
      if (!isMap(item)) return [];
      const target = item.get('target_version');
      const blog = item.get('blog');
      return target !== undefined && normalizeVersion(String(target)) === version && typeof blog === 'string' ? [blog] : [];
    });
  } catch {
    return [];
  }
}

/**
 * The first post that already announces `planned.version`: by its file name's version, its title (a release post
 * of the site's naming), its permalink or slug (the URL the new post would claim), or the data file's news item.
 */
export function findExistingPost(profile: SiteProfile, posts: PostText[], planned: PlannedPost, dataFile?: string): ExistingPost | undefined {
  const version = planned.version;
  for (const post of posts) {
    const slug = slugOf(post.fileName);
    if (slug === planned.slug) return { path: post.fileName, why: `it has the same slug, ${slug}` };
    if (releaseVersionFromSlug(profile, slug) === version) return { path: post.fileName, why: `its file name announces ${version}` };
    const permalink = fieldValue(parsePost(post.text), 'permalink');
    if (planned.permalink && typeof permalink === 'string' && permalink.replace(/\/?$/, '/') === planned.permalink.replace(/\/?$/, '/')) {
      return { path: post.fileName, why: `its permalink is ${permalink}` };
    }
  }
  for (const release of releasePosts(posts)) {
    if (normalizeVersion(release.version) === version) return { path: release.fileName, why: `its title or file name announces ${version}` };
  }
  for (const blog of dataFileSlugs(dataFile, version)) {
    const post = posts.find((p) => slugOf(p.fileName) === blog);
    if (post) return { path: post.fileName, why: `the data file's news item for ${version} links to it` };
  }
  return undefined;
}
