import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { githubAnnotation, lintCommand } from '../../../src/cli/lint';
import type { CliIO } from '../../../src/cli/io';
import { GOOD_NAME, GOOD_POST } from './helpers';

interface Run {
  code: number;
  out: string;
  err: string;
}

async function run(argv: string[], cwd: string): Promise<Run> {
  let out = '';
  let err = '';
  const io: CliIO = { out: (t) => (out += t), err: (t) => (err += t), cwd };
  const code = await lintCommand(argv, io);
  return { code, out, err };
}

const BROKEN = GOOD_POST.replace('hb=1.11.0', 'hb=1.10.0').replace('for [download]', 'for[download]');

/** 1-based line and column of the first `needle` in `text`. */
function place(text: string, needle: string): { line: number; column: number } {
  const before = text.slice(0, text.indexOf(needle)).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

describe('cli: release-post lint', () => {
  let root: string;
  const write = (rel: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  };

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'release-post-cli-'));
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('exits 0 on clean posts and prints a summary', async () => {
    write(`site/source/blog/${GOOD_NAME}`, GOOD_POST);
    const r = await run(['site'], root);
    assert.equal(r.code, 0);
    assert.equal(r.out, '1 post checked: 0 errors, 0 warnings, 0 info\n');
    assert.equal(r.err, '');
  });

  it('exits 1 with errors; text lines are file:line:col  severity  message  rule', async () => {
    write(`site/source/blog/${GOOD_NAME}`, BROKEN);
    const r = await run(['.'], root);
    assert.equal(r.code, 1);
    const lines = r.out.trimEnd().split('\n');
    const glued = place(BROKEN, 'r[download]');
    const version = place(BROKEN, '1.10.0');
    assert.equal(lines[0], `site/source/blog/${GOOD_NAME}:${glued.line}:${glued.column}  warning  "r" is glued to the link "[download]": the page shows the words run together  glued-link`);
    assert.equal(lines[1], `site/source/blog/${GOOD_NAME}:${version.line}:${version.column}  error  the CHANGELOG link names 1.10.0 but this post is about 1.11.0  version-mismatch`);
    assert.equal(lines[2], '1 post checked: 1 error, 1 warning, 0 info');
  });

  it('exits 0 with warnings only', async () => {
    write(`_posts/${GOOD_NAME}`, GOOD_POST.replace('for [download]', 'for[download]'));
    assert.equal((await run(['_posts'], root)).code, 0);
  });

  it('prints JSON with 1-based positions', async () => {
    write(`site/source/blog/${GOOD_NAME}`, BROKEN);
    const r = await run(['--format', 'json', 'site'], root);
    const report = JSON.parse(r.out) as { files: number; problems: Record<string, unknown>[] };
    assert.equal(report.files, 1);
    const { line, column } = place(BROKEN, '1.10.0');
    assert.deepEqual(report.problems[1], {
      file: `site/source/blog/${GOOD_NAME}`,
      line,
      column,
      endLine: line,
      endColumn: column + '1.10.0'.length,
      rule: 'version-mismatch',
      severity: 'error',
      message: 'the CHANGELOG link names 1.10.0 but this post is about 1.11.0',
    });
  });

  it('prints GitHub annotations, escaping what must be escaped', async () => {
    const text = GOOD_POST.replace('let us know what you think.', 'let us know: 100% TODO');
    write(`site/source/blog/2021-01-05-a,b:c.md`, text);
    const r = await run(['--format=github', 'site'], root);
    assert.equal(r.code, 1);
    const lines = r.out.trimEnd().split('\n');
    assert.ok(lines.every((l) => l.startsWith('::')), r.out);
    const placeholder = lines.find((l) => l.includes('title=placeholder'));
    const { line, column } = place(text, 'TODO');
    assert.equal(
      placeholder,
      `::warning file=site/source/blog/2021-01-05-a%2Cb%3Ac.md,line=${line},col=${column},endLine=${line},endColumn=${column + 4},title=placeholder::"TODO" marks something still to be written`,
    );
    assert.ok(lines.some((l) => l.startsWith('::error ') && l.includes('title=filename-format')));
  });

  it('escapes %, CR and LF in messages', () => {
    const line = githubAnnotation({ file: 'a.md', line: 1, column: 1, endLine: 1, endColumn: 2, rule: 'x', severity: 'info', message: '50%\r\nnext' });
    assert.equal(line, '::notice file=a.md,line=1,col=1,endLine=1,endColumn=2,title=x::50%25%0D%0Anext\n');
  });

  it('checks only posts in folders, skipping node_modules and dot-folders', async () => {
    write(`site/source/blog/${GOOD_NAME}`, GOOD_POST);
    write('README.md', '# Read me\n');
    write('docs/guide.markdown', 'No front matter.\n');
    write(`node_modules/pkg/site/source/blog/${GOOD_NAME}`, BROKEN);
    write(`.github/${GOOD_NAME}`, BROKEN);
    write(`drafts/${GOOD_NAME}`, BROKEN);
    const r = await run(['--format', 'json', '.'], root);
    const report = JSON.parse(r.out) as { files: number; problems: { file: string }[] };
    assert.equal(report.files, 2);
    assert.deepEqual([...new Set(report.problems.map((p) => p.file))], [`drafts/${GOOD_NAME}`]);
  });

  it('exits 2 on bad usage and on an unreadable path, with one clear line', async () => {
    for (const argv of [[], ['--format', 'xml', '.'], ['--nope', '.'], ['--config'], ['missing-folder'], ['--config', 'nowhere.json', '.']]) {
      const r = await run(argv, root);
      assert.equal(r.code, 2, argv.join(' '));
      assert.equal(r.out, '');
      assert.match(r.err, /^release-post lint: [^\n]+\n$/);
    }
  });

  it('reports config problems as problems of the config file (rule config)', async () => {
    write('.releasepost.json', '{\n  "projectName": "Orbit",\n  "rules": { "placeholder": "loud" }\n}\n');
    write(`site/source/blog/${GOOD_NAME}`, GOOD_POST);
    const r = await run(['--format', 'json', 'site'], root);
    assert.equal(r.code, 1);
    const report = JSON.parse(r.out) as { problems: Record<string, unknown>[] };
    assert.deepEqual(report.problems[0], {
      file: '.releasepost.json',
      line: 3,
      column: 14,
      endLine: 3,
      endColumn: 27,
      rule: 'config',
      severity: 'error',
      message: '"rules.placeholder" must be one of: error, warning, info, off',
    });
  });

  it('--config applies a config file to every path', async () => {
    write('conf/site.json', '{ "rules": { "glued-link": "error" } }');
    write(`elsewhere/${GOOD_NAME}`, GOOD_POST.replace('for [download]', 'for[download]'));
    const r = await run(['--config', 'conf/site.json', `elsewhere/${GOOD_NAME}`], root);
    assert.equal(r.code, 1);
    assert.match(r.out, /error {2}.* {2}glued-link/);
  });

  it('reports a file above 5 MB with one error instead of checking it (an unchecked file does not pass)', async () => {
    write(`site/source/blog/${GOOD_NAME}`, GOOD_POST + 'x'.repeat(5 * 1024 * 1024 + 1));
    const r = await run(['--format', 'json', 'site'], root);
    assert.equal(r.code, 1);
    const report = JSON.parse(r.out) as { files: number; problems: { rule: string; severity: string }[] };
    assert.deepEqual(report.problems.map((p) => [p.rule, p.severity]), [['file-too-large', 'error']]);
  });
});

describe('cli: release-post lint - (standard input)', () => {
  const runStdin = async (argv: string[], text: string, cwd: string): Promise<Run> => {
    let out = '';
    let err = '';
    const io: CliIO = { out: (t) => (out += t), err: (t) => (err += t), cwd, readStdin: async () => text };
    const code = await lintCommand(argv, io);
    return { code, out, err };
  };
  const BROKEN_STDIN = GOOD_POST.replace('for [download]', 'for[download]');

  it('checks the post read from standard input, reported as <stdin>', async () => {
    const r = await runStdin(['--format', 'json', '-'], BROKEN_STDIN, os.tmpdir());
    assert.equal(r.err, '');
    const report = JSON.parse(r.out) as { files: number; problems: { file: string; rule: string }[] };
    assert.equal(report.files, 1);
    assert.deepEqual(
      report.problems.map((p) => [p.file, p.rule]),
      [['<stdin>', 'glued-link']],
    );
  });

  it('uses --stdin-filename for the file-name rules, the site and the report', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'release-post-stdin-'));
    const named = await runStdin(['--stdin-filename', `blog/${GOOD_NAME}`, '-'], GOOD_POST, root);
    assert.equal(named.code, 0, named.out + named.err);
    assert.match(named.out, /1 post checked: 0 errors/);
    const badName = await runStdin(['--format=json', '--stdin-filename=blog/Bad Name.md', '-'], GOOD_POST, root);
    const report = JSON.parse(badName.out) as { problems: { file: string; rule: string }[] };
    assert.ok(report.problems.some((p) => p.file === 'blog/Bad Name.md' && p.rule === 'filename-format'));
  });

  it('refuses --fix on standard input and --stdin-filename without "-"', async () => {
    const fix = await runStdin(['--fix', '-'], GOOD_POST, os.tmpdir());
    assert.equal(fix.code, 2);
    assert.match(fix.err, /--fix cannot write back to standard input/);
    const orphan = await runStdin(['--stdin-filename', 'x.md', 'post.md'], GOOD_POST, os.tmpdir());
    assert.equal(orphan.code, 2);
    assert.match(orphan.err, /give "-" as a PATH/);
  });
});
