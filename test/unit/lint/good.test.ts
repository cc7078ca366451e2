import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parsePost } from '../../../src/core/post/parse';
import { findSiteForFile } from '../../../src/core/site/workspace';
import { lintPost } from '../../../src/core/rules/lint';
import { GOOD_POST, lint } from './helpers';

const SAMPLE_POSTS = path.resolve(__dirname, '../../fixtures/sample-site/site/source/blog');

describe('lint: posts without defects', () => {
  it('reports nothing on a well-formed release post', () => {
    assert.deepEqual(lint(GOOD_POST), []);
  });

  it('reports nothing on the sample site, with its own config', () => {
    for (const name of fs.readdirSync(SAMPLE_POSTS)) {
      const file = path.join(SAMPLE_POSTS, name);
      const site = findSiteForFile(file);
      assert.ok(site?.configPath, 'the sample site has a config file');
      const problems = lintPost(parsePost(fs.readFileSync(file, 'utf8')), name, site.profile);
      assert.deepEqual(problems, [], name);
    }
  });

  it('gives the same problems for LF, CRLF and a BOM', () => {
    const broken = GOOD_POST.replace('published: true', 'published: "yes"').replace('Thanks to the 3', 'Thanks to the 4');
    const lf = lint(broken);
    assert.equal(lf.length, 2);
    assert.deepEqual(lint(broken.replace(/\n/g, '\r\n')), lf);
    const bom = lint('\uFEFF' + broken);
    assert.deepEqual(bom.map((p) => [p.rule, p.range.start.line]), lf.map((p) => [p.rule, p.range.start.line]));
  });
});
