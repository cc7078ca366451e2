import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { lintPost } from '../../../src/core/rules/lint';
import { parsePost } from '../../../src/core/post/parse';
import { findSiteForFile } from '../../../src/core/site/workspace';

describe('sites of other generators, found without a config file', () => {
  let root: string;
  beforeEach(() => (root = fs.mkdtempSync(path.join(os.tmpdir(), 'release-post-gen-'))));
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  for (const folder of ['_posts', 'content/blog', 'source/_posts']) {
    it(`${folder}: a post with only a title and its own permalink is fine`, () => {
      const file = path.join(root, folder, '2024-04-05-kestrel-2-1-0-released.md');
      fs.mkdirSync(path.dirname(file), { recursive: true });
      const text = '---\ntitle: Kestrel 2.1.0 Released\npermalink: /news/kestrel-2.1/\n---\n\nKestrel 2.1.0 is out.\n';
      fs.writeFileSync(file, text);
      const site = findSiteForFile(file)!;
      const problems = lintPost(parsePost(text), path.basename(file), site.profile);
      assert.deepEqual(problems.map((p) => `${p.rule}: ${p.message}`), []);
    });
  }

  it('source/blog (Middleman, like the built-in profile) still requires the author and checks the permalink', () => {
    const file = path.join(root, 'source/blog', '2024-04-05-kestrel-2-1-0-released.md');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const text = '---\ntitle: Kestrel 2.1.0 Released\npermalink: /news/kestrel-2.1/\n---\n\nKestrel 2.1.0 is out.\n';
    fs.writeFileSync(file, text);
    const rules = lintPost(parsePost(text), path.basename(file), findSiteForFile(file)!.profile).map((p) => p.rule);
    assert.ok(rules.includes('field-missing'));
    assert.ok(rules.includes('permalink-mismatch'));
  });
});
