import * as vscode from 'vscode';
import { conventionsReport, formatConventions } from '../../core/site/conventionsReport';
import { loadSite } from '../../core/site/model';
import type { SiteContext } from '../../core/site/workspace';
import type { SiteService } from '../siteService';

/** What was learned about a site, as the lines the Output channel shows; undefined when no generator was recognised. */
function conventionLines(site: SiteContext): string[] | undefined {
  const model = site.model ?? loadSite(site.root);
  return model ? formatConventions(conventionsReport(site, model)) : undefined;
}

/**
 * "Show Site Conventions", and the same in the Output channel the first time a site is seen: what Release Post
 * detected and learned about the site, with the file each value came from. `written` keeps what was logged.
 */
export function registerShowConventions(sites: SiteService, log: vscode.LogOutputChannel, written: string[]): vscode.Disposable {
  const write = (site: SiteContext) => {
    let lines: string[] | undefined;
    try {
      lines = conventionLines(site);
    } catch (err) {
      log.warn(`Could not read the conventions of ${site.root}: ${err instanceof Error ? err.message : String(err)}`);
      return false;
    }
    if (!lines) return false;
    log.info(`Site conventions of ${site.root}`);
    for (const line of lines) log.info(`  ${line}`);
    written.push(`Site conventions of ${site.root}`, ...lines);
    return true;
  };
  const onFound = sites.onDidFindSite((site) => void write(site));
  const command = vscode.commands.registerCommand('releasePost.showSiteConventions', () => {
    const editor = vscode.window.activeTextEditor;
    const site = (editor && sites.siteForFile(editor.document.uri)) ?? sites.workspaceSites()[0];
    if (!site || !write(site)) {
      void vscode.window.showErrorMessage(
        'Release Post recognised no site generator here (Jekyll, Hugo, Hexo, Zola, Docusaurus, Eleventy, Astro or a Middleman blog): open a post of the site first.',
      );
      return;
    }
    log.show(true);
  });
  return vscode.Disposable.from(onFound, command);
}
