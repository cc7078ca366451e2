/**
 * The profile the rules, drafts and preview read, made from a site model: the generator's facts and the conventions
 * learned from the posts, with nothing of the built-in (Mesos) profile's site-specific values.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { SiteModel } from './model';
import { defaultProfile, type FieldSpec, type SiteProfile } from './profile';

/** The project name the newest release post's title gives: the capitalised words just before its version. */
function projectName(model: SiteModel): string {
  const title = model.conventions.releaseNaming?.value.title ?? '';
  const before = title.split('{')[0].trim();
  const words = before.match(/(?:[A-Z][\w.-]*\s+)*[A-Z][\w.-]*$/)?.[0] ?? before.split(/\s+/).pop() ?? '';
  // "Announcing Rust {version}": the verb that announces is the title's, not the project's name.
  const name = words.replace(/^(?:Announcing|Introducing|Releasing|Presenting)\s+(?=\S)/, '');
  return name || path.basename(model.root);
}

/** Layout names of the site's own layout folder (Jekyll `_layouts`, Middleman `source/layouts`); undefined without one. */
function siteLayouts(model: SiteModel): string[] | undefined {
  const folder = { jekyll: '_layouts', middleman: 'source/layouts' }[model.generator.value as string];
  if (!folder) return undefined;
  try {
    return fs
      .readdirSync(path.join(model.root, folder))
      .map((f) => f.replace(/\..*$/, ''))
      .filter((f) => f && !f.startsWith('.'));
  } catch {
    return undefined;
  }
}

function learnedFields(model: SiteModel): Record<string, FieldSpec> {
  const c = model.conventions;
  const fields: Record<string, FieldSpec> = {
    title: { kind: 'string', description: 'Title of the post.' },
  };
  if (c.dateField) {
    fields[c.dateField.value.key] = {
      kind: 'date',
      description: `Publication date (${model.generator.label} reads it from the front matter${model.facts.fileNameDate === 'required' ? ' before the file name' : ''}).`,
    };
  }
  if (c.tags) {
    fields[c.tags.value.key] =
      c.tags.value.style === 'list'
        ? { kind: 'tag-list', description: 'Tags of the post, as a list.' }
        : { kind: 'tags', description: 'Tags of the post, as one comma-separated string.' };
  }
  const author = c.authorField?.value;
  if (author && author.shape === 'string') fields[author.key] = { kind: 'string', description: 'Author of the post.' };
  if (siteLayouts(model)) fields.layout = { kind: 'layout', description: 'Page layout the site renders the post with.' };
  return fields;
}

/**
 * The keys nearly every post has, less those a new post does not need: old URLs kept for moved posts (`aliases`,
 * `redirect_from`) and a date the generator can take from the file name.
 */
function requiredFields(model: SiteModel): string[] {
  const dateFromName = model.facts.dateSource !== 'front-matter' && model.conventions.fileNames.dated > 0;
  const dateKey = model.conventions.dateField?.value.key;
  return model.conventions.requiredFields.value.filter((f) => !['aliases', 'redirect_from'].includes(f) && !(dateFromName && f === dateKey));
}

/** The dotted path of the author's name in the site's posts: `by`, `authors`, `post_author.display_name`. */
function authorPath(model: SiteModel): string | undefined {
  const author = model.conventions.authorField?.value;
  if (!author) return undefined;
  if (author.shape !== 'mapping') return author.key;
  const sub = ['display_name', 'name'].find((k) => model.conventions.fields.some((f) => f.key === `${author.key}.${k}`));
  return sub ? `${author.key}.${sub}` : author.key;
}

export function profileFromModel(model: SiteModel): SiteProfile {
  const base = defaultProfile();
  const c = model.conventions;
  const naming = c.releaseNaming?.value;
  const staticFolder = model.facts.staticFolders[0] ?? '';
  const source = staticFolder === '.' ? '' : staticFolder;
  const permalink = model.permalink?.value ?? '/{slug}/';
  const total = Math.max(1, c.postCount);
  const cleanSlug = model.facts.slugFrom === 'file-name' && c.fileNames.cleanSlug / total >= 0.9;
  const fields = learnedFields(model);
  return {
    ...base,
    projectName: projectName(model),
    postsFolder: model.postsFolders[0] ?? '',
    sourceFolder: source,
    imagesFolder: source ? `${source}/images` : 'images',
    imagesUrl: '/images/',
    permalink,
    releaseTitle: naming?.title ?? '{project} {version}',
    requiredFields: requiredFields(model),
    fields,
    layouts: siteLayouts(model) ?? c.layouts,
    keyOrder: c.keyOrder?.value ?? ['title'],
    releaseTags: '',
    dataFile: '',
    issueUrl: undefined,
    links: { download: '', changelog: '', upgrades: '', community: '' },
    fileNames: { date: model.facts.fileNameDate, cleanSlug },
    dateSource: model.facts.dateSource,
    authorField: authorPath(model),
    frontMatterFormat: model.frontMatterFormat.value,
    rules: {
      ...base.rules,
      // The generator gives the URL (a `permalink` key sets it rather than repeating it).
      ...(model.generator.value === 'middleman' ? {} : { 'permalink-mismatch': 'off' as const }),
    },
    preview: { siteName: projectName(model), breadcrumb: [], menu: [], stylesheets: [] },
  };
}
