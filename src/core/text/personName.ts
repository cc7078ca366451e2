/**
 * Two spellings of one person: the same letters once case, spacing and accents are ignored. Shared by the
 * contributor list of a new post and the `contributor-count` rule, so what one merges the other accepts.
 */
export function personKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, '');
}
