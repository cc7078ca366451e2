import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { renderPostContent } from '../../../src/core/preview/page';
import { parsePost } from '../../../src/core/post/parse';
import { defaultProfile } from '../../../src/core/site/profile';
import { findSiteForFile, type SiteContext } from '../../../src/core/site/workspace';
import {
  localImageFile,
  lookForPost,
  PENDING_STYLES,
  renderSite,
  withImageUris,
  type RenderJob,
  type RenderResult,
  type RenderSite,
} from '../../../src/extension/preview/renderInput';
import { ThreadWorker, WorkCancelled } from '../../../src/extension/threadWorker';
import { SITES } from '../corpus';
import { growthInputs } from '../hazards/growthInputs';
import { bundleWorker } from './bundleWorker';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const SAMPLE_POST = path.join(ROOT, 'test/fixtures/sample-site/site/source/blog/2025-03-04-orbit-1-0-0-released.md');
const JEKYLL_POST = path.join(SITES, 'jekyll/docs/_posts/2018-08-01-jekyll-sponsoring.markdown');

/** Stands for the webview's URI of a local file. */
const uriOf = (file: string) => `https://file+.vscode-resource.test${file}?a=1&b=2`;

/** The preview's content as the extension host renders a post itself. */
function onHost(file: string, site: SiteContext | undefined) {
  const text = fs.readFileSync(file, 'utf8');
  const look = lookForPost(file, site, () => PENDING_STYLES);
  const roots = {
    publicRoot: look?.site.publicRoot,
    sourceRoot: site ? path.join(site.root, site.profile.sourceFolder) : undefined,
    postDir: path.dirname(file),
  };
  const content = renderPostContent({
    post: parsePost(text),
    fileName: path.basename(file),
    filePath: file,
    look,
    profile: site?.profile ?? defaultProfile(),
    mode: { kind: 'standalone', inlineCss: '' },
    resolveUrl: (href, kind) => {
      const local = kind === 'image' ? localImageFile(href, roots) : undefined;
      return local ? uriOf(local) : href;
    },
    problems: [{ line: 12, severity: 'warning', message: 'A problem on line 13' }],
    uri: `file://${file}`,
    remoteImages: false,
  });
  return { text, roots, content };
}

describe('render worker', function () {
  this.timeout(120000);
  let script: string;
  let remove = () => {};
  before(async () => {
    ({ script, remove } = await bundleWorker('src/extension/preview/renderWorker.ts'));
  });
  after(() => remove());

  async function onWorker(worker: ThreadWorker<RenderJob, RenderResult, RenderSite>, file: string, site: SiteContext | undefined, lookId: number) {
    const { text, roots } = onHost(file, site);
    const token = 'rp0123456789abcdef-';
    const job: RenderJob = {
      text,
      fileName: path.basename(file),
      filePath: file,
      uri: `file://${file}`,
      mode: { kind: 'standalone', inlineCss: '' },
      problems: [{ line: 12, severity: 'warning', message: 'A problem on line 13' }],
      remoteImages: false,
      roots,
      lookId,
      token,
    };
    const result = await worker.run(job, site ? worker.shared(site, () => renderSite(site)) : undefined, 60000, () => true);
    assert.ok(result, 'the render ran');
    return { result, content: withImageUris(result.content, token, result.files.map(uriOf)) };
  }

  it('renders a post with its site and local images as the extension host does', async () => {
    const worker = new ThreadWorker<RenderJob, RenderResult, RenderSite>(script);
    try {
      const site = findSiteForFile(SAMPLE_POST);
      assert.ok(site, 'the sample site is found');
      const here = onHost(SAMPLE_POST, site).content;
      const { result, content } = await onWorker(worker, SAMPLE_POST, site, 1);
      assert.deepEqual(content, here);
      // The image is the site's file, by its webview URI (escaped in the attribute as the renderer escapes it).
      const image = path.join(site.root, site.profile.sourceFolder, 'assets/img/blog/orbit-architecture.png');
      assert.deepEqual(result.files, [image]);
      assert.ok(content.bodyHtml.includes(`src="${uriOf(image).replace(/&/g, '&amp;')}"`), content.bodyHtml.slice(0, 2000));
      assert.equal(result.header?.title, 'Orbit 1.0.0 Released');
    } finally {
      worker.dispose();
    }
  });

  it("renders a Jekyll post in the site's own layout as the extension host does", async function () {
    if (!fs.existsSync(JEKYLL_POST)) {
      console.log(`    (skipped: the corpus is not at ${SITES})`);
      this.skip();
    }
    const worker = new ThreadWorker<RenderJob, RenderResult, RenderSite>(script);
    try {
      const site = findSiteForFile(JEKYLL_POST);
      const here = onHost(JEKYLL_POST, site).content;
      const { content } = await onWorker(worker, JEKYLL_POST, site, 2);
      assert.deepEqual(content, here);
      assert.ok(content.bodyClass !== undefined || /<header|<nav/i.test(content.html), "the site's layout frames the post");
    } finally {
      worker.dispose();
    }
  });

  it('stops a render past its budget and renders the next post on a new worker', async () => {
    const worker = new ThreadWorker<RenderJob, RenderResult, RenderSite>(script);
    try {
      const slow: RenderJob = {
        text: growthInputs['empty links'](800 * 1024),
        fileName: '2017-01-01-x.md',
        uri: 'untitled:x',
        mode: { kind: 'standalone', inlineCss: '' },
        problems: [],
        remoteImages: false,
        roots: {},
        lookId: 3,
        token: 'rpx-',
      };
      const started = performance.now();
      await assert.rejects(worker.run(slow, undefined, 200, () => true), WorkCancelled);
      assert.ok(performance.now() - started < 2000, 'the cancelled render did not run to its end');
      const { content } = await onWorker(worker, SAMPLE_POST, findSiteForFile(SAMPLE_POST), 4);
      assert.match(content.html, /Orbit 1\.0\.0 Released/);
    } finally {
      worker.dispose();
    }
  });
});
