import * as fs from 'node:fs';
import * as path from 'node:path';
import { parsePost, type ParsedPost } from '../../../src/core/post/parse';
import * as assert from 'node:assert/strict';
import type { SiteProfile } from '../../../src/core/site/profile';
import { buildSiteIndex, type SiteIndex } from '../../../src/core/site/siteIndex';
import { scanSiteFiles } from '../../../src/core/site/siteFiles';
import { LineIndex, type TextPosition } from '../../../src/core/text/text';
import { findSiteForFile, listPostFiles } from '../../../src/core/site/workspace';

export const SAMPLE_SITE = path.resolve(__dirname, '../../fixtures/sample-site');
export { CORPUS } from '../corpus';

/** The sample site's profile, read from its .releasepost.json as the extension reads it. */
export function sampleProfile(): SiteProfile {
  const site = findSiteForFile(path.join(SAMPLE_SITE, 'site/source/blog/2025-03-04-orbit-1-0-0-released.md'));
  assert.ok(site, 'the sample site is found');
  return site.profile;
}

/** Reads a site from disk the way the extension does: every post parsed once, every source file listed. */
export function indexSite(root: string, profile: SiteProfile): SiteIndex {
  const site = { root, profile, configPath: undefined, problems: [] };
  const posts = listPostFiles(site).map((file) => ({ path: file, post: parsePost(fs.readFileSync(file, 'utf8')) }));
  return buildSiteIndex(site, posts, scanSiteFiles(site));
}

/** A post with the cursor where `|` is written (the `|` is removed). */
export function withCursor(textWithBar: string): { post: ParsedPost; position: TextPosition; text: string } {
  const offset = textWithBar.indexOf('|');
  if (offset < 0) throw new Error('no | in the test text');
  const text = textWithBar.slice(0, offset) + textWithBar.slice(offset + 1);
  return { post: parsePost(text), position: new LineIndex(text).positionAt(offset), text };
}

/** The text a range covers. */
export function textIn(text: string, range: { start: TextPosition; end: TextPosition }): string {
  const lines = new LineIndex(text);
  return text.slice(lines.offsetAt(range.start), lines.offsetAt(range.end));
}

/** Applies edits (non-overlapping) to a text, last first. */
export function applyEdits(text: string, edits: { range: { start: TextPosition; end: TextPosition }; newText: string }[]): string {
  const lines = new LineIndex(text);
  const sorted = edits
    .map((e) => ({ from: lines.offsetAt(e.range.start), to: lines.offsetAt(e.range.end), newText: e.newText }))
    .sort((a, b) => b.from - a.from);
  let result = text;
  for (const e of sorted) result = result.slice(0, e.from) + e.newText + result.slice(e.to);
  return result;
}

/** What accepting a completion gives, with the editor's indentation of the lines after the first. */
export function accept(
  text: string,
  range: { start: TextPosition; end: TextPosition },
  entry: { insertText: string; additionalEdits?: { range: { start: TextPosition; end: TextPosition }; newText: string }[] },
): string {
  const indent = /^[ \t]*/.exec(new LineIndex(text).lineText(range.start.line))![0];
  const insert = entry.insertText.replace(/\n/g, '\n' + indent);
  return applyEdits(text, [{ range, newText: insert }, ...(entry.additionalEdits ?? [])]);
}
