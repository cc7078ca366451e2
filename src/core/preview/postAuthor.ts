import { fieldValue, type ParsedPost } from '../post/parse';

/**
 * The post's author as the site names it: Middleman's `post_author` mapping, Jekyll's and Hugo's `author` (a name,
 * a handle or a mapping), `authors` (a list, resolved through the site's authors data), Zola's `[extra]` author,
 * or `by`. Small checked strings only, never raw front-matter data.
 */

export interface PostAuthor {
  name: string;
  twitter?: string;
  /** The front-matter key the author came from (for the page's `data-fm-line`). */
  field: string;
}

/** Display names of the site's authors by handle (`_data/authors.yml`, `data/authors.yaml`, ...). */
export type AuthorDirectory = Record<string, { name?: string; twitter?: string }>;

const MAX_NAME = 200;
const MAX_AUTHORS = 20;

export function cleanText(value: unknown, max: number): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const text = String(value).replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').trim().slice(0, max);
  return text || undefined;
}

function one(value: unknown, directory: AuthorDirectory): { name?: string; twitter?: string } {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const v = value as Record<string, unknown>;
    const handle = cleanText(v.handle ?? v.login ?? v.github, MAX_NAME);
    const known = handle ? directory[handle] : undefined;
    return {
      name: cleanText(v.display_name ?? v.name ?? v.title, MAX_NAME) ?? cleanText(known?.name, MAX_NAME) ?? handle,
      twitter: cleanText(v.twitter, 100) ?? cleanText(known?.twitter, 100),
    };
  }
  const text = cleanText(value, MAX_NAME);
  if (!text) return {};
  const known = Object.prototype.hasOwnProperty.call(directory, text) ? directory[text] : undefined;
  return { name: cleanText(known?.name, MAX_NAME) ?? text, twitter: cleanText(known?.twitter, 100) };
}

/**
 * The author the post names, in the site's author field (`authorField`, a dotted path) when it has one there, else
 * in the first field the site uses; undefined when it names none.
 */
export function readPostAuthor(post: ParsedPost, directory: AuthorDirectory = {}, authorField?: string): PostAuthor | undefined {
  if (authorField) {
    const named = authorIn(post, authorField, directory);
    if (named) return named;
  }
  const legacy = cleanText(fieldValue(post, 'post_author.display_name'), MAX_NAME);
  if (legacy) return { name: legacy, twitter: cleanText(fieldValue(post, 'post_author.twitter'), 100), field: 'post_author' };
  for (const field of ['author', 'authors', 'extra.author', 'extra.authors', 'by', 'post_author']) {
    const named = authorIn(post, field, directory);
    if (named) return named;
  }
  return undefined;
}

function authorIn(post: ParsedPost, field: string, directory: AuthorDirectory): PostAuthor | undefined {
  const value = fieldValue(post, field);
  if (value === undefined || value === null) return undefined;
  const list = Array.isArray(value) ? value.slice(0, MAX_AUTHORS) : [value];
  const people = list.map((v) => one(v, directory)).filter((p) => p.name);
  if (!people.length) return undefined;
  return {
    name: people.map((p) => p.name).join(people.length === 2 ? ' and ' : ', ').slice(0, MAX_NAME * 2),
    twitter: people.length === 1 ? people[0].twitter : undefined,
    field: field.split('.')[0],
  };
}

/** The post's date from its front matter (`date`, Hugo's `publishDate`), as YYYY-MM-DD; undefined when it has none. */
export function frontMatterDate(post: ParsedPost): string | undefined {
  for (const field of ['date', 'publishDate', 'published_date']) {
    const value = fieldValue(post, field);
    if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
    if (typeof value === 'string') {
      const match = /^(\d{4}-\d{2}-\d{2})/.exec(value.trim());
      if (match) return match[1];
    }
  }
  return undefined;
}
