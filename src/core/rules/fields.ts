import { isScalar, isSeq } from 'yaml';
import { fieldValue, findField, type FieldLocation, type ParsedPost } from '../post/parse';
import type { FieldKind, SiteProfile } from '../site/profile';
import { parsePostFileName } from '../site/fileNames';
import type { TextRange } from '../text/text';
import { insertFieldEdit, placeholderValue } from './insertField';
import type { Finding, Fix, RuleInput, TextEdit } from './types';

function isMapping(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date);
}

/** True when the field rules can read the front matter: it parsed, without errors, into a mapping. */
export function frontMatterReadable(post: ParsedPost): boolean {
  const fm = post.frontMatter;
  return !!fm && fm.errors.length === 0 && isMapping(fm.data);
}

function openingRange(post: ParsedPost): TextRange {
  return post.lines.lineRange(0);
}

/** Where a missing field is reported: its empty key, else its nearest present parent's key, else the opening `---`. */
function missingRange(post: ParsedPost, path: string): TextRange {
  const parts = path.split('.');
  for (let n = parts.length; n > 0; n--) {
    const at = findField(post, parts.slice(0, n).join('.'));
    if (at) return at.keyRange;
  }
  return openingRange(post);
}

/** `field-missing`: each required field is present and has a value. */
export function checkFieldMissing({ post, fileName, profile }: RuleInput): Finding[] {
  if (!frontMatterReadable(post)) return [];
  const findings: Finding[] = [];
  for (const path of profile.requiredFields) {
    const parts = path.split('.');
    const parent = parts.length > 1 ? fieldValue(post, parts.slice(0, -1).join('.')) : post.frontMatter!.data;
    if (parent !== undefined && parent !== null && !isMapping(parent)) continue; // field-type reports the parent
    const value = fieldValue(post, path);
    if (value !== undefined && value !== null && value !== '') continue;
    const placeholder = placeholderValue(path, fileName, profile);
    const fixes: Fix[] = [];
    const at = findField(post, path);
    if (!at) {
      const edit = insertFieldEdit(post, path, placeholder, profile);
      if (edit) fixes.push({ title: `Insert "${path}"`, edits: [edit] });
    } else {
      const edit = fillEmptyValue(post, at.keyRange, placeholder);
      if (edit) fixes.push({ title: `Fill in "${path}"`, edits: [edit] });
    }
    findings.push({
      rule: 'field-missing',
      message: at ? `the required field "${path}" has no value` : `the required field "${path}" is missing`,
      range: missingRange(post, path),
      fixes: fixes.length ? fixes : undefined,
    });
  }
  return findings;
}

/** `key:` with nothing after it becomes `key: value`. */
function fillEmptyValue(post: ParsedPost, keyRange: TextRange, value: string) {
  const line = post.lines.lineText(keyRange.end.line);
  const rest = line.slice(keyRange.end.character);
  if (!/^\s*:\s*(""|'')?\s*$/.test(rest)) return undefined;
  return {
    range: { start: keyRange.end, end: { line: keyRange.end.line, character: line.length } },
    newText: `: ${value}`,
  };
}

const TWITTER = /^[A-Za-z0-9_]{1,15}$/;

interface KindCheck {
  message: string;
  fix?: { title: string; newText: string };
}

/** What is wrong with a value of this kind, or undefined when it is fine. */
function checkKind(kind: FieldKind, value: unknown, source: string, fileName: string, profile: SiteProfile): KindCheck | undefined {
  switch (kind) {
    case 'string':
      if (typeof value === 'string') return undefined;
      return {
        message: `must be text, not ${describe(value)}`,
        fix: isScalarSource(source) ? { title: 'Quote the value', newText: JSON.stringify(source) } : undefined,
      };
    case 'boolean': {
      if (typeof value === 'boolean') return undefined;
      const word = typeof value === 'string' ? value.trim().toLowerCase() : '';
      const fixed = ['true', 'yes', 'on'].includes(word) ? 'true' : ['false', 'no', 'off'].includes(word) ? 'false' : undefined;
      return {
        message: `must be true or false, not ${describe(value)}`,
        fix: fixed ? { title: `Change to ${fixed}`, newText: fixed } : undefined,
      };
    }
    case 'tags':
      return checkTags(value);
    case 'tag-list':
      if (Array.isArray(value) ? value.every((v) => typeof v === 'string' || typeof v === 'number') : typeof value === 'string') return undefined;
      return { message: `must be a list of tags, not ${describe(value)}` };
    case 'twitter': {
      if (typeof value !== 'string') return { message: `must be a Twitter handle, not ${describe(value)}` };
      if (TWITTER.test(value)) return undefined;
      const handle = /^(?:@|https?:\/\/(?:www\.)?(?:twitter|x)\.com\/)([A-Za-z0-9_]{1,15})\/?$/.exec(value.trim())?.[1];
      return {
        message: value.startsWith('@')
          ? 'is a handle without "@": the site adds it'
          : 'must be a Twitter handle: up to 15 letters, digits or underscores',
        fix: handle ? { title: `Change to ${handle}`, newText: handle } : undefined,
      };
    }
    case 'gravatar': {
      if (typeof value === 'string' && /^[0-9a-f]{32}$/.test(value)) return undefined;
      if (typeof value === 'string' && /^[0-9a-fA-F]{32}$/.test(value)) {
        return { message: 'must be in lower case', fix: { title: 'Change to lower case', newText: value.toLowerCase() } };
      }
      return { message: "must be 32 hexadecimal characters (the MD5 hash of the author's e-mail)" };
    }
    case 'url':
      if (typeof value === 'string' && /^https?:\/\/\S+$/.test(value)) return undefined;
      return { message: 'must be an absolute http(s) URL' };
    case 'layout':
      if (typeof value === 'string' && profile.layouts.includes(value)) return undefined;
      return { message: `is not a layout of this site (${profile.layouts.join(', ') || 'none set'})` };
    case 'permalink':
      if (typeof value === 'string' && value.startsWith('/')) return undefined;
      return { message: 'must be a URL path starting with "/"' };
    case 'date': {
      const date = typeof value === 'string' ? /^\d{4}-\d{2}-\d{2}/.exec(value)?.[0] : undefined;
      if (!date) return { message: 'must be a date written YYYY-MM-DD' };
      const fromName = parsePostFileName(fileName).date;
      // Jekyll, Hugo and the others let the front matter's date win: only a date taken from the file name must agree.
      if (fromName && fromName !== date && (profile.dateSource ?? 'file-name') === 'file-name') {
        return { message: `is ${date} but the file name says ${fromName}; the site takes the date from the file name` };
      }
      return undefined;
    }
  }
}

function checkTags(value: unknown): KindCheck | undefined {
  if (Array.isArray(value)) {
    const joined = value.every((v) => typeof v === 'string' || typeof v === 'number') ? value.join(', ') : undefined;
    return {
      message: 'must be one comma-separated string such as "Release, Docker", not a list',
      fix: joined !== undefined ? { title: `Change to "${joined}"`, newText: joined } : undefined,
    };
  }
  if (typeof value !== 'string') return { message: `must be a comma-separated string such as "Release, Docker", not ${describe(value)}` };
  if (value.split(',').some((t) => t.trim() === '')) return { message: 'has an empty tag (two commas in a row, or a comma at an end)' };
  return undefined;
}

function describe(value: unknown): string {
  if (value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return 'a date';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `"${value.length > 40 ? value.slice(0, 40) + '…' : value}"`;
  return String(value);
}

function isScalarSource(source: string): boolean {
  return source !== '' && !/[\n\r]/.test(source) && !/^[[{'"|>]/.test(source);
}

/** Fields that hold other fields (`post_author` for `post_author.twitter`) must be mappings. */
function isParentField(profile: SiteProfile, path: string): boolean {
  const prefix = path + '.';
  return Object.keys(profile.fields).some((k) => k.startsWith(prefix)) || profile.requiredFields.some((k) => k.startsWith(prefix));
}

/** A block collection's range runs to the next line: the value's text ends at its last non-space character. */
function trimmedValueRange(post: ParsedPost, range: TextRange): TextRange {
  const start = post.lines.offsetAt(range.start);
  let end = post.lines.offsetAt(range.end);
  while (end > start && /\s/.test(post.text[end - 1])) end--;
  return post.lines.rangeOf(start, end);
}

/** The edit behind a field-type fix: the value replaced, keeping its quotes; a tags list becomes one string. */
function kindFixEdit(at: FieldLocation, kind: FieldKind, valueRange: TextRange, newText: string): TextEdit {
  if (kind === 'tags' && isSeq(at.node)) return { range: { start: at.keyRange.end, end: valueRange.end }, newText: `: ${newText}` };
  const quoted = isScalar(at.node) && (at.node.type === 'QUOTE_DOUBLE' || at.node.type === 'QUOTE_SINGLE');
  const keepsQuotes = quoted && kind !== 'boolean' && kind !== 'string';
  return { range: valueRange, newText: keepsQuotes ? JSON.stringify(newText) : newText };
}

/** `field-type`: every known field present has a value of its kind. */
export function checkFieldType({ post, fileName, profile }: RuleInput): Finding[] {
  if (!frontMatterReadable(post)) return [];
  const findings: Finding[] = [];
  for (const [path, spec] of Object.entries(profile.fields)) {
    const parts = path.split('.');
    if (parts.length > 1 && !isMapping(fieldValue(post, parts.slice(0, -1).join('.')))) continue;
    const value = fieldValue(post, path);
    if (value === undefined || value === null || value === '') continue; // field-missing reports absent values
    const at = findField(post, path);
    if (!at) continue;
    const range = trimmedValueRange(post, at.valueRange);
    if (isParentField(profile, path)) {
      if (!isMapping(value)) {
        findings.push({ rule: 'field-type', message: `"${path}" must be a mapping of its sub-fields, not ${describe(value)}`, range });
      }
      continue;
    }
    const problem = checkKind(spec.kind, value, at.valueSource, fileName, profile);
    if (!problem) continue;
    findings.push({
      rule: 'field-type',
      message: `"${path}" ${problem.message}`,
      range,
      fixes: problem.fix ? [{ title: problem.fix.title, edits: [kindFixEdit(at, spec.kind, range, problem.fix.newText)] }] : undefined,
    });
  }
  return findings;
}
