/**
 * Adversarial posts of a given size, one per pattern that has made a rule or the page builder superlinear: each a
 * valid post whose body repeats one unit until it reaches `bytes`.
 */
const FRONT = '---\nlayout: post\ntitle: Widget 2.7.0 Released\npublished: true\npost_author:\n  display_name: Ada Example\n---\n\n## Notes\n\n';

function repeatTo(unit: string, bytes: number, end = ''): string {
  return unit.repeat(Math.max(1, Math.floor((bytes - FRONT.length - end.length) / unit.length))) + end;
}

export const growthInputs: Record<string, (bytes: number) => string> = {
  // A line of comments followed by text: exponential in the comment-only check of the heading rules (352 bytes: 23 s).
  'comment line': (n) => FRONT + repeatTo('<!--a-->', n, 'x') + '\n',
  // Unclosed disable comments on one line: the directive pattern rescanned the rest of the line for each.
  'unclosed disable comments': (n) => FRONT + 'text ' + repeatTo('<!-- release-post-disable ', n) + '\n',
  'unclosed disable comments in an HTML block': (n) => FRONT + repeatTo('<!-- release-post-disable-next-line ', n) + '\n',
  'closed disable comments': (n) => FRONT + 'text ' + repeatTo('<!-- release-post-disable empty-section -->', n) + '\n',
  'comment openers': (n) => FRONT + 'text ' + repeatTo('<!--', n) + '\n',
  'empty links': (n) => FRONT + repeatTo('[a]() ', n) + '\n',
  'template openers': (n) => FRONT + repeatTo('{{ {% {', n) + '\n',
  'version phrases': (n) => FRONT + repeatTo('upgrading to Widget 2.7.0 made 1.0.0, ', n) + '\n',
  'contributors': (n) => FRONT + 'Thanks to the 3 contributors who made 2.7.0 possible:\n\n' + repeatTo('Ada Example, ', n, 'Bo.') + '\n',
  'html tags': (n) => FRONT + repeatTo('<a href=x title', n) + '\n',
  'comment-only blocks': (n) => FRONT + repeatTo('## x\n\n<!-- a --> <!-- b -->\n\n', n),
  'control characters': (n) => FRONT + repeatTo('a\u0001\u001b[31m\u0007', n) + '\n',
};
