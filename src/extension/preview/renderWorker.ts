/**
 * The render worker: parses and renders large posts for the preview on its own thread, so typing in one never waits
 * for its page. Bundled as dist/renderWorker.js (scripts/build.mjs) and started by the preview (previewPanel.ts).
 */
import { parentPort } from 'node:worker_threads';
import type { SiteLook } from '../../core/preview/site/siteLook';
import { parsePost, type ParsedPost } from '../../core/post/parse';
import type { SiteContext } from '../../core/site/workspace';
import { sharedStore } from '../threadWorker';
import { lookForPost, PENDING_STYLES, runRender, siteOfRender, type RenderRequest, type RenderSite } from './renderInput';

const sites = sharedStore((data: RenderSite) => siteOfRender(data));
/** The look made for each look id (the host makes a new id when it shows a post with a new look). */
const looks = new Map<number, SiteLook | undefined>();

function lookFor(request: RenderRequest, site: SiteContext | undefined): SiteLook | undefined {
  if (!looks.has(request.lookId)) {
    if (looks.size >= 4) looks.delete(looks.keys().next().value as number);
    // The content does not depend on the site's CSS: the host sends that to the page.
    looks.set(request.lookId, request.filePath ? lookForPost(request.filePath, site, () => PENDING_STYLES) : undefined);
  }
  return looks.get(request.lookId);
}

/** The last post parsed: a render for new problems on the same text (a check just finished) parses nothing again. */
let last: { text: string; post: ParsedPost } | undefined;
function parse(text: string): ParsedPost {
  if (last?.text !== text) last = { text, post: parsePost(text) };
  return last.post;
}

parentPort?.on('message', (request: RenderRequest) => {
  try {
    const site = sites(request);
    parentPort?.postMessage(runRender(request, site, lookFor(request, site), parse));
  } catch (err) {
    parentPort?.postMessage({ id: request.id, error: err instanceof Error ? err.message : String(err) });
  }
});

// Compile the parser and the renderer before the first real render, whose budget counts from the "ready" below.
const SAMPLE = `---
layout: post
title: Release 1.2.0
---

The latest release, 1.2.0, is now available for [download](/downloads/).

## Features

* **Thing**: a [link](/blog/x/) and \`code\`, ![image](x.png).

| a | b |
|---|---|
| 1 | 2 |
`;
try {
  for (let i = 0; i < 3; i++) {
    runRender(
      { id: 0, text: SAMPLE, fileName: '2017-01-01-release-1-2-0.md', uri: 'untitled:sample', mode: { kind: 'standalone', inlineCss: '' }, problems: [], remoteImages: false, roots: {}, lookId: 0, token: 'rp-' },
      undefined,
      undefined,
    );
  }
} finally {
  parentPort?.postMessage({ ready: true });
}
