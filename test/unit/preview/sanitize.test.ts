import assert from 'node:assert/strict';
import { closeOpenElements, createSanitizeState, decodeEntities, isSafeUrl, sanitizeHtml } from '../../../src/core/preview/sanitize';
import { activeContent, elementsOf } from './helpers';
import { assertQuick } from '../cpuTime';

function clean(html: string): string {
  return sanitizeHtml(html);
}

function assertInert(html: string): void {
  const out = clean(html);
  assert.deepEqual(activeContent(out, { fragment: true }), [], `${html}\n-> ${out}`);
}

describe('sanitizeHtml: raw HTML of a post', () => {
  it('keeps ordinary formatting with its harmless attributes', () => {
    const input =
      '<div class="note" id="n1"><p align="center">A <b>b</b> <i>i</i> <em>e</em> <strong>s</strong> <code>c</code> ' +
      '<sup>1</sup><sub>2</sub><br><a href="https://mesos.apache.org/" title="site">link</a></p>' +
      '<table><thead><tr><th colspan="2">h</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table>' +
      '<ul><li>x</li></ul><ol start="3"><li>y</li></ol><blockquote>q</blockquote><hr>' +
      '<figure><img src="/a.png" alt="A" width="10"><figcaption>cap</figcaption></figure><h3>t</h3><pre>p</pre><span>s</span></div>';
    assert.equal(clean(input), input);
  });

  it('drops <script> and <style> with their content, in any case', () => {
    assert.equal(clean('a<script>alert(1)</script>b'), 'ab');
    assert.equal(clean('a<SCRIPT type="text/javascript">alert(1)</SCRIPT >b'), 'ab');
    assert.equal(clean('a<style>body{display:none}</style>b'), 'ab');
    assert.equal(clean('a<script>never closed'), 'a');
    assert.equal(clean('<script>var s = "</scripts>";</script>after'), 'after');
  });

  it('drops iframe, object, embed, form, base, meta, link and form fields', () => {
    const out = clean(
      '<iframe src="https://e.example/"></iframe><object data="x"></object><embed src="x"><form action="https://e.example/">' +
        '<input name="q"><button formaction="javascript:alert(1)">go</button></form><base href="https://e.example/">' +
        '<meta http-equiv="refresh" content="0"><link rel="stylesheet" href="x.css">',
    );
    assert.equal(out, 'go');
  });

  it('drops every on* attribute, whatever its case or quoting', () => {
    assert.equal(clean('<img src="a.png" onerror="alert(1)" OnLoad=alert(2) onmouseover=\'x\'>'), '<img src="a.png">');
    assert.equal(clean('<div/onclick="alert(1)">x</div>'), '<div>x</div>');
  });

  it('drops javascript:, vbscript: and non-image data: URLs, also entity-encoded or split by control characters', () => {
    for (const href of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'jav&#x61;script:alert(1)',
      'jav&#97;script:alert(1)',
      'jav&#0000097script:alert(1)',
      'javascript&colon;alert(1)',
      ' &#14; javascript:alert(1)',
      'java\tscript:alert(1)',
      'java&Tab;script:alert(1)',
      'java&NewLine;script:alert(1)',
      'vbscript:msgbox(1)',
      'data:text/html;base64,PHNjcmlwdD4=',
      'file:///etc/passwd',
    ]) {
      assert.equal(clean(`<a href="${href}">x</a>`), '<a>x</a>', href);
    }
    assert.equal(clean('<img src="data:image/svg+xml;base64,PHN2Zz4=">'), '<img>');
    assert.equal(clean('<img src="data:image/png;base64,iVBO">'), '<img src="data:image/png;base64,iVBO">');
    assert.equal(clean('<img srcset="a.png 1x, javascript:alert(1) 2x">'), '<img>');
    assert.equal(clean('<blockquote cite="javascript:alert(1)">q</blockquote>'), '<blockquote>q</blockquote>');
  });

  it('keeps http, https, mailto, relative and fragment links', () => {
    for (const href of ['http://a.example/', 'https://a.example/x?y=1&amp;z=2', 'mailto:dev@mesos.apache.org', '/blog/x/', 'x.png', '#top']) {
      assert.equal(clean(`<a href="${href}">x</a>`), `<a href="${href}">x</a>`);
    }
  });

  it('drops style attributes that load or run anything, keeps plain ones', () => {
    assert.equal(clean('<div style="color: red">x</div>'), '<div style="color: red">x</div>');
    assert.equal(clean('<div style="background:url(javascript:alert(1))">x</div>'), '<div>x</div>');
    assert.equal(clean('<div style="width: expression(alert(1))">x</div>'), '<div>x</div>');
    assert.equal(clean('<div style="background: u&#114;l(x.png)">x</div>'), '<div>x</div>');
    assert.equal(clean('<div style="background: \\75rl(x.png)">x</div>'), '<div>x</div>');
  });

  it('survives nested tricks', () => {
    assertInert('<scr<script>ipt>alert(1)</script>');
    assertInert('<scr<script>ipt>alert(1)</scr</script>ipt>');
    assertInert('<<script>script>alert(1)<</script>/script>');
    assertInert('<img src=x onerror=alert(1)//');
    assertInert('<img """><script>alert(1)</script>">');
    assertInert('<a href="x" <script>alert(1)</script>>');
    assertInert('<!--<script>alert(1)</script>--><script>alert(2)</script>');
    assertInert('<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>');
    assertInert('<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>');
    assertInert('<noscript><p title="</noscript><img src=x onerror=alert(1)>">');
    assertInert('<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>');
    assertInert('<div title="x" onclick="a" title2=\'b\' =c>y</div>');
    assertInert('<p>a</p><plaintext><script>alert(1)</script>');
  });

  it('shows an unterminated tag as text instead of swallowing or running it', () => {
    const out = clean('before <img src=x onerror=alert(1)//');
    assert.equal(out, 'before &lt;img src=x onerror=alert(1)//');
    assert.deepEqual(elementsOf(out, true), []);
  });

  it('escapes stray angle brackets and keeps entities', () => {
    assert.equal(clean('1 < 2 > 0 &amp; &copy; & x'), '1 &lt; 2 &gt; 0 &amp; &copy; & x');
    assert.equal(clean('<3 and </ 3'), '&lt;3 and &lt;/ 3');
  });

  it('balances elements across fragments and drops closers it never opened', () => {
    const state = createSanitizeState();
    const parts = ['<span class="a">', 'text', '</span>', '</div></div>', '<div>', 'open'].map((p) => sanitizeHtml(p, { state }));
    assert.deepEqual(parts, ['<span class="a">', 'text', '</span>', '', '<div>', 'open']);
    assert.equal(closeOpenElements(state), '</div>');
    assert.equal(clean('<div><span>x</div>'), '<div><span>x</span></div>');
    assert.equal(clean('<ul><li>a'), '<ul><li>a</li></ul>');
  });

  it('adds the preview attributes to the first element only', () => {
    const out = sanitizeHtml('  <div class="note">a</div><p>b</p>', { firstTagAttrs: [['data-line', '4'], ['class', 'rp-problem']] });
    assert.equal(out, '  <div class="note rp-problem" data-line="4">a</div><p>b</p>');
    assert.equal(sanitizeHtml('text <div>a</div>', { firstTagAttrs: [['data-line', '4']] }), 'text <div>a</div>');
  });

  it('rewrites local URLs and never lets a rewrite add markup', () => {
    const rewriteUrl = (url: string, kind: string) => `${kind}:${url}"><script>`;
    const out = sanitizeHtml('<img src="/assets/img/blog/x.png"><a href="/blog/">b</a><a href="https://a.example/">c</a>', { rewriteUrl });
    assert.equal(
      out,
      '<img src="image:/assets/img/blog/x.png&quot;&gt;&lt;script&gt;"><a href="link:/blog/&quot;&gt;&lt;script&gt;">b</a><a href="https://a.example/">c</a>',
    );
  });

  it('is linear: large hostile inputs finish quickly', function () {
    this.timeout(30000);
    const inputs = [
      '<a '.repeat(50000),
      '<div>'.repeat(50000) + '</span>'.repeat(50000) + '</div>'.repeat(50000),
      '<!--'.repeat(50000),
      '<script>'.repeat(50000),
      '<a title="'.repeat(50000),
      '&#x61;'.repeat(100000),
      '<img src="' + 'j&#97;'.repeat(50000) + '">',
      '\uFFFD\u0000<\u0000>'.repeat(50000),
    ];
    for (const input of inputs) {
      let out = '';
      assertQuick(`${input.slice(0, 12)}...`, () => (out = clean(input)), 500);
      assert.deepEqual(activeContent(out.slice(0, 20000), { fragment: true }), []);
    }
  });

  it('survives random garbage without throwing or emitting active content', () => {
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    const pieces = ['<', '>', '/', '"', "'", '=', ' ', 'script', 'img', 'a', 'href', 'src', 'onerror', 'javascript:', '&#', 'x6a;', '!--', '-->', 'style', 'url(', '\n', '\u0000'];
    for (let round = 0; round < 300; round++) {
      let input = '';
      for (let i = 0; i < 60; i++) input += pieces[Math.floor(random() * pieces.length)];
      assert.deepEqual(activeContent(clean(input), { fragment: true }), [], input);
    }
  });
});

describe('URL helpers', () => {
  it('decodes numeric and common named character references like a browser', () => {
    assert.equal(decodeEntities('&#x6A;&#97;v&#x61script&colon;&Tab;&unknown;&#0;'), 'javascript:\t&unknown;\uFFFD');
  });

  it('judges URLs by scheme', () => {
    assert.equal(isSafeUrl('https://x', 'link'), true);
    assert.equal(isSafeUrl('mailto:x@y', 'link'), true);
    assert.equal(isSafeUrl('mailto:x@y', 'image'), false);
    assert.equal(isSafeUrl('a/b:c', 'link'), true);
    assert.equal(isSafeUrl('\u0001javascript:x', 'link'), false);
  });
});
