import * as path from 'node:path';
import * as vscode from 'vscode';
import type { SiteContext } from '../core/site/workspace';

/**
 * The "Release Post" Output channel: what was detected for each site and why a file is or is not checked as a post,
 * each said once (not on every keystroke), so a user can tell what the extension is doing.
 */
export class ReleasePostLog implements vscode.Disposable {
  readonly channel = vscode.window.createOutputChannel('Release Post', { log: true });
  private readonly sitesSeen = new Set<string>();
  private readonly decisions = new Map<string, string>();

  site(site: SiteContext): void {
    if (this.sitesSeen.has(site.root)) return;
    this.sitesSeen.add(site.root);
    const changed = site.configKeys?.length ? ` (${site.configKeys.join(', ')})` : '';
    const source = site.configPath
      ? `conventions learned from the site${site.model ? '' : ' or built in'}, ${path.basename(site.configPath)} overriding ${site.configKeys?.length ?? 0} of them${changed}`
      : 'no .releasepost.json: conventions learned from the site';
    this.channel.info(`Site ${site.root}: posts in ${site.profile.postsFolder}, pages under ${site.profile.sourceFolder || '.'}; ${source}.`);
    for (const p of site.problems) this.channel.warn(`${site.configPath}: ${p.message}`);
  }

  /** Says why a file is or is not a post, when that changes. */
  post(uri: vscode.Uri, isPost: boolean, reason: string): void {
    const key = uri.toString();
    const said = `${isPost}:${reason}`;
    if (this.decisions.get(key) === said) return;
    this.decisions.set(key, said);
    this.channel.info(`${vscode.workspace.asRelativePath(uri)}: ${isPost ? 'checked as a post' : 'not a post, left alone'} (${reason}).`);
  }

  /** Forgets what was said about the sites (their config changed). */
  resetSites(): void {
    this.sitesSeen.clear();
  }

  /** Shown when the channel's level is Debug or Trace (the timings of each check). */
  debug(message: string): void {
    this.channel.debug(message);
  }

  info(message: string): void {
    this.channel.info(message);
  }

  error(message: string): void {
    this.channel.error(message);
  }

  show(): void {
    this.channel.show(true);
  }

  dispose(): void {
    this.channel.dispose();
  }
}
