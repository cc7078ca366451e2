/**
 * Who contributed to a release, from git. This file runs git (child_process); the name handling is pure.
 */
import { execFile } from 'node:child_process';
import type { SiteProfile } from '../site/profile';
import { personKey } from '../text/personName';
import { fillVersion } from '../site/fileNames';
import { groupPeople, parseTrailerIdentity, type Identity, type People } from './people';
import { learnTagPattern } from './tagPattern';
import { versionFromTag } from './versions';


export { compareNames } from './people';
import { compareNames } from './people';

/**
 * One name per person, sorted as the site lists them. Spellings that differ only in case, spacing or accents
 * ("haosdent huang", "Haosdent Huang"; "Gaston", "Gastón") count as one person, shown in the spelling used most;
 * `git log` gives one name per commit, so that is the spelling of most commits. On a tie the spelling with more
 * capitalised words wins, then the first one.
 */
export function dedupeContributors(names: string[]): string[] {
  const people = new Map<string, Map<string, number>>();
  for (const raw of names) {
    const name = raw.replace(/\s+/g, ' ').trim();
    if (name === '') continue;
    const key = personKey(name);
    const spellings = people.get(key) ?? new Map<string, number>();
    spellings.set(name, (spellings.get(name) ?? 0) + 1);
    people.set(key, spellings);
  }
  const capitals = (name: string) => name.split(' ').filter((word) => /^\p{Lu}/u.test(word)).length;
  const chosen = [...people.values()].map((spellings) => {
    let best = '';
    let count = 0;
    // Map keeps insertion order, so after the capitalised spelling a tie keeps the first one seen.
    for (const [spelling, n] of spellings) {
      if (n > count || (n === count && capitals(spelling) > capitals(best))) [best, count] = [spelling, n];
    }
    return best;
  });
  return chosen.sort(compareNames);
}

export type GitResult<T> = T | { error: string };

const GIT_TIMEOUT_MS = 20_000;

interface GitRun {
  code: number;
  stdout: string;
  stderr: string;
  /** Set when git could not be run at all. */
  failure?: string;
}

function runGit(repoDir: string, args: string[]): Promise<GitRun> {
  return new Promise((resolve) => {
    execFile(
      'git',
      ['-C', repoDir, ...args],
      { timeout: GIT_TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024, windowsHide: true, env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } },
      (err, stdout, stderr) => {
        if (!err) return resolve({ code: 0, stdout, stderr });
        const e = err as NodeJS.ErrnoException & { killed?: boolean; code?: number | string };
        if (e.code === 'ENOENT') return resolve({ code: -1, stdout, stderr, failure: 'git is not installed (or not on the PATH)' });
        if (e.killed) return resolve({ code: -1, stdout, stderr, failure: `git took longer than ${GIT_TIMEOUT_MS / 1000} s and was stopped` });
        resolve({ code: typeof e.code === 'number' ? e.code : 1, stdout, stderr });
      },
    );
  });
}

function firstLine(text: string): string {
  return text.trim().split(/\r?\n/)[0] ?? '';
}

/** The top folder of the git work tree holding `dir`, or an error saying why there is none. */
export async function gitRoot(dir: string): Promise<GitResult<{ root: string }>> {
  const run = await runGit(dir, ['rev-parse', '--show-toplevel']);
  if (run.failure) return { error: run.failure };
  if (run.code !== 0) {
    const why = firstLine(run.stderr);
    if (/not a git repository/i.test(why)) return { error: `${dir} is not inside a git repository` };
    return { error: why || `git could not read ${dir}` };
  }
  return { root: run.stdout.trim() };
}

/** True when `ref` names a commit (a tag, branch or hash) in the repository. */
export async function refExists(repoDir: string, ref: string): Promise<GitResult<{ exists: boolean }>> {
  if (!isSafeRef(ref)) return { error: `"${ref}" is not a valid git revision` };
  const run = await runGit(repoDir, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]);
  if (run.failure) return { error: run.failure };
  if (run.code !== 0 && run.stderr.trim() !== '') return { error: firstLine(run.stderr) };
  return { exists: run.code === 0 };
}

/** A ref git will not read as an option or a range. */
function isSafeRef(ref: string): boolean {
  return ref !== '' && !ref.startsWith('-') && !ref.includes('..') && !/[\s~^:?*[\\]/.test(ref.replace(/\^\{commit\}$/, ''));
}

/**
 * The authors of the commits in `fromRef..toRef` (every commit up to `toRef` when `fromRef` is undefined), with
 * `.mailmap` applied and identities grouped into people by {@link groupPeople}.
 */
export async function gitContributors(
  repoDir: string,
  fromRef: string | undefined,
  toRef: string,
): Promise<{ names: string[] } | { error: string }> {
  const people = await gitPeople(repoDir, fromRef, toRef);
  return 'error' in people ? people : { names: people.names };
}

const RECORD = '\x1e';
const FIELD = '\x1f';
const TRAILER = '\x1d';

/** Runs `git check-mailmap --stdin` on `Name <email>` contacts (co-authors are not mapped by `git log`). */
function checkMailmap(repoDir: string, contacts: string[]): Promise<string[] | undefined> {
  return new Promise((resolve) => {
    const child = execFile(
      'git',
      ['-C', repoDir, 'check-mailmap', '--stdin'],
      { timeout: GIT_TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024, windowsHide: true },
      (err, stdout) => {
        const lines = stdout.split(/\r?\n/).slice(0, contacts.length);
        resolve(err || lines.length !== contacts.length ? undefined : lines);
      },
    );
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(contacts.map((c) => `${c}\n`).join(''));
  });
}

export interface GitPeople extends People {
  /** Commits in the range. */
  commits: number;
  /** `Co-authored-by:` trailers counted. */
  coAuthors: number;
  /** The command a person can run to see the same identities. */
  command: string;
}

/** The people of `fromRef..toRef`: authors and co-authors, through `.mailmap`, bots left out. */
export async function gitPeople(repoDir: string, fromRef: string | undefined, toRef: string): Promise<GitPeople | { error: string }> {
  const root = await gitRoot(repoDir);
  if ('error' in root) return root;
  for (const ref of [fromRef, toRef]) {
    if (ref === undefined) continue;
    const found = await refExists(repoDir, ref);
    if ('error' in found) return found;
    if (!found.exists) return { error: `the tag or revision "${ref}" does not exist in ${root.root}` };
  }
  const range = fromRef === undefined ? toRef : `${fromRef}..${toRef}`;
  const format = `--format=${RECORD}%aN${FIELD}%aE${FIELD}%(trailers:key=Co-authored-by,valueonly,separator=${TRAILER})`;
  const run = await runGit(repoDir, ['log', format, '--end-of-options', range]);
  if (run.failure) return { error: run.failure };
  if (run.code !== 0) return { error: firstLine(run.stderr) || `git log ${range} failed` };
  const identities: Identity[] = [];
  const coAuthors: string[] = [];
  let commits = 0;
  for (const record of run.stdout.split(RECORD).slice(1)) {
    const [name = '', email = '', trailers = ''] = record.replace(/\s+$/, '').split(FIELD);
    commits++;
    identities.push({ name, email });
    for (const value of trailers.split(TRAILER)) {
      const id = parseTrailerIdentity(value.replace(/[\r\n]+/g, ' '));
      if (id) coAuthors.push(`${id.name} <${id.email}>`);
    }
  }
  const mapped = coAuthors.length ? ((await checkMailmap(root.root, coAuthors)) ?? coAuthors) : [];
  for (const contact of mapped) {
    const id = parseTrailerIdentity(contact);
    if (id) identities.push(id);
  }
  return {
    ...groupPeople(identities),
    commits,
    coAuthors: coAuthors.length,
    command: `git log --format='%aN <%aE>%n%(trailers:key=Co-authored-by,valueonly)' ${range} | sort -u`,
  };
}

/** Every tag of the repository. */
export async function gitTags(repoDir: string): Promise<GitResult<{ tags: string[] }>> {
  const run = await runGit(repoDir, ['tag', '--list']);
  if (run.failure) return { error: run.failure };
  if (run.code !== 0) return { error: firstLine(run.stderr) || 'git tag failed' };
  return { tags: run.stdout.split(/\r?\n/).map((t) => t.trim()).filter(Boolean) };
}

/** git's `user.name` for the repository (or the global one), if set. */
export async function gitUserName(dir: string): Promise<string | undefined> {
  const run = await runGit(dir, ['config', '--get', 'user.name']);
  const name = run.code === 0 ? run.stdout.trim() : '';
  return name === '' ? undefined : name;
}

export interface ReleaseRange {
  /** The previous release's tag. */
  from: string;
  /** This release's tag, or `HEAD` while the tag does not exist yet. */
  to: string;
  /** The repository's tag pattern, e.g. `v{version}`. */
  tagPattern: string;
  /** Human-readable remarks, e.g. that the range ends at HEAD. */
  notes: string[];
}

/**
 * The git range of a release: from the previous release's tag to this one's, or to HEAD when this version is not
 * tagged yet. The tag pattern is the profile's when some tag fits it, else the one most tags follow (`v1.2.3`,
 * `release-1.2.3`). An error when the range cannot be known: no earlier release, its tag missing, or a repository
 * with no release tags at all (a site's own repository rather than the code's). Counting from the start of
 * history would thank everyone who ever committed.
 */
export async function resolveReleaseRange(
  repoDir: string,
  profile: SiteProfile,
  version: string,
  previous: string | undefined,
): Promise<GitResult<ReleaseRange>> {
  const tags = await gitTags(repoDir);
  if ('error' in tags) return tags;
  const tagPattern = learnTagPattern(tags.tags, profile.gitTag, (t) => versionFromTag(profile, t) !== undefined);
  const tagged = { ...profile, gitTag: tagPattern };
  if (!tags.tags.some((t) => versionFromTag(tagged, t) !== undefined)) {
    return { error: 'this repository has no release tags, so it is not the code\'s repository or its releases are not tagged' };
  }
  const notes: string[] = [];
  if (tagPattern !== profile.gitTag) notes.push(`release tags are named like "${fillVersion(tagPattern, profile, '1.2.3')}"`);
  const toTag = fillVersion(tagPattern, profile, version);
  const to = await refExists(repoDir, toTag);
  if ('error' in to) return to;
  let toRef = toTag;
  if (!to.exists) {
    toRef = 'HEAD';
    notes.push(`no tag "${toTag}" yet: contributors are counted up to HEAD`);
  }
  if (previous === undefined) return { error: `no release before ${version} is known, so there is no tag to count from` };
  const fromTag = fillVersion(tagPattern, profile, previous);
  const from = await refExists(repoDir, fromTag);
  if ('error' in from) return from;
  if (!from.exists) return { error: `the previous release's tag "${fromTag}" does not exist` };
  return { from: fromTag, to: toRef, tagPattern, notes };
}
