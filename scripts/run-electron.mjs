// The usual launcher on a machine with internet: @vscode/test-electron downloads a desktop VS Code and runs the
// same suite as `npm test` does in the offline host. (On Linux it needs a display, e.g. xvfb-run.)
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { ROOT, copySampleSite } from './host.mjs';

const workspace = copySampleSite(join(mkdtempSync(join(tmpdir(), 'release-post-electron-')), 'workspace'));
try {
  await runTests({
    version: process.env.VSCODE_VERSION ?? '1.100.3',
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: join(ROOT, 'out', 'test', 'integration', 'index.js'),
    launchArgs: [workspace, '--disable-extensions', '--skip-welcome', '--skip-release-notes'],
  });
} catch (err) {
  console.error(`electron: ${err instanceof Error ? err.message : err}`);
  process.exit(1);
}
