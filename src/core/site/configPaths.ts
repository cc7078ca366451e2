/**
 * Containment of the paths a config names: each must lead to a file or folder inside the site root once symbolic
 * links are followed. A config is data a repository carries; without this, `"stylesheets": ["../../proc/self/environ"]`
 * would inline the environment into a rendered page, and `"postsFolder": "../x"` would make `new` write outside.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findNodeAtLocation, parseTree, type Node as JsonNode } from 'jsonc-parser';
import type { ConfigProblem } from './config';
import { defaultProfile, type SiteProfile } from './profile';
import { LineIndex } from '../text/text';

/** A setting that holds a path relative to the site root: one value, or a list of them. */
interface PathSetting {
  key: string[];
  list?: boolean;
  /** What replaces a value that leads outside: the default (a folder), nothing (a file), or the entry is dropped (lists). */
  fallback: 'default' | 'none';
}

/**
 * The settings that name files or folders of the site. (`changelog` is not among them: it is looked for in the
 * folders above the site up to the repository root, by design.)
 */
export const PATH_SETTINGS: PathSetting[] = [
  { key: ['postsFolder'], fallback: 'default' },
  { key: ['sourceFolder'], fallback: 'default' },
  { key: ['imagesFolder'], fallback: 'default' },
  { key: ['dataFile'], fallback: 'none' },
  { key: ['template'], fallback: 'none' },
  { key: ['layouts'], list: true, fallback: 'none' },
  { key: ['preview', 'stylesheets'], list: true, fallback: 'none' },
];

/** The real path of `file`, following symbolic links; for a path that does not exist yet, its nearest existing parent's. */
export function realPathOf(file: string): string {
  const missing: string[] = [];
  let at = path.resolve(file);
  for (;;) {
    try {
      return path.join(fs.realpathSync.native(at), ...missing.reverse());
    } catch {
      const parent = path.dirname(at);
      if (parent === at) return path.join(at, ...missing.reverse());
      missing.push(path.basename(at));
      at = parent;
    }
  }
}

/** True when `file` is `root` itself or lies below it, both as real paths. */
export function isInsideRoot(realRoot: string, file: string): boolean {
  const rel = path.relative(realRoot, realPathOf(file));
  return rel === '' || (!rel.startsWith(`..${path.sep}`) && rel !== '..' && !path.isAbsolute(rel));
}

/** The problems of paths that lead outside the site: a command that would write or read through them stops. */
const escapes = new WeakSet<ConfigProblem>();

/** True for a problem of a path that leads outside the site (made by `containConfigPaths`). */
export function leadsOutside(problem: ConfigProblem): boolean {
  return escapes.has(problem);
}

/** Why a path named by the config may not be used, or undefined when it leads inside the site. */
export function pathEscape(root: string, value: string): string | undefined {
  if (value === '') return undefined;
  if (value.includes('\0')) return 'contains a NUL character';
  if (path.isAbsolute(value) || /^[A-Za-z]:/.test(value)) return 'is an absolute path; name a path inside the site, relative to the folder of .releasepost.json';
  if (!isInsideRoot(realPathOf(root), path.resolve(root, value))) {
    return 'leads outside the site (through ".." or a symbolic link); only files inside the folder of .releasepost.json may be used';
  }
  return undefined;
}

function get(target: unknown, key: string[]): unknown {
  let at = target;
  for (const k of key) at = at && typeof at === 'object' ? (at as Record<string, unknown>)[k] : undefined;
  return at;
}

function set(target: Record<string, unknown>, key: string[], value: unknown): void {
  let at = target;
  for (const k of key.slice(0, -1)) at = at[k] as Record<string, unknown>;
  at[key[key.length - 1]] = value;
}

/**
 * Checks every path of `profile` (read from the config text `source`) against the site `root`: each one that leads
 * outside is a problem at its place in the config, and the profile gets the default (a folder) or nothing (a file,
 * a list entry) instead. Returns the problems; `profile` is changed in place.
 */
export function containConfigPaths(root: string, source: string, profile: SiteProfile): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  let tree: JsonNode | undefined;
  try {
    tree = parseTree(source, [], { allowTrailingComma: true, disallowComments: false });
  } catch {
    tree = undefined;
  }
  if (!tree) return problems;
  const lines = new LineIndex(source);
  const target = profile as unknown as Record<string, unknown>;
  const defaults = defaultProfile() as unknown as Record<string, unknown>;
  for (const setting of PATH_SETTINGS) {
    // Only what the config writes: a default that a site reaches through a symbolic link is the site's own layout.
    const node = findNodeAtLocation(tree, setting.key);
    const value = get(profile, setting.key);
    if (!node) continue;
    const name = setting.key.join('.');
    const rangeOf = (n: JsonNode) => lines.rangeOf(n.offset, n.offset + n.length);
    if (setting.list) {
      if (!Array.isArray(value) || node.type !== 'array') continue;
      const kept = value.filter((item, i) => {
        const why = typeof item === 'string' ? pathEscape(root, item) : undefined;
        if (why) problems.push({ message: `"${name}[${i}]" ${why}`, range: rangeOf(node.children?.[i] ?? node) });
        return !why;
      });
      if (kept.length !== value.length) set(target, setting.key, kept);
      continue;
    }
    if (typeof value !== 'string') continue;
    const why = pathEscape(root, value);
    if (!why) continue;
    problems.push({ message: `"${name}" ${why}`, range: rangeOf(node) });
    set(target, setting.key, setting.fallback === 'default' ? get(defaults, setting.key) : '');
  }
  for (const p of problems) escapes.add(p);
  return problems;
}

/**
 * The site's own stylesheets as absolute paths, only those inside the site (the config check already dropped the
 * others; this holds for a profile from anywhere). The preview may read these and the site's source folder.
 */
export function siteStylesheetFiles(root: string, profile: SiteProfile): string[] {
  return (profile.preview.stylesheets ?? []).filter((css) => pathEscape(root, css) === undefined).map((css) => path.resolve(root, css));
}
