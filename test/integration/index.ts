// Entry point of the integration suite: the VS Code extension host calls run() and reports its outcome to the
// launcher. The host's stdout is not visible to the launcher, so the report is written next to this file.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';

export const REPORT_FILE = path.join(__dirname, '..', 'integration-report.json');

interface Report {
  editor: string;
  passed: number;
  failed: number;
  lines: string[];
}

export function run(): Promise<void> {
  // RELEASE_POST_IT_FILES=lintFix,preview runs only the test files whose names contain one of the words.
  const only = (process.env.RELEASE_POST_IT_FILES ?? '').split(',').filter(Boolean);
  const mocha = new Mocha({ ui: 'bdd', timeout: 30000, color: false, reporter: function silent() {} as never });
  // Written by the launcher from RELEASE_POST_IT_GREP: run only the tests whose full title matches.
  const grepFile = path.join(__dirname, '..', 'integration-grep.txt');
  if (fs.existsSync(grepFile)) mocha.grep(new RegExp(fs.readFileSync(grepFile, 'utf8').trim()));
  const files = fs
    .readdirSync(__dirname, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.test.js'))
    .filter((f) => !only.length || only.some((name) => f.includes(name)))
    .sort();
  for (const f of files) mocha.addFile(path.join(__dirname, f));

  const report: Report = { editor: `VS Code ${vscode.version}`, passed: 0, failed: 0, lines: [] };
  const save = () => fs.writeFileSync(REPORT_FILE, JSON.stringify(report, null, 2));
  report.lines.push(`Integration suite in ${report.editor} (${vscode.env.appName}), ${files.length} test files`);
  save();

  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      save();
      if (failures > 0) reject(new Error(`${failures} integration tests failed`));
      else resolve();
    });
    runner.on('suite', (suite) => {
      if (suite.title) report.lines.push(`  ${suite.fullTitle()}`);
    });
    runner.on('pass', (test) => {
      report.passed++;
      report.lines.push(`    ✓ ${test.title} (${test.duration ?? 0} ms)`);
      save();
    });
    runner.on('fail', (test, err: Error) => {
      report.failed++;
      report.lines.push(`    ✗ ${test.title}`);
      report.lines.push(`      ${String(err && err.stack ? err.stack : err).split('\n').slice(0, 6).join('\n      ')}`);
      save();
    });
  });
}
