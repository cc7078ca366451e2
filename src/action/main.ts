import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { formatReport, githubAnnotation, lintCommand, type LintFormat, type ReportedProblem } from '../cli/lint';
import { EXIT_USAGE } from '../cli/io';
import { countSeverities, jobSummary, summaryLine } from './summary';

/**
 * The GitHub Action: `release-post lint` over the given paths, with an annotation per problem, a job summary, and
 * the job failed on errors (and on warnings when asked). The runner gives inputs as INPUT_<NAME> variables.
 */

const FORMATS: readonly LintFormat[] = ['github', 'text', 'json', 'sarif'];

interface Inputs {
  paths: string[];
  format: LintFormat;
  failOnWarnings: boolean;
  config: string;
  reportFile: string;
}

export interface ActionEnv {
  env: NodeJS.ProcessEnv;
  cwd: string;
  out(text: string): void;
}

function input(env: NodeJS.ProcessEnv, name: string): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

function readInputs(env: NodeJS.ProcessEnv): Inputs | { error: string } {
  const format = input(env, 'format') || 'github';
  if (!FORMATS.includes(format as LintFormat)) return { error: `the input "format" must be ${FORMATS.join(', ')}, not "${format}"` };
  const failOnWarnings = input(env, 'fail-on-warnings') || 'false';
  if (!/^(true|false)$/i.test(failOnWarnings)) return { error: `the input "fail-on-warnings" must be true or false, not "${failOnWarnings}"` };
  const paths = input(env, 'paths')
    .split(/\r?\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const reportFile = input(env, 'report-file');
  if (/[\r\n]/.test(reportFile)) return { error: 'the input "report-file" must be one path' };
  return {
    paths: paths.length ? paths : ['.'],
    format: format as LintFormat,
    failOnWarnings: failOnWarnings.toLowerCase() === 'true',
    config: input(env, 'config'),
    reportFile,
  };
}

/** `::error::` ends the step with a message (what @actions/core's setFailed prints). */
function failure(message: string): string {
  return `::error title=Release Post::${message.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')}\n`;
}

/**
 * Text from the posts (file names, quoted words) printed to the log as it is: between stop-commands markers, so a
 * line in it that looks like a workflow command (`::error::`, `::add-mask::`) is not run by the runner.
 */
function verbatim(text: string): string {
  if (!text) return '';
  const token = randomUUID();
  return `::stop-commands::${token}\n${text}${text.endsWith('\n') ? '' : '\n'}::${token}::\n`;
}

function appendToFile(file: string | undefined, text: string): void {
  if (file) fs.appendFileSync(file, text);
}

/** Runs the action; returns the process exit code (0 passed, 1 failed). */
export async function runAction({ env, cwd, out }: ActionEnv): Promise<number> {
  const inputs = readInputs(env);
  if ('error' in inputs) {
    out(failure(inputs.error));
    return 1;
  }
  const argv = ['--format', 'json', ...(inputs.config ? ['--config', inputs.config] : []), '--', ...inputs.paths];
  let json = '';
  let messages = '';
  const code = await lintCommand(argv, { out: (t) => (json += t), err: (t) => (messages += t), cwd });
  out(verbatim(messages));
  let report: { files: number; problems: ReportedProblem[] };
  try {
    report = JSON.parse(json);
  } catch {
    out(failure(messages.trim() || 'release-post lint gave no report'));
    return 1;
  }
  const { files, problems } = report;

  // Annotations are what GitHub shows on the pull request's lines, whatever the report's format.
  out(problems.map(githubAnnotation).join(''));
  if (inputs.format !== 'github') {
    const text = formatReport(inputs.format, files, problems);
    if (inputs.reportFile) fs.writeFileSync(path.resolve(cwd, inputs.reportFile), text);
    else out(verbatim(text));
  }
  const counts = countSeverities(problems);
  const line = summaryLine(files, counts);
  // A text report in the log already ends with this line.
  if (inputs.format !== 'text' || inputs.reportFile) out(`${line}\n`);
  appendToFile(env.GITHUB_STEP_SUMMARY, jobSummary(files, problems));
  appendToFile(
    env.GITHUB_OUTPUT,
    `posts=${files}\nerrors=${counts.errors}\nwarnings=${counts.warnings}\n` +
      (inputs.reportFile ? `report-file=${inputs.reportFile}\n` : ''),
  );

  if (code === EXIT_USAGE) {
    out(failure(`some paths could not be read (${line})`));
    return 1;
  }
  if (counts.errors || (inputs.failOnWarnings && counts.warnings)) {
    out(failure(line));
    return 1;
  }
  return 0;
}

if (require.main === module) {
  runAction({ env: process.env, cwd: process.cwd(), out: (t) => process.stdout.write(t) }).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stdout.write(failure(err instanceof Error ? err.message : String(err)));
      process.exitCode = 1;
    },
  );
}
