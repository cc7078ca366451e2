import * as path from 'node:path';
import * as vscode from 'vscode';
import { autoFix, chooseFixes } from '../core/rules/fixes';
import type { Fix, Problem } from '../core/rules/lint';
import { toRange } from './convert';
import { DIAGNOSTIC_SOURCE, type PostDiagnostics } from './diagnostics';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('releasePost');
const FIX_ALL_TITLE = 'Fix all Release Post problems in this file';

/**
 * Quick fixes for the problems the diagnostics found: each problem's own fixes, "disable this rule for this line" and
 * "for this file", and "fix all". The lightbulb only accepts quick fixes, so there "fix all" is a quick fix too; the
 * `source.fixAll.releasePost` action is returned only when that kind is asked for (on save, Fix All commands).
 */
export class PostQuickFixes implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND],
  };

  constructor(private readonly diagnostics: PostDiagnostics) {}

  provideCodeActions(
    document: vscode.TextDocument,
    _range: vscode.Range,
    context: vscode.CodeActionContext,
  ): vscode.CodeAction[] {
    const problems = this.diagnostics.problemsFor(document);
    if (context.only && (context.only.contains(FIX_ALL_KIND) || FIX_ALL_KIND.contains(context.only))) {
      const all = fixAllAction(document, problems, FIX_ALL_KIND);
      return all ? [all] : [];
    }
    if (context.only && !vscode.CodeActionKind.QuickFix.contains(context.only) && !context.only.contains(vscode.CodeActionKind.QuickFix)) return [];
    const actions: vscode.CodeAction[] = [];
    const disables: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
      const problem = problems.find((p) => matches(p, diagnostic));
      if (!problem) continue;
      for (const fix of problem.fixes ?? []) {
        const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        action.diagnostics = [diagnostic];
        action.edit = toWorkspaceEdit(document, fix);
        action.isPreferred = problem.fixes!.length === 1 && !('byHand' in fix && fix.byHand);
        actions.push(action);
      }
      disables.push(...disableActions(document, problem, diagnostic));
    }
    if (actions.length && countEdits(problems) > 1) {
      const all = fixAllAction(document, problems, vscode.CodeActionKind.QuickFix);
      if (all) actions.push(all);
    }
    return [...actions, ...disables];
  }
}

/**
 * The problem behind a diagnostic: same rule, same place. Not the message: a re-check after a config change can
 * reword it before the Problems panel catches up, and the fix (made for this document version) is still right.
 */
function matches(problem: Problem, diagnostic: vscode.Diagnostic): boolean {
  const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
  return code === problem.rule && toRange(problem.range).isEqual(diagnostic.range);
}

/**
 * `<!-- release-post-disable-next-line rule -->` above a body line, and `<!-- release-post-disable rule -->` at the
 * start of the body for the whole file. Front matter cannot hold an HTML comment, so its problems get the file one.
 */
function disableActions(document: vscode.TextDocument, problem: Problem, diagnostic: vscode.Diagnostic): vscode.CodeAction[] {
  const actions: vscode.CodeAction[] = [];
  const bodyStart = bodyStartLine(document);
  const line = problem.range.start.line;
  if (line >= bodyStart && line < document.lineCount) {
    const indent = /^[ \t]*/.exec(document.lineAt(line).text)![0];
    const edit = new vscode.WorkspaceEdit();
    edit.insert(document.uri, new vscode.Position(line, 0), `${indent}<!-- release-post-disable-next-line ${problem.rule} -->${eol(document)}`);
    const action = new vscode.CodeAction(`Disable ${problem.rule} for this line`, vscode.CodeActionKind.QuickFix);
    action.diagnostics = [diagnostic];
    action.edit = edit;
    actions.push(action);
  }
  const edit = new vscode.WorkspaceEdit();
  const at = Math.min(bodyStart, document.lineCount);
  const text = `<!-- release-post-disable ${problem.rule} -->${eol(document)}`;
  if (at >= document.lineCount) edit.insert(document.uri, document.lineAt(document.lineCount - 1).range.end, eol(document) + text);
  else edit.insert(document.uri, new vscode.Position(at, 0), text);
  const action = new vscode.CodeAction(`Disable ${problem.rule} for this file`, vscode.CodeActionKind.QuickFix);
  action.diagnostics = [diagnostic];
  action.edit = edit;
  actions.push(action);
  return actions;
}

/** The first line after the front matter's closing `---` (0 when the post has none or it never closes). */
function bodyStartLine(document: vscode.TextDocument): number {
  if (!/^(\uFEFF)?---\s*$/.test(document.lineAt(0).text)) return 0;
  for (let l = 1; l < document.lineCount; l++) if (/^(---|\.\.\.)\s*$/.test(document.lineAt(l).text)) return l + 1;
  return 0;
}

function eol(document: vscode.TextDocument): string {
  return document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
}

function toWorkspaceEdit(document: vscode.TextDocument, fix: Fix): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  if ('rename' in fix) {
    const target = vscode.Uri.file(path.join(path.dirname(document.uri.fsPath), fix.rename));
    edit.renameFile(document.uri, target, { overwrite: false, ignoreIfExists: false });
  } else {
    for (const e of fix.edits) edit.replace(document.uri, toRange(e.range), e.newText);
  }
  return edit;
}

function countEdits(problems: Problem[]): number {
  return problems.filter((p) => autoFix(p)).length;
}

/** What fix-all does to a post: the edit, and the problems it fixes and leaves. */
export interface FixAllPlan {
  edit: vscode.WorkspaceEdit;
  fixed: Problem[];
  left: Problem[];
}

/** Every problem's first text fix whose edits do not overlap an earlier one (n log n); renames are left to the user. */
export function planFixAll(document: vscode.TextDocument, problems: Problem[]): FixAllPlan {
  const edit = new vscode.WorkspaceEdit();
  const chosen = chooseFixes(problems);
  for (const c of chosen) {
    for (const e of c.edits) edit.replace(document.uri, toRange(e.range), e.newText);
  }
  const fixedSet = new Set(chosen.map((c) => c.problem));
  return { edit, fixed: problems.filter((p) => fixedSet.has(p)), left: problems.filter((p) => !fixedSet.has(p)) };
}

export function fixAllEdit(document: vscode.TextDocument, problems: Problem[]): vscode.WorkspaceEdit {
  return planFixAll(document, problems).edit;
}

function fixAllAction(document: vscode.TextDocument, problems: Problem[], kind: vscode.CodeActionKind): vscode.CodeAction | undefined {
  const edit = fixAllEdit(document, problems);
  if (edit.size === 0) return undefined;
  const action = new vscode.CodeAction(FIX_ALL_TITLE, kind);
  action.edit = edit;
  return action;
}
