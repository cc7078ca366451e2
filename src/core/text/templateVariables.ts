/**
 * The words of Release Post's own templates and patterns, shared by the draft builder (which fills them in) and the
 * placeholder rule (which reports one left unfilled).
 */

/** The variables a template may use, with what each becomes. The README and template docs list these. */
export const TEMPLATE_VARIABLES = [
  { name: 'version', description: 'The version being released, e.g. `1.11.0`.' },
  { name: 'previous_version', description: 'The release it upgrades from: the previous patch for a patch release, the previous `.0` otherwise.' },
  { name: 'project', description: 'The project name from the profile, e.g. `Mesos`.' },
  { name: 'article', description: '"a" or "an" to put before the project name ("an Orbit 1.1.0 cluster").' },
  { name: 'title', description: 'The post title, e.g. `Apache Mesos 1.11.0 Released`.' },
  { name: 'date', description: 'The post date, `YYYY-MM-DD`.' },
  { name: 'date_long', description: 'The post date as the site prints it, e.g. `October 20, 2019`.' },
  { name: 'author', description: "The author's display name." },
  { name: 'features_intro', description: 'The sentence that leads into the feature list (bug fixes for a bug-fix release).' },
  { name: 'features', description: 'The CHANGELOG highlights (or, for a bug-fix release, its fixed issues) as a Markdown list with issue links.' },
  { name: 'feature_sections', description: 'The CHANGELOG highlights as `##` sections, one per highlight group, for the long post style.' },
  { name: 'changelog_url', description: "Link to this version's CHANGELOG (`links.changelog` of the profile)." },
  { name: 'download_url', description: 'Link to the downloads page (`links.download`).' },
  { name: 'upgrades_url', description: 'Link to the upgrade guide (`links.upgrades`).' },
  { name: 'community_url', description: 'Link to the community page (`links.community`).' },
  { name: 'contributor_count', description: 'The number of contributors, counted from git.' },
  { name: 'contributors', description: 'The contributors from git, one comma-separated line, de-duplicated and sorted.' },
  { name: 'cursor', description: 'Where the editor puts the cursor when nothing is left to fill in; becomes nothing.' },
] as const;

/** Placeholders of the site's naming patterns (`releaseTitle`, `permalink`, `issueUrl`, ...). */
export const PATTERN_PLACEHOLDERS = ['project', 'version', 'slug', 'key', 'year', 'month', 'day', 'title'] as const;

/** Every name a Release Post template or pattern fills in. */
export const RELEASE_POST_VARIABLE_NAMES: ReadonlySet<string> = new Set<string>([
  ...TEMPLATE_VARIABLES.map((v) => v.name),
  ...PATTERN_PLACEHOLDERS,
]);
