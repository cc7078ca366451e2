import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintPost } from '../../../src/core/rules/lint';
import { parsePost } from '../../../src/core/post/parse';
import { findSiteForFile, listPostFiles, findSiteInFolder } from '../../../src/core/site/workspace';
import { SITES } from '../corpus';

/** Where each site's posts are found from; its problems of one rule, as `file:line`. */
function problemsOf(site: string, root: string, rule: string): string[] {
  const context = findSiteInFolder(path.join(SITES, site, root));
  assert.ok(context, `${site}: a site is found`);
  const found: string[] = [];
  for (const file of listPostFiles(context)) {
    const problems = lintPost(parsePost(fs.readFileSync(file, 'utf8')), path.basename(file), findSiteForFile(file)!.profile);
    for (const p of problems) if (p.rule === rule) found.push(`${path.basename(file)}:${p.range.start.line + 1} ${p.message}`);
  }
  return found;
}

describe('lint: template syntax and other projects\' versions on the real sites', function () {
  this.timeout(120000);
  before(function () {
    if (!fs.existsSync(SITES)) {
      console.log('corpus sites absent: skipped');
      this.skip();
    }
  });

  for (const [site, root] of [
    ['jekyll', 'docs'],
    ['hexo', '.'],
    ['flink', 'docs'],
  ]) {
    it(`${site}: no Liquid, shortcode or quoted TODO reported as a placeholder`, () => {
      assert.deepEqual(problemsOf(site, root, 'placeholder'), []);
    });

    it(`${site}: no dependency version or post on several releases reported as version drift`, () => {
      assert.deepEqual(problemsOf(site, root, 'version-mismatch'), []);
    });
  }
});
