import * as vscode from 'vscode';
import type { TextPosition, TextRange } from '../core/text/text';

export function toPosition(p: TextPosition): vscode.Position {
  return new vscode.Position(p.line, p.character);
}

export function toRange(r: TextRange): vscode.Range {
  return new vscode.Range(toPosition(r.start), toPosition(r.end));
}

export function fromPosition(p: vscode.Position): TextPosition {
  return { line: p.line, character: p.character };
}
