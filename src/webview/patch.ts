/**
 * Replaces the content of an element with new HTML, touching only the nodes that changed, so images are not
 * reloaded and the page does not flash while the author types. Nodes that differ only by their line attributes
 * (text was added above them) are kept and given the new lines.
 */

const LINE_ATTRIBUTES = new Set(['data-line', 'data-fm-line']);
const MAX_DEPTH = 8;

function sameAttributes(a: Element, b: Element): boolean {
  const count = (e: Element) => Array.from(e.attributes).filter((attr) => !LINE_ATTRIBUTES.has(attr.name)).length;
  if (count(a) !== count(b)) return false;
  for (const attr of Array.from(a.attributes)) {
    if (!LINE_ATTRIBUTES.has(attr.name) && b.getAttribute(attr.name) !== attr.value) return false;
  }
  return true;
}

function sameIgnoringLines(a: Node, b: Node): boolean {
  if (a.nodeType !== b.nodeType || a.nodeName !== b.nodeName) return false;
  if (!(a instanceof Element) || !(b instanceof Element)) return a.nodeValue === b.nodeValue;
  if (!sameAttributes(a, b) || a.childNodes.length !== b.childNodes.length) return false;
  for (let i = 0; i < a.childNodes.length; i++) {
    if (!sameIgnoringLines(a.childNodes[i], b.childNodes[i])) return false;
  }
  return true;
}

/** Gives `target` the line attributes of `source`, and its descendants those of `source`'s (same shape). */
function copyLines(target: Node, source: Node, deep = true): void {
  if (!(target instanceof Element) || !(source instanceof Element)) return;
  for (const name of LINE_ATTRIBUTES) {
    const value = source.getAttribute(name);
    if (value === null) target.removeAttribute(name);
    else if (target.getAttribute(name) !== value) target.setAttribute(name, value);
  }
  if (!deep) return;
  for (let i = 0; i < target.childNodes.length; i++) copyLines(target.childNodes[i], source.childNodes[i]);
}

function patchChildren(target: Node, source: Node, depth: number): void {
  const before = Array.from(target.childNodes);
  const after = Array.from(source.childNodes);
  let start = 0;
  while (start < before.length && start < after.length && sameIgnoringLines(before[start], after[start])) {
    copyLines(before[start], after[start]);
    start++;
  }
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && sameIgnoringLines(before[endBefore - 1], after[endAfter - 1])) {
    copyLines(before[endBefore - 1], after[endAfter - 1]);
    endBefore--;
    endAfter--;
  }
  if (endBefore - start === 1 && endAfter - start === 1 && depth > 0) {
    const [old, replacement] = [before[start], after[start]];
    if (old instanceof Element && replacement instanceof Element && old.nodeName === replacement.nodeName && sameAttributes(old, replacement)) {
      copyLines(old, replacement, false);
      patchChildren(old, replacement, depth - 1);
      return;
    }
  }
  const anchor = before[endBefore] ?? null;
  for (let i = start; i < endBefore; i++) target.removeChild(before[i]);
  for (let i = start; i < endAfter; i++) target.insertBefore(after[i], anchor);
}

export function patchHtml(target: Element, html: string): void {
  const template = document.createElement('template');
  template.innerHTML = html;
  try {
    patchChildren(target, template.content, MAX_DEPTH);
  } catch {
    target.innerHTML = html;
  }
}
