import type { ParsedPost } from '../post/parse';
import type { SiteProfile } from '../site/profile';
import { DisableComments } from './disable';
import { BROKEN_SITE_LINK, DUPLICATE_POST, RULE_CHECKS, RULES, THANKS_VS_GIT } from './index';
import { checkThanksAgainstGit, type ReleasePeople } from './thanksGit';
import { checkDuplicatePosts, type PostClaim } from './duplicates';
import { collectProse, type ProseBlock } from './prose';
import type { Finding, Problem, RuleInput, Severity } from './types';
import { checkSiteLinks } from '../site/siteLinks';
import type { TextPosition, TextRange } from '../text/text';

export { fixAll } from './fixes';
export type { Fix, Problem, RuleMeta, Severity, TextEdit } from './types';

/** What the caller knows beyond the post itself. */
export interface LintContext {
  /** Whether a site-root URL path (`/blog/x/`, `/assets/img/x.png`) leads to a page or file of the site. */
  siteLinkExists?: (urlPath: string) => boolean;
  /** The site's other posts, for `duplicate-post`: what URL and release each claims. */
  otherPosts?: PostClaim[];
  /** The people of the post's release range in git, when the repository and the range are known. */
  releasePeople?: ReleasePeople;
}

/** Rule of a file too large to check: reported instead of the other rules. */
export const LARGE_FILE_RULE = 'file-too-large';

const DEFAULT_SEVERITY = new Map(RULES.map((r) => [r.name, r.defaultSeverity]));

/** The severity a rule has under this profile, or undefined when it is off. */
export function ruleSeverity(profile: SiteProfile, rule: string): Severity | undefined {
  const configured = profile.rules[rule];
  if (configured === 'off') return undefined;
  return configured ?? DEFAULT_SEVERITY.get(rule) ?? 'warning';
}

/**
 * Checks one parsed post against every rule of the profile. `fileName` is the post's file name (folders allowed).
 * Never throws; every range lies inside the document; problems come in document order.
 */
export function lintPost(post: ParsedPost, fileName: string, profile: SiteProfile, context?: LintContext): Problem[] {
  let prose: ProseBlock[] | undefined;
  const input: RuleInput = { post, fileName, profile, prose: () => (prose ??= collectProse(post, fileName)) };
  const problems: Problem[] = [];
  const disabled = new DisableComments(post);
  const add = (findings: Finding[], severity: Severity) => {
    for (const f of findings) {
      const range = clampRange(post, f.range);
      if (!disabled.isEmpty && disabled.isDisabled(f.rule, range.start.line)) continue;
      problems.push({ ...f, severity, range });
    }
  };
  for (const { name, check } of RULE_CHECKS) {
    const severity = ruleSeverity(profile, name);
    if (!severity) continue;
    add(runCheck(name, () => check(input)), severity);
  }
  const siteLinkSeverity = ruleSeverity(profile, BROKEN_SITE_LINK);
  if (siteLinkSeverity && context?.siteLinkExists) add(runCheck(BROKEN_SITE_LINK, () => brokenSiteLinks(post, context.siteLinkExists!)), siteLinkSeverity);
  const thanksSeverity = ruleSeverity(profile, THANKS_VS_GIT);
  if (thanksSeverity && context?.releasePeople) add(runCheck(THANKS_VS_GIT, () => checkThanksAgainstGit(post, context.releasePeople!)), thanksSeverity);
  const duplicateSeverity = ruleSeverity(profile, DUPLICATE_POST);
  if (duplicateSeverity && context?.otherPosts) {
    add(runCheck(DUPLICATE_POST, () => checkDuplicatePosts(post, fileName, profile, context.otherPosts!)), duplicateSeverity);
  }
  return problems.sort(compareProblems);
}

/** `broken-site-link`: site-root links of the body that match no page or file of the site. */
function brokenSiteLinks(post: ParsedPost, exists: (urlPath: string) => boolean): Finding[] {
  return checkSiteLinks(post, exists).map((b) => ({ rule: BROKEN_SITE_LINK, message: b.message, range: b.range }));
}

/** A rule that fails is reported as one problem of its own; the other rules still run. */
function runCheck(name: string, check: () => Finding[]): Finding[] {
  try {
    return check();
  } catch (err) {
    const reason = err instanceof Error ? err.message.split('\n')[0] : String(err);
    return [{ rule: name, message: `the rule ${name} could not check this post (${reason})`, range: ZERO_RANGE }];
  }
}

const ZERO_RANGE: TextRange = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** The one problem shown for a file above the size cap, instead of checking it. */
export function largeFileProblem(limitDescription: string): Problem {
  return {
    rule: LARGE_FILE_RULE,
    severity: 'info',
    message: `this file is larger than ${limitDescription}, so it was not checked`,
    range: ZERO_RANGE,
  };
}

function clampPosition(post: ParsedPost, p: TextPosition): TextPosition {
  return post.lines.positionAt(post.lines.offsetAt(p));
}

function clampRange(post: ParsedPost, range: TextRange): TextRange {
  const start = clampPosition(post, range.start);
  const end = clampPosition(post, range.end);
  const backwards = end.line < start.line || (end.line === start.line && end.character < start.character);
  return backwards ? { start, end: start } : { start, end };
}

function compareProblems(a: Problem, b: Problem): number {
  return (
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0)
  );
}
