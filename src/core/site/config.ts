import { parseTree, printParseErrorCode, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import { defaultProfile, type FieldKind, type SiteProfile } from './profile';
import { RULE_NAMES } from '../rules/index';
import { LineIndex, type TextRange } from '../text/text';

/** A problem of the config file, at its place in the file. */
export interface ConfigProblem {
  message: string;
  range: TextRange;
}

const FIELD_KINDS: FieldKind[] = ['string', 'boolean', 'tags', 'tag-list', 'twitter', 'gravatar', 'url', 'layout', 'permalink', 'date'];
const SEVERITIES = ['error', 'warning', 'info', 'off'];

/** The form each config value must have; mirrors SiteProfile (and schemas/releasepost.schema.json). */
type Shape =
  /** `pattern`: the form the string must have, `hint` says it in words. */
  | { type: 'string'; pattern?: RegExp; hint?: string }
  | { type: 'enum'; values: string[] }
  | { type: 'array'; of: Shape }
  /** `optional`: keys an object in a list or a new map entry may leave out (the others are required there). */
  | { type: 'object'; keys: Record<string, Shape>; optional?: string[] }
  | { type: 'map'; of: Shape; validKey: (key: string) => string | undefined };

const FIELD_PATH = /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/;
const text: Shape = { type: 'string' };
const texts: Shape = { type: 'array', of: text };
const labelledLinks: Shape = { type: 'array', of: { type: 'object', keys: { label: text, href: text } } };
const fieldSpec: Shape = {
  type: 'object',
  keys: { kind: { type: 'enum', values: FIELD_KINDS }, description: text },
  optional: ['description'],
};

const PROFILE_SHAPE: Shape = {
  type: 'object',
  keys: {
    projectName: text,
    postsFolder: text,
    sourceFolder: text,
    imagesFolder: text,
    imagesUrl: text,
    permalink: text,
    releaseTitle: text,
    releaseSlug: text,
    requiredFields: texts,
    fields: {
      type: 'map',
      of: fieldSpec,
      validKey: (key) => (FIELD_PATH.test(key) ? undefined : `"${key}" is not a field path (keys joined by dots)`),
    },
    layouts: texts,
    keyOrder: texts,
    releaseTags: text,
    changelog: text,
    dataFile: text,
    template: text,
    gitTag: text,
    repository: text,
    issueUrl: text,
    links: { type: 'object', keys: { download: text, changelog: text, upgrades: text, community: text } },
    rules: {
      type: 'map',
      of: { type: 'enum', values: SEVERITIES },
      validKey: (key) => (RULE_NAMES.has(key) ? undefined : `unknown rule "${key}"; the rules are: ${[...RULE_NAMES].join(', ')}`),
    },
    preview: {
      type: 'object',
      keys: { siteName: text, breadcrumb: labelledLinks, menu: labelledLinks, stylesheets: texts },
    },
    fileNamePattern: text,
    dateSource: { type: 'enum', values: ['file-name', 'front-matter', 'front-matter-or-file-name'] },
    tagsStyle: { type: 'enum', values: ['list', 'comma-string'] },
    authorField: { type: 'string', pattern: FIELD_PATH, hint: 'a front-matter key or a dotted path such as "post_author.display_name"' },
    frontMatterFormat: { type: 'enum', values: ['yaml', 'toml', 'json'] },
  },
};

/** Keys a config file may carry that are not settings. */
const IGNORED_KEYS = new Set(['$schema']);

const PARSE_MESSAGES: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'malformed number',
  PropertyNameExpected: 'a property name in double quotes was expected',
  ValueExpected: 'a value was expected',
  ColonExpected: 'a colon was expected',
  CommaExpected: 'a comma was expected',
  CloseBraceExpected: 'a closing "}" was expected',
  CloseBracketExpected: 'a closing "]" was expected',
  EndOfFileExpected: 'nothing may follow the closing "}"',
  InvalidCommentToken: 'malformed comment',
  UnexpectedEndOfComment: 'a comment is not closed',
  UnexpectedEndOfString: 'a string is not closed',
  UnexpectedEndOfNumber: 'a number is cut off',
  InvalidUnicode: 'malformed \\u escape',
  InvalidEscapeCharacter: 'unknown escape in a string',
  InvalidCharacter: 'a control character in a string',
};

class Reader {
  readonly problems: ConfigProblem[] = [];
  constructor(private readonly lines: LineIndex) {}

  report(node: JsonNode, message: string): void {
    this.problems.push({ message, range: this.lines.rangeOf(node.offset, node.offset + node.length) });
  }

  /** The value of `node` in `shape` merged over `fallback`; a wrong value is reported and the fallback kept. */
  read(shape: Shape, node: JsonNode, fallback: unknown, where: JsonNode, name: string): unknown {
    switch (shape.type) {
      case 'string':
        if (node.type === 'string' && (!shape.pattern || shape.pattern.test(node.value as string))) return node.value as string;
        this.report(where, node.type === 'string' ? `"${name}" must be ${shape.hint ?? 'of another form'}` : `"${name}" must be a string`);
        return fallback;
      case 'enum':
        if (node.type === 'string' && shape.values.includes(node.value as string)) return node.value as string;
        this.report(where, `"${name}" must be one of: ${shape.values.join(', ')}`);
        return fallback;
      case 'array': {
        if (node.type !== 'array') {
          this.report(where, `"${name}" must be a list`);
          return fallback;
        }
        const before = this.problems.length;
        const items = (node.children ?? []).map((child, i) => this.read(shape.of, child, undefined, child, `${name}[${i}]`));
        return this.problems.length > before || items.some((v) => v === undefined) ? fallback : items;
      }
      case 'object':
      case 'map':
        if (node.type !== 'object') {
          this.report(where, `"${name}" must be an object`);
          return fallback;
        }
        return this.readObject(shape, node, fallback, name);
    }
  }

  private readObject(shape: Extract<Shape, { type: 'object' | 'map' }>, node: JsonNode, fallback: unknown, name: string): unknown {
    const base = fallback && typeof fallback === 'object' ? (fallback as Record<string, unknown>) : {};
    const result: Record<string, unknown> = { ...base };
    const given = new Set<string>();
    for (const property of node.children ?? []) {
      const [keyNode, valueNode] = property.children ?? [];
      if (!keyNode || !valueNode) continue;
      const key = String(keyNode.value);
      given.add(key);
      const path = name ? `${name}.${key}` : key;
      if (shape.type === 'object') {
        const inner = Object.prototype.hasOwnProperty.call(shape.keys, key) ? shape.keys[key] : undefined;
        if (!inner) {
          if (!(name === '' && IGNORED_KEYS.has(key))) this.report(keyNode, `unknown setting "${path}"`);
          continue;
        }
        setOwn(result, key, this.read(inner, valueNode, Object.prototype.hasOwnProperty.call(base, key) ? base[key] : undefined, keyNode, path));
      } else {
        const invalid = key === '__proto__' ? `"${key}" is not allowed here` : shape.validKey(key);
        if (invalid) {
          this.report(keyNode, invalid);
          continue;
        }
        const existing = Object.prototype.hasOwnProperty.call(base, key) ? base[key] : undefined;
        const value = this.read(shape.of, valueNode, existing, keyNode, path);
        if (value !== undefined) setOwn(result, key, value);
      }
    }
    if (shape.type === 'object' && fallback === undefined) {
      // A new object (a list item, a new field) has no default to fill its gaps.
      const missing = Object.keys(shape.keys).filter((k) => !given.has(k) && !shape.optional?.includes(k));
      if (missing.length) {
        this.report(node, `"${name}" needs ${missing.map((k) => `"${k}"`).join(' and ')}`);
        return undefined;
      }
      if (Object.keys(shape.keys).some((k) => !(k in result) && !shape.optional?.includes(k))) return undefined;
      if (shape === fieldSpec) result.description ??= '';
    }
    return result;
  }
}

function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * Settings that stand for others: `tagsStyle` picks the kind of the `tags` field, `authorField` the required author
 * field, a file-name pattern its rules.
 */
function applyShorthands(profile: SiteProfile & { tagsStyle?: string }, base: SiteProfile): SiteProfile {
  if (profile.tagsStyle) {
    const kind = profile.tagsStyle === 'list' ? 'tag-list' : 'tags';
    profile.fields = { ...profile.fields, tags: { kind, description: profile.fields.tags?.description ?? 'Tags of the post.' } };
  }
  // The author is required under the field that now names it, not under the one learned.
  const author = profile.authorField;
  const before = base.authorField ?? 'post_author.display_name';
  if (author && author !== before && profile.requiredFields.includes(before)) {
    profile.requiredFields = profile.requiredFields.map((f) => (f === before ? author : f));
  }
  if (profile.fileNamePattern !== undefined && profile.fileNamePattern !== base.fileNamePattern) {
    const dated = /^\{year\}-\{month\}-\{day\}-/.test(profile.fileNamePattern);
    profile.fileNames = { date: dated ? 'required' : 'optional', cleanSlug: profile.fileNames?.cleanSlug ?? !profile.fileNamePattern.includes('{version}') };
  }
  return profile;
}

/**
 * The settings the file changes: its known top-level keys whose value is not what the site already says. A key
 * that repeats the learned value (as a file written by "Create Site Configuration" does) overrides nothing, and a
 * refused value leaves the learned one in place.
 */
function givenKeys(root: JsonNode, profile: SiteProfile, base: SiteProfile): string[] {
  const shape = PROFILE_SHAPE as Extract<Shape, { type: 'object' }>;
  const value = (p: SiteProfile, key: string) => JSON.stringify((p as unknown as Record<string, unknown>)[key]);
  const keys = (root.children ?? []).map((property) => String(property.children?.[0]?.value ?? ''));
  const known = keys.filter((key) => Object.prototype.hasOwnProperty.call(shape.keys, key));
  // `tagsStyle` is not kept in the profile: it changes the `fields` it stands for.
  const changed = known.map((key) => (key === 'tagsStyle' ? 'fields' : key)).filter((key) => value(profile, key) !== value(base, key));
  return [...new Set(changed)];
}

/**
 * Reads a `.releasepost.json` text (JSON with comments) into a profile: its settings deep-merged over `base` (the
 * conventions learned from the site, else the built-in default; objects merged, lists replaced), so each key
 * overrides one value and the rest is still what the site says. Syntax errors, unknown keys and wrong values are
 * problems with their place; a wrong value keeps the base's. Never throws.
 */
export function parseConfig(source: string, base: SiteProfile = defaultProfile()): { profile: SiteProfile; problems: ConfigProblem[]; keys: string[] } {
  const lines = new LineIndex(source);
  const reader = new Reader(lines);
  const errors: ParseError[] = [];
  let root: JsonNode | undefined;
  try {
    root = parseTree(source, errors, { allowTrailingComma: true, disallowComments: false });
  } catch {
    root = undefined;
  }
  for (const e of errors) {
    const code = printParseErrorCode(e.error);
    reader.problems.push({
      message: `syntax error: ${PARSE_MESSAGES[code] ?? code}`,
      range: lines.rangeOf(e.offset, e.offset + e.length),
    });
  }
  const fallback = structuredClone(base);
  if (!root) {
    if (!errors.length && source.trim() !== '') reader.problems.push({ message: 'the config file is not JSON', range: lines.rangeOf(0, 0) });
    return { profile: fallback, problems: reader.problems, keys: [] };
  }
  if (root.type !== 'object') {
    reader.report(root, 'the config file must hold one JSON object');
    return { profile: fallback, problems: reader.problems, keys: [] };
  }
  const profile = applyShorthands(reader.read(PROFILE_SHAPE, root, fallback, root, '') as SiteProfile, base);
  return { profile, problems: reader.problems, keys: givenKeys(root, profile, base) };
}
