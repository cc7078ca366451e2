import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as esbuild from 'esbuild';

const ROOT = path.resolve(__dirname, '..', '..', '..');

/** Bundles a worker script as scripts/build.mjs does, into a temporary folder; `remove` deletes it. */
export async function bundleWorker(entry: string): Promise<{ script: string; remove: () => void }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'release-post-worker-'));
  const script = path.join(dir, path.basename(entry).replace(/\.ts$/, '.js'));
  await esbuild.build({
    entryPoints: [path.join(ROOT, entry)],
    outfile: script,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    mainFields: ['module', 'main'],
    // The extension's workers never build CSS (the styles worker does).
    external: ['sass'],
    logLevel: 'warning',
  });
  return { script, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
