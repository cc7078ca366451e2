import * as assert from 'node:assert/strict';
import { rangeProblem } from '../../../scripts/fuzz/check';
import { corpusPosts, type CorpusPost } from '../../../scripts/fuzz/inputs';
import { lintPost } from '../../../src/core/rules/lint';
import { parsePost, type ParsedPost } from '../../../src/core/post/parse';
import { defaultProfile } from '../../../src/core/site/profile';
import { emptySiteIndex } from '../../../src/core/site/siteIndex';
import { findSiteLinks } from '../../../src/core/site/siteLinks';
import { completePost } from '../../../src/core/writing/completions';
import { hoverPost } from '../../../src/core/writing/hover';
import type { TextPosition } from '../../../src/core/text/text';

/** Every Mesos post, and the first ten posts of each other site: a post being typed, line by line. */
function postsToWalk(): CorpusPost[] {
  const all = corpusPosts();
  const bySite = new Map<string, CorpusPost[]>();
  for (const post of all) {
    const site = post.file.startsWith('mesos/') ? 'mesos' : post.file.split('/')[1];
    bySite.set(site, [...(bySite.get(site) ?? []), post]);
  }
  return [...bySite].flatMap(([site, posts]) => (site === 'mesos' ? posts : posts.slice(0, 10)));
}

/** Every position of the line being typed (the last) and of the front matter. */
function positionsOf(post: ParsedPost): TextPosition[] {
  const last = post.lines.lineCount - 1;
  const lines = new Set([last]);
  for (let line = 0; line < Math.min(post.bodyStartLine, 60); line++) lines.add(line);
  const positions: TextPosition[] = [];
  for (const line of lines) {
    const length = post.lines.lineText(line).length;
    for (let character = 0; character <= Math.min(length, 200); character++) positions.push({ line, character });
  }
  return positions;
}

describe('every range lies inside the document, start before end, at every prefix of the corpus posts', function () {
  // Thousands of prefixes; generous for a busy machine.
  this.timeout(600000);
  const posts = postsToWalk();

  before(function () {
    if (!posts.length) {
      console.log('    (skipped: the corpus at ../shared/corpus is absent)');
      this.skip();
    }
  });

  it('completions, hovers, links and problems', () => {
    const profile = defaultProfile();
    const index = emptySiteIndex();
    const invalid: string[] = [];
    let checked = 0;
    for (const source of posts) {
      const fileName = source.file.split('/').pop()!;
      for (let end = source.text.indexOf('\n'); end >= 0 && invalid.length < 20; end = source.text.indexOf('\n', end + 1)) {
        // Up to the end of a line, before its line break: the cursor's line is still being typed.
        const post = parsePost(source.text.slice(0, end));
        const where = `${source.file} up to offset ${end}`;
        const note = (what: string, range: Parameters<typeof rangeProblem>[1]) => {
          const why = rangeProblem(post, range);
          if (why) invalid.push(`${where}: ${what} ${JSON.stringify(range)} ${why}`);
        };
        for (const p of lintPost(post, fileName, profile, { siteLinkExists: () => false })) note(`problem ${p.rule}`, p.range);
        for (const link of findSiteLinks(post)) note('link', link.range);
        for (const position of positionsOf(post)) {
          const completion = completePost(post, position, fileName, profile, index);
          if (completion) note(`completion at ${JSON.stringify(position)}`, completion.range);
          for (const item of completion?.items ?? []) for (const e of item.additionalEdits ?? []) note(`edit of ${item.label}`, e.range);
          const hover = hoverPost(post, position, fileName, profile, index);
          if (hover) note(`hover at ${JSON.stringify(position)}`, hover.range);
          checked++;
        }
      }
    }
    assert.deepEqual(invalid, []);
    assert.ok(checked > 10000, `only ${checked} positions were checked`);
  });
});
