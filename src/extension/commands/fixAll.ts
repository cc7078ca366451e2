import * as vscode from 'vscode';
import { autoFix } from '../../core/rules/fixes';
import type { Problem } from '../../core/rules/lint';
import type { PostDiagnostics } from '../diagnostics';
import { planFixAll } from '../quickFixes';

/**
 * "Fix All Problems in This Post": applies every clear fix at once, as one undoable edit, and says what it fixed and
 * what is left for a person.
 */
export function registerFixAll(diagnostics: PostDiagnostics): vscode.Disposable {
  return vscode.commands.registerCommand('releasePost.fixAll', async () => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== 'markdown') {
      void vscode.window.showInformationMessage('Open a post in the editor to fix its problems.');
      return undefined;
    }
    const problems = await diagnostics.lintNow(editor.document);
    if (!problems.length) {
      void vscode.window.showInformationMessage('Release Post found no problem in this post.');
      return '';
    }
    const plan = planFixAll(editor.document, problems);
    // What is left is what the fixed post has: closing its front matter can show problems the broken one hid.
    const left = plan.edit.size > 0 && (await vscode.workspace.applyEdit(plan.edit)) ? await diagnostics.lintNow(editor.document) : plan.left;
    const message = fixAllReport(plan.fixed, left);
    void vscode.window.showInformationMessage(message);
    return message;
  });
}

/**
 * "Fixed 2 problems (placeholder, glued-link). 1 problem is left to you (empty-link): see the Problems panel." Problems
 * that have a clear fix but showed up only after these fixes (the fields of a front matter just closed) are named
 * apart: running Fix All again fixes them.
 */
export function fixAllReport(fixed: Problem[], left: Problem[]): string {
  const parts: string[] = [];
  parts.push(fixed.length ? `Fixed ${count(fixed.length, 'problem')} (${rules(fixed)}).` : 'Release Post has no automatic fix for the problems in this post.');
  const again = fixed.length ? left.filter((p) => autoFix(p)) : [];
  const byHand = left.filter((p) => !again.includes(p));
  if (again.length) parts.push(`${count(again.length, 'more problem')} (${rules(again)}) can now be fixed: run Fix All again.`);
  if (byHand.length) parts.push(`${count(byHand.length, 'problem')} ${byHand.length === 1 ? 'is' : 'are'} left to you (${rules(byHand)}): see the Problems panel.`);
  return parts.join(' ');
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function rules(problems: Problem[]): string {
  return [...new Set(problems.map((p) => p.rule))].join(', ');
}
