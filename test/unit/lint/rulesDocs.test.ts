import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULE_CHECKS, RULES, ruleDocsAnchor } from '../../../src/core/rules/index';

const DOCS = path.resolve(__dirname, '../../../docs/rules.md');

describe('rules: metadata and documentation', () => {
  const docs = fs.readFileSync(DOCS, 'utf8');

  it('documents every rule in a section whose anchor the diagnostics link to', () => {
    const headings = new Set([...docs.matchAll(/^## (\S+)$/gm)].map((m) => m[1]));
    for (const rule of RULES) {
      assert.equal(ruleDocsAnchor(rule.name), rule.name);
      assert.ok(headings.has(rule.name), `docs/rules.md has "## ${rule.name}"`);
      const section = docs.slice(docs.indexOf(`## ${rule.name}\n`)).split(/\n## /)[0];
      assert.match(section, /\*\*Why:\*\*/, `${rule.name} says why`);
      assert.match(section, /Bad/, `${rule.name} has a bad example`);
      assert.match(section, /Good/, `${rule.name} has a good example`);
      assert.match(section, /\*\*Fix:\*\*/, `${rule.name} says how to fix`);
    }
  });

  it('every checked rule has metadata, with a default severity', () => {
    const names = new Set(RULES.map((r) => r.name));
    for (const { name } of RULE_CHECKS) assert.ok(names.has(name), name);
    for (const rule of RULES) assert.ok(['error', 'warning', 'info'].includes(rule.defaultSeverity));
  });
});
