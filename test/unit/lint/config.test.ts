import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseConfig } from '../../../src/core/site/config';
import { defaultProfile } from '../../../src/core/site/profile';
import { RULES } from '../../../src/core/rules/index';

const SAMPLE_CONFIG = path.resolve(__dirname, '../../fixtures/sample-site/.releasepost.json');
const SCHEMA = path.resolve(__dirname, '../../../schemas/releasepost.schema.json');

describe('config: parseConfig', () => {
  it('reads the sample site config over the default profile', () => {
    const { profile, problems } = parseConfig(fs.readFileSync(SAMPLE_CONFIG, 'utf8'));
    assert.deepEqual(problems, []);
    assert.equal(profile.projectName, 'Orbit');
    assert.equal(profile.links.download, 'https://orbit.example.org/downloads/');
    assert.equal(profile.preview.siteName, 'Orbit Scheduler');
    // Objects merge: what the file does not set keeps the default.
    assert.deepEqual(profile.preview.menu, defaultProfile().preview.menu);
    assert.equal(profile.postsFolder, 'site/source/blog');
  });

  it('accepts the whole default profile written out, and reads it back unchanged', () => {
    const { profile, problems } = parseConfig(JSON.stringify(defaultProfile(), null, 2));
    assert.deepEqual(problems, []);
    assert.deepEqual(profile, defaultProfile());
  });

  it('replaces lists, merges objects, and allows comments and trailing commas', () => {
    const { profile, problems } = parseConfig(`{
      // a Jekyll site
      "postsFolder": "_posts",
      "layouts": ["post", "release"],
      "fields": { "title": { "description": "The headline." }, "version": { "kind": "string" } },
      "rules": { "placeholder": "off", "empty-section": "error", },
    }`);
    assert.deepEqual(problems, []);
    assert.deepEqual(profile.layouts, ['post', 'release']);
    assert.equal(profile.fields.title.kind, 'string');
    assert.equal(profile.fields.title.description, 'The headline.');
    assert.deepEqual(profile.fields.version, { kind: 'string', description: '' });
    assert.equal(profile.fields.tags.kind, 'tags');
    assert.deepEqual(profile.rules, { placeholder: 'off', 'empty-section': 'error' });
  });

  it('reports a syntax error with its line, and keeps what it could read', () => {
    const { profile, problems } = parseConfig('{\n  "projectName": "Orbit",\n  "postsFolder" "_posts"\n}\n');
    assert.ok(problems.length >= 1);
    assert.match(problems[0].message, /syntax error: a colon was expected/);
    assert.equal(problems[0].range.start.line, 2);
    assert.equal(profile.projectName, 'Orbit');
  });

  it('reports a wrong type at the key and keeps the default for it', () => {
    const { profile, problems } = parseConfig('{\n  "layouts": "post",\n  "rules": { "placeholder": "loud" }\n}');
    assert.deepEqual(
      problems.map((p) => [p.message, p.range.start.line, p.range.start.character]),
      [
        ['"layouts" must be a list', 1, 2],
        ['"rules.placeholder" must be one of: error, warning, info, off', 2, 13],
      ],
    );
    assert.deepEqual(profile.layouts, ['post']);
    assert.deepEqual(profile.rules, {});
  });

  it('reports unknown keys and rule names; $schema is allowed', () => {
    const { problems } = parseConfig('{ "$schema": "x", "postFolder": "_posts", "rules": { "no-such-rule": "off" }, "links": { "home": "/" } }');
    assert.deepEqual(problems.map((p) => p.message.split(';')[0]), ['unknown setting "postFolder"', 'unknown rule "no-such-rule"', 'unknown setting "links.home"']);
  });

  it('needs a kind for a new field and label and href in breadcrumb entries', () => {
    const { profile, problems } = parseConfig('{ "fields": { "version": { "description": "x" } }, "preview": { "breadcrumb": [{ "label": "Home" }] } }');
    assert.equal(problems.length, 2);
    assert.equal(profile.fields.version, undefined);
    assert.deepEqual(profile.preview.breadcrumb, defaultProfile().preview.breadcrumb);
  });

  it('never throws, whatever the text', () => {
    for (const text of ['', '   ', 'null', '[]', '42', '{', '{"a":', '\u0000', '{"__proto__": {"polluted": 1}, "fields": {"__proto__": {"kind": "string"}}}', '}'.repeat(1000), '['.repeat(5000)]) {
      const { profile, problems } = parseConfig(text);
      assert.equal(typeof profile.projectName, 'string');
      assert.ok(Array.isArray(problems));
    }
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.equal(parseConfig('[]').problems[0].message, 'the config file must hold one JSON object');
  });
});

describe('config: the JSON schema', () => {
  const schema = JSON.parse(fs.readFileSync(SCHEMA, 'utf8')) as {
    properties: Record<string, { description?: string; default?: unknown; properties?: Record<string, unknown> }>;
  };

  it('describes every profile setting, with its default', () => {
    const profile = defaultProfile() as unknown as Record<string, unknown>;
    for (const key of Object.keys(profile)) {
      const entry = schema.properties[key];
      assert.ok(entry, `the schema has "${key}"`);
      assert.ok(entry.description, `"${key}" has a description`);
      assert.deepEqual(entry.default, profile[key], `"${key}" default`);
    }
  });

  it('names every rule with the four severities', () => {
    const rules = schema.properties.rules.properties as Record<string, { enum: string[]; default: string }>;
    assert.deepEqual(Object.keys(rules).sort(), RULES.map((r) => r.name).sort());
    for (const rule of RULES) {
      assert.deepEqual(rules[rule.name].enum, ['error', 'warning', 'info', 'off']);
      assert.equal(rules[rule.name].default, rule.defaultSeverity);
    }
  });
});
