/**
 * Document lines <-> vertical positions in the page, from the `data-line` of the body's blocks. Between two
 * blocks, lines and pixels are interpolated; before the first block, the page's top stands for line 0.
 */

interface LineBlock {
  line: number;
  top: number;
  height: number;
}

/** Rough height of one source line past the last block, where nothing else can tell. */
const LINE_HEIGHT = 20;

function lineBlocks(): LineBlock[] {
  const body = document.querySelector('[data-rp-body]');
  if (!body) return [];
  const blocks: LineBlock[] = [];
  for (const element of body.querySelectorAll<HTMLElement>('[data-line]')) {
    const line = Number(element.dataset.line);
    if (!Number.isFinite(line)) continue;
    const rect = element.getBoundingClientRect();
    if (rect.width === 0 && rect.height === 0) continue;
    const top = rect.top + window.scrollY;
    // Keep the list monotonic in both line and position, so a float or odd nesting cannot send the scroll back.
    const last = blocks[blocks.length - 1];
    if (last && (line < last.line || top < last.top)) continue;
    if (last && line === last.line) continue;
    blocks.push({ line, top, height: rect.height });
  }
  return blocks;
}

/** Height of what stays stuck at the top of the viewport (the banner), which hides the page under it. */
export function stickyOffset(): number {
  const banner = document.querySelector<HTMLElement>('[data-rp-banner]');
  return banner ? banner.getBoundingClientRect().height : 0;
}

/** Page position (from the document's top) at which `line` starts. */
export function positionOfLine(line: number): number {
  const blocks = lineBlocks();
  if (!blocks.length || line <= 0) return 0;
  let previous: LineBlock = { line: 0, top: 0, height: 0 };
  for (const block of blocks) {
    if (block.line > line) {
      const span = block.line - previous.line;
      return previous.top + ((line - previous.line) / span) * (block.top - previous.top);
    }
    previous = block;
  }
  return previous.top + Math.min(previous.height, (line - previous.line) * LINE_HEIGHT);
}

/** Document line shown at page position `y`. */
export function lineAtPosition(y: number): number {
  const blocks = lineBlocks();
  if (!blocks.length || y <= 0) return 0;
  let previous: LineBlock = { line: 0, top: 0, height: 0 };
  for (const block of blocks) {
    if (block.top > y) {
      const span = block.top - previous.top;
      const fraction = span > 0 ? (y - previous.top) / span : 0;
      return Math.floor(previous.line + fraction * (block.line - previous.line));
    }
    previous = block;
  }
  return previous.line + Math.floor(Math.max(0, Math.min(y - previous.top, previous.height)) / LINE_HEIGHT);
}

/** The innermost block at the top of the viewport, to keep in place while the content around it changes. */
export function blockAtTop(): HTMLElement | undefined {
  const body = document.querySelector('[data-rp-body]');
  if (!body) return undefined;
  const top = stickyOffset();
  let found: HTMLElement | undefined;
  for (const element of body.querySelectorAll<HTMLElement>('[data-line]')) {
    const rect = element.getBoundingClientRect();
    if (rect.bottom <= top) continue;
    if (rect.top > top) break;
    found = element;
  }
  return found;
}
