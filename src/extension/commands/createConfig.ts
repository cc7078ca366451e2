import * as path from 'node:path';
import * as vscode from 'vscode';
import { withNamingFromPosts, writeNewFile } from '../../core/draft/newPost';
import { CONFIG_FILE_NAME, KNOWN_POSTS_FOLDERS, defaultProfile } from '../../core/site/profile';
import { starterConfig } from '../../core/site/starterConfig';
import { findSiteInFolder, type SiteContext } from '../../core/site/workspace';
import { requireTrust } from '../trust';

/**
 * "Create Site Configuration": writes a `.releasepost.json` at the root of a workspace folder with what Release
 * Post uses there now, and opens it. An existing file is opened, never replaced.
 */
export function registerCreateConfig(): vscode.Disposable {
  return vscode.commands.registerCommand('releasePost.createConfig', async () => {
    if (!requireTrust('Create Site Configuration')) return undefined;
    const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
    if (!folders.length) {
      void vscode.window.showErrorMessage("Open your site's folder first: the configuration goes at its root.");
      return undefined;
    }
    const folder =
      folders.length === 1
        ? folders[0]
        : await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Which folder is the root of the site?' });
    if (!folder) return undefined;
    const file = path.join(folder.uri.fsPath, CONFIG_FILE_NAME);
    const site = findSiteInFolder(folder.uri.fsPath) ?? (await askPostsFolder(folder.uri.fsPath));
    if (!site) return undefined;
    if (!site.configPath) {
      const written = writeNewFile(file, starterConfig(withNamingFromPosts(site).profile));
      if ('error' in written && !written.exists) {
        void vscode.window.showErrorMessage(`Release Post: ${written.error}`);
        return undefined;
      }
    }
    const uri = vscode.Uri.file(site.configPath ?? file);
    await vscode.window.showTextDocument(uri);
    return uri;
  });
}

async function askPostsFolder(root: string): Promise<SiteContext | undefined> {
  const picked = await vscode.window.showQuickPick(
    KNOWN_POSTS_FOLDERS.map((f) => ({ label: f })),
    { title: 'Create Site Configuration', placeHolder: 'No posts folder found here. Where will the posts live?', ignoreFocusOut: true },
  );
  if (!picked) return undefined;
  return { root, profile: { ...defaultProfile(), postsFolder: picked.label }, configPath: undefined, problems: [] };
}
