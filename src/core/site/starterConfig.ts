import type { SiteProfile } from './profile';

/**
 * The text of a `.releasepost.json` that writes out what Release Post uses for a site now (detected folders,
 * naming read from the site's posts, the built-in links), as a starting point to edit. Every other key keeps its
 * built-in value; the schema completes them.
 */
export function starterConfig(profile: SiteProfile): string {
  const config = {
    projectName: profile.projectName,
    releaseTitle: profile.releaseTitle,
    releaseSlug: profile.releaseSlug,
    postsFolder: profile.postsFolder,
    sourceFolder: profile.sourceFolder,
    permalink: profile.permalink,
    requiredFields: profile.requiredFields,
    changelog: profile.changelog,
    dataFile: profile.dataFile,
    gitTag: profile.gitTag,
    links: profile.links,
    rules: profile.rules,
    preview: { siteName: profile.preview.siteName },
  };
  return JSON.stringify(config, null, 2) + '\n';
}
