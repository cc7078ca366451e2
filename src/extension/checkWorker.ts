/**
 * The check worker: parses and checks large posts on its own thread, so the extension host never waits for one.
 * Bundled as dist/checkWorker.js (scripts/build.mjs) and started by CheckWorker (checkClient.ts).
 */
import { parentPort } from 'node:worker_threads';
import { linkCheck, runCheck, type CheckRequest } from './checkInput';
import { sharedStore } from './threadWorker';

import { defaultProfile } from '../core/site/profile';

/** The link check of each site's link data seen. */
const links = sharedStore(linkCheck);

parentPort?.on('message', (request: CheckRequest) => {
  try {
    parentPort?.postMessage(runCheck(request, links(request)));
  } catch (err) {
    parentPort?.postMessage({ id: request.id, error: err instanceof Error ? err.message : String(err) });
  }
});

// Compile the parser and the rules before the first real check, whose budget counts from the "ready" below: a new
// worker's first check is otherwise several times slower than the next ones.
const SAMPLE = `---
layout: post
title: Apache Mesos 1.2.0 Released
published: true
post_author:
  display_name: Ada
tags: Release
---

The latest Mesos release, 1.2.0, is now available for [download](/downloads/). See the [CHANGELOG](https://example.org).

## Features

* **Thing**: a [link](/blog/x/) and \`code\`.
* Another item with <b>HTML</b> and an ![image](/img/x.png).

| a | b |
|---|---|
| 1 | 2 |

Thanks to the 2 contributors who made 1.2.0 possible: Ada, Bo.
`;
try {
  for (let i = 0; i < 3; i++) runCheck({ id: 0, text: SAMPLE, fileName: '2017-01-01-mesos-1-2-0-released.md', profile: defaultProfile() }, () => true);
} finally {
  parentPort?.postMessage({ ready: true });
}
