import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { lintPost } from '../core/rules/lint';
import { renderPostPage } from '../core/preview/page';
import { parsePost, type ParsedPost } from '../core/post/parse';
import { defaultProfile } from '../core/site/profile';
import type { BodyProblem } from '../core/preview/render';
import type { UrlKind } from '../core/preview/sanitize';
import { findSiteForFile, type SiteContext } from '../core/site/workspace';
import { leadsOutside, siteStylesheetFiles } from '../core/site/configPaths';
import { isWritable, keepOwnerAndMode } from '../core/draft/newPost';
import { previewSiteFor } from '../core/preview/site/previewSite';
import { siteLook, type SiteLook } from '../core/preview/site/siteLook';
import { cssWithUrls } from '../core/preview/site/stylesheets';
import { EXIT_OK, EXIT_USAGE, type CliIO } from './io';
import { MAX_LINT_BYTES } from './lint';

const USAGE = `Usage: release-post render POST [-o OUT.html|-] [--no-problems] [--remote-images]

Renders POST as the site shows it: one standalone HTML file (stylesheet inlined, images as relative paths),
written to OUT.html (a new file, or a regular file it replaces; never a link, device or pipe) or, without -o or
with "-o -", to the standard output. Problems found in the post are marked on their blocks unless --no-problems
is given. Posts larger than 5 MB are not rendered. Only the site's own images are shown; --remote-images also lets
https images from other servers load (http ones never do).
`;

interface RenderArgs {
  post?: string;
  output?: string;
  problems: boolean;
  help: boolean;
  remoteImages: boolean;
}

function parseArgs(argv: string[]): RenderArgs | { error: string } {
  const args: RenderArgs = { problems: true, help: false, remoteImages: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '-h' || arg === '--help') args.help = true;
    else if (arg === '--no-problems') args.problems = false;
    else if (arg === '--remote-images') args.remoteImages = true;
    else if (arg === '-o' || arg === '--output' || arg.startsWith('--output=')) {
      const value = arg.startsWith('--output=') ? arg.slice('--output='.length) : argv[++i];
      if (!value) return { error: `${arg.split('=')[0]} needs a file name` };
      if (args.output !== undefined) return { error: 'the output file is given twice' };
      args.output = value;
    } else if (arg.startsWith('-') && arg !== '-') return { error: `unknown option "${arg}"` };
    else if (args.post !== undefined) return { error: `one post at a time ("${args.post}", then "${arg}")` };
    else args.post = arg;
  }
  return args;
}

/** media/ next to the running script: `dist/cli.js` -> `media/`, `src/cli/render.ts` -> `media/`. */
function findMediaFile(name: string): string | undefined {
  for (const dir of [path.join(__dirname, '..', 'media'), path.join(__dirname, '..', '..', 'media')]) {
    const file = path.join(dir, name);
    if (fs.existsSync(file)) return file;
  }
  return undefined;
}

/**
 * The page's CSS: the stylesheets the site's config names when all can be read; else ours (the built-in page) or
 * the frame of a site's own page, followed by the site's own CSS built from its sources, with its `url()`s made
 * relative to the output's folder.
 */
function stylesheet(site: SiteContext | undefined, look: SiteLook | undefined, publicRoot: string, outDir: string, io: CliIO): string | undefined {
  const own = site ? siteStylesheetFiles(site.root, site.profile) : [];
  if (own.length) {
    try {
      return own.map((file) => fs.readFileSync(file, 'utf8')).join('\n');
    } catch (err) {
      io.err(`release-post render: the site's stylesheet cannot be read (${describe(err)}); using the built-in one\n`);
    }
  }
  // Our imitation of the site (preview.css) only for the built-in page of a site with no CSS of its own.
  const ours = findMediaFile(look && (look.kind !== 'builtin' || look.styles.css) ? 'site.css' : 'preview.css');
  let css: string;
  try {
    if (!ours) return undefined;
    css = fs.readFileSync(ours, 'utf8');
  } catch {
    return undefined;
  }
  for (const error of look?.styles.errors ?? []) io.err(`release-post render: a stylesheet of the site was left out: ${error}\n`);
  if (!look?.styles.css) return css;
  const siteCss = cssWithUrls(look.styles.css, (sitePath) => {
    const file = path.join(publicRoot, decodeURIComponent(sitePath.replace(/[?#].*$/s, '')));
    return fs.existsSync(file) ? relativeUrl(outDir, file) : undefined;
  });
  return `${css}\n${siteCss}`;
}

function relativeUrl(outDir: string, file: string): string {
  const rel = path.relative(outDir, file);
  if (path.isAbsolute(rel)) return pathToFileURL(file).href;
  return rel.split(path.sep).map(encodeURIComponent).join('/');
}

function inside(folder: string, file: string): boolean {
  const rel = path.relative(folder, file);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * Local images become paths relative to the output's folder; links stay as written. An image outside the site's
 * source folder (`../../../etc/x.png`) is left out: the page shows only the site's own files.
 */
function imageResolver(sourceRoot: string, postDir: string, outDir: string): (href: string, kind: UrlKind) => string {
  return (href, kind) => {
    if (kind !== 'image') return href;
    let decoded: string;
    try {
      decoded = decodeURIComponent(href.replace(/[?#].*$/s, ''));
    } catch {
      return href;
    }
    const file = decoded.startsWith('/') ? path.join(sourceRoot, decoded) : path.resolve(postDir, decoded);
    if (!inside(sourceRoot, file)) return '';
    return relativeUrl(outDir, file);
  };
}

function describe(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return err instanceof Error ? err.message.split('\n')[0] : String(err);
}

function lintProblems(post: ParsedPost, fileName: string, site: SiteContext | undefined): BodyProblem[] {
  try {
    return lintPost(post, fileName, site?.profile ?? defaultProfile()).map((p) => ({
      line: p.range.start.line,
      severity: p.severity,
      message: `${p.message} (${p.rule})`,
    }));
  } catch {
    return [];
  }
}

/** Why `file` may not be written: only a new path or an existing regular, writable file may (never a link or device). */
function outputRefusal(file: string): string | undefined {
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(file);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ENOENT' ? undefined : describe(err);
  }
  if (stat.isSymbolicLink()) return 'it is a symbolic link; name the file itself';
  if (stat.isDirectory()) return 'it is a folder';
  if (!stat.isFile()) return 'it is not a regular file (a device, a pipe or a socket); use "-o -" for the standard output';
  if (!isWritable(file, stat)) return 'it is read-only';
  return undefined;
}

/** Writes through a temporary file in the same folder, so a reader never sees half a page; an existing file keeps its mode. */
function writeAtomically(file: string, text: string): void {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  let existing: fs.Stats | undefined;
  try {
    existing = fs.statSync(file);
  } catch {
    existing = undefined;
  }
  try {
    fs.writeFileSync(temp, text, { flag: 'wx' });
    if (existing) keepOwnerAndMode(temp, existing);
    fs.renameSync(temp, file);
  } catch (err) {
    fs.rmSync(temp, { force: true });
    throw err;
  }
}

/** `release-post render POST [-o OUT.html]`: 0 rendered, 2 bad usage or a post/output that cannot be used. */
export async function renderCommand(argv: string[], io: CliIO): Promise<number> {
  const fail = (message: string) => {
    io.err(`release-post render: ${message}\n`);
    return EXIT_USAGE;
  };
  const args = parseArgs(argv);
  if ('error' in args) return fail(`${args.error}\n\n${USAGE}`);
  if (args.help) {
    io.out(USAGE);
    return EXIT_OK;
  }
  if (!args.post) return fail(`which post? \n\n${USAGE}`);

  const postPath = path.resolve(io.cwd, args.post);
  let text: string;
  try {
    const stat = fs.statSync(postPath);
    if (stat.isDirectory()) return fail(`cannot read ${args.post}: it is a folder`);
    if (stat.size > MAX_LINT_BYTES) return fail(`${args.post} is larger than 5 MB; it was not rendered`);
    text = await fs.promises.readFile(postPath, 'utf8');
  } catch (err) {
    return fail(`cannot read ${args.post}: ${describe(err)}`);
  }

  const outFile = args.output === undefined || args.output === '-' ? undefined : path.resolve(io.cwd, args.output);
  if (outFile === postPath) return fail('the output file is the post itself; choose another name');
  const refusal = outFile && outputRefusal(outFile);
  if (refusal) return fail(`will not write ${args.output}: ${refusal}`);
  const site = findSiteForFile(postPath);
  for (const problem of site?.problems.filter(leadsOutside) ?? []) {
    io.err(`release-post render: error: ${site!.configPath}:${problem.range.start.line + 1}: ${problem.message} (not used)\n`);
  }
  const previewSite = previewSiteFor(postPath, site);
  let look: SiteLook | undefined;
  try {
    look = previewSite ? siteLook(previewSite) : undefined;
  } catch (err) {
    io.err(`release-post render: the site's own page cannot be made (${describe(err)}); using the built-in one\n`);
  }
  const postDir = path.dirname(postPath);
  const sourceRoot = previewSite?.publicRoot ?? (site ? path.join(site.root, site.profile.sourceFolder) : postDir);
  const outDir = outFile ? path.dirname(outFile) : io.cwd;
  const css = stylesheet(site, look, sourceRoot, outDir, io);
  if (css === undefined) return fail('the built-in stylesheet (media/preview.css) is missing from this installation');

  const fileName = path.basename(postPath);
  const post = parsePost(text);
  const html = renderPostPage({
    post,
    fileName,
    profile: site?.profile ?? defaultProfile(),
    mode: { kind: 'standalone', inlineCss: css },
    filePath: postPath,
    resolveUrl: imageResolver(sourceRoot, postDir, outDir),
    problems: args.problems ? lintProblems(post, fileName, site) : [],
    look,
    remoteImages: args.remoteImages,
  });

  if (!outFile) {
    io.out(html);
    return EXIT_OK;
  }
  try {
    writeAtomically(outFile, html);
  } catch (err) {
    return fail(`cannot write ${args.output}: ${describe(err)}`);
  }
  io.out(`${path.relative(io.cwd, outFile) || outFile}\n`);
  return EXIT_OK;
}
