import * as fs from 'node:fs';
import * as path from 'node:path';
import { largeFileProblem, lintPost, ruleSeverity, type Problem } from '../core/rules/lint';
import { THANKS_VS_GIT } from '../core/rules/index';
import type { ReleasePeople } from '../core/rules/thanksGit';
import { peopleOfRelease, releaseRepository, type ReleaseRepository } from '../core/draft/releasePeople';
import { parsePost } from '../core/post/parse';
import { defaultProfile } from '../core/site/profile';
import { buildSiteIndex, resolveSiteUrl } from '../core/site/siteIndex';
import { scanSiteFiles } from '../core/site/siteFiles';
import { buildRoutes } from '../core/site/routes';
import { findSiteForFile, whatWasLookedFor, isPostFile, listPostFiles, markdownFilesBelow, postsModel, readSiteConfig, type SiteContext } from '../core/site/workspace';
import { claimOf, type PostClaim } from '../core/rules/duplicates';
import { fixPostFile, type LintText } from './fix';
import { sarifReport } from './formats/sarif';
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, type CliIO } from './io';
import { lineStartFile, printable } from './printable';

const USAGE = `Usage: release-post lint [--format text|json|github|sarif] [--config FILE] [--fix] [--stdin-filename NAME] PATH...|-

Checks the posts among PATH: a file named is checked as a post; a folder is searched for the posts of the site it
belongs to (as its generator finds them), or for Markdown files that look like posts, skipping node_modules and
dot-folders. Exits 0 without errors, 1 with errors, 2 on bad usage, an unreadable path or a folder with no posts
(the report still covers the paths that could be read). A file over 5 MB is not checked and counts as an error.
--fix applies the fixes of the editor's "fix all", prints each one and reports what is left.
- reads one post from standard input; --stdin-filename gives its file name (for the rules on file names, the
  site and its config, and the report), as if the post were that file.
`;

/** Files above this size are reported, not checked. */
export const MAX_LINT_BYTES = 5 * 1024 * 1024;

export type LintFormat = 'text' | 'json' | 'github' | 'sarif';

interface LintArgs {
  format: LintFormat;
  config: string | undefined;
  paths: string[];
  help: boolean;
  fix: boolean;
  stdinFilename: string | undefined;
}

/** One problem as the CLI reports it: 1-based lines and columns, end exclusive. */
export interface ReportedProblem {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  rule: string;
  severity: Problem['severity'];
  message: string;
}

function parseArgs(argv: string[]): LintArgs | { error: string } {
  const args: LintArgs = { format: 'text', config: undefined, paths: [], help: false, fix: false, stdinFilename: undefined };
  let onlyPaths = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (onlyPaths || !arg.startsWith('-') || arg === '-') {
      args.paths.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyPaths = true;
      continue;
    }
    if (arg === '-h' || arg === '--help') {
      args.help = true;
      continue;
    }
    if (arg === '--fix') {
      args.fix = true;
      continue;
    }
    const m = /^--(format|config|stdin-filename)(?:=(.*))?$/s.exec(arg);
    if (!m) return { error: `unknown option "${arg}"` };
    const value = m[2] ?? argv[++i];
    if (value === undefined || value === '') return { error: `--${m[1]} needs a value` };
    if (m[1] === 'format') {
      if (value !== 'text' && value !== 'json' && value !== 'github' && value !== 'sarif') {
        return { error: `--format must be text, json, github or sarif, not "${value}"` };
      }
      args.format = value;
    } else if (m[1] === 'stdin-filename') {
      args.stdinFilename = value;
    } else {
      args.config = value;
    }
  }
  return args;
}

function shownPath(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  const shown = rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
  return shown.split(path.sep).join('/');
}

/** A problem as the reports show it: 1-based lines and columns. */
export function toReported(file: string, p: Problem): ReportedProblem {
  return {
    file,
    line: p.range.start.line + 1,
    column: p.range.start.character + 1,
    endLine: p.range.end.line + 1,
    endColumn: p.range.end.character + 1,
    rule: p.rule,
    severity: p.severity,
    message: p.message,
  };
}

/** Whether a site-root URL leads to a file of the site: one scan of its source folder per site and run. */
function siteLinkChecker(): (site: SiteContext | undefined) => ((href: string) => boolean) | undefined {
  const bySite = new Map<string, (href: string) => boolean>();
  return (site) => {
    if (!site) return undefined;
    let exists = bySite.get(site.root);
    const model = postsModel(site);
    if (!exists && model) {
      // Routed the way the site's generator routes; a route it cannot know is not reported.
      const routes = buildRoutes(model);
      exists = (href) => routes.status(href) !== 'missing';
      bySite.set(site.root, exists);
    }
    if (!exists) {
      // Post URLs come from the posts' file names, so the posts need not be parsed for this.
      const index = buildSiteIndex(site, [], scanSiteFiles(site));
      exists = (href) => resolveSiteUrl(index, href) !== undefined;
      bySite.set(site.root, exists);
    }
    return exists;
  };
}

/** What each post of a site claims (URLs, release), read once per site and run, for `duplicate-post`. */
function siteClaims(): (site: SiteContext | undefined) => { file: string; claim: PostClaim }[] | undefined {
  const bySite = new Map<string, { file: string; claim: PostClaim }[]>();
  return (site) => {
    if (!site) return undefined;
    let claims = bySite.get(site.root);
    if (!claims) {
      claims = [];
      for (const file of listPostFiles(site)) {
        try {
          if (fs.statSync(file).size > MAX_LINT_BYTES) continue;
          const post = parsePost(fs.readFileSync(file, 'utf8'));
          const url = site.model?.urlOf(file, site.model.postData(file));
          claims.push({ file: path.resolve(file), claim: claimOf(site.profile, path.relative(site.root, file), post, url) });
        } catch {
          // An unreadable post claims nothing; it is reported when it is linted itself.
        }
      }
      bySite.set(site.root, claims);
    }
    return claims;
  };
}

/** The people of each release in git, asked once per site and version (`thanks-vs-git`). */
function releasePeopleCache(): (site: SiteContext, version: string) => Promise<ReleasePeople | undefined> {
  const repositories = new Map<string, Promise<ReleaseRepository | undefined>>();
  const cache = new Map<string, Promise<ReleasePeople | undefined>>();
  return async (site, version) => {
    if (ruleSeverity(site.profile, THANKS_VS_GIT) === undefined) return undefined;
    let repo = repositories.get(site.root);
    if (!repo) {
      repo = releaseRepository(site).catch(() => undefined);
      repositories.set(site.root, repo);
    }
    const found = await repo;
    if (!found) return undefined;
    const key = `${site.root}\0${version}`;
    let people = cache.get(key);
    if (!people) {
      people = peopleOfRelease(found, version).catch(() => undefined);
      cache.set(key, people);
    }
    return people;
  };
}

/** `--fix`: given the post's text, its problems and how to check a changed text, returns the problems left. */
type FixFile = (text: string, problems: Problem[], lintText: LintText) => Problem[];

/** Lints one file (and fixes it when asked); undefined when it is not a post. */
function lintFile(
  file: string,
  site: SiteContext | undefined,
  size: number,
  siteLinkExists: ((href: string) => boolean) | undefined,
  claims: { file: string; claim: PostClaim }[] | undefined,
  releasePeople: ReleasePeople | undefined,
  fix?: FixFile,
  named = false,
): Problem[] | undefined {
  // In the CLI (CI) an unchecked file must not pass: the problem is an error, not the editor's note.
  if (size > MAX_LINT_BYTES) return [{ ...largeFileProblem('5 MB'), severity: 'error' }];
  const text = fs.readFileSync(file, 'utf8');
  const post = parsePost(text);
  if (!named && !isPostFile(file, site, post)) return undefined;
  const lintText = (t: string, parsed = parsePost(t)) =>
    lintPost(parsed, path.basename(file), site?.profile ?? defaultProfile(), {
      siteLinkExists,
      otherPosts: claims?.filter((c) => c.file !== path.resolve(file)).map((c) => c.claim),
      releasePeople,
    });
  const problems = lintText(text, post);
  return fix ? fix(text, problems, lintText) : problems;
}

/** `release-post lint`: checks posts; 0 no errors, 1 errors, 2 bad usage or an unreadable path. */
export async function lintCommand(argv: string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv);
  if ('error' in args) {
    io.err(`release-post lint: ${args.error}. Run "release-post lint --help" for usage.\n`);
    return EXIT_USAGE;
  }
  if (args.help) {
    io.out(USAGE);
    return EXIT_OK;
  }
  if (!args.paths.length) {
    io.err('release-post lint: no PATH given: name the posts or folders to check.\n');
    return EXIT_USAGE;
  }
  let forcedSite: SiteContext | undefined;
  if (args.config !== undefined) {
    forcedSite = readSiteConfig(path.resolve(io.cwd, args.config));
    if (!forcedSite) {
      io.err(`release-post lint: cannot read the config file "${args.config}".\n`);
      return EXIT_USAGE;
    }
  }

  const fromStdin = args.paths.includes('-');
  if (fromStdin && args.fix) {
    io.err('release-post lint: --fix cannot write back to standard input; name the file instead.\n');
    return EXIT_USAGE;
  }
  if (args.stdinFilename !== undefined && !fromStdin) {
    io.err('release-post lint: --stdin-filename names the post read from "-"; give "-" as a PATH.\n');
    return EXIT_USAGE;
  }

  const files: string[] = [];
  const named = new Set<string>();
  const folders: { given: string; files: string[] }[] = [];
  const unreadable: string[] = [];
  const missing: string[] = [];
  for (const given of args.paths) {
    if (given === '-') continue;
    const full = path.resolve(io.cwd, given);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(full);
    } catch {
      missing.push(given);
      continue;
    }
    if (stat.isDirectory()) {
      const below = markdownFilesBelow(full, (dir) => unreadable.push(dir));
      folders.push({ given, files: below });
      files.push(...below);
    } else {
      files.push(full);
      named.add(full);
    }
  }
  const reportMissing = () => {
    for (const given of missing) io.err(`release-post lint: cannot read "${printable(given)}": no such file or folder.\n`);
  };
  // Nothing to check at all: a usage error, no report.
  if (missing.length === args.paths.length) {
    reportMissing();
    return EXIT_USAGE;
  }

  const reported: ReportedProblem[] = [];
  const configsSeen = new Set<string>();
  const reportConfig = (site: SiteContext | undefined) => {
    if (!site?.configPath || configsSeen.has(site.configPath)) return;
    configsSeen.add(site.configPath);
    const shown = shownPath(site.configPath, io.cwd);
    for (const p of site.problems) reported.push(toReported(shown, { rule: 'config', severity: 'error', message: p.message, range: p.range }));
  };
  reportConfig(forcedSite);

  let checked = 0;
  const checkedFiles = new Set<string>();
  const linkCheckerFor = siteLinkChecker();
  const claimsFor = siteClaims();
  const peopleFor = releasePeopleCache();
  // What --fix changed goes beside a text report, and to stderr when stdout must stay machine-readable.
  const fixLog = args.format === 'text' ? io.out : io.err;
  if (fromStdin) {
    const stdin = await readStandardInput(io, args.stdinFilename);
    if ('error' in stdin) {
      io.err(`release-post lint: ${stdin.error}\n`);
      return EXIT_USAGE;
    }
    const site = forcedSite ?? stdin.site;
    reportConfig(site);
    checked++;
    for (const p of stdin.lint(site, linkCheckerFor(site))) reported.push(toReported(stdin.shown, p));
  }
  for (const file of [...new Set(files)]) {
    const site = forcedSite ?? findSiteForFile(file);
    reportConfig(site);
    let problems: Problem[] | undefined;
    const fix: FixFile | undefined = args.fix
      ? (text, found, lintText) => fixPostFile(file, shownPath(file, io.cwd), text, found, lintText, fixLog)
      : undefined;
    try {
      const claims = claimsFor(site);
      const version = claims?.find((c) => c.file === path.resolve(file))?.claim.version;
      const people = site && version ? await peopleFor(site, version) : undefined;
      problems = lintFile(file, site, fs.statSync(file).size, linkCheckerFor(site), claims, people, fix, named.has(file));
    } catch {
      unreadable.push(file);
      continue;
    }
    if (!problems) continue;
    checked++;
    checkedFiles.add(file);
    const shown = shownPath(file, io.cwd);
    for (const p of problems) reported.push(toReported(shown, p));
  }

  // The report covers the files that could be read (valid JSON or SARIF even so); the others are named after it.
  const failed = [...missing, ...unreadable.map((file) => shownPath(file, io.cwd))];
  io.out(formatReport(args.format, checked, reported, failed));
  reportMissing();
  for (const file of unreadable) io.err(`release-post lint: cannot read "${printable(shownPath(file, io.cwd))}".\n`);
  // Never check nothing silently: a folder without a single post says what was looked for.
  const empty = folders.filter((f) => !f.files.some((file) => checkedFiles.has(file)));
  for (const f of empty) io.err(`release-post lint: no posts in "${printable(f.given)}": ${whatWasLookedFor(path.resolve(io.cwd, f.given), forcedSite)}.\n`);
  if (failed.length || empty.length) return EXIT_USAGE;
  return reported.some((p) => p.severity === 'error') ? EXIT_PROBLEMS : EXIT_OK;
}

const FILE_NAME_RULES = new Set(['filename-format', 'permalink-mismatch']);

/** The post on standard input: its text, the name to report it under and the site its file name puts it in. */
async function readStandardInput(
  io: CliIO,
  stdinFilename: string | undefined,
): Promise<
  | { error: string }
  | { shown: string; site: SiteContext | undefined; lint: (site: SiteContext | undefined, links: ((href: string) => boolean) | undefined) => Problem[] }
> {
  if (!io.readStdin) return { error: 'standard input cannot be read here' };
  let text: string;
  try {
    text = await io.readStdin();
  } catch {
    return { error: 'cannot read standard input' };
  }
  const file = stdinFilename === undefined ? undefined : path.resolve(io.cwd, stdinFilename);
  const shown = file === undefined ? '<stdin>' : shownPath(file, io.cwd);
  const site = file === undefined ? undefined : findSiteForFile(file);
  return {
    shown,
    site,
    lint: (useSite, siteLinkExists) => {
      if (Buffer.byteLength(text, 'utf8') > MAX_LINT_BYTES) return [{ ...largeFileProblem('5 MB'), severity: 'error' }];
      if (file !== undefined) return lintPost(parsePost(text), path.basename(file), useSite?.profile ?? defaultProfile(), { siteLinkExists });
      // Without a name there is no file name to judge, nor a permalink it implies.
      const unnamed = lintPost(parsePost(text), 'post.md', defaultProfile(), { siteLinkExists });
      return unnamed.filter((p) => !FILE_NAME_RULES.has(p.rule));
    },
  };
}

/** `unreadable`: the paths that could not be read (listed in the JSON report when there are any). */
export function formatReport(format: LintFormat, files: number, problems: ReportedProblem[], unreadable: string[] = []): string {
  if (format === 'json') return JSON.stringify(unreadable.length ? { files, problems, unreadable } : { files, problems }) + '\n';
  if (format === 'github') return problems.map(githubAnnotation).join('');
  if (format === 'sarif') return sarifReport(problems);
  const lines = problems.map((p) => `${lineStartFile(p.file)}:${p.line}:${p.column}  ${p.severity}  ${printable(p.message)}  ${printable(p.rule)}\n`);
  const count = (s: Problem['severity']) => problems.filter((p) => p.severity === s).length;
  const [errors, warnings, infos] = [count('error'), count('warning'), count('info')];
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  lines.push(
    `${plural(files, 'post')} checked: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${infos} info\n`,
  );
  return lines.join('');
}

const ANNOTATION_LEVEL: Record<Problem['severity'], string> = { error: 'error', warning: 'warning', info: 'notice' };

/** GitHub's escaping of a command's data; other control characters are shown, never sent to the log raw. */
function escapeData(text: string): string {
  const encoded = text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  return printable(encoded);
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** A GitHub Actions workflow command: `::error file=...,line=...::message`. */
export function githubAnnotation(p: ReportedProblem): string {
  const props = [
    `file=${escapeProperty(p.file)}`,
    `line=${p.line}`,
    `col=${p.column}`,
    `endLine=${p.endLine}`,
    `endColumn=${p.endColumn}`,
    `title=${escapeProperty(p.rule)}`,
  ].join(',');
  return `::${ANNOTATION_LEVEL[p.severity]} ${props}::${escapeData(p.message)}\n`;
}
