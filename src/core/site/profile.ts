/**
 * A site profile: everything Release Post knows about one website's conventions. The built-in default is the
 * Apache Mesos site (Middleman blog); a `.releasepost.json` file overrides any part of it.
 */

export type RuleSeverity = 'error' | 'warning' | 'info' | 'off';

/** The form a front-matter value must have. */
export type FieldKind = 'string' | 'boolean' | 'tags' | 'tag-list' | 'twitter' | 'gravatar' | 'url' | 'layout' | 'permalink' | 'date';

/** How a site's generator reads a post's file name. Absent: `YYYY-MM-DD-<slug>.md`, the URL made from the slug. */
export interface FileNameRules {
  /** Whether the generator needs the `YYYY-MM-DD-` prefix (Jekyll `_posts`, Middleman) or only allows it. */
  date: 'required' | 'optional';
  /** Whether the slug must be lower case, digits and single dashes (the file name makes the URL and the site's posts do so). */
  cleanSlug: boolean;
}

export interface FieldSpec {
  kind: FieldKind;
  /** What the key does on the site: shown in hovers and completions. */
  description: string;
}

export interface PreviewProfile {
  /** Shown in the navbar and the page title, e.g. "Apache Mesos". */
  siteName: string;
  /** Breadcrumb strip entries, left to right. */
  breadcrumb: { label: string; href: string }[];
  /** Navbar menu entries. */
  menu: { label: string; href: string }[];
  /** Site stylesheets (paths relative to the site root) that replace the built-in one. */
  stylesheets: string[];
}

export interface SiteProfile {
  /** Project name as used in titles and slugs, e.g. "Mesos". */
  projectName: string;
  /** Folder of the posts, relative to the site root. */
  postsFolder: string;
  /** Folder that site-root URLs (`/assets/...`, `/blog/...`) resolve against, relative to the site root. */
  sourceFolder: string;
  /** Folder of blog images, relative to the site root. */
  imagesFolder: string;
  /** URL path under which `imagesFolder` is served. */
  imagesUrl: string;
  /** Permalink pattern; `{slug}` is the file name's slug. */
  permalink: string;
  /** Title of a release post; `{project}` and `{version}` are filled in. */
  releaseTitle: string;
  /** Slug of a release post; `{project}` (lower case) and `{version}` (dots become dashes). */
  releaseSlug: string;
  /** Required front-matter fields, as dotted paths. */
  requiredFields: string[];
  /** Known front-matter fields, as dotted paths, and the form of their values. */
  fields: Record<string, FieldSpec>;
  /** Allowed values of `layout`. */
  layouts: string[];
  /** Order of the front-matter keys in a new post (dotted paths for sub-keys). */
  keyOrder: string[];
  /** Tags of a new release post. */
  releaseTags: string;
  /** The CHANGELOG, relative to the site root's repository (searched upward from the site root). */
  changelog: string;
  /** The site's data file that lists releases, relative to the site root ('' when there is none). */
  dataFile: string;
  /** A body template file for new release posts, relative to the site root ('' for the built-in one). */
  template: string;
  /** Git tag of a release; `{version}` is filled in. */
  gitTag: string;
  /** The project's code repository (tags, contributors), relative to the site root; '' for the site's own. */
  repository: string;
  /** Link to an issue named in the CHANGELOG (`MESOS-1234`); `{key}` is filled in. Absent: keys are not linked. */
  issueUrl?: string;
  /** Links used by the built-in release-post template. `{version}` is filled in. */
  links: {
    download: string;
    changelog: string;
    upgrades: string;
    community: string;
  };
  /** How the file name is checked; absent: the built-in `YYYY-MM-DD-<slug>.md` rules. */
  fileNames?: FileNameRules;
  /**
   * The file name of a post, without extension: `{year}-{month}-{day}-{slug}`, `release-of-{version}`. Absent: the
   * built-in `YYYY-MM-DD-<slug>` rules (or the generator's).
   */
  fileNamePattern?: string;
  /** Where the generator takes a post's date from; absent: the file name. */
  dateSource?: 'file-name' | 'front-matter' | 'front-matter-or-file-name';
  /**
   * The front-matter key (a dotted path) that names the author of a new post: `author`, `authors` (a list), `by`,
   * `post_author.display_name`. Absent: `post_author.display_name`.
   */
  authorField?: string;
  /** The front-matter format of a new post: YAML `---`, TOML `+++` or a JSON object. Absent: YAML. */
  frontMatterFormat?: 'yaml' | 'toml' | 'json';
  /** Severity of each rule; rules not named here use their default. */
  rules: Record<string, RuleSeverity>;
  preview: PreviewProfile;
}

export const CONFIG_FILE_NAME = '.releasepost.json';

/** Posts folders recognised without a config file, most specific first. */
export const KNOWN_POSTS_FOLDERS = ['site/source/blog', 'source/_posts', '_posts', 'content/blog', 'content/posts', 'source/blog'];

export function defaultProfile(): SiteProfile {
  return {
    projectName: 'Mesos',
    postsFolder: 'site/source/blog',
    sourceFolder: 'site/source',
    imagesFolder: 'site/source/assets/img/blog',
    imagesUrl: '/assets/img/blog/',
    permalink: '/blog/{slug}/',
    releaseTitle: 'Apache {project} {version} Released',
    releaseSlug: '{project}-{version}-released',
    requiredFields: ['layout', 'title', 'published', 'post_author.display_name', 'tags'],
    fields: {
      layout: { kind: 'layout', description: 'Page layout the site renders the post with.' },
      title: { kind: 'string', description: 'Title of the post, shown as the page heading and in the blog index.' },
      permalink: {
        kind: 'permalink',
        description: 'URL of the post. The generator derives the URL from the file name; keep this equal to it.',
      },
      published: { kind: 'boolean', description: '`true` to publish the post; `false` hides it from the build.' },
      post_author: { kind: 'string', description: 'The author block: `display_name`, `gravatar`, `twitter`.' },
      'post_author.display_name': { kind: 'string', description: "Author's name, shown in bold beside the post." },
      'post_author.gravatar': {
        kind: 'gravatar',
        description: "MD5 hash of the author's e-mail (32 lowercase hex characters); the picture is shown at 80 px.",
      },
      'post_author.twitter': { kind: 'twitter', description: 'Twitter handle **without** `@`, linked under the name.' },
      tags: { kind: 'tags', description: 'Comma-separated tags as one string, e.g. `Release, Docker`.' },
      canonical_url: { kind: 'url', description: 'Canonical URL when the post was first published elsewhere.' },
      date: { kind: 'date', description: 'Publication date. The site takes it from the file name; if set, it must match.' },
    },
    layouts: ['post'],
    keyOrder: [
      'layout',
      'title',
      'permalink',
      'published',
      'post_author',
      'post_author.display_name',
      'post_author.gravatar',
      'post_author.twitter',
      'tags',
    ],
    releaseTags: 'Release',
    changelog: 'CHANGELOG',
    dataFile: 'site/data/releases.yml',
    template: '',
    gitTag: '{version}',
    repository: '',
    issueUrl: 'https://issues.apache.org/jira/browse/{key}',
    links: {
      download: 'http://mesos.apache.org/downloads',
      changelog: 'https://gitbox.apache.org/repos/asf?p=mesos.git;a=blob_plain;f=CHANGELOG;hb={version}',
      upgrades: 'http://mesos.apache.org/documentation/latest/upgrades/',
      community: 'http://mesos.apache.org/community/',
    },
    rules: {},
    preview: {
      siteName: 'Apache Mesos',
      breadcrumb: [
        { label: 'Apache Software Foundation', href: 'http://www.apache.org' },
        { label: 'Apache Mesos', href: '/' },
        { label: 'Blog', href: '/blog/' },
      ],
      menu: [
        { label: 'Getting Started', href: '/getting-started/' },
        { label: 'Blog', href: '/blog/' },
        { label: 'Documentation', href: '/documentation/latest/' },
        { label: 'Downloads', href: '/downloads/' },
        { label: 'Community', href: '/community/' },
      ],
      stylesheets: [],
    },
  };
}
