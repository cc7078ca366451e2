import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type * as Sass from 'sass';
import { fileInside, readSiteFile } from './siteFiles';

const MAX_SOURCE = 2 * 1024 * 1024;

let sassModule: typeof Sass | undefined;

/**
 * The Sass compiler, loaded the first time a site's stylesheet is built: loading it takes about half a second, which
 * an editor starting up (or a CLI that only lints) should not pay.
 */
function sass(): typeof Sass {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (sassModule ??= require('sass') as typeof Sass);
}

export interface SassResult {
  css: string;
  /** Every file the build read (the entry and its imports), absolute: the cache is valid while none changes. */
  files: string[];
}

/** The candidates Sass tries for `@import "x"`/`@use "x"`, in its order. */
function candidates(base: string): string[] {
  const dir = path.dirname(base);
  const name = path.basename(base);
  if (/\.(s[ac]ss|css)$/.test(name)) return [base, path.join(dir, `_${name}`)];
  const list: string[] = [];
  for (const ext of ['.scss', '.sass', '.css']) list.push(path.join(dir, `_${name}${ext}`), path.join(dir, `${name}${ext}`));
  for (const ext of ['.scss', '.sass', '.css']) list.push(path.join(base, `_index${ext}`), path.join(base, `index${ext}`));
  return list;
}

/**
 * An importer that loads only files inside the site: relative to the importing file, then from the load paths.
 * Sass's own file-system importer is never used, so `@import "../../../x"` cannot leave the site.
 */
function siteImporter(root: string, loadPaths: string[], read: Set<string>): Sass.Importer<'sync'> {
  return {
    canonicalize(url, context) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(url) && !url.startsWith('file:')) return null;
      let spec: string;
      try {
        spec = url.startsWith('file:') ? fileURLToPath(url) : decodeURIComponent(url);
      } catch {
        return null;
      }
      const bases: string[] = [];
      if (path.isAbsolute(spec)) bases.push(spec);
      else {
        if (context.containingUrl?.protocol === 'file:') bases.push(path.join(path.dirname(fileURLToPath(context.containingUrl)), spec));
        for (const dir of loadPaths) bases.push(path.join(root, dir, spec));
      }
      for (const base of bases) {
        for (const file of candidates(base)) {
          const real = fileInside(root, file);
          if (real) return pathToFileURL(real);
        }
      }
      return null;
    },
    load(canonicalUrl) {
      const file = fileURLToPath(canonicalUrl);
      const text = readSiteFile(root, file, MAX_SOURCE);
      if (text === undefined) return null;
      read.add(file);
      const syntax = file.endsWith('.sass') ? 'indented' : file.endsWith('.css') ? 'css' : 'scss';
      return { contents: stripFrontMatter(text), syntax };
    },
  };
}

/** Jekyll processes a Sass file only when it starts with front matter (often empty); Sass must not see it. */
export function stripFrontMatter(text: string): string {
  const match = /^\uFEFF?---[ \t]*\r?\n(?:[\s\S]*?\r?\n)?---[ \t]*(?:\r?\n|$)/.exec(text);
  if (!match) return text;
  // Keep the line count so Sass's error positions stay right.
  return '\n'.repeat(match[0].split('\n').length - 1) + text.slice(match[0].length);
}

/**
 * Compiles one Sass entry of the site (`file` relative to `root`) with the generator's load paths (relative to
 * `root`). Throws a one-line message when the source does not compile.
 */
export function compileSiteSass(root: string, file: string, loadPaths: string[], source?: string): SassResult {
  const abs = path.resolve(root, file);
  const text = source ?? readSiteFile(root, abs, MAX_SOURCE);
  if (text === undefined) throw new Error(`${file} cannot be read`);
  const read = new Set<string>([abs]);
  const importer = siteImporter(root, loadPaths, read);
  try {
    const result = sass().compileString(stripFrontMatter(text), {
      url: pathToFileURL(abs),
      syntax: abs.endsWith('.sass') ? 'indented' : 'scss',
      importer,
      // Unresolved relative loads come back to the same importer with the URL as written, for the load paths.
      importers: [importer],
      style: 'expanded',
      logger: sass().Logger.silent,
      charset: false,
    });
    return { css: result.css, files: [...read] };
  } catch (err) {
    const message = err instanceof Error ? err.message.split('\n')[0] : String(err);
    const at = err && typeof err === 'object' && 'span' in err ? (err as Sass.Exception).span?.url : undefined;
    const where = at?.protocol === 'file:' ? path.relative(root, fileURLToPath(at)) : file;
    const failure = new Error(`${where}: ${message}`) as Error & { file?: string };
    failure.file = at?.protocol === 'file:' ? fileURLToPath(at) : abs;
    throw failure;
  }
}
