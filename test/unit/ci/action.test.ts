import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';
import { GOOD_NAME, GOOD_POST } from '../lint/helpers';
import { buildPackages, ROOT } from './packages';
import { sarifShapeErrors } from './sarifShape';

const manifest = parse(fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8'));

interface RunnerResult {
  code: number | null;
  stdout: string;
  summary: string;
  outputs: string;
}

/**
 * Runs the action's entry point the way the GitHub runner does: `node <runs.main>` in the workspace, each input as
 * INPUT_<NAME> (defaults from action.yml filled in, as the runner does), and files for the step summary and outputs.
 */
function runAction(workspace: string, inputs: Record<string, string>): RunnerResult {
  const files = fs.mkdtempSync(path.join(os.tmpdir(), 'release-post-runner-'));
  const summaryFile = path.join(files, 'step_summary');
  const outputFile = path.join(files, 'output');
  fs.writeFileSync(summaryFile, '');
  fs.writeFileSync(outputFile, '');
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, GITHUB_WORKSPACE: workspace, GITHUB_STEP_SUMMARY: summaryFile, GITHUB_OUTPUT: outputFile };
  for (const [name, spec] of Object.entries(manifest.inputs as Record<string, { default?: string }>)) {
    env[`INPUT_${name.toUpperCase()}`] = inputs[name] ?? spec.default ?? '';
  }
  const r = spawnSync(process.execPath, [path.join(ROOT, manifest.runs.main)], { cwd: workspace, env, encoding: 'utf8', timeout: 60_000 });
  const result = { code: r.status, stdout: r.stdout, summary: fs.readFileSync(summaryFile, 'utf8'), outputs: fs.readFileSync(outputFile, 'utf8') };
  fs.rmSync(files, { recursive: true, force: true });
  assert.equal(r.stderr, '', 'nothing on stderr (no stack trace)');
  return result;
}

/** 1-based line and column of the first `needle` in `text`. */
function place(text: string, needle: string): { line: number; column: number } {
  const before = text.slice(0, text.indexOf(needle)).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

const WITH_ERROR = GOOD_POST.replace('hb=1.11.0', 'hb=1.10.0').replace('for [download]', 'for[download]');
const WARNING_ONLY = GOOD_POST.replace('for [download]', 'for[download]');

describe('the GitHub Action (action.yml)', function () {
  this.timeout(120_000);
  let workspace: string;
  const write = (rel: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(workspace, rel)), { recursive: true });
    fs.writeFileSync(path.join(workspace, rel), text);
  };

  before(() => buildPackages());
  beforeEach(() => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'release-post-action-'));
  });
  afterEach(() => fs.rmSync(workspace, { recursive: true, force: true }));

  it('runs on Node 20 from the bundle, with the inputs the code reads', () => {
    assert.equal(manifest.runs.using, 'node20');
    assert.equal(manifest.runs.main, 'action/dist/index.js');
    assert.deepEqual(Object.keys(manifest.inputs).sort(), ['config', 'fail-on-warnings', 'format', 'paths', 'report-file']);
    const bundle = fs.readFileSync(path.join(ROOT, manifest.runs.main), 'utf8');
    assert.ok(!/require\(["']vscode["']\)/.test(bundle));
  });

  it('annotates each problem at its line, writes the summary table and fails on errors', () => {
    const post = `site/source/blog/${GOOD_NAME}`;
    write(post, WITH_ERROR);
    write('site/source/blog/2021-02-01-mesos-1-11-1-released.md', GOOD_POST.replace(/1\.11\.0/g, '1.11.1').replace(/1-11-0/g, '1-11-1'));
    const r = runAction(workspace, { paths: 'site/source/blog' });
    assert.equal(r.code, 1);
    const glued = place(WITH_ERROR, 'r[download]');
    const version = place(WITH_ERROR, '1.10.0');
    const annotations = r.stdout.split('\n').filter((l) => l.startsWith('::'));
    assert.deepEqual(annotations, [
      `::warning file=${post},line=${glued.line},col=${glued.column},endLine=${glued.line},endColumn=${glued.column + 'r[download]'.length},title=glued-link::"r" is glued to the link "[download]": the page shows the words run together`,
      `::error file=${post},line=${version.line},col=${version.column},endLine=${version.line},endColumn=${version.column + 6},title=version-mismatch::the CHANGELOG link names 1.10.0 but this post is about 1.11.0`,
      '::error title=Release Post::2 posts checked: 1 error, 1 warning, 0 info',
    ]);
    assert.equal(
      r.summary,
      [
        '## Release Post',
        '',
        '**2 posts checked: 1 error, 1 warning, 0 info**',
        '',
        '| Rule | Errors | Warnings | Info |',
        '| --- | ---: | ---: | ---: |',
        '| [glued-link](https://github.com/release-post/release-post/blob/main/docs/rules.md#glued-link) | 0 | 1 | 0 |',
        '| [version-mismatch](https://github.com/release-post/release-post/blob/main/docs/rules.md#version-mismatch) | 1 | 0 | 0 |',
        '',
      ].join('\n'),
    );
    assert.equal(r.outputs, 'posts=2\nerrors=1\nwarnings=1\n');
  });

  it('passes with warnings, and fails on them when fail-on-warnings is true', () => {
    write(`site/source/blog/${GOOD_NAME}`, WARNING_ONLY);
    const lenient = runAction(workspace, {});
    assert.equal(lenient.code, 0);
    assert.match(lenient.stdout, /^::warning file=site\/source\/blog\/.*title=glued-link::/m);
    assert.ok(!lenient.stdout.includes('::error'));
    const strict = runAction(workspace, { 'fail-on-warnings': 'true' });
    assert.equal(strict.code, 1);
    assert.match(strict.stdout, /^::error title=Release Post::1 post checked: 0 errors, 1 warning, 0 info$/m);
  });

  it('a clean site passes with "No problems found." in the summary', () => {
    write(`site/source/blog/${GOOD_NAME}`, GOOD_POST);
    const r = runAction(workspace, { paths: 'site\nsite/source/blog\n' });
    assert.equal(r.code, 0);
    assert.equal(r.stdout, '1 post checked: 0 errors, 0 warnings, 0 info\n');
    assert.match(r.summary, /\*\*1 post checked: 0 errors, 0 warnings, 0 info\*\*\n\nNo problems found\.\n$/);
  });

  it('format sarif with report-file writes a SARIF log for a code-scanning upload, annotations still in the log', () => {
    write(`site/source/blog/${GOOD_NAME}`, WITH_ERROR);
    const r = runAction(workspace, { format: 'sarif', 'report-file': 'release-post.sarif' });
    assert.equal(r.code, 1);
    const log = JSON.parse(fs.readFileSync(path.join(workspace, 'release-post.sarif'), 'utf8'));
    assert.deepEqual(sarifShapeErrors(log), []);
    assert.deepEqual(log.runs[0].results.map((x: { ruleId: string }) => x.ruleId), ['glued-link', 'version-mismatch']);
    assert.equal(r.stdout.split('\n').filter((l) => /^::(error|warning) file=/.test(l)).length, 2);
    assert.match(r.outputs, /^report-file=release-post\.sarif$/m);
  });

  it('format text prints the report in the log, where a line that looks like a workflow command is not run', () => {
    write(`site/source/blog/${GOOD_NAME}`, WARNING_ONLY);
    // File names come from the pull request; this one puts a line starting with "::error" into the text report.
    write('site/source/blog/2021-01-06-x\n::error file=x::owned.md', GOOD_POST);
    const r = runAction(workspace, { format: 'text' });
    assert.match(r.stdout, /^site\/source\/blog\/\S+:\d+:\d+ {2}warning {2}.* {2}glued-link$/m);
    assert.equal(r.stdout.match(/^2 posts checked/gm)?.length, 1);
    const stop = /^::stop-commands::(\S+)$/m.exec(r.stdout);
    assert.ok(stop, 'the report is wrapped in stop-commands');
    const inside = r.stdout.slice(stop.index, r.stdout.indexOf(`\n::${stop[1]}::\n`));
    assert.ok(inside.includes('site/source/blog/'), 'the report is between the markers');
    const outside = r.stdout.replace(inside, '');
    // The line break in the file name is shown, so the fake command never starts a line, inside the markers or out.
    assert.match(inside, /^site\/source\/blog\/2021-01-06-x\\x0a::error file=x::owned\.md:1:1 {2}error/m);
    assert.doesNotMatch(r.stdout, /^::error file=x::/m);
    assert.doesNotMatch(outside, /^::error file=x::/m);
  });

  it('bad inputs and missing paths fail the step with one clear message', () => {
    const badFormat = runAction(workspace, { format: 'xml' });
    assert.equal(badFormat.code, 1);
    assert.equal(badFormat.stdout, '::error title=Release Post::the input "format" must be github, text, json, sarif, not "xml"\n');
    const badFlag = runAction(workspace, { 'fail-on-warnings': 'yes please' });
    assert.equal(badFlag.code, 1);
    assert.match(badFlag.stdout, /^::error title=Release Post::the input "fail-on-warnings" must be true or false/);
    const missing = runAction(workspace, { paths: 'no-such-folder' });
    assert.equal(missing.code, 1);
    assert.match(missing.stdout, /cannot read "no-such-folder"/);
    assert.match(missing.stdout, /^::error title=Release Post::/m);
    assert.ok(!/\n\s+at /.test(missing.stdout), 'no stack trace');
  });
});
