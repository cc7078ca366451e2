import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { newCommand } from '../../../src/cli/new';
import { renderCommand } from '../../../src/cli/render';
import type { CliIO } from '../../../src/cli/io';
import { replaceFileText, writeNewFile } from '../../../src/core/draft/newPost';

const SAMPLE_SITE = path.join(__dirname, '../../fixtures/sample-site');
const SAMPLE_POST = path.join(SAMPLE_SITE, 'site/source/blog/2025-03-04-orbit-1-0-0-released.md');

function io(cwd: string): CliIO & { stdout: string; stderr: string } {
  const captured = { stdout: '', stderr: '', cwd, out: (t: string) => (captured.stdout += t), err: (t: string) => (captured.stderr += t) };
  return captured;
}

function enospc(): NodeJS.ErrnoException {
  return Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
}

/** The `fs` module object itself, which the code under test reads its functions from at each call. */
const nodeFs = createRequire(__filename)('node:fs') as { writeFileSync: typeof fs.writeFileSync };

/** Runs `body` while `fs.writeFileSync` creates its file, writes part of the text and fails as a full disk does. */
async function withFullDisk<T>(body: () => T | Promise<T>): Promise<T> {
  const original = nodeFs.writeFileSync;
  nodeFs.writeFileSync = (file: fs.PathOrFileDescriptor, data: string | NodeJS.ArrayBufferView, options?: fs.WriteFileOptions) => {
    original(file, String(data).slice(0, 10), options);
    throw enospc();
  };
  try {
    return await body();
  } finally {
    nodeFs.writeFileSync = original;
  }
}

describe('security: writes never replace what they should not', () => {
  let temp: string;
  beforeEach(() => {
    temp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'release-post-writes-')));
  });
  afterEach(() => fs.rmSync(temp, { recursive: true, force: true }));

  describe('render -o', () => {
    const render = async (out: string) => {
      const run = io(temp);
      const code = await renderCommand([SAMPLE_POST, '-o', out], run);
      return { code, ...run };
    };

    it('refuses a symbolic link, a pipe, a device and a folder, leaving each as it was', async () => {
      fs.writeFileSync(path.join(temp, 'target.html'), 'kept');
      fs.symlinkSync(path.join(temp, 'target.html'), path.join(temp, 'link.html'));
      execFileSync('mkfifo', [path.join(temp, 'pipe')]);
      fs.mkdirSync(path.join(temp, 'folder'));
      const cases: [string, RegExp, (s: fs.Stats) => boolean][] = [
        ['link.html', /symbolic link/, (s) => s.isSymbolicLink()],
        ['pipe', /not a regular file/, (s) => s.isFIFO()],
        ['folder', /it is a folder/, (s) => s.isDirectory()],
      ];
      try {
        // A character device of our own (the system's /dev/null is never put at risk); only root may make one.
        execFileSync('mknod', [path.join(temp, 'null'), 'c', '1', '3'], { stdio: 'ignore' });
        cases.push(['null', /not a regular file/, (s) => s.isCharacterDevice()]);
      } catch {
        console.log('      (no character device case: mknod is not allowed here)');
      }
      for (const [name, message, stillIs] of cases) {
        const { code, stderr, stdout } = await render(name);
        assert.equal(code, 2, name);
        assert.match(stderr, new RegExp(`will not write ${name}: .*${message.source}`));
        assert.equal(stdout, '');
        assert.ok(stillIs(fs.lstatSync(path.join(temp, name))), `${name} is unchanged`);
      }
      assert.equal(fs.readFileSync(path.join(temp, 'target.html'), 'utf8'), 'kept');
      assert.deepEqual(fs.readdirSync(temp).filter((f) => f.endsWith('.tmp')), []);
    });

    it('refuses a read-only file, replaces a writable one keeping its mode, and creates a new one', async () => {
      fs.writeFileSync(path.join(temp, 'locked.html'), 'kept', { mode: 0o444 });
      fs.chmodSync(path.join(temp, 'locked.html'), 0o444);
      const locked = await render('locked.html');
      assert.equal(locked.code, 2);
      assert.match(locked.stderr, /will not write locked\.html: it is read-only/);
      assert.equal(fs.readFileSync(path.join(temp, 'locked.html'), 'utf8'), 'kept');

      fs.writeFileSync(path.join(temp, 'page.html'), 'old');
      fs.chmodSync(path.join(temp, 'page.html'), 0o640);
      assert.equal((await render('page.html')).code, 0);
      assert.match(fs.readFileSync(path.join(temp, 'page.html'), 'utf8'), /^<!DOCTYPE html>/);
      assert.equal(fs.statSync(path.join(temp, 'page.html')).mode & 0o777, 0o640);

      assert.equal((await render('new.html')).code, 0);
      assert.ok(fs.lstatSync(path.join(temp, 'new.html')).isFile());
    });

    it('writes the page to the standard output with "-o -"', async () => {
      const { code, stdout } = await render('-');
      assert.equal(code, 0);
      assert.match(stdout, /^<!DOCTYPE html>/);
      assert.ok(!fs.existsSync(path.join(temp, '-')));
    });

    it('removes its temporary file when the write fails', async () => {
      const { code, stderr } = await withFullDisk(() => render('page.html'));
      assert.equal(code, 2);
      assert.match(stderr, /cannot write page\.html: ENOSPC/);
      assert.deepEqual(fs.readdirSync(temp), []);
    });

    it('does not render a post over 5 MB', async () => {
      const big = path.join(temp, 'big.md');
      fs.writeFileSync(big, '---\ntitle: x\n---\n' + 'word '.repeat(1.1 * 1024 * 1024));
      const run = io(temp);
      assert.equal(await renderCommand([big, '-o', 'big.html'], run), 2);
      assert.match(run.stderr, /big\.md is larger than 5 MB; it was not rendered/);
      assert.ok(!fs.existsSync(path.join(temp, 'big.html')));
    });
  });

  describe('the data file', () => {
    it('is edited through a symbolic link: the link stays, its target gets the text and keeps its mode', () => {
      const target = path.join(temp, 'real-releases.yml');
      const link = path.join(temp, 'releases.yml');
      fs.writeFileSync(target, 'old\n');
      fs.chmodSync(target, 0o640);
      fs.symlinkSync(target, link);
      assert.deepEqual(replaceFileText(link, 'old\n', 'new\n'), { ok: true });
      assert.ok(fs.lstatSync(link).isSymbolicLink());
      assert.equal(fs.readFileSync(target, 'utf8'), 'new\n');
      assert.equal(fs.statSync(target).mode & 0o777, 0o640);
      assert.deepEqual(fs.readdirSync(temp).sort(), ['real-releases.yml', 'releases.yml']);
    });

    it('refuses a read-only file (even for root) and leaves it as it was', () => {
      const file = path.join(temp, 'releases.yml');
      fs.writeFileSync(file, 'old\n');
      fs.chmodSync(file, 0o444);
      const result = replaceFileText(file, 'old\n', 'new\n');
      assert.ok('error' in result && /is read-only; nothing was written/.test(result.error), JSON.stringify(result));
      assert.equal(fs.readFileSync(file, 'utf8'), 'old\n');
    });

    it('new --update-data-file updates the target of a symbolic link and says so', async () => {
      const site = path.join(temp, 'site');
      fs.cpSync(SAMPLE_SITE, site, { recursive: true });
      const data = path.join(site, 'site/data/releases.yml');
      const shared = path.join(site, 'shared-releases.yml');
      fs.renameSync(data, shared);
      fs.symlinkSync(shared, data);
      const run = io(site);
      const code = await newCommand(['--version', '1.2.0', '--date', '2025-08-01', '--author', 'Ada', '--update-data-file'], run);
      assert.equal(code, 0, run.stderr);
      assert.ok(fs.lstatSync(data).isSymbolicLink(), 'the link is still a link');
      assert.match(fs.readFileSync(shared, 'utf8'), /latest_stable:\n {2}version: 1\.2\.0\n/);
      assert.match(run.stderr, /updated site[\\/]data[\\/]releases\.yml/);
    });

    it('leaves no temporary file when the write fails', async () => {
      const file = path.join(temp, 'releases.yml');
      fs.writeFileSync(file, 'old\n');
      const result = await withFullDisk(() => replaceFileText(file, 'old\n', 'new\n'));
      assert.ok('error' in result && /ENOSPC/.test(result.error));
      assert.deepEqual(fs.readdirSync(temp), ['releases.yml']);
      assert.equal(fs.readFileSync(file, 'utf8'), 'old\n');
    });
  });

  it('a new post leaves no temporary file in the posts folder when the first write fails', async () => {
    const result = await withFullDisk(() => writeNewFile(path.join(temp, '2025-08-01-post.md'), 'a long enough post text'));
    assert.ok('error' in result && /ENOSPC/.test(result.error));
    assert.deepEqual(fs.readdirSync(temp), []);
  });
});
