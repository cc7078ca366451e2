/**
 * What was detected and learned about a site, with where each value came from: one plain object for
 * `release-post conventions --format json`, and the same as lines of text for the terminal and the editor's Output.
 */
import * as path from 'node:path';
import type { SiteModel } from './model';
import { mainSeries } from './conventions';
import type { SiteContext } from './workspace';

export interface Sourced {
  value: unknown;
  source: string;
}

export interface ConventionsReport {
  root: string;
  generator: Sourced;
  postsFolders: Sourced;
  posts: number;
  frontMatterFormat: Sourced;
  dateSource: Sourced;
  permalink: Sourced | undefined;
  releasePosts: { count: number; newest: Sourced | undefined };
  releaseNaming: { fileName: Sourced; title: Sourced | undefined } | undefined;
  requiredFields: Sourced;
  keyOrder: Sourced | undefined;
  fields: { key: string; posts: number; shape: string }[];
  tags: Sourced | undefined;
  author: Sourced | undefined;
  date: Sourced | undefined;
  bodySkeleton: Sourced | undefined;
  configFile: string | undefined;
}

/** The report of a site: its model's findings, and the required fields its checks really use. */
export function conventionsReport(site: SiteContext, model: SiteModel): ConventionsReport {
  const c = model.conventions;
  const newest = mainSeries(c.releasePosts)[0];
  const naming = c.releaseNaming;
  const configured = site.configPath ? path.relative(site.root, site.configPath) || site.configPath : undefined;
  return {
    root: model.root,
    generator: { value: model.generator.label, source: model.generator.source },
    postsFolders: { value: model.postsFolders, source: model.generator.source },
    posts: model.postFiles.length,
    frontMatterFormat: model.frontMatterFormat,
    dateSource: model.dateSource,
    permalink: model.permalink,
    releasePosts: {
      count: c.releasePosts.length,
      newest: newest ? { value: newest.version, source: newest.path } : undefined,
    },
    releaseNaming: naming
      ? {
          fileName: { value: naming.value.fileName + naming.value.extension, source: naming.source },
          title: naming.value.title ? { value: naming.value.title, source: naming.source } : undefined,
        }
      : undefined,
    requiredFields: {
      value: site.profile.requiredFields,
      source: configured ?? (site.model ? c.requiredFields.source : 'the built-in profile, which describes this layout'),
    },
    keyOrder: c.keyOrder,
    fields: c.fields.map((f) => ({ key: f.key, posts: f.count, shape: f.shape })),
    tags: c.tags,
    author: c.authorField,
    date: c.dateField,
    bodySkeleton: c.bodySkeleton,
    configFile: configured,
  };
}

function show(value: unknown): string {
  if (Array.isArray(value)) return value.length ? value.join(', ') : '(none)';
  if (value && typeof value === 'object') {
    return Object.entries(value)
      .map(([k, v]) => `${k} ${show(v)}`)
      .join('; ');
  }
  return String(value);
}

function line(label: string, item: Sourced | undefined): string {
  return item ? `${label}: ${show(item.value)}  (from ${item.source})` : `${label}: (none found)`;
}

/** The report as lines of text, each value with its source. */
export function formatConventions(r: ConventionsReport): string[] {
  const lines = [
    `Site: ${r.root}`,
    line('Generator', r.generator),
    line('Posts folder', r.postsFolders),
    `Posts: ${r.posts}`,
    line('Front matter', r.frontMatterFormat),
    line('Post date', r.dateSource),
    line('Post URL', r.permalink),
    `Release posts: ${r.releasePosts.count}${r.releasePosts.newest ? `, newest ${r.releasePosts.newest.value}  (${r.releasePosts.newest.source})` : ''}`,
    line('Release file name', r.releaseNaming?.fileName),
    line('Release title', r.releaseNaming?.title),
    line('Required fields', r.requiredFields),
    line('Key order', r.keyOrder),
    line('Tags', r.tags),
    line('Author', r.author),
    line('Date field', r.date),
  ];
  if (r.bodySkeleton) {
    const body = r.bodySkeleton.value as { headings: string[]; versionLinks: string[] };
    lines.push(`Release post body  (from ${r.bodySkeleton.source}):`);
    for (const h of body.headings.slice(0, 12)) lines.push(`  ${h}`);
    for (const l of body.versionLinks.slice(0, 8)) lines.push(`  link: ${l}`);
  }
  lines.push(`Front-matter keys: ${r.fields.filter((f) => !f.key.includes('.')).map((f) => `${f.key} (${f.posts}, ${f.shape})`).join(', ') || '(none)'}`);
  if (r.configFile) lines.push(`Config file: ${r.configFile} (its keys override what was learned)`);
  return lines;
}
