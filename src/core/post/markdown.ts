import MarkdownItCtor, { type Env, type MarkdownIt, type StateCore, type Token } from 'markdown-it';
import { createSanitizeState, sanitizeHtml, type SanitizeState, type UrlRewriter } from '../preview/sanitize';

/**
 * How deep blocks and inline spans may nest (markdown-it's default is 100). Each level of a block quote scans the
 * lines that follow it for lazy continuation, so the work is depth × lines: a line of 20,000 `>` before 36,000 lines
 * of text took 2.3 s of CPU time at 100 levels and 0.86 s at 32 (the text alone, 0.69 s). A post nests lists and
 * quotes a few levels deep; content nested deeper than this is left out of the preview.
 */
const MAX_NESTING = 32;

/**
 * The one markdown-it set-up shared by the linter and the preview, close to the site's engine (Discount with
 * SmartyPants): raw HTML passes through (sanitised when rendered), bare URLs are not linked, tables and fenced
 * code are on. Typography is SmartyPants': curly quotes, `--` en dash, `---` em dash, `...` ellipsis, and none of
 * markdown-it's other replacements ((c), (tm), +-, `??????`, `,,`).
 */
export function createMarkdown(): MarkdownIt {
  const md = new MarkdownItCtor({ html: true, linkify: false, typographer: true, maxNesting: MAX_NESTING });
  md.core.ruler.disable('replacements');
  md.core.ruler.after('replacements', 'smartypants_punctuation', smartyPunctuation);
  md.renderer.rules.html_block = (tokens, idx, _options, env) => renderRawHtml(tokens[idx], env, true);
  md.renderer.rules.html_inline = (tokens, idx, _options, env) => renderRawHtml(tokens[idx], env, false);
  const fence = md.renderer.rules.fence;
  if (fence) {
    // The preview's block attributes belong on the <pre>, the block, not on the <code> markdown-it gives attrs to.
    md.renderer.rules.fence = (tokens, idx, options, env, self) => {
      const html = fence(tokens, idx, options, env, self);
      const extra = blockAttributesOf(tokens[idx]);
      if (!extra || !html.startsWith('<pre')) return html;
      return '<pre' + extra.map(([name, value]) => ` ${name}="${md.utils.escapeHtml(value)}"`).join('') + html.slice(4);
    };
  }
  return md;
}

let shared: MarkdownIt | undefined;

export function sharedMarkdown(): MarkdownIt {
  shared ??= createMarkdown();
  return shared;
}

/** What the renderer reads from `env` when a post is rendered for the preview. */
export interface RenderEnv extends Env {
  /** Shared by every raw-HTML fragment of one render, so tags opened in one fragment can close in another. */
  sanitizeState?: SanitizeState;
  rewriteUrl?: UrlRewriter;
}

/**
 * Attributes the preview puts on a block it renders specially (a fence's <pre>, the first element of an HTML
 * block), kept in `token.meta` because markdown-it would put `token.attrs` elsewhere or nowhere.
 */
export function blockAttributesOf(token: Token): [string, string][] | undefined {
  const meta = token.meta as { previewAttrs?: [string, string][] } | null | undefined;
  return meta?.previewAttrs;
}

function renderRawHtml(token: Token, env: unknown, block: boolean): string {
  const renderEnv = (env && typeof env === 'object' ? env : {}) as RenderEnv;
  // One state per render, kept in its env, so a tag opened by one fragment can be closed by a later one.
  renderEnv.sanitizeState ??= createSanitizeState();
  return sanitizeHtml(token.content, {
    state: renderEnv.sanitizeState,
    rewriteUrl: renderEnv.rewriteUrl,
    firstTagAttrs: block ? blockAttributesOf(token) : undefined,
  });
}

// Discount's order: the longest dash first, so `---` is never read as `--` plus `-`.
const PUNCTUATION = /---|--|\.\.\.|\. \. \./g;
const PUNCTUATION_TEST = /--|\.\.\.|\. \. \./;

function punctuationFor(match: string): string {
  if (match === '---') return '\u2014';
  if (match === '--') return '\u2013';
  return '\u2026';
}

/** Dashes and ellipses in text, never inside code spans or autolinks (markdown-it keeps those out of `text`). */
function smartyPunctuation(state: StateCore): void {
  if (!state.md.options.typographer) return;
  for (const block of state.tokens) {
    if (block.type !== 'inline' || !block.children || !PUNCTUATION_TEST.test(block.content)) continue;
    let insideAutolink = 0;
    for (const token of block.children) {
      if (token.type === 'link_open' && token.info === 'auto') insideAutolink++;
      else if (token.type === 'link_close' && token.info === 'auto') insideAutolink--;
      else if (token.type === 'text' && insideAutolink === 0 && PUNCTUATION_TEST.test(token.content)) {
        token.content = token.content.replace(PUNCTUATION, punctuationFor);
      }
    }
  }
}
