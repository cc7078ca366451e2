import * as assert from 'node:assert/strict';
import { completePost, type CompletionResult } from '../../../src/core/writing/completions';
import { parsePost } from '../../../src/core/post/parse';
import { defaultProfile } from '../../../src/core/site/profile';
import { accept, indexSite, SAMPLE_SITE, sampleProfile, textIn, withCursor } from './helpers';
import { expandSnippet } from './snippetExpander';
import { assertQuick } from '../cpuTime';

const profile = sampleProfile();
const index = indexSite(SAMPLE_SITE, profile);
const FILE = '2025-09-01-orbit-1-2-0-released.md';

function complete(textWithBar: string, fileName = FILE): { result: CompletionResult | undefined; text: string } {
  const { post, position, text } = withCursor(textWithBar);
  return { result: completePost(post, position, fileName, profile, index), text };
}

function labels(result: CompletionResult | undefined): string[] {
  return (result?.items ?? []).map((i) => i.label);
}

/** Accepts the item with this label and returns the new text (snippets expanded with their defaults). */
function choose(textWithBar: string, label: string, fileName = FILE): string {
  const { result, text } = complete(textWithBar, fileName);
  const item = result?.items.find((i) => i.label === label);
  assert.ok(item, `no item ${label} among ${labels(result).join(', ')}`);
  const insertText = item.isSnippet ? expandSnippet(item.insertText) : item.insertText;
  return accept(text, result!.range, { ...item, insertText });
}

describe('completions: front-matter keys', () => {
  it('offers the keys not yet present, required ones first, with their documentation', () => {
    const { result, text } = complete('---\nlayout: post\nti|\n---\n');
    const items = result!.items;
    assert.deepEqual(
      items.map((i) => i.label),
      ['title', 'published', 'post_author', 'tags', 'permalink', 'canonical_url', 'date'],
    );
    assert.equal(textIn(text, result!.range), 'ti');
    const title = items[0];
    assert.equal(title.detail, 'required');
    assert.match(title.documentation!, /\*\*Required\.\*\*/);
    assert.match(title.documentation!, /page heading/);
    assert.equal(items.find((i) => i.label === 'canonical_url')?.detail, 'optional');
  });

  it('fills in the values the file name and the profile decide', () => {
    assert.equal(choose('---\nlayout: post\nper|\n---\n', 'permalink'), '---\nlayout: post\npermalink: /blog/orbit-1-2-0-released/\n---\n');
    assert.equal(choose('---\nti|\n---\n', 'title'), '---\ntitle: Orbit 1.2.0 Released\n---\n');
    assert.equal(choose('---\n|\n---\n', 'layout'), '---\nlayout: post\n---\n');
    assert.equal(choose('---\n|\n---\n', 'published'), '---\npublished: true\n---\n');
    assert.equal(choose('---\n|\n---\n', 'post_author'), '---\npost_author:\n  display_name: \n---\n');
  });

  it('offers the author block\u2019s own keys when indented under post_author', () => {
    const { result } = complete('---\ntitle: x\npost_author:\n  display_name: Ada\n  |\ntags: Release\n---\n');
    assert.deepEqual(labels(result), ['gravatar', 'twitter']);
    assert.match(result!.items[1].documentation!, /without `@`/);
  });

  it('inserts only the name when renaming the key of an existing line', () => {
    assert.equal(choose('---\ntit|: Orbit\n---\n', 'title'), '---\ntitle: Orbit\n---\n');
  });

  it('keeps working while the front matter is broken or has no closing line', () => {
    const broken = complete('---\ntitle: "Unclosed\npost_author: [\n|');
    assert.ok(labels(broken.result).includes('layout'));
    assert.ok(!labels(broken.result).includes('title'), 'title is already there');
    assert.ok(!labels(broken.result).includes('post_author'));
    const tabbed = complete('---\nlayout: post\n\tbad: 1\npub|\n---\n');
    assert.deepEqual(labels(tabbed.result).filter((l) => l === 'published'), ['published']);
  });

  it('offers nothing on the delimiter lines, nested under a scalar, or in `---js` front matter', () => {
    assert.equal(complete('---|\ntitle: x\n---\n').result, undefined);
    assert.equal(complete('---\ntitle: x\n---|\n').result, undefined);
    assert.equal(complete('---\ntitle: x\n  |\n---\n').result, undefined);
    assert.equal(complete('---js\n|\n---\n').result, undefined);
  });
});

describe('completions: front-matter values', () => {
  it('offers layouts and true/false', () => {
    assert.deepEqual(labels(complete('---\nlayout: |\n---\n').result), ['post']);
    assert.equal(choose('---\npublished:|\n---\n', 'false'), '---\npublished: false\n---\n');
    assert.equal(choose('---\npublished: tr|\n---\n', 'true'), '---\npublished: true\n---\n');
  });

  it('offers the permalink the file name gives, whatever is typed', () => {
    const { result, text } = complete('---\npermalink: /blog/orbit-1.2|\n---\n');
    assert.deepEqual(labels(result), ['/blog/orbit-1-2-0-released/']);
    assert.equal(textIn(text, result!.range), ' /blog/orbit-1.2');
    assert.equal(complete('---\npermalink: |\n---\n', 'notes.md').result, undefined);
  });

  it('offers the site\u2019s tags with their counts, replacing only the item being typed', () => {
    const { result, text } = complete('---\ntags: Release, Sch|, Extra\n---\n');
    assert.deepEqual(labels(result), ['Community', 'Scheduling']);
    assert.equal(result!.items[1].detail, '1 post');
    assert.equal(textIn(text, result!.range), 'Sch');
    assert.equal(choose('---\ntags: Release, Sch|, Extra\n---\n', 'Scheduling'), '---\ntags: Release, Scheduling, Extra\n---\n');
    assert.equal(choose('---\ntags: Release,|\n---\n', 'Community'), '---\ntags: Release, Community\n---\n');
    assert.equal(choose('---\ntags:|\n---\n', 'Release'), '---\ntags: Release\n---\n');
    const first = complete('---\ntags: |\n---\n').result!;
    assert.deepEqual(first.items.map((i) => `${i.label} (${i.detail})`), ['Release (2 posts)', 'Community (1 post)', 'Scheduling (1 post)']);
  });

  it('offers tags inside quotes, flow lists and block lists', () => {
    assert.equal(choose('---\ntags: "Release, Co|"\n---\n', 'Community'), '---\ntags: "Release, Community"\n---\n');
    assert.equal(choose('---\ntags: [Release, |]\n---\n', 'Community'), '---\ntags: [Release, Community]\n---\n');
    assert.deepEqual(labels(complete('---\ntags:\n  - Release\n  - |\n---\n').result), ['Community', 'Scheduling']);
  });

  it('fills in twitter and gravatar when an author is chosen by name', () => {
    const typed = '---\ntitle: x\npost_author:\n  display_name: Ch|\ntags: Release\n---\n';
    const { result } = complete(typed);
    assert.deepEqual(labels(result), ['Chen Wei', 'Bruno Salas', 'Ada Quinn']);
    assert.match(result!.items[0].detail!, /@chenwei_dev/);
    assert.equal(choose(typed, 'Chen Wei'), '---\ntitle: x\npost_author:\n  display_name: Chen Wei\n  twitter: chenwei_dev\ntags: Release\n---\n');
    assert.equal(
      choose(typed, 'Bruno Salas'),
      '---\ntitle: x\npost_author:\n  display_name: Bruno Salas\n  gravatar: 0bc83cb571cd1c50ba6f3e8a78ef1346\ntags: Release\n---\n',
    );
  });

  it('does not offer a snippet\u2019s placeholder author saved in a post ("Your Name", "yourhandle")', () => {
    const withPlaceholder = {
      ...index,
      authors: [...index.authors, { ...index.authors[0], display_name: 'Your Name', twitter: 'yourhandle', gravatar: undefined }],
    };
    const { post, position } = withCursor('---\ntitle: x\npost_author:\n  display_name: |\n---\n');
    const names = (completePost(post, position, FILE, profile, withPlaceholder)?.items ?? []).map((i) => i.label);
    assert.ok(names.length > 0 && !names.includes('Your Name'), names.join(', '));
    const handles = withCursor('---\npost_author:\n  display_name: Ada Quinn\n  twitter: |\n---\n');
    const offered = (completePost(handles.post, handles.position, FILE, profile, withPlaceholder)?.items ?? []).map((i) => i.label);
    assert.ok(!offered.includes('yourhandle'), offered.join(', '));
  });

  it('replaces the twitter of the block instead of adding a second one', () => {
    const typed = '---\npost_author:\n  display_name: |\n  twitter: someone_else\n---\n';
    assert.equal(choose(typed.replace('|', 'A|'), 'Ada Quinn'), '---\npost_author:\n  display_name: Ada Quinn\n  twitter: adaquinn\n---\n');
  });

  it('offers no author right after the colon, so Enter still starts a new line', () => {
    assert.equal(complete('---\npost_author:\n  display_name:|\n---\n').result, undefined);
    assert.equal(complete('---\npost_author:|\n---\n').result, undefined);
  });

  it('inserts a whole author block after `post_author: `', () => {
    assert.equal(
      choose('---\npost_author: A|\ntags: Release\n---\n', 'Ada Quinn'),
      '---\npost_author:\n  display_name: Ada Quinn\n  twitter: adaquinn\ntags: Release\n---\n',
    );
    assert.equal(complete('---\npost_author: |\n  display_name: X\n---\n').result, undefined, 'not when the block has keys');
  });

  it('offers the handles of known authors, the current author\u2019s first', () => {
    const { result } = complete('---\npost_author:\n  display_name: Ada Quinn\n  twitter: |\n---\n');
    assert.deepEqual(labels(result), ['adaquinn', 'chenwei_dev']);
  });
});

describe('completions: links in the body', () => {
  const BODY = '---\ntitle: x\n---\n\n';

  it('offers every other post with its title, then pages and images, after `](`', () => {
    const { result, text } = complete(BODY + 'See [the release](|)', '2025-06-10-orbit-1-1-0-released.md');
    assert.deepEqual(labels(result), [
      '/blog/orbit-community-update/',
      '/blog/orbit-1-0-0-released/',
      '/documentation/latest/getting-started/',
      '/assets/img/blog/orbit-architecture.png',
    ]);
    assert.equal(result!.items[1].detail, 'Orbit 1.0.0 Released');
    assert.equal(result!.items[2].kind, 'link');
    assert.equal(result!.items[3].kind, 'image');
    assert.equal(textIn(text, result!.range), '');
  });

  it('filters by the folder typed and replaces the whole target being typed', () => {
    const { result, text } = complete(BODY + 'See [docs](/documentation/la|test/old/ "t")');
    assert.deepEqual(labels(result), ['/documentation/latest/getting-started/']);
    assert.equal(textIn(text, result!.range), '/documentation/latest/old/');
    assert.deepEqual(labels(complete(BODY + '[x](/blog/orbit-1|').result).length, 3);
  });

  it('lets the editor filter a link by what follows the folder typed, and still inserts the whole URL', () => {
    const { result, text } = complete(BODY + 'See [1.1](/blog/orbit-1-1|)');
    const item = result!.items.find((i) => i.label === '/blog/orbit-1-1-0-released/')!;
    // The editor matches the text from the item's range start to the cursor against filterText: "orbit-1-1".
    assert.equal(item.filterText, 'orbit-1-1-0-released/');
    assert.equal(textIn(text, item.range!), 'orbit-1-1');
    assert.match(accept(text, item.range!, item), /See \[1\.1\]\(\/blog\/orbit-1-1-0-released\/\)$/m);
    // With only the leading "/" typed, the items are filtered by everything after it.
    const root = complete(BODY + '[x](/|').result!;
    assert.ok(root.items.every((i) => i.filterText === i.label.slice(1)), root.items.map((i) => i.filterText).join(', '));
  });

  it('offers images only for images, in Markdown and in HTML', () => {
    assert.deepEqual(labels(complete(BODY + '![diagram](/|').result), ['/assets/img/blog/orbit-architecture.png']);
    assert.deepEqual(labels(complete(BODY + '<img alt="d" src="|">').result), ['/assets/img/blog/orbit-architecture.png']);
    assert.equal(labels(complete(BODY + '<a href="/blog/or|">').result).length, 3);
    assert.equal(labels(complete(BODY + '[ref]: /|').result).length, 5);
  });

  it('offers nothing for external links, in code, or outside a link', () => {
    assert.equal(complete(BODY + '[x](https://|').result, undefined);
    assert.equal(complete(BODY + '```\n[x](|\n```\n').result, undefined);
    assert.equal(complete(BODY + 'Use `[x](|`').result, undefined);
    assert.equal(complete(BODY + 'Plain text |').result, undefined);
  });

  it('works in a post without front matter and never throws on odd input', () => {
    assert.equal(labels(complete('[x](|').result).length, 5);
    for (const text of ['', '---', '---\n', '---\n:', '---\n- ', '---\n  - x', '---\n"', '---\n[', '---\na:\n  b:\n    |']) {
      const post = parsePost(text.replace('|', ''));
      for (let line = 0; line < post.lines.lineCount; line++) {
        for (let character = 0; character <= post.lines.lineText(line).length; character++) {
          completePost(post, { line, character }, FILE, defaultProfile(), index);
        }
      }
    }
  });
});

describe('completions: pathological input', () => {
  it('stays fast at the end of a very long line of unclosed tags', () => {
    const { post, position } = withCursor('<a b="'.repeat(30000) + '|');
    assertQuick('completion', () => completePost(post, position, FILE, profile, index), 1000);
  });
});
