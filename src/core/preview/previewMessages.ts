/**
 * Messages between the preview's webview and the extension. Types only: shared by both sides, and both check
 * `type` (and field types) before acting, since a message is only data from the other side.
 */

/** Extension -> webview: new content for the page, swapped in place (no reload, scroll kept). */
export interface UpdateMessage {
  type: 'update';
  /** Inner HTML of the content root (`[data-rp-content]`), from `renderPostContent().html`. */
  html: string;
  /** Plain text for the document title. */
  title: string;
  /** Inner HTML of the banner; empty or absent hides it. */
  banner?: string;
  /** The post's document URI, kept in the saved state (the post may change without a reload). */
  uri?: string;
  /** Document line to bring to the top after the swap; without it the line at the top stays there. */
  line?: number;
  /** The post's file name, for the footer's "Preview of ..." (the post may change without a reload). */
  fileName?: string;
}

/** Extension -> webview: bring this document line to the top of the page. */
export interface ScrollToLineMessage {
  type: 'scrollToLine';
  line: number;
}

/**
 * Extension -> webview: the site's CSS, built off the extension host's thread after the page was shown with a plain
 * style; it replaces the page's site style element (allowed by the page's nonce), with no reload.
 */
export interface StylesMessage {
  type: 'styles';
  css: string;
}

export type ToWebview = UpdateMessage | ScrollToLineMessage | StylesMessage;

/** Webview -> extension: the user scrolled the page; this document line is now at its top. */
export interface RevealLineMessage {
  type: 'revealLine';
  line: number;
}

/** Webview -> extension: the user double-clicked the block that starts at this document line. */
export interface OpenLineMessage {
  type: 'openLine';
  line: number;
}

/** Webview -> extension: the user clicked a link; the page never follows links itself. */
export interface OpenLinkMessage {
  type: 'openLink';
  href: string;
}

/** Webview -> extension: the page has loaded and listens for messages. */
export interface ReadyMessage {
  type: 'ready';
}

/** Webview -> extension: the user clicked "Load remote images for this post". */
export interface LoadRemoteImagesMessage {
  type: 'loadRemoteImages';
}

export type FromWebview = RevealLineMessage | OpenLineMessage | OpenLinkMessage | ReadyMessage | LoadRemoteImagesMessage;

/** What the webview saves with `setState`; VS Code hands it back to the panel serializer after a reload. */
export interface PreviewWebviewState {
  uri?: string;
  line?: number;
}
