import * as path from 'node:path';
import * as vscode from 'vscode';
import { chooseFixes } from '../core/rules/fixes';
import type { Fix, Problem } from '../core/rules/lint';
import { toRange } from './convert';
import { DIAGNOSTIC_SOURCE, type PostDiagnostics } from './diagnostics';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('releasePost');

/** Quick fixes for the problems the diagnostics found, one per fix, plus "fix all" for the file. */
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
    if (context.only && FIX_ALL_KIND.contains(context.only)) {
      const all = fixAllAction(document, problems);
      return all ? [all] : [];
    }
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
      const problem = problems.find((p) => matches(p, diagnostic));
      for (const fix of problem?.fixes ?? []) {
        const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        action.diagnostics = [diagnostic];
        action.edit = toWorkspaceEdit(document, fix);
        action.isPreferred = problem!.fixes!.length === 1;
        actions.push(action);
      }
    }
    if (actions.length) {
      const all = fixAllAction(document, problems);
      if (all && all.edit!.size > 0 && countEdits(problems) > 1) actions.push(all);
    }
    return actions;
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
  return problems.filter((p) => p.fixes?.some((f) => 'edits' in f)).length;
}

/** Every problem's first text fix whose edits do not overlap an earlier one (n log n); renames are left to the user. */
export function fixAllEdit(document: vscode.TextDocument, problems: Problem[]): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const chosen of chooseFixes(problems)) {
    for (const e of chosen.edits) edit.replace(document.uri, toRange(e.range), e.newText);
  }
  return edit;
}

function fixAllAction(document: vscode.TextDocument, problems: Problem[]): vscode.CodeAction | undefined {
  const edit = fixAllEdit(document, problems);
  if (edit.size === 0) return undefined;
  const action = new vscode.CodeAction('Fix all Release Post problems in this file', FIX_ALL_KIND);
  action.edit = edit;
  return action;
}
