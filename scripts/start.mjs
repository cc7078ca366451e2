// `npm start`: builds the extension and serves a browser-based VS Code (the offline host) on a copy of the sample
// site with the extension loaded in development mode. Prints the URL to open; Ctrl+C stops it.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, copySampleSite, ensureHost, makeProfile, startServer, workbenchUrl } from './host.mjs';

execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'inherit' });
ensureHost();
const folder = join(ROOT, '.vscode-test', 'sample-site');
if (!existsSync(folder)) copySampleSite(folder);
const port = Number(process.env.PORT ?? 8080);
const profile = makeProfile();
const server = await startServer({ port, profile, folder });
console.log(`\nRelease Post is running on the sample site (${folder}).`);
console.log(`Open this URL in a browser:\n\n  ${workbenchUrl({ port, folder })}\n`);
console.log('Press Ctrl+C to stop.');
const stop = () => {
  server.kill('SIGTERM');
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
