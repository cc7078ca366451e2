import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '../../..');

/** npm without the network, update checks or audit, so a test never waits on the registry. */
export const OFFLINE_NPM_ENV = {
  ...process.env,
  npm_config_offline: 'true',
  npm_config_audit: 'false',
  npm_config_fund: 'false',
  npm_config_update_notifier: 'false',
  npm_config_loglevel: 'error',
};

export function npm(args: string[], cwd: string): SpawnSyncReturns<string> {
  return spawnSync('npm', args, { cwd, env: OFFLINE_NPM_ENV, encoding: 'utf8', timeout: 120_000 });
}

let built = false;

/** Builds cli/dist/cli.js and action/dist/index.js the way a release does (once per test run). */
export function buildPackages(): void {
  if (built) return;
  const r = spawnSync(process.execPath, ['scripts/build.mjs', '--production', '--packages'], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`the build failed: ${r.stderr || r.stdout}`);
  built = true;
}

/** Module names a bundle loads at run time: `require("x")` calls left in it. */
export function requiredModules(bundle: string): string[] {
  return [...new Set([...bundle.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]))].sort();
}
