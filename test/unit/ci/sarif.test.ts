import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { lintCommand } from '../../../src/cli/lint';
import { RULES_DOCS_URL } from '../../../src/cli/formats/sarif';
import { RULES } from '../../../src/core/rules/index';
import { CORPUS, corpusPresent } from '../corpus';
import { GOOD_NAME, GOOD_POST } from '../lint/helpers';
import { sarifShapeErrors } from './sarifShape';

async function lint(argv: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await lintCommand(argv, { out: (t) => (out += t), err: (t) => (err += t), cwd });
  return { code, out, err };
}

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: Record<string, number> } }[];
}

describe('cli: lint --format sarif', () => {
  it('the Mesos corpus gives a SARIF 2.1.0 log of the required shape, one result per problem', async function () {
    if (!corpusPresent()) {
      console.log('    (skipped: ../shared/corpus is absent)');
      this.skip();
    }
    const sarif = await lint(['--format', 'sarif', 'site/source/blog'], CORPUS);
    const json = await lint(['--format', 'json', 'site/source/blog'], CORPUS);
    assert.equal(sarif.code, json.code);
    const log = JSON.parse(sarif.out);
    assert.deepEqual(sarifShapeErrors(log), []);
    assert.equal(log.runs.length, 1);
    const run = log.runs[0];
    assert.equal(run.tool.driver.name, 'release-post');
    for (const rule of RULES) {
      const described = run.tool.driver.rules.find((r: { id: string }) => r.id === rule.name);
      assert.ok(described, `rule ${rule.name} is described`);
      assert.equal(described.helpUri, `${RULES_DOCS_URL}#${rule.name}`);
      assert.equal(described.defaultConfiguration.level, rule.defaultSeverity === 'info' ? 'note' : rule.defaultSeverity);
    }
    const { problems } = JSON.parse(json.out) as { problems: { file: string; line: number; column: number; endLine: number; endColumn: number; rule: string; severity: string; message: string }[] };
    const results = run.results as SarifResult[];
    assert.ok(problems.length > 0);
    assert.equal(results.length, problems.length);
    results.forEach((r, i) => {
      const p = problems[i];
      assert.equal(r.ruleId, p.rule);
      assert.equal(run.tool.driver.rules[r.ruleIndex].id, p.rule);
      assert.equal(r.level, p.severity === 'info' ? 'note' : p.severity);
      assert.equal(r.message.text, p.message);
      const loc = r.locations[0].physicalLocation;
      assert.deepEqual(loc.artifactLocation, { uri: p.file, uriBaseId: '%SRCROOT%' });
      assert.deepEqual(loc.region, { startLine: p.line, startColumn: p.column, endLine: p.endLine, endColumn: p.endColumn });
    });
    const count = (level: string) => results.filter((r) => r.level === level).length;
    assert.equal(count('error'), problems.filter((p) => p.severity === 'error').length);
    assert.equal(count('warning'), problems.filter((p) => p.severity === 'warning').length);
  });

  it('percent-encodes paths and describes the config file\'s problems as a rule', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'release-post-sarif-'));
    try {
      fs.mkdirSync(path.join(root, 'my site/site/source/blog'), { recursive: true });
      fs.writeFileSync(path.join(root, 'my site/.releasepost.json'), '{ "rules": { "no-such-rule": "off" } }');
      fs.writeFileSync(path.join(root, `my site/site/source/blog/${GOOD_NAME}`), GOOD_POST.replace('for [download]', 'for[download]'));
      const r = await lint(['--format', 'sarif', 'my site'], root);
      const log = JSON.parse(r.out);
      assert.deepEqual(sarifShapeErrors(log), []);
      const results = log.runs[0].results as SarifResult[];
      const uris = results.map((x) => `${x.ruleId} ${x.locations[0].physicalLocation.artifactLocation.uri}`);
      assert.deepEqual(uris, ['config my%20site/.releasepost.json', `glued-link my%20site/site/source/blog/${GOOD_NAME}`]);
      const config = log.runs[0].tool.driver.rules[results[0].ruleIndex];
      assert.equal(config.id, 'config');
      assert.equal(config.helpUri, `${RULES_DOCS_URL}#config`);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('the shape check itself rejects what the standard forbids', () => {
    const good = () => ({
      version: '2.1.0',
      runs: [
        {
          tool: { driver: { name: 't', rules: [{ id: 'r', helpUri: 'https://x.example/r', defaultConfiguration: { level: 'warning' } }] } },
          results: [
            {
              ruleId: 'r',
              ruleIndex: 0,
              level: 'warning',
              message: { text: 'm' },
              locations: [{ physicalLocation: { artifactLocation: { uri: 'a.md' }, region: { startLine: 1, startColumn: 1 } } }],
            },
          ],
        },
      ],
    });
    assert.deepEqual(sarifShapeErrors(good()), []);
    const broken: [string, (log: ReturnType<typeof good>) => void][] = [
      ['version', (l) => (l.version = '2.0.0')],
      ['driver name', (l) => delete (l.runs[0].tool.driver as { name?: string }).name],
      ['level', (l) => (l.runs[0].results[0].level = 'info')],
      ['default level', (l) => (l.runs[0].tool.driver.rules[0].defaultConfiguration.level = 'info')],
      ['message', (l) => delete (l.runs[0].results[0] as { message?: unknown }).message],
      ['start line', (l) => (l.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0)],
      ['rule index', (l) => (l.runs[0].results[0].ruleIndex = 3)],
      ['help URI', (l) => (l.runs[0].tool.driver.rules[0].helpUri = 'docs/rules.md')],
      ['uri', (l) => (l.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri = 'my site/a.md')],
    ];
    for (const [what, breakIt] of broken) {
      const log = good();
      breakIt(log);
      assert.notDeepEqual(sarifShapeErrors(log), [], what);
    }
  });
});
