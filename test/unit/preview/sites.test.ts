import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parsePost } from '../../../src/core/post/parse';
import { renderPostPage, renderPostContent, type PageInput } from '../../../src/core/preview/page';
import { previewSiteFor } from '../../../src/core/preview/site/previewSite';
import { siteLook } from '../../../src/core/preview/site/siteLook';
import { defaultProfile } from '../../../src/core/site/profile';
import { findSiteForFile } from '../../../src/core/site/workspace';
import { CORPUS, SITES } from '../corpus';
import { activeContent, elementsOf } from './helpers';

/** A post of a real site, as `release-post render` pages it: the site's own page, its CSS inlined. */
function render(file: string): { html: string; css: string; input: PageInput } {
  const site = findSiteForFile(file);
  const previewSite = previewSiteFor(file, site);
  assert.ok(previewSite, `a site is found for ${file}`);
  const look = siteLook(previewSite);
  const input: PageInput = {
    post: parsePost(fs.readFileSync(file, 'utf8')),
    fileName: path.basename(file),
    filePath: file,
    profile: site?.profile ?? defaultProfile(),
    mode: { kind: 'standalone', inlineCss: look.styles.css },
    resolveUrl: (href) => href,
    look,
  };
  return { html: renderPostPage(input), css: look.styles.css, input };
}

function visibleText(html: string): string {
  const body = html.slice(Math.max(0, html.indexOf('<body')));
  return body
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');
}

const MESOS_WORDS = /Mesos|Apache Software Foundation|post_author|Unknown author/;

interface SiteCase {
  site: string;
  post: string;
  header: RegExp[];
  author: string;
  /** A rule of the site's own stylesheet that must reach the page, or undefined when the site has none to build. */
  css?: RegExp;
}

const CASES: SiteCase[] = [
  {
    site: 'jekyll',
    post: 'docs/_posts/2025-01-29-jekyll-4-4-1-released.markdown',
    header: [/Docs/, /Showcase/, /Jekyll is lovingly maintained by the core team/],
    author: 'ashmaroli',
    css: /\.main-nav/,
  },
  {
    site: 'flink',
    post: 'docs/content/posts/2024-08-02-release-1.20.0.md',
    header: [/Apache Flink/],
    author: 'Weijie Guo and Rui Fan',
    css: /\.navbar/,
  },
  { site: 'hexo', post: 'source/_posts/2025-10-26-hexo-8-1-0-released.md', header: [/Hexo/], author: '' },
  {
    site: 'rust',
    post: 'content/1.94.1-release.md',
    header: [/Rust Blog/],
    author: 'The Rust Release Team',
    css: /tachyons|\.white/,
  },
  {
    site: 'gitea',
    post: 'content/post/release-of-1.8.3.md',
    header: [/Blog/, /Website/, /Downloads/],
    author: 'jolheiser',
  },
];

describe('the preview of a post in its own site', function () {
  this.timeout(120_000);

  for (const c of CASES) {
    it(`${c.site}: the site's header, navigation and stylesheet, the post's author, no word of another site`, function () {
      const file = path.join(SITES, c.site, c.post);
      if (!fs.existsSync(file)) {
        console.log(`    (skipped: the corpus site ${c.site} is not beside the project)`);
        this.skip();
      }
      const { html, css } = render(file);
      const text = visibleText(html);
      for (const header of c.header) assert.match(text, header);
      if (c.author) assert.match(text, new RegExp(c.author));
      assert.doesNotMatch(text, MESOS_WORDS);
      assert.doesNotMatch(html, /class="rp-placeholder"/, 'no red box for a field the site does not use');
      if (c.css) {
        assert.match(css, c.css, "the site's own CSS is built");
        assert.ok(html.includes(css.slice(0, 200)), 'and inlined in the page');
      }
      assert.deepEqual(activeContent(html, { styleElements: 1 }), [], 'no script or handler from the layouts');
    });
  }

  it("jekyll: the post's body sits in the site's layout, with the title and date the layout shows", function () {
    const file = path.join(SITES, 'jekyll', CASES[0].post);
    if (!fs.existsSync(file)) this.skip();
    const { html } = render(file);
    assert.ok(elementsOf(html).some((e) => e.tag === 'article'), "the layout's <article>");
    const article = visibleText(html.slice(html.indexOf('<article'), html.indexOf('</article>')));
    assert.match(article, /Jekyll 4\.4\.1 Released/);
    assert.match(article, /29 Jan 2025/);
    assert.match(article, /Publishing a patch release/);
    assert.match(html, /<div class="rp-body" data-rp-body><p data-line="\d+">Publishing a patch release/);
  });

  it("jekyll: the layout's lists of the site's posts (recent releases, other news) are filled from the site's posts", function () {
    const file = path.join(SITES, 'jekyll', CASES[0].post);
    if (!fs.existsSync(file)) this.skip();
    const { html } = render(file);
    const aside = html.slice(html.indexOf('<aside'), html.indexOf('</aside>'));
    const text = visibleText(aside);
    // news_contents.html: `site.categories.release limit:5`, newest first, then `site.posts` that are not releases.
    assert.match(text, /Recent Releases Version 4\.4\.1 Version 4\.4\.0 Version 4\.3\.4 Version 3\.10\.0 Version 3\.9\.4 History/);
    assert.match(aside, /<a href="\/news\/2025\/01\/27\/jekyll-4-4-0-released\/">Version 4\.4\.0<\/a>/, "each post's URL from the site's permalink");
    assert.match(text, /Other News Jekyll Sass Converter 3\.0 Released Goodbye, Dear Frank\./);
    assert.doesNotMatch(text, /Other News[\s\S]*Jekyll 4\.4\.0 Released/, 'release posts are left out of "Other News", as the layout says');
  });

  it('mesos: keeps the built-in page, with the site’s logo and its own stylesheets', function () {
    const file = path.join(CORPUS, 'site', 'source', 'blog', '2016-07-27-mesos-1-0-0-released.md');
    if (!fs.existsSync(file)) this.skip();
    const { html, css, input } = render(file);
    assert.match(html, /<a class="navbar-brand" href="\/"><img src="\/assets\/img\/mesos_logo\.png" alt="Apache Mesos"><\/a>/);
    assert.match(css, /\/\* assets\/css\/bootstrap\.min\.css \*\/[\s\S]*\/\* assets\/css\/main\.css \*\//);
    assert.match(css, /url\("\/assets\/img\/background_image\.png"\)/, "the navbar's background, as a site-root path");
    assert.match(renderPostContent(input).html, /class="col-md-3 rp-author"/);
  });

  it('template syntax in a body: Liquid evaluated on a Jekyll site, shortcodes and components shown by name', function () {
    const jekyllPost = path.join(SITES, 'jekyll', CASES[0].post);
    const flinkPost = path.join(SITES, 'flink', CASES[1].post);
    if (!fs.existsSync(jekyllPost) || !fs.existsSync(flinkPost)) this.skip();
    const page = (file: string, text: string) => {
      const { input } = render(file);
      return renderPostContent({ ...input, post: parsePost(text) }).bodyHtml;
    };
    const jekyll = page(jekyllPost, '---\ntitle: T\n---\nThis is Jekyll {{ site.version }}, see {{ page.title | upcase }}.\n\n{% for x in list %}\n');
    assert.match(jekyll, /This is Jekyll 4\.4\.1, see T\./, "Liquid the post uses, from the site's config and the front matter");
    assert.match(jekyll, /<span class="rp-chip"[^>]*>for<\/span>/, 'a block tag split over paragraphs is a chip');
    assert.doesNotMatch(jekyll, /\{%|\{\{/);
    const hugo = page(flinkPost, '---\ntitle: T\n---\nDocs at {{< param DocsBaseUrl >}} and {{% notice %}}.\n\n<Tabs>x</Tabs>\n');
    assert.match(hugo, /Docs at <span class="rp-chip"[^>]*>param<\/span> and <span class="rp-chip"[^>]*>notice<\/span>\./);
    assert.match(hugo, /<span class="rp-chip"[^>]*>Tabs<\/span>x/);
    assert.doesNotMatch(hugo, /\{\{|rp-placeholder/);
  });

  it('a picture from the internet is a neutral box with its text, never a request', function () {
    const flinkPost = path.join(SITES, 'flink', CASES[1].post);
    if (!fs.existsSync(flinkPost)) this.skip();
    const { input } = render(flinkPost);
    const body = renderPostContent({ ...input, post: parsePost('---\ntitle: T\n---\n![The logo](https://x.example/a.png) and ![](/img/local.png)\n') }).bodyHtml;
    assert.match(body, /<span class="rp-remote-image" title="A picture from x\.example, not loaded[^"]*">The logo<\/span>/);
    assert.doesNotMatch(body, /x\.example\/a\.png/);
    assert.match(body, /<img src="\/img\/local\.png" alt="">/, 'local pictures stay pictures');
  });
});
