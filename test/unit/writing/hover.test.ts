import * as assert from 'node:assert/strict';
import { hoverPost } from '../../../src/core/writing/hover';
import { defaultProfile } from '../../../src/core/site/profile';
import { indexSite, SAMPLE_SITE, sampleProfile, textIn, withCursor } from './helpers';

const profile = sampleProfile();
const index = indexSite(SAMPLE_SITE, profile);

function hover(textWithBar: string, fileName = '2025-09-01-orbit-1-2-0-released.md') {
  const { post, position, text } = withCursor(textWithBar);
  const result = hoverPost(post, position, fileName, profile, index);
  return { result, covered: result ? textIn(text, result.range) : undefined };
}

describe('hovers: front-matter keys', () => {
  it('says what a key does, that it is required, and its expected form', () => {
    const { result, covered } = hover('---\npubl|ished: yes\n---\n');
    assert.equal(covered, 'published');
    assert.match(result!.markdown, /\*\*published\*\* \u2014 \*\*Required\.\*\*/);
    assert.match(result!.markdown, /hides it from the build/);
    assert.match(result!.markdown, /`true` or `false`/);
  });

  it('describes nested keys by their path and says when a key is optional', () => {
    const { result, covered } = hover('---\npost_author:\n  display_name: Ada\n  twit|ter: "@ada"\n---\n');
    assert.equal(covered, 'twitter');
    assert.match(result!.markdown, /\*\*post_author\.twitter\*\* \u2014 Optional\./);
    assert.match(result!.markdown, /without `@`/);
  });

  it('calls the author block required, since its display_name is', () => {
    const { result } = hover('---\npost_au|thor:\n  display_name: Ada\n---\n');
    assert.match(result!.markdown, /\*\*post_author\*\* \u2014 \*\*Required\.\*\*/);
    assert.match(result!.markdown, /a block of keys: `display_name`, `gravatar`, `twitter`/);
  });

  it('gives the permalink this file name expects', () => {
    const { result } = hover('---\n|permalink: /blog/x/\n---\n');
    assert.match(result!.markdown, /`\/blog\/orbit-1-2-0-released\/`, the URL this file name gives/);
  });

  it('says when the site does not use a key, and works in a broken front matter', () => {
    const { result } = hover('---\ntitle: "unclosed\nauth|or: me\n');
    assert.match(result!.markdown, /\*\*author\*\* \u2014 not a key this site uses/);
    assert.match(result!.markdown, /`post_author`/);
  });

  it('shows nothing on values, delimiters or outside the key', () => {
    assert.equal(hover('---\ntitle: Orb|it\n---\n').result, undefined);
    assert.equal(hover('--|-\ntitle: x\n---\n').result, undefined);
    assert.equal(hoverPost(withCursor('|').post, { line: 0, character: 0 }, 'x.md', defaultProfile(), index), undefined);
  });
});

describe('hovers: site links in the body', () => {
  const BODY = '---\ntitle: x\n---\n\n';

  it('names the post a link leads to and its file', () => {
    const { result, covered } = hover(BODY + 'See [it](/blog/orbit-1-0-|0-released/#thanks).');
    assert.equal(covered, '/blog/orbit-1-0-0-released/#thanks');
    assert.match(result!.markdown, /Post \*\*Orbit 1\\\.0\\\.0 Released\*\*, 2025-03-04/);
    assert.match(result!.markdown, /`site\/source\/blog\/2025-03-04-orbit-1-0-0-released\.md`/);
  });

  it('names the file behind an image', () => {
    const { result } = hover(BODY + '<img src="/assets/img/blog/orbit-arch|itecture.png">');
    assert.equal(result!.markdown, 'Site file `site/source/assets/img/blog/orbit-architecture.png`');
  });

  it('says when a link resolves to nothing', () => {
    const { result } = hover(BODY + '[gone](/blog/orbit-9|-0-0-released/)');
    assert.match(result!.markdown, /`\/blog\/orbit-9-0-0-released\/` matches no post, page or file under `site\/source`/);
  });

  it('shows nothing on external links or plain text', () => {
    assert.equal(hover(BODY + '[w](https://orbit.exa|mple.org/)').result, undefined);
    assert.equal(hover(BODY + 'Plain te|xt').result, undefined);
  });
});
