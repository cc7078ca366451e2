import MarkdownItCtor, { type MarkdownIt } from 'markdown-it';

/**
 * The one markdown-it set-up shared by the linter and the preview, close to the site's engine (Discount with
 * SmartyPants): raw HTML passes through (the preview sanitises it), bare URLs are not linked, tables and fenced
 * code are on, typography is SmartyPants-like.
 */
export function createMarkdown(): MarkdownIt {
  return new MarkdownItCtor({ html: true, linkify: false, typographer: true });
}

let shared: MarkdownIt | undefined;

export function sharedMarkdown(): MarkdownIt {
  shared ??= createMarkdown();
  return shared;
}
