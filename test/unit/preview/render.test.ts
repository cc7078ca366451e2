import assert from 'node:assert/strict';
import { parsePost } from '../../../src/core/post/parse';
import { renderPostBody } from '../../../src/core/preview/render';
import { activeContent, elementsOf, fixture } from './helpers';

const keep = (href: string) => href;

function body(text: string, resolveUrl: (href: string, kind: 'link' | 'image') => string = keep): string {
  return renderPostBody(parsePost(text), { resolveUrl });
}

describe('renderPostBody', () => {
  it('gives every top-level block its first document line, counting the front matter', () => {
    const { post } = fixture('2016-07-27-kitchen-sink.md');
    const html = renderPostBody(post, { resolveUrl: keep });
    const lines = post.text.split('\n');
    const topLevel = post.tokens.filter((t) => t.level === 0 && t.nesting !== -1 && t.map && t.type !== 'inline');
    const rendered = elementsOf(html, true).filter((e) => e.attrs['data-line'] !== undefined);
    for (const token of topLevel) {
      const line = token.map![0];
      assert.ok(rendered.some((e) => e.attrs['data-line'] === String(line)), `no block for line ${line}: ${lines[line]}`);
    }
    const firstParagraph = rendered.find((e) => e.tag === 'p');
    assert.equal(firstParagraph?.attrs['data-line'], String(lines.findIndex((l) => l.startsWith('The latest release'))));
    assert.equal(firstParagraph?.attrs['data-line'], '12');
    const expectations: [string, string][] = [
      ['table', '| Feature | Status |'],
      ['pre', '```bash'],
      ['blockquote', '> A quote'],
      ['ul', '* first item'],
      ['div', '<div class="note">'],
    ];
    for (const [tag, start] of expectations) {
      const el = rendered.find((e) => e.tag === tag);
      assert.ok(el, `a ${tag} with data-line`);
      assert.ok(lines[Number(el.attrs['data-line'])].startsWith(start), `${tag} -> line ${el.attrs['data-line']}`);
    }
  });

  it('puts the fence line on the <pre>, not on the <code>', () => {
    const html = body('para\n\n```js\nx\n```\n');
    assert.match(html, /<pre data-line="2"><code class="language-js">x\n<\/code><\/pre>/);
  });

  it('removes the first READMORE as the generator does', () => {
    assert.equal(body('Intro READMORE more.\n\nREADMORE again\n'), '<p data-line="0">Intro  more.</p>\n<p data-line="2">READMORE again</p>\n');
    assert.equal(body('READMORE\n'), '<p data-line="0"></p>\n');
  });

  it('sends local links and images through resolveUrl, not the others', () => {
    const seen: string[] = [];
    const html = body(
      '[docs](/documentation/latest/) [ext](https://mesos.apache.org/) [frag](#x) [rel](other.md)\n\n![arch](/assets/img/blog/a.png) ![remote](https://x.example/i.png)\n\n<img src="/assets/img/blog/raw.png">\n',
      (href, kind) => {
        seen.push(`${kind} ${href}`);
        return kind === 'image' ? `resolved${href}` : href;
      },
    );
    assert.deepEqual(seen, ['link /documentation/latest/', 'link other.md', 'image /assets/img/blog/a.png', 'image /assets/img/blog/raw.png']);
    assert.match(html, /<img src="resolved\/assets\/img\/blog\/a.png" alt="arch">/);
    assert.match(html, /<img src="resolved\/assets\/img\/blog\/raw.png" data-line="4">/);
    assert.match(html, /<a href="\/documentation\/latest\/">docs<\/a>/);
  });

  it('keeps rendering when resolveUrl throws', () => {
    const html = body('![a](/x.png)', () => {
      throw new Error('boom');
    });
    assert.match(html, /<img src="\/x.png" alt="a">/);
  });

  it('does not change the shared parse', () => {
    const post = parsePost('---\ntitle: t\n---\n![a](/x.png) READMORE\n\n<div>x</div>\n');
    const before = JSON.stringify(post.tokens);
    const first = renderPostBody(post, { resolveUrl: (h) => `r${h}`, problems: [{ line: 3, severity: 'error', message: 'm' }] });
    assert.equal(JSON.stringify(post.tokens), before);
    assert.equal(renderPostBody(post, { resolveUrl: (h) => `r${h}`, problems: [{ line: 3, severity: 'error', message: 'm' }] }), first);
  });

  it('blocks javascript: links in Markdown and in raw HTML', () => {
    const { post } = fixture('2020-01-01-hostile.md');
    const html = renderPostBody(post, { resolveUrl: keep });
    assert.deepEqual(activeContent(html, { fragment: true }), []);
    assert.doesNotMatch(html, /href="javascript/i);
    assert.match(html, /\[markdown javascript link\]\(javascript:alert\(1\)\)/, 'an unsafe Markdown link stays visible as text');
    assert.match(html, /<img src="data:image\/png;base64,iVBORw0KGgo=" alt="png data">/);
  });

  it('closes what raw HTML left open and ignores closers it never opened', () => {
    const html = body('<div class="a">\n\ntext\n\n</span></div></div></div>\n\n<section>\n\nnever closed\n');
    const wrapped = elementsOf(`<main>${html}</main><footer>after</footer>`, true);
    assert.equal(wrapped.filter((e) => e.tag === 'footer').length, 1);
    assert.match(html, /<\/section>$/);
    assert.equal(html.match(/<\/div>/g)?.length, 1);
  });

  it('marks the innermost block holding a problem, with the worst severity and every message', () => {
    const text = 'para one\n\n* item a\n* item b\n\npara two\n';
    const html = renderPostBody(parsePost(text), {
      resolveUrl: keep,
      problems: [
        { line: 3, severity: 'warning', message: 'first <b>' },
        { line: 3, severity: 'error', message: 'second' },
        { line: 5, severity: 'info', message: 'third' },
        { line: 99, severity: 'error', message: 'outside' },
      ],
    });
    const marked = elementsOf(html, true).filter((e) => e.attrs.class?.includes('rp-problem'));
    assert.deepEqual(
      marked.map((e) => [e.tag, e.attrs['data-line'], e.attrs.class, e.attrs.title]),
      [
        ['li', '3', 'rp-problem rp-problem-error', 'first <b>\nsecond'],
        ['p', '5', 'rp-problem rp-problem-info', 'third'],
      ],
    );
  });

  it('marks raw HTML blocks and fences too', () => {
    const html = renderPostBody(parsePost('<div>x</div>\n\n```\ncode\n```\n'), {
      resolveUrl: keep,
      problems: [
        { line: 0, severity: 'warning', message: 'html' },
        { line: 3, severity: 'error', message: 'fence' },
      ],
    });
    assert.match(html, /<div data-line="0" class="rp-problem rp-problem-warning" title="html">x<\/div>/);
    assert.match(html, /<pre data-line="2" class="rp-problem rp-problem-error" title="fence"><code>/);
  });

  it('renders an empty or pathological body without throwing', function () {
    this.timeout(10000);
    assert.equal(body(''), '');
    assert.equal(body('---\ntitle: x\n---\n'), '');
    for (const text of ['>'.repeat(5000) + ' deep', '* '.repeat(2000) + 'x', '\u0000\uFFFD'.repeat(1000), '# h\n'.repeat(20000)]) {
      assert.equal(typeof body(text), 'string');
    }
  });
});
