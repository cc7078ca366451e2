import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { parse as parseYaml } from 'yaml';
import { newCommand } from '../../../src/cli/new';
import { lintPost } from '../../../src/core/rules/lint';
import { parsePost } from '../../../src/core/post/parse';
import { defaultProfile } from '../../../src/core/site/profile';
import { yamlScalar } from '../../../src/core/text/yamlScalar';
import { draftFromModelPost } from '../../../src/core/draft/fromModelPost';
import { parse as parseToml } from 'smol-toml';

/** js-yaml 3, the parser inside gray-matter (and the strictest about non-printable characters). */
const jsYaml = createRequire(__filename)('js-yaml') as { safeLoad(text: string): unknown };

const SAMPLE_SITE = path.join(__dirname, '../../fixtures/sample-site');

/** The front matter as each parser a site generator may use reads it: js-yaml 3 (YAML 1.1) and yaml as 1.1 and 1.2. */
function readEverywhere(frontMatter: string): unknown[] {
  return [
    jsYaml.safeLoad(frontMatter),
    parseYaml(frontMatter, { version: '1.1' }),
    parseYaml(frontMatter, { version: '1.2' }),
  ];
}

function frontMatterOf(text: string): string {
  return text.split('\n---\n')[0].replace(/^---\n/, '');
}

const HOSTILE_VALUES = ['Ada\u0001\u007f\u001b[31m', 'line\u2028break', 'next\u0085line', 'bom\ufeff', 'lone\ud800half', 'tab\tand\u0000nul'];

describe('security: front matter every YAML parser reads the same', () => {
  it('quotes and escapes a value with control or non-printable characters so every parser reads it back', () => {
    for (const value of HOSTILE_VALUES) {
      const source = `name: ${yamlScalar(value)}\n`;
      assert.doesNotMatch(source, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff]/, JSON.stringify(source));
      const expected = value.replace(/[\ud800-\udfff]/g, '\ufffd');
      for (const data of readEverywhere(source)) {
        const read = String((data as { name: string }).name).replace(/[\ud800-\udfff]/g, '\ufffd');
        assert.equal(read, expected, JSON.stringify(source));
      }
    }
  });

  it('new writes an --author with control characters as an escaped string, and the post lints clean of it', async () => {
    const site = fs.mkdtempSync(path.join(os.tmpdir(), 'release-post-fm-'));
    try {
      fs.cpSync(SAMPLE_SITE, site, { recursive: true });
      const author = 'Ada\u0001\u007f\u001b Quinn';
      let out = '';
      const code = await newCommand(['--version', '1.2.0', '--date', '2025-08-01', '--author', author], {
        out: (t) => (out += t),
        err: () => {},
        cwd: site,
      });
      assert.equal(code, 0);
      const text = fs.readFileSync(path.join(site, out.trim()), 'utf8');
      assert.match(text, /display_name: "Ada\\u0001\\u007f\\u001b Quinn"\n/);
      for (const data of readEverywhere(frontMatterOf(text))) {
        assert.equal((data as { post_author: { display_name: string } }).post_author.display_name, author);
      }
      const problems = lintPost(parsePost(text), path.basename(out.trim()), defaultProfile());
      assert.deepEqual(problems.filter((p) => p.rule === 'front-matter-syntax'), []);
    } finally {
      fs.rmSync(site, { recursive: true, force: true });
    }
  });

  it('a draft after a model post (YAML or TOML front matter) writes such an author so every parser reads it back', () => {
    const name = 'Ada\u0001\u007f\u001b\u2028\u0085\ufeff Quinn';
    const facts = { version: '1.2.0', previousVersion: '1.1.0', date: '2025-08-01', author: { name } };
    const yamlModel = { fileName: '2025-06-10-orbit-1-1-0-released.md', version: '1.1.0', text: '---\nlayout: post\ntitle: Orbit 1.1.0 Released\nauthor: Bo\n---\n\nOrbit 1.1.0 is out.\n' };
    const yamlDraft = draftFromModelPost(yamlModel, facts);
    assert.doesNotMatch(frontMatterOf(yamlDraft.text), /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff]/);
    for (const data of readEverywhere(frontMatterOf(yamlDraft.text))) assert.equal((data as { author: string }).author, name);
    const tomlModel = { fileName: '2025-06-10-orbit-1-1-0-released.md', version: '1.1.0', text: '+++\ntitle = "Orbit 1.1.0 Released"\nauthor = "Bo"\n+++\n\nOrbit 1.1.0 is out.\n' };
    const tomlDraft = draftFromModelPost(tomlModel, facts);
    const toml = tomlDraft.text.split('+++')[1];
    assert.equal((parseToml(toml) as { author: string }).author, name);
  });

  it('lint reports unresolved YAML tags and non-printable characters at their place, and still checks the fields', () => {
    const text = [
      '---',
      'layout: post',
      'title: !!js/function "function () { return 1 }"',
      'permalink: !!python/object/apply:os.system ["id"]',
      'published: true',
      'post_author:',
      '  display_name: Ada\u0001Quinn\u007f',
      'tags: Release',
      '---',
      '',
      'Text.',
      '',
    ].join('\n');
    const problems = lintPost(parsePost(text), '2025-08-01-orbit-1-2-0-released.md', defaultProfile());
    const syntax = problems.filter((p) => p.rule === 'front-matter-syntax');
    assert.deepEqual(
      syntax.map((p) => [p.range.start.line, p.range.start.character, p.severity]),
      [
        [2, 7, 'error'],
        [3, 11, 'error'],
        [6, 19, 'error'],
      ],
    );
    assert.match(syntax[0].message, /the YAML tag "!!js\/function" is not a plain value/);
    assert.match(syntax[1].message, /the YAML tag "!!python\/object\/apply:os\.system"/);
    assert.match(syntax[2].message, /a non-printable character \(U\+0001\) in the front matter/);
    // The fields were read (as plain values): their own rules still run.
    assert.ok(problems.some((p) => p.rule !== 'front-matter-syntax'), JSON.stringify(problems.map((p) => p.rule)));
  });
});
