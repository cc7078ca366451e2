import * as fs from 'node:fs';
import * as path from 'node:path';
import { planReleasePost, replaceFileText, suggestReleaseVersions, writeNewFile } from '../core/draft/newPost';
import { STARTERS } from '../core/draft/starters';
import { isRealDate } from '../core/site/fileNames';
import { validateVersion } from '../core/draft/versions';
import { findSiteInFolder } from '../core/site/workspace';
import { leadsOutside } from '../core/site/configPaths';
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, type CliIO } from './io';

const USAGE = `Usage: release-post new --version X.Y.Z [--date YYYY-MM-DD] [--author NAME] [--twitter HANDLE]
                        [--gravatar HASH] [--site DIR] [--changelog FILE] [--template FILE] [--update-data-file]
                        [--starter ${STARTERS.map((s) => s.name).join('|')}] [--repo DIR] [--pre-release]

Writes a release post for X.Y.Z into the site at DIR (default: the current folder) and prints its path.
Without a .releasepost.json the post follows the site's newest release post (file name, front matter, headings);
a site with none names a built-in starting point with --starter. --repo names the project's code repository
(its tags and contributors) when it is not the site's. A pre-release (1.2.0-rc1) needs --pre-release.
Never overwrites, and writes one post per release.
Exit codes: 0 the post was written (notes, such as a data file left alone, go to stderr); 1 nothing was written
(the post exists, another post already announces the release, or the folder cannot be written), with the reason;
2 bad usage.
`;

const VALUE_OPTIONS = ['version', 'date', 'author', 'twitter', 'gravatar', 'site', 'changelog', 'template', 'starter', 'repo'] as const;
type ValueOption = (typeof VALUE_OPTIONS)[number];

interface NewArgs {
  values: Partial<Record<ValueOption, string>>;
  updateDataFile: boolean;
  preRelease: boolean;
  help: boolean;
}

function parseArgs(argv: string[]): NewArgs | { error: string } {
  const args: NewArgs = { values: {}, updateDataFile: false, preRelease: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '-h' || arg === '--help') {
      args.help = true;
      continue;
    }
    if (arg === '--update-data-file') {
      args.updateDataFile = true;
      continue;
    }
    if (arg === '--pre-release') {
      args.preRelease = true;
      continue;
    }
    const m = /^--([a-z-]+)(?:=(.*))?$/s.exec(arg);
    const name = m?.[1] as ValueOption | undefined;
    if (!m || !name || !VALUE_OPTIONS.includes(name)) return { error: `unknown argument "${arg}"` };
    const value = m[2] ?? argv[++i];
    if (value === undefined || (m[2] === undefined && value.startsWith('--'))) return { error: `--${name} needs a value` };
    if (args.values[name] !== undefined) return { error: `--${name} is given twice` };
    args.values[name] = value;
  }
  return args;
}

function shown(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}

/** `release-post new`: writes a filled-in release post; 0 written, 1 nothing written (and why), 2 bad usage. */
export async function newCommand(argv: string[], io: CliIO): Promise<number> {
  const usage = (message: string) => {
    io.err(`release-post new: ${message}\n`);
    return EXIT_USAGE;
  };
  const args = parseArgs(argv);
  if ('error' in args) return usage(`${args.error}\n\n${USAGE}`);
  if (args.help) {
    io.out(USAGE);
    return EXIT_OK;
  }
  const { values } = args;
  const siteDir = path.resolve(io.cwd, values.site ?? '.');
  if (!fs.existsSync(siteDir)) return usage(`no such folder: ${siteDir}`);
  if (!fs.statSync(siteDir).isDirectory()) return usage(`--site names a file, not the site's folder: ${siteDir}`);
  const site = findSiteInFolder(siteDir);
  if (!site) return usage(`no posts folder found in ${siteDir} (no .releasepost.json and none of the usual blog folders)`);
  for (const problem of site.problems) {
    const kind = leadsOutside(problem) ? 'error' : 'warning';
    io.err(`release-post new: ${kind}: ${site.configPath ?? 'config'}:${problem.range.start.line + 1}: ${problem.message}\n`);
  }
  // A post or a data file written elsewhere than the config says would surprise; one outside the site could do harm.
  if (site.problems.some(leadsOutside)) return usage('nothing was written: the config names a path outside the site');

  if (values.version === undefined) {
    const likely = await suggestReleaseVersions(site);
    return usage(`--version X.Y.Z is required${likely.length ? ` (likely next: ${likely.slice(0, 3).join(', ')})` : ''}`);
  }
  const versionError = validateVersion(values.version);
  if (versionError) return usage(versionError);
  if (values.date !== undefined && !isRealDate(values.date)) return usage(`"${values.date}" is not a date; write it as YYYY-MM-DD`);
  if (values.repo !== undefined && !fs.statSync(path.resolve(io.cwd, values.repo), { throwIfNoEntry: false })?.isDirectory()) {
    return usage(`--repo names no folder: ${path.resolve(io.cwd, values.repo)}`);
  }

  const result = await planReleasePost(site, {
    version: values.version,
    date: values.date,
    author: values.author,
    twitter: values.twitter,
    gravatar: values.gravatar,
    changelogPath: values.changelog === undefined ? undefined : path.resolve(io.cwd, values.changelog),
    templatePath: values.template === undefined ? undefined : path.resolve(io.cwd, values.template),
    starter: values.starter,
    repository: values.repo === undefined ? undefined : path.resolve(io.cwd, values.repo),
    preRelease: args.preRelease,
  });
  if ('error' in result) return usage(result.error);
  const { plan } = result;
  const where = shown(plan.path, io.cwd);
  const nothingWritten = (why: string) => {
    io.err(`release-post new: ${why}; nothing was written\n`);
    return EXIT_PROBLEMS;
  };
  if (plan.exists) return nothingWritten(`${where} already exists`);
  if (plan.announcedBy) {
    return nothingWritten(`${values.version.trim()} already has a post: ${shown(plan.announcedBy.path, io.cwd)} (${plan.announcedBy.why})`);
  }
  const written = writeNewFile(plan.path, plan.text);
  if ('error' in written) return nothingWritten(written.exists ? `${where} already exists` : written.error);
  for (const note of plan.notes) io.err(`release-post new: note: ${note}\n`);
  io.out(`${where}\n`);

  if (!args.updateDataFile) return EXIT_OK;
  // The post is written, so the command succeeded; what happened to the data file is a note.
  if (!plan.dataFile) {
    io.err(`release-post new: note: the data file was not updated (see the notes above, or the site has none)\n`);
    return EXIT_OK;
  }
  const updated = replaceFileText(plan.dataFile.path, plan.dataFile.original, plan.dataFile.text);
  if ('error' in updated) {
    io.err(`release-post new: note: the post was written, but not the data file: ${updated.error}\n`);
    return EXIT_OK;
  }
  io.err(`release-post new: updated ${shown(plan.dataFile.path, io.cwd)} (${plan.dataFile.changes.join('; ')})\n`);
  return EXIT_OK;
}
