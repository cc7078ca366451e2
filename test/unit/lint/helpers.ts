import * as assert from 'node:assert/strict';
import { fixAll, lintPost, type LintContext, type Problem } from '../../../src/core/rules/lint';
import { parsePost, type ParsedPost } from '../../../src/core/post/parse';
import { defaultProfile, type SiteProfile } from '../../../src/core/site/profile';

/** A release post with no problem under the default (Mesos) profile. */
export const GOOD_NAME = '2021-01-05-mesos-1-11-0-released.md';
export const GOOD_POST = `---
layout: post
title: Apache Mesos 1.11.0 Released
permalink: /blog/mesos-1-11-0-released/
published: true
post_author:
  display_name: Ada Quinn
  twitter: adaquinn
tags: Release
---

The latest Mesos release, 1.11.0, is now available for [download](http://mesos.apache.org/downloads).

This release includes the following features and improvements:

* [MESOS-101](https://issues.apache.org/jira/browse/MESOS-101) - Fair sharing of CPU between roles.
* [MESOS-117](https://issues.apache.org/jira/browse/MESOS-117) - A \`--work_dir\` flag for the agent.

For full release notes with all features and bug fixes, please refer to the [CHANGELOG](https://gitbox.apache.org/repos/asf?p=mesos.git;a=blob_plain;f=CHANGELOG;hb=1.11.0).

### Upgrades

Rolling upgrades from a Mesos 1.10.0 cluster to Mesos 1.11.0 are straightforward. Please refer to the [upgrade guide](http://mesos.apache.org/documentation/latest/upgrades/) for detailed information on upgrading to Mesos 1.11.0 from 1.9.x.

### Try it out

We encourage you to try out this release and let us know what you think.

### Thanks!

Thanks to the 3 contributors who made 1.11.0 possible:

Ada Quinn, Bruno Salas, Chen Wei
`;

export function lint(text: string, fileName = GOOD_NAME, profile: SiteProfile = defaultProfile(), context?: LintContext): Problem[] {
  return lintPost(parsePost(text), fileName, profile, context);
}

export function ofRule(problems: Problem[], rule: string): Problem[] {
  return problems.filter((p) => p.rule === rule);
}

export function rules(problems: Problem[]): string[] {
  return problems.map((p) => p.rule);
}

/** The good post with `from` replaced by `to` (which must occur). */
export function edited(from: string, to: string, text = GOOD_POST): string {
  assert.ok(text.includes(from), `the post contains ${JSON.stringify(from)}`);
  return text.replace(from, to);
}

/** [line, character] of a problem's start, 0-based. */
export function at(problem: Problem | undefined): [number, number] {
  assert.ok(problem, 'a problem was reported');
  return [problem.range.start.line, problem.range.start.character];
}

/** The text a problem's range covers. */
export function covered(text: string, problem: Problem): string {
  const post = parsePost(text);
  return text.slice(post.lines.offsetAt(problem.range.start), post.lines.offsetAt(problem.range.end));
}

/** Applies a problem's first edit fix. */
export function applyFirstFix(text: string, problem: Problem): string {
  return fixAll(text, [{ ...problem, fixes: problem.fixes?.filter((f) => 'edits' in f).slice(0, 1) }]);
}

export function assertRangesInside(text: string | ParsedPost, problems: Problem[]): void {
  const post = typeof text === 'string' ? parsePost(text) : text;
  for (const p of problems) {
    for (const pos of [p.range.start, p.range.end]) {
      assert.ok(pos.line >= 0 && pos.line < post.lines.lineCount, `line ${pos.line} of ${p.rule} is in the document`);
      assert.ok(pos.character >= 0 && pos.character <= post.lines.lineText(pos.line).length, `character of ${p.rule} is on its line`);
    }
    const forward = p.range.start.line < p.range.end.line || (p.range.start.line === p.range.end.line && p.range.start.character <= p.range.end.character);
    assert.ok(forward, `${p.rule}'s range runs forward`);
  }
}
