/**
 * The people of a published release, for checking a post's Thanks list: the range from the previous release's tag
 * to this release's tag in the project's code repository. Undefined whenever that cannot be known (no git, no
 * tags, this version not tagged yet), so the check stays off rather than guessing.
 */
import * as path from 'node:path';
import type { ReleasePeople } from '../rules/thanksGit';
import type { SiteProfile } from '../site/profile';
import type { SiteContext } from '../site/workspace';
import { gitPeople, gitRoot, gitTags, resolveReleaseRange } from './contributors';
import { learnTagPattern } from './tagPattern';
import { previousVersion, versionFromTag } from './versions';

/** The code repository of a site and the versions it has tags for; undefined without git or release tags. */
export interface ReleaseRepository {
  root: string;
  profile: SiteProfile;
  tagged: string[];
}

export async function releaseRepository(site: SiteContext): Promise<ReleaseRepository | undefined> {
  const repoDir = site.profile.repository ? path.resolve(site.root, site.profile.repository) : site.root;
  const root = await gitRoot(repoDir);
  if ('error' in root) return undefined;
  const tags = await gitTags(root.root);
  if ('error' in tags) return undefined;
  const gitTag = learnTagPattern(tags.tags, site.profile.gitTag, (t) => versionFromTag(site.profile, t) !== undefined);
  const profile = { ...site.profile, gitTag };
  const tagged = tags.tags.map((t) => versionFromTag(profile, t)).filter((v): v is string => v !== undefined);
  return tagged.length ? { root: root.root, profile: site.profile, tagged } : undefined;
}

export async function peopleOfRelease(repo: ReleaseRepository, version: string): Promise<ReleasePeople | undefined> {
  if (!repo.tagged.includes(version)) return undefined;
  const range = await resolveReleaseRange(repo.root, repo.profile, version, previousVersion(version, repo.tagged));
  if ('error' in range || range.to === 'HEAD') return undefined;
  const people = await gitPeople(repo.root, range.from, range.to);
  if ('error' in people || people.persons.length === 0) return undefined;
  return { persons: people.persons, range: `${range.from}..${range.to}`, command: people.command };
}
