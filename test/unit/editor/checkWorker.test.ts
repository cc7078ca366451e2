import * as assert from 'node:assert/strict';
import { CheckCancelled, CheckWorker } from '../../../src/extension/checkClient';
import { runCheck } from '../../../src/extension/checkInput';
import { defaultProfile } from '../../../src/core/site/profile';
import { growthInputs } from '../hazards/growthInputs';
import { bundleWorker } from './bundleWorker';

describe('check worker', function () {
  this.timeout(120000);
  let script: string;
  let remove = () => {};
  before(async () => {
    ({ script, remove } = await bundleWorker('src/extension/checkWorker.ts'));
  });
  after(() => remove());

  const profile = defaultProfile();
  const post = `---
layout: post
title: Apache Mesos 1.2.0 Released
published: true
post_author:
  display_name: Ada
tags: Release
---

See [the docs](/documentation/nowhere/) and [the post](/blog/mesos-1-1-0-released/).

## Empty

## Next

Text.
`;

  it('finds what the extension host finds, site links included', async () => {
    const worker = new CheckWorker(script);
    try {
      const links = { id: 1, data: { kind: 'index' as const, urls: [['/blog/mesos-1-1-0-released/', 'x.md']] as [string, string][] } };
      const request = { text: post, fileName: '2017-01-01-mesos-1-2-0-released.md', profile };
      const onWorker = await worker.check(request, links, 30000, () => true);
      const here = runCheck({ ...request, id: 0 }, (href) => href === '/blog/mesos-1-1-0-released/');
      assert.deepEqual(onWorker?.problems, here.problems);
      assert.ok(here.problems.some((p) => p.rule === 'broken-site-link'));
      assert.ok(onWorker?.looksLikePost);
    } finally {
      worker.dispose();
    }
  });

  it('stops a check past its budget, skips a request no longer wanted, and checks the next one on a new worker', async () => {
    const worker = new CheckWorker(script);
    try {
      const slow = { text: growthInputs['empty links'](600 * 1024), fileName: '2017-01-01-x.md', profile };
      const started = performance.now();
      await assert.rejects(worker.check(slow, undefined, 200, () => true), CheckCancelled);
      assert.ok(performance.now() - started < 2000, 'the cancelled check did not run to its end');
      assert.equal(await worker.check({ text: post, fileName: 'a.md', profile }, undefined, 30000, () => false), undefined);
      const next = await worker.check({ text: post, fileName: '2017-01-01-mesos-1-2-0-released.md', profile }, undefined, 30000, () => true);
      assert.ok(next?.problems.some((p) => p.rule === 'empty-section'));
    } finally {
      worker.dispose();
    }
  });
});
