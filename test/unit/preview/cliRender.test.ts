import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { renderCommand } from '../../../src/cli/render';
import { lintPost } from '../../../src/core/rules/lint';
import { parsePost } from '../../../src/core/post/parse';
import { defaultProfile } from '../../../src/core/site/profile';
import { activeContent, elementsOf, FIXTURES, SAMPLE_SITE } from './helpers';

interface Run {
  code: number;
  out: string;
  err: string;
}

async function run(argv: string[], cwd: string): Promise<Run> {
  let out = '';
  let err = '';
  const code = await renderCommand(argv, { out: (t) => (out += t), err: (t) => (err += t), cwd });
  return { code, out, err };
}

const SAMPLE_POST = path.join(SAMPLE_SITE, 'site', 'source', 'blog', '2025-03-04-orbit-1-0-0-released.md');
const SAMPLE_IMAGE = path.join(SAMPLE_SITE, 'site', 'source', 'assets', 'img', 'blog', 'orbit-architecture.png');

describe('release-post render', () => {
  let temp: string;
  beforeEach(() => {
    temp = fs.mkdtempSync(path.join(os.tmpdir(), 'release-post-render-'));
  });
  afterEach(() => {
    fs.rmSync(temp, { recursive: true, force: true });
  });

  it('prints a standalone page with the stylesheet inlined, the site profile and images relative to the cwd', async () => {
    const { code, out, err } = await run([path.relative(temp, SAMPLE_POST)], temp);
    assert.equal(err, '');
    assert.equal(code, 0);
    assert.match(out, /^<!DOCTYPE html>/);
    assert.match(out, /<style>[\s\S]*\.navbar \{[\s\S]*<\/style>/);
    assert.match(out, /<a class="navbar-brand" href="\/">Orbit Scheduler<\/a>/);
    assert.match(out, /<em>Posted March 4, 2025<\/em>/);
    const elements = elementsOf(out);
    assert.equal(elements.filter((e) => e.tag === 'script').length, 0);
    assert.deepEqual(activeContent(out, { styleElements: 1 }), []);
    const img = elements.find((e) => e.tag === 'img' && e.attrs.alt === 'Orbit architecture');
    assert.ok(img && !path.isAbsolute(img.attrs.src), `relative image path: ${img?.attrs.src}`);
    assert.equal(path.resolve(temp, decodeURI(img.attrs.src)), SAMPLE_IMAGE);
  });

  it('shows only the site\'s own images: none outside it, no remote ones unless --remote-images', async () => {
    const site = path.join(temp, 'site');
    fs.mkdirSync(path.join(site, 'blog'), { recursive: true });
    fs.writeFileSync(path.join(temp, 'secret.png'), 'x');
    fs.writeFileSync(path.join(site, 'blog', 'ok.png'), 'x');
    const post = path.join(site, 'blog', '2020-01-01-x.md');
    fs.writeFileSync(
      post,
      '---\ntitle: X\n---\n![out](../../secret.png) ![in](ok.png) ![remote](https://tracker.example/p.gif) <img src="http://tracker.example/q.gif">\n',
    );
    const sources = (html: string) => elementsOf(html).filter((e) => e.tag === 'img').map((e) => e.attrs.src ?? '');
    const plain = await run([post], site);
    assert.equal(plain.code, 0, plain.err);
    assert.deepEqual(sources(plain.out).filter(Boolean), ['blog/ok.png']);
    // The placeholder may name the host in its tooltip, but no URL leads there.
    assert.doesNotMatch(plain.out, /secret|file:\/\/|tracker\.example\//);
    assert.match(plain.out, /2 remote images are not loaded[^<]*\(render with --remote-images to show them\)/);
    const remote = await run([post, '--remote-images'], site);
    assert.deepEqual(sources(remote.out).filter(Boolean), ['blog/ok.png', 'https://tracker.example/p.gif']);
    assert.match(remote.out, /img-src &#39;self&#39; file: data: https:;/);
  });

  it('writes -o atomically, replacing the file, with images relative to its folder', async () => {
    const outDir = path.join(temp, 'out dir');
    fs.mkdirSync(outDir);
    const outFile = path.join(outDir, 'post.html');
    fs.writeFileSync(outFile, 'old content');
    const { code, out, err } = await run([SAMPLE_POST, '-o', path.join('out dir', 'post.html')], temp);
    assert.equal(err, '');
    assert.equal(code, 0);
    assert.equal(out, `${path.join('out dir', 'post.html')}\n`);
    assert.deepEqual(fs.readdirSync(outDir), ['post.html'], 'no temporary file is left behind');
    const html = fs.readFileSync(outFile, 'utf8');
    const img = elementsOf(html).find((e) => e.tag === 'img' && e.attrs.alt === 'Orbit architecture');
    assert.ok(img);
    assert.equal(path.resolve(outDir, decodeURI(img.attrs.src)), SAMPLE_IMAGE);
    assert.ok(fs.existsSync(path.resolve(outDir, decodeURI(img.attrs.src))));
  });

  it('uses the default profile and the post folder outside any site', async () => {
    const { code, out } = await run([path.join(FIXTURES, '2016-07-27-kitchen-sink.md'), '--no-problems'], FIXTURES);
    assert.equal(code, 0);
    assert.match(out, /<a class="navbar-brand" href="\/">Apache Mesos<\/a>/);
    assert.match(out, /<img src="assets\/img\/blog\/architecture.png" alt="Architecture">/);
    assert.doesNotMatch(out, /class="rp-problem /);
  });

  it('marks the problems the linter finds in the body unless --no-problems', async () => {
    const file = path.join(FIXTURES, '2020-01-01-hostile.md');
    const post = parsePost(fs.readFileSync(file, 'utf8'));
    const bodyProblems = lintPost(post, file, defaultProfile()).filter((p) => p.range.start.line >= post.bodyStartLine);
    const { out } = await run([file], temp);
    assert.equal(/class="rp-problem /.test(out), bodyProblems.length > 0);
    const quiet = await run([file, '--no-problems'], temp);
    assert.doesNotMatch(quiet.out, /class="rp-problem /);
    assert.deepEqual(activeContent(out, { styleElements: 1 }), []);
  });

  it('exits 2 with a clear message for a missing or unreadable post', async () => {
    const missing = await run(['no-such-post.md'], temp);
    assert.equal(missing.code, 2);
    assert.equal(missing.out, '');
    assert.equal(missing.err, 'release-post render: cannot read no-such-post.md: no such file\n');
    const folder = await run(['.'], temp);
    assert.equal(folder.code, 2);
    assert.match(folder.err, /cannot read \.: it is a folder/);
  });

  it('exits 2 on bad usage and never writes over the post itself', async () => {
    const copy = path.join(temp, '2016-07-27-x.md');
    fs.writeFileSync(copy, '---\ntitle: T\n---\nbody\n');
    for (const argv of [[], ['--bogus', copy], [copy, copy], [copy, '-o'], [copy, '-o', 'a.html', '-o', 'b.html']]) {
      const { code, err } = await run(argv, temp);
      assert.equal(code, 2, argv.join(' '));
      assert.match(err, /^release-post render: /);
    }
    const self = await run([copy, '-o', '2016-07-27-x.md'], temp);
    assert.equal(self.code, 2);
    assert.match(self.err, /the output file is the post itself/);
    assert.equal(fs.readFileSync(copy, 'utf8'), '---\ntitle: T\n---\nbody\n');
  });

  it('exits 2 when the output cannot be written', async () => {
    const { code, err } = await run([SAMPLE_POST, '-o', path.join('missing-folder', 'x.html')], temp);
    assert.equal(code, 2);
    assert.match(err, /cannot write missing-folder.x\.html: no such file/);
    assert.deepEqual(fs.readdirSync(temp), []);
  });

  it('prints its usage with --help', async () => {
    const { code, out } = await run(['--help'], temp);
    assert.equal(code, 0);
    assert.match(out, /^Usage: release-post render POST \[-o OUT\.html\|-\]/);
  });
});
