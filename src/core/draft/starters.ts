/**
 * Built-in starting points for a site that has no release post to follow yet: one short, neutral release post per
 * generator, in that generator's front-matter format and file naming. They are model posts like a site's own
 * (version 1.0.0 of 2000-01-01), so the same code moves them to the release being written.
 */
import type { ModelPost } from './fromModelPost';

export interface Starter {
  name: string;
  description: string;
  model: ModelPost;
}

const BODY = `Version 1.0.0 is now available.

## Highlights

- A change worth telling.

## Upgrading

How to upgrade from the previous version.

## Thanks

The people who made this release.
`;

function starter(name: string, description: string, fileName: string, frontMatter: string): Starter {
  return { name, description, model: { fileName, text: `${frontMatter}\n${BODY}`, version: '1.0.0' } };
}

export const STARTERS: Starter[] = [
  starter(
    'jekyll',
    'Jekyll: YAML, dated file name',
    '2000-01-01-release-1-0-0.md',
    '---\nlayout: post\ntitle: "Release 1.0.0"\ndate: 2000-01-01\nauthor: Author\ncategories: [release]\n---\n',
  ),
  starter(
    'hugo',
    'Hugo: YAML, undated file name',
    'release-1.0.0.md',
    '---\ntitle: "Release 1.0.0"\ndate: "2000-01-01T00:00:00Z"\nauthors: ["Author"]\ntags: ["release"]\ndraft: false\n---\n',
  ),
  starter(
    'hexo',
    'Hexo: YAML, date and time in the front matter',
    'release-1-0-0.md',
    '---\ntitle: Release 1.0.0\ndate: 2000-01-01 00:00:00\nauthor: Author\ntags:\n  - release\n---\n',
  ),
  starter(
    'zola',
    'Zola: TOML (+++)',
    'release-1.0.0.md',
    '+++\ntitle = "Release 1.0.0"\ndate = 2000-01-01\nauthors = ["Author"]\n\n[taxonomies]\ntags = ["release"]\n+++\n',
  ),
  starter(
    'middleman',
    'Middleman blog: YAML, dated file name',
    '2000-01-01-release-1-0-0.md',
    '---\nlayout: post\ntitle: "Release 1.0.0"\nauthor: Author\ntags: release\n---\n',
  ),
];

export function starterModel(name: string): ModelPost | undefined {
  return STARTERS.find((s) => s.name === name.trim().toLowerCase())?.model;
}
