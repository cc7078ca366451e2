import * as assert from 'node:assert/strict';
import { parsePost } from '../../../src/core/post/parse';
import { checkSiteLinks, findSiteLinks } from '../../../src/core/site/siteLinks';
import { textIn } from './helpers';
import { assertQuick } from '../cpuTime';

/** Each link as `line:character href`, checked against the text its range covers. */
function linksOf(text: string): string[] {
  return findSiteLinks(parsePost(text)).map((l) => {
    assert.equal(textIn(text, l.range), l.href, 'the range covers exactly the href');
    return `${l.range.start.line}:${l.range.start.character} ${l.href}`;
  });
}

const FRONT = '---\nlayout: post\ntitle: "A link: /blog/x/"\n---\n';

describe('site links: finding them', () => {
  it('finds Markdown links and images with the range of the target only', () => {
    const text = FRONT + '\nSee [the post](/blog/orbit-1-0-0-released/) and ![arch](/assets/img/blog/a.png "Title").\n';
    assert.deepEqual(linksOf(text), ['5:15 /blog/orbit-1-0-0-released/', '5:56 /assets/img/blog/a.png']);
  });

  it('finds raw HTML href and src, reference definitions, angle-bracket targets and links in tables', () => {
    const text = [
      '<p><a class="x" href="/community/">community</a> <img src=\'/assets/img/blog/b.png\'></p>',
      '',
      'Read [the guide][guide] or [this](</documentation/latest/a b/>).',
      '',
      '[guide]: /documentation/latest/upgrades/',
      '',
      '| page | link |',
      '|---|---|',
      '| docs | [docs](/documentation/) |',
      '',
      'Inline <a href=/downloads/>HTML</a> too.',
    ].join('\n');
    assert.deepEqual(linksOf(text), [
      '0:22 /community/',
      '0:59 /assets/img/blog/b.png',
      '2:35 /documentation/latest/a b/',
      '4:9 /documentation/latest/upgrades/',
      '8:16 /documentation/',
      '10:15 /downloads/',
    ]);
  });

  it('keeps exact ranges with CRLF line endings, links across lines and in lists', () => {
    const text = FRONT.replace(/\n/g, '\r\n') + '\r\n* one [a\r\n  b](/blog/a/)\r\n* two ![i](/assets/img/blog/i.png)\r\n';
    assert.deepEqual(linksOf(text), ['6:5 /blog/a/', '7:11 /assets/img/blog/i.png']);
  });

  it('ignores code blocks, code spans, external and protocol-relative links, escapes and the front matter', () => {
    const text = [
      '---',
      'permalink: /blog/x/',
      '---',
      '```',
      '[code](/blog/in-fence/)',
      '```',
      '',
      '    [indented](/blog/in-indented-code/)',
      '',
      'Use `[x](/blog/in-span/)` or ``<a href="/in-span/">``; [out](https://example.org/x) [proto](//cdn.example.org/a.png)',
      'and \\[not a link](/blog/escaped/) but [real](/blog/real/).',
    ].join('\n');
    assert.deepEqual(linksOf(text), ['10:45 /blog/real/']);
  });

  it('survives posts being typed and odd inputs', () => {
    for (const text of ['', '---', '---\ntitle: [', '[x](/', '[x](', '<a href="/x', '](/a)', '\uFEFF[x](/a)', 'a\rb [x](/c)\r']) {
      for (const l of findSiteLinks(parsePost(text))) assert.equal(textIn(text, l.range), l.href);
    }
    assert.deepEqual(linksOf('a\rb [x](/c)\r'), ['1:6 /c']);
  });
});

describe('site links: broken ones', () => {
  const exists = (href: string) => href.replace(/[#?].*$/, '') === '/blog/there/';

  it('reports site-root links that resolve to nothing, asking once per link', () => {
    const text = FRONT + '\n[ok](/blog/there/#part) [gone](/blog/gone/) [web](https://example.org/nothing/)\n';
    const asked: string[] = [];
    const broken = checkSiteLinks(parsePost(text), (href) => {
      asked.push(href);
      return exists(href);
    });
    assert.deepEqual(asked, ['/blog/there/#part', '/blog/gone/']);
    assert.equal(broken.length, 1);
    assert.equal(broken[0].href, '/blog/gone/');
    assert.equal(textIn(text, broken[0].range), '/blog/gone/');
    assert.match(broken[0].message, /\/blog\/gone\/.*matches no post, page or file/);
  });

  it('reports nothing for a post without site-root links', () => {
    assert.deepEqual(checkSiteLinks(parsePost('[a](https://x.org/) [b](#top) [c](relative/page)'), () => false), []);
  });
});

describe('site links: pathological input', () => {
  it('stays fast on unmatched backticks, unclosed tags and nested brackets', () => {
    const inputs = [
      Array.from({ length: 600 }, (_, i) => '`'.repeat(i + 1)).join(' '),
      '<a b="'.repeat(30000),
      '<a '.repeat(60000),
      '](x('.repeat(50000),
      '['.repeat(50000) + '](/x)',
    ];
    for (const text of inputs) {
      assertQuick(`${text.slice(0, 12)}...`, () => findSiteLinks(parsePost(text)), 1500);
    }
  });
});
