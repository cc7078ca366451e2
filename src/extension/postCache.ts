import * as vscode from 'vscode';
import { parsePost, type ParsedPost } from '../core/post/parse';

interface Entry {
  version: number;
  post: ParsedPost;
}

/**
 * One parse per document version, shared by diagnostics, the preview and the language features.
 * Entries go away with their document.
 */
export class PostCache implements vscode.Disposable {
  private readonly entries = new Map<string, Entry>();
  private readonly subscription: vscode.Disposable;

  constructor() {
    this.subscription = vscode.workspace.onDidCloseTextDocument((doc) => this.entries.delete(doc.uri.toString()));
  }

  get(document: vscode.TextDocument): ParsedPost {
    const key = document.uri.toString();
    const hit = this.entries.get(key);
    if (hit && hit.version === document.version) return hit.post;
    const post = parsePost(document.getText());
    this.entries.set(key, { version: document.version, post });
    return post;
  }

  dispose(): void {
    this.subscription.dispose();
    this.entries.clear();
  }
}
