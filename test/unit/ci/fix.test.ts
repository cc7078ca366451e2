import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fixPostFile } from '../../../src/cli/fix';
import { lintCommand } from '../../../src/cli/lint';
import { newCommand } from '../../../src/cli/new';
import { fixAll, lintPost, type Problem } from '../../../src/core/rules/lint';
import { parsePost } from '../../../src/core/post/parse';
import { defaultProfile } from '../../../src/core/site/profile';
import { buildSiteIndex, resolveSiteUrl } from '../../../src/core/site/siteIndex';
import { scanSiteFiles } from '../../../src/core/site/siteFiles';
import { findSiteForFile, markdownFilesBelow } from '../../../src/core/site/workspace';
import type { CliIO } from '../../../src/cli/io';
import { CORPUS, corpusPresent } from '../corpus';
import { GOOD_NAME, GOOD_POST, lint } from '../lint/helpers';
import { SEED_DRAFT_ARGS, seedDefects } from './seedDraft';

const SAMPLE_SITE = path.resolve(__dirname, '../../fixtures/sample-site');

async function run(command: typeof lintCommand, argv: string[], cwd: string) {
  let out = '';
  let err = '';
  const io: CliIO = { out: (t) => (out += t), err: (t) => (err += t), cwd };
  const code = await command(argv, io);
  return { code, out, err };
}

/** What the editor's "fix all" makes of a post on disk: core fixAll over the problems of that post in its site. */
function editorFixAll(file: string): string {
  const text = fs.readFileSync(file, 'utf8');
  const site = findSiteForFile(file);
  const index = site ? buildSiteIndex(site, [], scanSiteFiles(site)) : undefined;
  const problems = lintPost(parsePost(text), path.basename(file), site?.profile ?? defaultProfile(), {
    siteLinkExists: index ? (href) => resolveSiteUrl(index, href) !== undefined : undefined,
  });
  return fixAll(text, problems);
}

describe('cli: lint --fix', () => {
  let root: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'release-post-fix-'));
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('fixes the seed draft exactly as the editor\'s fix-all does, prints each fix and reports what is left', async () => {
    const site = path.join(root, 'orbit');
    fs.cpSync(SAMPLE_SITE, site, { recursive: true });
    const made = await run(newCommand, [...SEED_DRAFT_ARGS, '--date', '2025-10-01'], site);
    assert.equal(made.code, 0, made.err);
    const draft = path.join(site, made.out.trim());
    fs.writeFileSync(draft, seedDefects(fs.readFileSync(draft, 'utf8')));
    const seeded = fs.readFileSync(draft, 'utf8');
    const others = markdownFilesBelow(path.join(site, 'site/source/blog')).filter((f) => f !== draft);
    const othersBefore = others.map((f) => fs.readFileSync(f));
    const expected = editorFixAll(draft);
    assert.notEqual(expected, seeded);

    const r = await run(lintCommand, ['--fix', 'site'], site);

    assert.equal(fs.readFileSync(draft, 'utf8'), expected, 'byte for byte what fixAll gives');
    others.forEach((f, i) => assert.ok(fs.readFileSync(f).equals(othersBefore[i]), `${f} untouched`));
    const shown = 'site/source/blog/2025-10-01-orbit-1-2-0-released.md';
    const fixedLines = r.out.split('\n').filter((l) => l.includes('  fixed  '));
    assert.deepEqual(fixedLines.map((l) => l.split('  ').pop()).sort(), [
      'contributor-count',
      'field-missing',
      'field-type',
      'glued-link',
      'permalink-mismatch',
      'version-mismatch',
    ]);
    assert.ok(fixedLines.every((l) => l.startsWith(`${shown}:`)), r.out);
    // Nothing fixable is left, so the report after the fixes is clean and the exit code says so.
    assert.match(r.out, /4 posts checked: 0 errors, 0 warnings, 0 info\n$/);
    assert.equal(r.code, 0);
    assert.deepEqual(fs.readdirSync(path.dirname(draft)).filter((f) => !f.endsWith('.md')), [], 'no temporary file left');
  });

  it('on a copy of the Mesos site every post ends as fixAll makes it, and JSON output stays JSON', async function () {
    if (!corpusPresent()) {
      console.log('    (skipped: ../shared/corpus is absent)');
      this.skip();
    }
    this.timeout(60000);
    const site = path.join(root, 'mesos');
    fs.cpSync(path.join(CORPUS, 'site'), path.join(site, 'site'), { recursive: true });
    fs.chmodSync(site, 0o755);
    const posts = markdownFilesBelow(path.join(site, 'site/source/blog'));
    // A working copy is writable; the corpus it comes from is not (and --fix leaves read-only files alone).
    for (const f of posts) fs.chmodSync(f, 0o644);
    const expected = new Map(posts.map((f) => [f, editorFixAll(f)]));
    const before = new Map(posts.map((f) => [f, fs.readFileSync(f, 'utf8')]));
    const changed = posts.filter((f) => expected.get(f) !== before.get(f));
    assert.ok(changed.length > 0, 'the published posts have fixable problems');

    const r = await run(lintCommand, ['--fix', '--format', 'json', 'site/source/blog'], site);

    for (const f of posts) assert.equal(fs.readFileSync(f, 'utf8'), expected.get(f), path.basename(f));
    const report = JSON.parse(r.out) as { files: number; problems: { rule: string }[] };
    assert.equal(report.files, 78);
    const fixedFiles = new Set(r.err.split('\n').filter((l) => l.includes('  fixed  ')).map((l) => l.split(':')[0]));
    assert.deepEqual([...fixedFiles].sort(), changed.map((f) => path.relative(site, f)).sort());
  });

  it('leaves the file untouched when it changed on disk after it was read', () => {
    const file = path.join(root, '2021-01-05-mesos-1-11-0-released.md');
    const broken = GOOD_POST.replace('available for [download]', 'available for[download]');
    const meanwhile = broken + '\nA paragraph written meanwhile.\n';
    fs.writeFileSync(file, meanwhile);
    let log = '';
    const problems = lint(broken);
    const left = fixPostFile(file, 'post.md', broken, problems, (t) => lint(t), (l) => (log += l));
    assert.equal(fs.readFileSync(file, 'utf8'), meanwhile);
    assert.deepEqual(left, problems);
    assert.match(log, /^post\.md: not fixed: .*changed.*\n$/);
  });

  it('leaves the file untouched when the fixed text would have a new problem', () => {
    const file = path.join(root, '2021-01-05-mesos-1-11-0-released.md');
    const broken = GOOD_POST.replace('available for [download]', 'available for[download]');
    fs.writeFileSync(file, broken);
    let log = '';
    const problems = lint(broken);
    // A check that objects to the fixed text, standing for a fix that does not apply cleanly.
    const objects = (t: string): Problem[] => [
      ...lint(t),
      ...(t.includes('for [download]') ? [{ rule: 'empty-link', severity: 'error' as const, message: 'x', range: problems[0].range }] : []),
    ];
    const left = fixPostFile(file, 'post.md', broken, problems, objects, (l) => (log += l));
    assert.equal(fs.readFileSync(file, 'utf8'), broken);
    assert.deepEqual(left, problems);
    assert.equal(log, 'post.md: not fixed: the fixes would bring a new empty-link problem; the file is unchanged\n');
  });

  it('closes an unclosed front matter as the editor does, and reports the field problems that then show, with exit code 1', async () => {
    const dir = path.join(root, 'site/source/blog');
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, GOOD_NAME);
    // No closing "---", and no published or tags: the missing fields show only once the block can be read.
    const unclosed = GOOD_POST.replace(/^published: true\n/m, '').replace(/^tags: Release\n---\n/m, '');
    fs.writeFileSync(file, unclosed);
    const expected = editorFixAll(file);
    assert.notEqual(expected, unclosed);

    const first = await run(lintCommand, ['--fix', '.'], root);
    const shown = `site/source/blog/${GOOD_NAME}`;
    assert.equal(fs.readFileSync(file, 'utf8'), expected, 'byte for byte what fixAll gives');
    assert.match(fs.readFileSync(file, 'utf8'), /^  twitter: adaquinn\n---\n\nThe latest/m);
    const lines = first.out.split('\n');
    assert.equal(lines[0], `${shown}:1:1  fixed  Close the front matter after line 7  front-matter-syntax`);
    assert.equal(lines[1], `${shown}: the front matter can now be read, and shows field-missing problems it hid (listed below); run lint --fix again to fix the 2 with a clear fix`);
    assert.equal(lines.filter((l) => /  error  the required field "(published|tags)" is missing  field-missing$/.test(l)).length, 2, first.out);
    assert.match(first.out, /1 post checked: 2 errors, 0 warnings, 0 info\n$/);
    assert.equal(first.code, 1, 'errors are left');

    const second = await run(lintCommand, ['--fix', '.'], root);
    assert.match(second.out, /fixed  Insert "published"  field-missing/);
    assert.match(second.out, /1 post checked: 0 errors, 0 warnings, 0 info\n$/);
    assert.equal(second.code, 0);
  });

  it('--fix in --help and a file with nothing to fix is not rewritten', async () => {
    const help = await run(lintCommand, ['--help'], root);
    assert.match(help.out, /--fix/);
    const dir = path.join(root, 'site/source/blog');
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, '2021-01-05-mesos-1-11-0-released.md');
    fs.writeFileSync(file, GOOD_POST);
    const old = new Date('2020-01-01T00:00:00Z');
    fs.utimesSync(file, old, old);
    const r = await run(lintCommand, ['--fix', '.'], root);
    assert.equal(r.out, '1 post checked: 0 errors, 0 warnings, 0 info\n');
    assert.equal(fs.statSync(file).mtime.getTime(), old.getTime());
  });
});
