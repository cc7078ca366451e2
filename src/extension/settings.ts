import * as vscode from 'vscode';
import type { RuleSeverity, SiteProfile } from '../core/site/profile';

export const SECTION = 'releasePost';

export interface LintSettings {
  enabled: boolean;
  delayMs: number;
  maxFileSizeKiB: number;
  /** Budget of a check run on the check worker, in milliseconds. */
  timeoutMs: number;
  rules: Record<string, RuleSeverity>;
}

export function lintSettings(scope?: vscode.Uri): LintSettings {
  const c = vscode.workspace.getConfiguration(SECTION, scope);
  return {
    enabled: c.get<boolean>('lint.enabled', true),
    delayMs: clamp(c.get<number>('lint.delay', 300), 0, 5000),
    maxFileSizeKiB: clamp(c.get<number>('lint.maxFileSize', 1024), 16, 100 * 1024),
    timeoutMs: clamp(c.get<number>('lint.timeout', 3000), 100, 600000),
    rules: c.get<Record<string, RuleSeverity>>('rules', {}),
  };
}

/** The site's profile with rule severities from the editor's settings laid over the config file's. */
export function withEditorRules(profile: SiteProfile, rules: Record<string, RuleSeverity>): SiteProfile {
  if (!Object.keys(rules).length) return profile;
  return { ...profile, rules: { ...profile.rules, ...rules } };
}

function clamp(n: number, lo: number, hi: number): number {
  return Number.isFinite(n) ? Math.min(hi, Math.max(lo, n)) : lo;
}

/** True when a document is above the size that is worked on while typing (`releasePost.lint.maxFileSize`). */
export function tooLargeForLiveWork(document: { getText(): string; uri: vscode.Uri }): boolean {
  return document.getText().length > lintSettings(document.uri).maxFileSizeKiB * 1024;
}
