import { findField, type ParsedPost } from '../post/parse';
import { fileNamePatternRegExp, isRealDate, parsePostFileName, permalinkFor, slugify } from '../site/fileNames';
import type { TextRange } from '../text/text';
import { frontMatterReadable } from './fields';
import type { Finding, Fix, RuleInput } from './types';

/** File-name problems have no place in the text: they are shown on the first line. */
export function fileLevelRange(post: ParsedPost): TextRange {
  return post.lines.lineRange(0);
}

/** The base name the file should have, when its slug only needs cleaning (dots, capitals, spaces). */
export function cleanFileName(fileName: string): string | undefined {
  const name = parsePostFileName(fileName);
  if (!name.date || !name.slug) return undefined;
  const slug = slugify(name.slug);
  if (!slug || slug === name.slug) return undefined;
  return `${name.date}-${slug}${name.extension.toLowerCase()}`;
}

export function renameFix(newName: string): Fix {
  return { title: `Rename the file to ${newName}`, rename: newName };
}

/** `filename-format`: `YYYY-MM-DD-<slug>.md` with a real date and a slug of lower-case letters, digits and dashes. */
export function checkFileNameFormat({ post, fileName, profile }: RuleInput): Finding[] {
  const name = parsePostFileName(fileName);
  const range = fileLevelRange(post);
  const found = (message: string, fixes?: Fix[]): Finding[] => [{ rule: 'filename-format', message, range, fixes }];
  const rules = profile.fileNames;
  const pattern = profile.fileNamePattern ? fileNamePatternRegExp(profile.fileNamePattern) : undefined;
  if (pattern) {
    const stem = name.baseName.replace(/\.[^.]*$/, '');
    if (!pattern.test(stem)) return found(`the file name "${name.baseName}" does not follow the site's pattern ${profile.fileNamePattern}`);
    if (name.date && !isRealDate(name.date)) return found(`the date ${name.date} in the file name is not a real date`);
    return [];
  }
  if (rules && rules.date === 'optional' && !name.date) {
    // The generator takes the date from the front matter: the name only needs to be a clean slug where the site's are.
    const stem = name.baseName.replace(/\.[^.]*$/, '');
    if (!rules.cleanSlug || stem === 'index' || slugify(stem) === stem) return [];
    return found(`the file name "${name.baseName}" is not a lower-case, dash-separated slug like the site's other posts; the post's URL is made from it`);
  }
  if (!name.date || !name.slug) {
    return found(`the file name "${name.baseName}" must be YYYY-MM-DD-<slug>.md: the site takes the post's date and URL from it`);
  }
  if (!isRealDate(name.date)) return found(`the date ${name.date} in the file name is not a real date`);
  if (rules && !rules.cleanSlug) return [];
  const clean = cleanFileName(fileName);
  if (clean) {
    const what = /\./.test(name.slug) ? 'dots (they stay in the URL)' : /[A-Z]/.test(name.slug) ? 'capitals' : /\s/.test(name.slug) ? 'spaces' : 'characters other than lower-case letters, digits and single dashes';
    return found(`the slug "${name.slug}" in the file name has ${what}; the post's URL is made from it`, [renameFix(clean)]);
  }
  return [];
}

/** `permalink-mismatch`: the permalink, when set, is the URL the file name gives. */
export function checkPermalinkMismatch({ post, fileName, profile }: RuleInput): Finding[] {
  if (!frontMatterReadable(post)) return [];
  const at = findField(post, 'permalink');
  const name = parsePostFileName(fileName);
  if (!at || !name.slug || !name.date) return [];
  const value = (post.frontMatter!.data as Record<string, unknown>).permalink;
  if (typeof value !== 'string') return [];
  const expected = permalinkFor(profile, name.slug, name.date);
  if (value === expected) return [];
  const fixes: Fix[] = [];
  const clean = cleanFileName(fileName);
  if (clean) {
    // The file name itself is malformed: renaming it is the fix when that yields this permalink.
    if (permalinkFor(profile, slugify(name.slug), name.date) === value) fixes.push(renameFix(clean));
  } else {
    fixes.push({ title: `Set the permalink to ${expected}`, edits: [{ range: at.valueRange, newText: expected }] });
  }
  return [
    {
      rule: 'permalink-mismatch',
      message: `the permalink ${value} differs from the URL the file name gives, ${expected}`,
      range: at.valueRange,
      fixes: fixes.length ? fixes : undefined,
    },
  ];
}
