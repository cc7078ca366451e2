import * as path from 'node:path';
import * as vscode from 'vscode';
import { completePost, type CompletionEntry } from '../core/writing/completions';
import { hoverPost } from '../core/writing/hover';
import { defaultProfile } from '../core/site/profile';
import { emptySiteIndex, resolveSiteUrl } from '../core/site/siteIndex';
import { findSiteLinks } from '../core/site/siteLinks';
import { fromPosition, toRange } from './convert';
import type { PostDiagnostics } from './diagnostics';
import type { PostCache } from './postCache';
import { tooLargeForLiveWork } from './settings';
import type { SiteService } from './siteService';

const MARKDOWN: vscode.DocumentSelector = [
  { language: 'markdown', scheme: 'file' },
  { language: 'markdown', scheme: 'untitled' },
];

const KINDS: Record<CompletionEntry['kind'], vscode.CompletionItemKind> = {
  field: vscode.CompletionItemKind.Property,
  value: vscode.CompletionItemKind.Value,
  author: vscode.CompletionItemKind.User,
  tag: vscode.CompletionItemKind.Keyword,
  link: vscode.CompletionItemKind.Reference,
  image: vscode.CompletionItemKind.File,
  file: vscode.CompletionItemKind.File,
};


/** Completions, hovers and Ctrl+click links in posts, all from the core's logic over the shared parse. */
export function registerLanguageFeatures(cache: PostCache, sites: SiteService, diagnostics: PostDiagnostics): vscode.Disposable {
  // Above the size cap the features stay quiet rather than keep the extension host busy on every hover; so they do
  // on a large post until its check (on the check worker) shows that it parses quickly.
  const context = async (document: vscode.TextDocument) => {
    if (tooLargeForLiveWork(document) || !diagnostics.quickToParse(document)) return undefined;
    const site = await sites.siteLearned(document.uri);
    const index = site ? await sites.index(site).catch(() => undefined) : undefined;
    return { site, index: index ?? emptySiteIndex(), profile: site?.profile ?? defaultProfile(), post: cache.get(document) };
  };
  const fileName = (document: vscode.TextDocument) => path.basename(document.uri.fsPath || document.uri.path);

  const completion = vscode.languages.registerCompletionItemProvider(
    MARKDOWN,
    {
      async provideCompletionItems(document, position, _token, completionContext) {
        // A space or comma asks for values only in the front matter; in the body it is just typing.
        const typed = completionContext.triggerCharacter;
        if ((typed === ' ' || typed === ',') && !inFrontMatter(document, position.line)) return undefined;
        if (typed && DIGIT.test(typed) && !inSiteLinkTarget(document, position)) return undefined;
        const ctx = await context(document);
        if (!ctx) return undefined;
        const { post, profile, index } = ctx;
        const result = completePost(post, fromPosition(position), fileName(document), profile, index);
        if (!result) return undefined;
        const range = toRange(result.range);
        return result.items.map((entry) => toCompletionItem(entry, range));
      },
    },
    ':',
    ' ',
    '/',
    ',',
    '(',
    '"',
    // While suggestions show, VS Code refilters them on each key, except on a key that starts or extends a word of
    // digits: typing `mesos-1-10` after `](/blog/` left the list as filtered by `mesos-1-`, with 1.11.0 on top. A
    // digit in a site link's target asks again, so the list follows what was typed.
    ...'0123456789',
  );

  const hover = vscode.languages.registerHoverProvider(MARKDOWN, {
    async provideHover(document, position) {
      const ctx = await context(document);
      if (!ctx) return undefined;
      const { post, profile, index } = ctx;
      const result = hoverPost(post, fromPosition(position), fileName(document), profile, index);
      if (!result) return undefined;
      return new vscode.Hover(new vscode.MarkdownString(result.markdown), toRange(result.range));
    },
  });

  const links = vscode.languages.registerDocumentLinkProvider(MARKDOWN, {
    async provideDocumentLinks(document) {
      const ctx = await context(document);
      if (!ctx?.site) return [];
      const { site, post, index } = ctx;
      const found: vscode.DocumentLink[] = [];
      for (const link of findSiteLinks(post)) {
        const target = resolveSiteUrl(index, link.href);
        if (!target) continue;
        const dl = new vscode.DocumentLink(toRange(link.range), vscode.Uri.file(path.join(site.root, target)));
        dl.tooltip = `Open ${target}`;
        found.push(dl);
      }
      return found;
    },
  });

  return vscode.Disposable.from(completion, hover, links);
}

const DIGIT = /^[0-9]$/;
/** The cursor is in the target of a site-root link being typed: `](/blog/mesos-1-1`, `href="/…`, `[ref]: /…`. */
const SITE_LINK_TARGET = /(\]\([ \t]*<?|\s(?:href|src)[ \t]*=[ \t]*["']|^ {0,3}\[[^\]]+\]:[ \t]*<?)\/[^\s()<>"']*$/i;

function inSiteLinkTarget(document: vscode.TextDocument, position: vscode.Position): boolean {
  const before = document.lineAt(position.line).text.slice(Math.max(0, position.character - 1000), position.character);
  return SITE_LINK_TARGET.test(before);
}

/** Whether a line lies between the opening `---` and its closing line, read without parsing the post. */
function inFrontMatter(document: vscode.TextDocument, line: number): boolean {
  if (!/^(\uFEFF)?---\s*$/.test(document.lineAt(0).text)) return false;
  for (let l = 1; l < line; l++) if (/^---\s*$/.test(document.lineAt(l).text)) return false;
  return line > 0;
}

function toCompletionItem(entry: CompletionEntry, range: vscode.Range): vscode.CompletionItem {
  const item = new vscode.CompletionItem(entry.label, KINDS[entry.kind]);
  item.insertText = entry.isSnippet ? new vscode.SnippetString(entry.insertText) : entry.insertText;
  item.range = entry.range ? toRange(entry.range) : range;
  if (entry.filterText !== undefined) item.filterText = entry.filterText;
  if (entry.detail) item.detail = entry.detail;
  if (entry.documentation) item.documentation = new vscode.MarkdownString(entry.documentation);
  if (entry.sortText) item.sortText = entry.sortText;
  // Choosing a key such as `tags: ` opens the list of its values straight away.
  if (entry.retrigger) item.command = { command: 'editor.action.triggerSuggest', title: 'Suggest values' };
  if (entry.additionalEdits?.length) {
    item.additionalTextEdits = entry.additionalEdits.map((e) => vscode.TextEdit.replace(toRange(e.range), e.newText));
  }
  return item;
}
