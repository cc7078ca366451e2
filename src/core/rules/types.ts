import type { ParsedPost } from '../post/parse';
import type { SiteProfile } from '../site/profile';
import type { TextRange } from '../text/text';
import type { ProseBlock } from './prose';

export type Severity = 'error' | 'warning' | 'info';

export interface TextEdit {
  range: TextRange;
  newText: string;
}

/**
 * A quick fix: text edits in the post, or a new base name for the post's file. `byHand` marks an edit that guesses
 * what the author meant: the editor offers it, "fix all" and `lint --fix` never apply it.
 */
export type Fix = { title: string; edits: TextEdit[]; byHand?: boolean } | { title: string; rename: string };

export interface Problem {
  rule: string;
  severity: Severity;
  message: string;
  range: TextRange;
  fixes?: Fix[];
}

/** What a rule reports; the severity comes later, from the profile. */
export type Finding = Omit<Problem, 'severity'>;

export interface RuleMeta {
  name: string;
  defaultSeverity: Severity;
  description: string;
}

/** What every rule reads: one parse of the post, shared. */
export interface RuleInput {
  post: ParsedPost;
  fileName: string;
  profile: SiteProfile;
  /** Prose of the body (paragraphs, headings, list items, table rows), each block once, code spans blanked. */
  prose(): ProseBlock[];
}

export type RuleCheck = (input: RuleInput) => Finding[];
