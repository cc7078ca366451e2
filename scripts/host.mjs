// The offline VS Code host: code-server 4.100.3 (VS Code 1.100.3) from npm, installed once into .vscode-test/.
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const HOST_DIR = process.env.RELEASE_POST_HOST_DIR ?? join(ROOT, '.vscode-test', 'code-server-4.100.3');
const ENTRY = join(HOST_DIR, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Installs the host on first use (Debian chromium/ripgrep when missing, code-server from npm). */
export function ensureHost() {
  execFileSync('bash', [join(ROOT, 'scripts', 'setup-test-host.sh')], { stdio: 'inherit' });
}

export function freePort() {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.once('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => res(port));
    });
  });
}

/** A throw-away profile folder with settings that keep welcome pages and tips out of the way. */
export function makeProfile(extraSettings = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'release-post-host-'));
  mkdirSync(join(dir, 'user', 'User'), { recursive: true });
  mkdirSync(join(dir, 'ext'), { recursive: true });
  const settings = {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'telemetry.telemetryLevel': 'off',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'update.mode': 'none',
    'security.workspace.trust.enabled': false,
    'chat.disableAIFeatures': true,
    // The sample-site copy for `npm start` lives inside this repository's ignored .vscode-test/ folder.
    'git.openRepositoryInParentFolders': 'never',
    ...extraSettings,
  };
  writeFileSync(join(dir, 'user', 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  return dir;
}

/** Copies the sample site into `dest` (fresh), so tests and demos never change the fixtures. */
export function copySampleSite(dest) {
  rmSync(dest, { recursive: true, force: true });
  cpSync(join(ROOT, 'test', 'fixtures', 'sample-site'), dest, { recursive: true });
  return dest;
}

/** Starts code-server on loopback; resolves once it answers HTTP. */
export async function startServer({ port, profile, folder, quiet = true, trust = false }) {
  const args = [
    ENTRY,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    // With `trust`, workspace trust is on and the folder is not trusted: the editor runs in restricted mode.
    ...(trust ? [] : ['--disable-workspace-trust']),
    '--user-data-dir', join(profile, 'user'),
    '--extensions-dir', join(profile, 'ext'),
    folder,
  ];
  const child = spawn(process.execPath, args, { stdio: quiet ? 'ignore' : 'inherit', detached: false });
  const deadline = Date.now() + 60000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`code-server exited with code ${child.exitCode}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error('code-server did not start within 60 s');
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return child;
}

/** The workbench URL that loads our extension in development mode (and, with `testsPath`, runs a suite). */
export function workbenchUrl({ port, folder, testsPath }) {
  const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
  const payload = [['extensionDevelopmentPath', remote(ROOT)]];
  if (testsPath) payload.push(['extensionTestsPath', remote(testsPath)]);
  return `http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

export function hostInstalled() {
  return existsSync(ENTRY);
}
