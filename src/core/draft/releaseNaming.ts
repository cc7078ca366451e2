import type { SiteProfile } from '../site/profile';
import { parsePostFileName, releaseSlug, releaseTitle } from '../site/fileNames';

const TITLE = /^(.*?)\bv?(\d+\.\d+(?:\.\d+)?)\b(.*)$/;
const SLUG = /^(.+?)-v?\d+-\d+(?:-\d+)?-(.+)$/;

/**
 * How a site without a config file names its release posts, read from the posts it has: a title such as
 * "Orbit 1.1.0 Released" in a file `...-orbit-1-1-0-released.md` gives the project "Orbit" and the title
 * pattern "Orbit {version} Released". Returns the profile unchanged when the posts follow it already, or when
 * no post looks like a release post.
 */
export function inferReleaseNaming(profile: SiteProfile, posts: { fileName: string; title: string }[]): SiteProfile {
  const votes = new Map<string, { count: number; project: string; titlePattern: string; slugPattern: string }>();
  for (const { fileName, title } of posts) {
    const slug = parsePostFileName(fileName).slug;
    const t = TITLE.exec(title.trim());
    const s = slug ? SLUG.exec(slug) : null;
    if (!t || !s || !/released?/i.test(t[3] + s[2])) continue;
    const project = t[1].replace(/^Apache\s+/i, '').trim();
    if (!project) continue;
    const titlePattern = `${t[1]}{version}${t[3]}`.replace(project, '{project}');
    const slugPattern = `{project}-{version}-${s[2]}`;
    const key = `${project}\u0000${titlePattern}\u0000${slugPattern}`;
    const vote = votes.get(key) ?? { count: 0, project, titlePattern, slugPattern };
    vote.count++;
    votes.set(key, vote);
  }
  const best = [...votes.values()].sort((a, b) => b.count - a.count)[0];
  if (!best) return profile;
  const inferred = { ...profile, projectName: best.project, releaseTitle: best.titlePattern, releaseSlug: best.slugPattern };
  const sample = '1.2.3';
  const same =
    releaseTitle(inferred, sample) === releaseTitle(profile, sample) && releaseSlug(inferred, sample) === releaseSlug(profile, sample);
  return same ? profile : inferred;
}
