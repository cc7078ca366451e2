/**
 * The preview page's script: swaps in new content sent by the extension, keeps scroll in step with the editor
 * both ways, and hands every link click to the extension (the page never navigates).
 */
import type { FromWebview, PreviewWebviewState, ScrollToLineMessage, StylesMessage, UpdateMessage } from '../core/preview/previewMessages';
import { patchHtml } from './patch';
import { blockAtTop, lineAtPosition, positionOfLine, stickyOffset } from './scrollSync';

interface VsCodeApi {
  postMessage(message: FromWebview): void;
  getState(): unknown;
  setState(state: PreviewWebviewState): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();

/** Scroll events this long after a scroll we made ourselves are its echo, not the user's. */
const ECHO_MS = 150;
const SCROLL_THROTTLE_MS = 50;

const state: PreviewWebviewState = { uri: document.body.dataset.rpUri };
let ignoreScrollUntil = 0;
let scrollTimer: number | undefined;
let lastRevealed: number | undefined;
let userScrolled = false;

function saveState(line: number): void {
  state.line = line;
  vscode.setState({ ...state });
}

function topLine(): number {
  return lineAtPosition(window.scrollY + stickyOffset());
}

function scrollToLine(line: number): void {
  ignoreScrollUntil = performance.now() + ECHO_MS;
  const y = positionOfLine(line) - stickyOffset();
  window.scrollTo(0, Math.max(0, Math.round(y)));
  saveState(line);
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function isUpdate(message: Record<string, unknown>): message is Record<string, unknown> & UpdateMessage {
  return (
    message.type === 'update' &&
    typeof message.html === 'string' &&
    typeof message.title === 'string' &&
    (message.banner === undefined || typeof message.banner === 'string') &&
    (message.uri === undefined || typeof message.uri === 'string') &&
    (message.line === undefined || isFiniteNumber(message.line)) &&
    (message.fileName === undefined || typeof message.fileName === 'string')
  );
}

function isScrollToLine(message: Record<string, unknown>): message is Record<string, unknown> & ScrollToLineMessage {
  return message.type === 'scrollToLine' && isFiniteNumber(message.line);
}

function isStyles(message: Record<string, unknown>): message is Record<string, unknown> & StylesMessage {
  return message.type === 'styles' && typeof message.css === 'string';
}

/** The first block that starts at or below the top of the viewport (the top falls between two blocks). */
function blockBelowTop(): HTMLElement | undefined {
  const top = stickyOffset();
  for (const element of document.querySelectorAll<HTMLElement>('[data-rp-body] [data-line]')) {
    if (element.getBoundingClientRect().top >= top) return element;
  }
  return undefined;
}

/** The site's CSS arrived: it fills the page's site style element (nonce'd when the page loaded), in place. */
function applyStyles(message: StylesMessage): void {
  const style = document.querySelector('style[data-rp-site-css]');
  if (!style) return;
  // The new styles move every block: the block at the top stays there (as after an update).
  const anchor = window.scrollY > 0 ? (blockAtTop() ?? blockBelowTop()) : undefined;
  const anchorTop = (anchor?.getBoundingClientRect().top ?? 0) - stickyOffset();
  if (style.textContent !== message.css) style.textContent = message.css;
  // Our imitation of the site gives way to the site's own CSS; it stays when the site has none.
  const fallback = document.querySelector<HTMLLinkElement>('link[data-rp-fallback-css]');
  if (fallback) fallback.disabled = message.css.trim() !== '';
  delete document.body.dataset.rpStyles;
  if (anchor?.isConnected) {
    scrollBy(anchor.getBoundingClientRect().top - stickyOffset() - anchorTop);
    saveState(topLine());
  }
}

function scrollBy(dy: number): void {
  if (Math.abs(dy) < 0.5) return;
  ignoreScrollUntil = performance.now() + ECHO_MS;
  window.scrollBy(0, dy);
}

function applyUpdate(message: UpdateMessage): void {
  const root = document.querySelector('[data-rp-content]');
  if (!root) return;
  const otherPost = message.uri !== undefined && message.uri !== state.uri;
  const atTop = window.scrollY <= 0;
  // The block at the top stays where it is when the patch keeps it (text changed above or below it).
  const anchor = otherPost || atTop ? undefined : blockAtTop();
  // Measured below the banner, whose height may change with the update.
  const anchorTop = (anchor?.getBoundingClientRect().top ?? 0) - stickyOffset();
  const lineBefore = otherPost || atTop ? undefined : topLine();
  patchHtml(root, message.html);
  document.title = message.title;
  const banner = document.querySelector('[data-rp-banner]');
  if (banner && banner.innerHTML !== (message.banner ?? '')) banner.innerHTML = message.banner ?? '';
  if (message.uri !== undefined) state.uri = message.uri;
  const file = document.querySelector('.rp-file');
  if (file && message.fileName !== undefined) file.textContent = message.fileName;
  if (message.line !== undefined) scrollToLine(message.line);
  else if (otherPost) scrollToLine(0);
  else if (anchor?.isConnected) {
    scrollBy(anchor.getBoundingClientRect().top - stickyOffset() - anchorTop);
    saveState(topLine());
  } else if (lineBefore !== undefined) scrollToLine(lineBefore);
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = event.data;
  if (typeof message !== 'object' || message === null) return;
  const record = message as Record<string, unknown>;
  if (isUpdate(record)) applyUpdate(record);
  else if (isScrollToLine(record)) scrollToLine(record.line);
  else if (isStyles(record)) applyStyles(record);
});

window.addEventListener(
  'scroll',
  () => {
    if (performance.now() < ignoreScrollUntil) return;
    userScrolled = true;
    if (scrollTimer !== undefined) return;
    scrollTimer = window.setTimeout(() => {
      scrollTimer = undefined;
      if (performance.now() < ignoreScrollUntil) return;
      const line = topLine();
      saveState(line);
      if (line === lastRevealed) return;
      lastRevealed = line;
      vscode.postMessage({ type: 'revealLine', line });
    }, SCROLL_THROTTLE_MS);
  },
  { passive: true },
);

window.addEventListener('resize', () => {
  if (state.line !== undefined) scrollToLine(state.line);
});

document.addEventListener('dblclick', (event) => {
  const target = event.target instanceof Element ? event.target.closest<HTMLElement>('[data-line], [data-fm-line]') : null;
  if (!target) return;
  const line = Number(target.dataset.line ?? target.dataset.fmLine);
  if (Number.isFinite(line)) vscode.postMessage({ type: 'openLine', line });
});

function onLinkActivated(event: MouseEvent): void {
  const link = event.target instanceof Element ? event.target.closest('a') : null;
  if (!link) return;
  // VS Code's webview host opens links itself from a bubble-phase listener on this window that ignores
  // preventDefault(): stopping the event here, in the capture phase, makes the extension the only one to open it.
  event.preventDefault();
  event.stopImmediatePropagation();
  const href = link.getAttribute('href');
  if (!href) return;
  if (href.startsWith('#')) {
    let id = href.slice(1);
    try {
      id = decodeURIComponent(id);
    } catch {
      // keep the raw fragment
    }
    document.getElementById(id)?.scrollIntoView();
    return;
  }
  vscode.postMessage({ type: 'openLink', href });
}

window.addEventListener('click', onLinkActivated, true);
window.addEventListener('auxclick', onLinkActivated, true);
document.addEventListener('click', (event) => {
  const button = event.target instanceof Element ? event.target.closest('[data-rp-load-remote-images]') : null;
  if (button) vscode.postMessage({ type: 'loadRemoteImages' });
});

function initialLine(): number | undefined {
  const saved = vscode.getState() as PreviewWebviewState | undefined;
  if (saved && typeof saved === 'object' && saved.uri === state.uri && isFiniteNumber(saved.line)) return saved.line;
  const attribute = document.body.dataset.rpInitialLine;
  return attribute !== undefined && isFiniteNumber(Number(attribute)) ? Number(attribute) : undefined;
}

const startLine = initialLine();
if (startLine !== undefined) {
  scrollToLine(startLine);
  // Images above the line change the layout as they load; follow them unless the user has scrolled meanwhile.
  window.addEventListener('load', () => {
    if (!userScrolled) scrollToLine(startLine);
  });
} else {
  vscode.setState({ ...state });
}
vscode.postMessage({ type: 'ready' });
