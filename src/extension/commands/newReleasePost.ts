import * as path from 'node:path';
import * as vscode from 'vscode';
import { gitUserName } from '../../core/draft/contributors';
import { existingPostFor, planReleasePost, suggestReleaseVersions, today, writeNewFile, type ReleasePostPlan } from '../../core/draft/newPost';
import { STARTERS } from '../../core/draft/starters';
import { isSnippetPlaceholder } from '../../core/writing/completions';
import { isRealDate } from '../../core/site/fileNames';
import { parseVersion, validateVersion } from '../../core/draft/versions';
import type { SiteContext } from '../../core/site/workspace';
import { leadsOutside } from '../../core/site/configPaths';
import { toPosition } from '../convert';
import { askPickOrType, askText, type Step } from '../quickInput';
import type { ReleasePostLog } from '../log';
import type { SiteService } from '../siteService';
import { requireTrust } from '../trust';

const TITLE = 'New Release Post';
const STEPS = 3;

interface AuthorItem extends vscode.QuickPickItem {
  author: { display_name: string; twitter?: string; gravatar?: string };
}

/**
 * "New Release Post": asks for the version (the likely next one offered), the date and the author, then writes a
 * filled-in draft into the site's posts folder (never over an existing file) and opens it.
 */
export function registerNewReleasePost(sites: SiteService, log: ReleasePostLog): vscode.Disposable {
  return vscode.commands.registerCommand('releasePost.newReleasePost', async () => {
    try {
      return await newReleasePost(sites, log);
    } catch (err) {
      log.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
      void vscode.window.showErrorMessage(`Release Post could not create the post: ${err instanceof Error ? err.message : String(err)}`);
      return undefined;
    }
  });
}

async function newReleasePost(sites: SiteService, log: ReleasePostLog): Promise<vscode.Uri | undefined> {
  if (!requireTrust('New Release Post')) return undefined;
  if (!vscode.workspace.workspaceFolders?.length) {
    void vscode.window.showErrorMessage("Open your site's folder first: a new release post goes into its posts folder.");
    return undefined;
  }
  const site = await chooseSite(sites);
  if (!site) return undefined;
  if (site.problems.some(leadsOutside)) {
    // As the CLI: a post or data file written elsewhere than the config says would surprise, outside the site harm.
    void vscode.window.showErrorMessage(
      `Release Post: ${site.configPath ?? '.releasepost.json'} names a path outside the site (see Problems); nothing was written.`,
    );
    return undefined;
  }

  const suggestions = await withStatus('Looking for the next version…', () => suggestReleaseVersions(site));
  const version = await askText(step(1), {
    value: suggestions[0] ?? '',
    prompt: suggestions.length > 1 ? `The version this post announces (also likely: ${suggestions.slice(1, 4).join(', ')})` : 'The version this post announces, e.g. 1.2.0',
    placeholder: 'X.Y.Z',
    validate: (v) => (v.trim() ? validateVersion(v.trim()) : 'Type the version, e.g. 1.2.0'),
  });
  if (version === undefined) return undefined;
  // One post per release: said as soon as the version is known, not after the date and the author are asked.
  const existing = existingPostFor(site, version);
  if (existing) return offerToOpenExisting(log, existing.path, alreadyAnnounced(version, existing));
  let preRelease = false;
  if (parseVersion(version.trim())?.pre) {
    const answer = await vscode.window.showWarningMessage(
      `${version.trim()} is a pre-release. Write a post announcing a pre-release?`,
      { modal: true, detail: 'The post will call it a pre-release, and the data file\'s latest stable release stays as it is.' },
      'Write a Pre-release Post',
    );
    if (answer !== 'Write a Pre-release Post') return undefined;
    preRelease = true;
  }

  const date = await askText(step(2), {
    value: today(),
    prompt: 'Publication date: it becomes the start of the file name (YYYY-MM-DD)',
    validate: (v) => (isRealDate(v.trim()) ? undefined : 'Write a real date as YYYY-MM-DD'),
  });
  if (date === undefined) return undefined;

  const author = await chooseAuthor(sites, site);
  if (!author) return undefined;

  const makePlan = (starter?: string) =>
    withStatus('Reading the CHANGELOG and the git history…', () =>
      planReleasePost(site, { version, date, author: author.display_name, twitter: author.twitter, gravatar: author.gravatar, starter, preRelease }),
    );
  let result = await makePlan();
  if ('error' in result && result.needsStarter) {
    // A site with no release post yet: the user picks the built-in starting point of their generator.
    const picked = await vscode.window.showQuickPick(
      STARTERS.map((s) => ({ label: s.name, description: s.description, starter: s.name })),
      { title: `${TITLE}: this site has no release post to follow yet`, placeHolder: 'Start from a built-in release post for your generator', ignoreFocusOut: true },
    );
    if (!picked) return undefined;
    result = await makePlan(picked.starter);
  }
  if ('error' in result) {
    void vscode.window.showErrorMessage(`Release Post: ${result.error}`);
    return undefined;
  }
  const plan = result.plan;
  for (const note of plan.notes) log.info(note);
  if (plan.exists) return offerToOpenExisting(log, plan.path);
  if (plan.announcedBy) return offerToOpenExisting(log, plan.announcedBy.path, alreadyAnnounced(version, plan.announcedBy));

  const written = writeNewFile(plan.path, plan.text);
  if ('error' in written) {
    if (written.exists) return offerToOpenExisting(log, plan.path);
    void vscode.window.showErrorMessage(`Release Post: ${written.error}`);
    return undefined;
  }
  const uri = vscode.Uri.file(plan.path);
  // A kept tab, not a preview tab that the next file opened would replace.
  const editor = await vscode.window.showTextDocument(uri, { preview: false });
  const cursor = toPosition(plan.cursor);
  editor.selection = new vscode.Selection(cursor, cursor);
  editor.revealRange(new vscode.Range(cursor, cursor), vscode.TextEditorRevealType.InCenter);

  // Not awaited: the post is written and open whatever the user answers, or if they never answer.
  void maybeUpdateDataFile(plan, site).catch((err: unknown) => log.error(String(err)));
  const n = plan.notes.length;
  const notes = n ? ` ${n === 1 ? 'One thing needs' : `${n} things need`} a person: see the notes.` : '';
  void vscode.window.showInformationMessage(`Created ${path.basename(plan.path)}.${notes}`, 'Open Preview to the Side', 'Show Notes').then((choice) => {
    if (choice === 'Open Preview to the Side') void vscode.commands.executeCommand('releasePost.showPreviewToSide', uri);
    if (choice === 'Show Notes') log.show();
  });
  return uri;
}

function step(n: number): Step {
  return { title: TITLE, step: n, totalSteps: STEPS };
}

async function chooseSite(sites: SiteService): Promise<SiteContext | undefined> {
  const found = sites.workspaceSites();
  if (found.length === 0) {
    void vscode.window.showErrorMessage(
      'Release Post found no posts folder: add a .releasepost.json file at the site root, or open a folder with site/source/blog, _posts, content/blog or content/posts.',
    );
    return undefined;
  }
  if (found.length === 1) return found[0];
  const picked = await vscode.window.showQuickPick(
    found.map((site) => ({ label: path.basename(site.root), description: path.join(site.root, site.profile.postsFolder), site })),
    { title: `${TITLE}: which site?`, placeHolder: 'This workspace has several sites', ignoreFocusOut: true },
  );
  return picked?.site;
}

async function chooseAuthor(sites: SiteService, site: SiteContext): Promise<AuthorItem['author'] | undefined> {
  const [index, gitName] = await Promise.all([sites.index(site).catch(() => undefined), gitUserName(site.root).catch(() => undefined)]);
  const items: AuthorItem[] = [];
  const seen = new Set<string>();
  const add = (item: AuthorItem) => {
    const key = item.author.display_name.toLowerCase();
    if (seen.has(key)) return;
    seen.add(key);
    items.push(item);
  };
  const fromIndex = (name: string) => index?.authors.find((a) => a.display_name.toLowerCase() === name.toLowerCase());
  if (gitName) {
    const known = fromIndex(gitName);
    add({ label: gitName, description: known ? handleOf(known) : '', detail: 'You (git user.name)', author: known ?? { display_name: gitName } });
  }
  for (const a of (index?.authors ?? []).filter((x) => !isSnippetPlaceholder(x.display_name))) {
    add({ label: a.display_name, description: handleOf(a), detail: `${a.posts} post${a.posts === 1 ? '' : 's'}, the last on ${a.lastDate}`, author: a });
  }
  const chosen = await askPickOrType<AuthorItem>(step(3), {
    items,
    placeholder: 'Who signs the post? Pick an author (their twitter and gravatar come along) or type a new name',
    newItem: (typed) => ({ label: '$(person-add) A new author', description: typed, detail: `Sign the post as "${typed}"`, author: { display_name: typed } }),
  });
  if (!chosen) return undefined;
  const { display_name, twitter, gravatar } = chosen.author;
  return { display_name, twitter, gravatar };
}

function handleOf(a: { twitter?: string }): string {
  return a.twitter ? `@${a.twitter}` : '';
}

function alreadyAnnounced(version: string, existing: { path: string; why: string }): string {
  return `${version.trim()} already has a post, ${path.basename(existing.path)} (${existing.why}); Release Post writes one post per release.`;
}

function offerToOpenExisting(
  log: ReleasePostLog,
  file: string,
  message = `${path.basename(file)} already exists; Release Post never overwrites a post.`,
): undefined {
  log.info(`New Release Post: nothing written. ${message}`);
  // Not awaited: the command ends here, whether or not the user answers.
  void vscode.window
    .showWarningMessage(message, 'Open It')
    .then((choice) => {
      if (choice === 'Open It') void vscode.window.showTextDocument(vscode.Uri.file(file));
    });
  return undefined;
}

async function maybeUpdateDataFile(plan: ReleasePostPlan, site: SiteContext): Promise<void> {
  if (!plan.dataFile) return;
  const mode = vscode.workspace.getConfiguration('releasePost', vscode.Uri.file(site.root)).get<string>('newPost.updateDataFile', 'ask');
  if (mode === 'never') return;
  const rel = path.relative(site.root, plan.dataFile.path);
  if (mode === 'ask') {
    const choice = await vscode.window.showInformationMessage(
      `Also add this release to ${rel}? It would: ${plan.dataFile.changes.map(asProposal).join('; ')}.`,
      { modal: false },
      'Add',
      'Not Now',
    );
    if (choice !== 'Add') return;
  }
  // Through the editor, so the change can be undone and is saved like any other edit.
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(plan.dataFile.path));
  if (doc.getText() !== plan.dataFile.original) {
    void vscode.window.showWarningMessage(`${rel} changed while the post was being prepared; it was left as it is.`);
    return;
  }
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), plan.dataFile.text);
  if (await vscode.workspace.applyEdit(edit)) await doc.save();
}

function withStatus<T>(title: string, task: () => Promise<T>): Thenable<T> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title }, task);
}

/** A data-file change said as a proposal: "added 1.2.0" (done) becomes "add 1.2.0" (to do). */
export function asProposal(change: string): string {
  return change.replace(/^(\S+:\s*)?added\b/, '$1add');
}
