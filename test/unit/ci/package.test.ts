import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { builtinModules } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';
import { lintCommand } from '../../../src/cli/lint';
import { CORPUS, corpusPresent } from '../corpus';
import { buildPackages, npm, OFFLINE_NPM_ENV, requiredModules, ROOT } from './packages';

const rootPackage = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const cliPackage = JSON.parse(fs.readFileSync(path.join(ROOT, 'cli/package.json'), 'utf8'));

/** The post of the Mesos site with the most kinds of problem: a dotted file name and a copied upgrade paragraph. */
const CORPUS_POST = 'site/source/blog/2018-08-20-mesos-1.4.2-released.md';

async function lintFromSource(argv: string[], cwd: string): Promise<{ code: number; out: string }> {
  let out = '';
  const code = await lintCommand(argv, { out: (t) => (out += t), err: () => undefined, cwd });
  return { code, out };
}

describe('the CLI package (cli/): npm pack, install offline, npx', function () {
  this.timeout(180_000);
  let work: string;
  let tarball: string;
  let app: string;

  before(function () {
    // npm pack runs this same build as its prepack step; built once here for all the tests of the run.
    buildPackages();
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'release-post-pack-'));
    const packed = npm(['pack', '--ignore-scripts', '--pack-destination', work], path.join(ROOT, 'cli'));
    assert.equal(packed.status, 0, packed.stderr);
    tarball = path.join(work, packed.stdout.trim().split('\n').pop()!);
    app = path.join(work, 'app');
    fs.mkdirSync(app);
    const installed = npm(['install', '--offline', '--no-audit', '--no-fund', tarball], app);
    assert.equal(installed.status, 0, installed.stderr);
  });
  after(() => fs.rmSync(work, { recursive: true, force: true }));

  const npx = (args: string[], cwd = app) =>
    spawnSync('npx', ['--offline', 'release-post', ...args], { cwd, env: OFFLINE_NPM_ENV, encoding: 'utf8', timeout: 60_000 });

  it('holds the bundle, the stylesheet, the license and nothing of the extension', () => {
    const listed = spawnSync('tar', ['tzf', tarball], { encoding: 'utf8' }).stdout.trim().split('\n').sort();
    assert.deepEqual(listed, ['package/LICENSE', 'package/README.md', 'package/dist/cli.js', 'package/media/preview.css', 'package/media/site.css', 'package/package.json']);
    assert.equal(cliPackage.version, rootPackage.version, 'cli/package.json has the version of the project');
    assert.equal(cliPackage.scripts.prepack, 'cd .. && node scripts/build.mjs --production --packages');
    assert.equal(cliPackage.dependencies, undefined, 'a bundled CLI has no dependencies');
    const bundle = fs.readFileSync(path.join(app, 'node_modules/release-post/dist/cli.js'), 'utf8');
    const foreign = requiredModules(bundle).filter((m) => !builtinModules.includes(m.replace(/^node:/, '')));
    assert.deepEqual(foreign, [], 'only Node built-ins are loaded at run time (no vscode, no dependencies)');
    assert.deepEqual(fs.readdirSync(path.join(app, 'node_modules')).filter((d) => !d.startsWith('.')), ['release-post']);
  });

  it('npx release-post --version and --help work', () => {
    const version = npx(['--version']);
    assert.equal(version.status, 0, version.stderr);
    assert.equal(version.stdout, `${rootPackage.version}\n`);
    const help = npx(['--help']);
    assert.equal(help.status, 0, help.stderr);
    assert.match(help.stdout, /^Usage: release-post <command>/);
    assert.match(help.stdout, /--format text\|json\|github\|sarif/);
  });

  it('npx release-post lint on a Mesos corpus post prints what the source prints', async function () {
    if (!corpusPresent()) {
      console.log('    (skipped: ../shared/corpus is absent)');
      this.skip();
    }
    const post = path.join(CORPUS, CORPUS_POST);
    const r = npx(['lint', post]);
    const expected = await lintFromSource([post], app);
    assert.equal(r.stdout, expected.out);
    assert.equal(r.status, 1);
    assert.equal(r.stderr, '');
    const lines = r.stdout.trimEnd().split('\n');
    assert.ok(lines.some((l) => l.startsWith(`${post}:1:1  error  `) && l.endsWith('  filename-format')), r.stdout);
    assert.ok(lines.some((l) => /  error  .*1\.4\.1.*  version-mismatch$/.test(l)), r.stdout);
    assert.match(lines[lines.length - 1], /^1 post checked: [1-9]\d* errors?, \d+ warnings?, 0 info$/);
  });

  it('npx release-post render finds its stylesheet in the package', async () => {
    const post = path.join(app, '2021-01-05-orbit-1-1-0-released.md');
    fs.writeFileSync(post, '---\nlayout: post\ntitle: Orbit 1.1.0 Released\n---\n\nHello.\n');
    const r = npx(['render', post]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /<style>[\s\S]*\S[\s\S]*<\/style>/);
  });
});

describe('the pre-commit hook and the repository\'s own npm pack', function () {
  this.timeout(120_000);

  it('.pre-commit-hooks.yaml runs release-post lint on staged Markdown files', () => {
    const hooks = parse(fs.readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8'));
    assert.ok(Array.isArray(hooks) && hooks.length === 1);
    const [hook] = hooks;
    for (const key of ['id', 'name', 'entry', 'language']) assert.equal(typeof hook[key], 'string', key);
    assert.equal(hook.entry, 'release-post lint');
    assert.equal(hook.language, 'node');
    const files = new RegExp(hook.files);
    assert.ok(files.test('site/source/blog/2024-01-02-x-1-0-0-released.md'));
    assert.ok(files.test('_posts/2024-01-02-x.markdown'));
    assert.ok(!files.test('CHANGELOG') && !files.test('_config.yml'));
    assert.equal(rootPackage.bin['release-post'], './dist/cli.js');
  });

  it('npm pack of the repository (what pre-commit installs) ships the built CLI only, and prints only its name', () => {
    buildPackages();
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'release-post-rootpack-'));
    try {
      const packed = npm(['pack', '--pack-destination', work], ROOT);
      assert.equal(packed.status, 0, packed.stderr);
      // pre-commit reads the whole of stdout as the tarball's name: a pack script's banner would break the install.
      assert.equal(packed.stdout, `release-post-${rootPackage.version}.tgz\n`);
      const tarball = path.join(work, packed.stdout.trim());
      const files = spawnSync('tar', ['tzf', tarball], { encoding: 'utf8' }).stdout.trim().split('\n').sort();
      assert.deepEqual(files, ['package/LICENSE', 'package/README.md', 'package/dist/cli.js', 'package/media/preview.css', 'package/media/site.css', 'package/package.json']);
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
    const run = spawnSync(process.execPath, [path.join(ROOT, 'dist/cli.js'), '--version'], { encoding: 'utf8' });
    assert.equal(run.stdout, `${rootPackage.version}\n`);
  });
});
