import assert from 'node:assert/strict';
import { createMarkdown, sharedMarkdown } from '../../../src/core/post/markdown';

function html(markdown: string): string {
  return createMarkdown().render(markdown);
}

describe('preview markdown: the site engine (Discount with SmartyPants)', () => {
  it('curls double and single quotes and apostrophes', () => {
    assert.equal(html(`He said "quoted" and 'single' -- it's done.`), '<p>He said \u201cquoted\u201d and \u2018single\u2019 \u2013 it\u2019s done.</p>\n');
  });

  it('turns -- into an en dash, --- into an em dash and ... into an ellipsis', () => {
    assert.equal(html('1--2, a --- b, wait...'), '<p>1\u20132, a \u2014 b, wait\u2026</p>\n');
    assert.equal(html('a---b'), '<p>a\u2014b</p>\n');
    assert.equal(html('and so on. . .'), '<p>and so on\u2026</p>\n');
  });

  it("keeps markdown-it's other replacements off: (c), (tm), (r), +-, ?..., !!!!, ,,", () => {
    const text = '(c) (C) (tm) (r) +- ?!!!!! ,, two.. dots';
    assert.equal(html(text), `<p>${text}</p>\n`);
    // Four dots are an ellipsis and a period, as in SmartyPants (markdown-it would write "?..").
    assert.equal(html('what?....'), '<p>what?\u2026.</p>\n');
  });

  it('leaves code spans, fenced code and autolinks alone', () => {
    assert.equal(html('`a -- "b" ...`'), '<p><code>a -- &quot;b&quot; ...</code></p>\n');
    assert.match(html('```\nx -- "y"...\n```'), /<code>x -- &quot;y&quot;...\n<\/code>/);
    assert.equal(html('<http://example.org/a--b...>'), '<p><a href="http://example.org/a--b...">http://example.org/a--b...</a></p>\n');
  });

  it('does not link bare URLs', () => {
    assert.equal(html('see http://mesos.apache.org/downloads now'), '<p>see http://mesos.apache.org/downloads now</p>\n');
  });

  it('renders pipe tables and fenced code', () => {
    const table = html('| a | b |\n|---|---|\n| 1 | 2 |');
    assert.match(table, /<table>\s*<thead>\s*<tr>\s*<th>a<\/th>/);
    assert.match(table, /<td>2<\/td>/);
    assert.match(html('```bash\nmake check\n```'), /<pre><code class="language-bash">make check\n<\/code><\/pre>/);
  });

  it('adds no heading ids', () => {
    assert.equal(html('### Try it out'), '<h3>Try it out</h3>\n');
  });

  it('keeps raw HTML as html_block / html_inline tokens for the linter, and sanitises it when rendering', () => {
    const tokens = sharedMarkdown().parse('<div onclick="x()">a</div>\n\ntext <b>bold</b>', {});
    assert.equal(tokens[0].type, 'html_block');
    assert.equal(tokens[0].content, '<div onclick="x()">a</div>\n');
    assert.ok(tokens[2].children?.some((t) => t.type === 'html_inline' && t.content === '<b>'));
    assert.equal(html('<div onclick="x()">a</div>\n'), '<div>a</div>\n');
  });

  it('lets inline raw HTML open in one fragment and close in another', () => {
    assert.equal(html('text <b onclick="x()">bold</b> <span>a\nb</span>'), '<p>text <b>bold</b> <span>a\nb</span></p>\n');
  });

  it('shares one instance', () => {
    assert.equal(sharedMarkdown(), sharedMarkdown());
  });
});
