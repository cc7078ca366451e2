/** The inputs every consumer of a parse must survive (../shared/design/hazards.md), by name. */
export function hazardousInputs(): Record<string, string> {
  const post = (body: string) => `---\nlayout: post\ntitle: Apache Mesos 1.2.0 Released\npublished: true\npost_author:\n  display_name: A\ntags: Release\n---\n${body}`;
  const aliasBomb =
    '---\na: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' +
    ['b', 'c', 'd', 'e', 'f', 'g'].map((k, i) => `${k}: &${k} [${Array(9).fill('*' + 'abcdefg'[i]).join(',')}]`).join('\n') +
    '\nh: [*g,*g,*g,*g,*g,*g,*g,*g,*g]\n---\n';
  return {
    'empty file': '',
    'delimiters only': '---\n---',
    'unterminated front matter': '---\ntitle: x\n# heading\n',
    'CRLF': post('# Title\r\n\r\n## \r\n').replace(/\n/g, '\r\n'),
    'CR only': post('# Title\r\r##\r').replace(/\n/g, '\r'),
    BOM: '\uFEFF' + post('Body'),
    'no front matter': '# Just a heading\n\nText',
    '---js': '---js\nprocess.exit(7)\n---\nbody',
    '---javascript': '---javascript\nglobalThis.__ran = 1\n---\n',
    tabs: '---\nparent:\n\tchild: 1\n---\n',
    'non-mapping YAML': '---\n- a\n- b\n---\n',
    'duplicate keys': '---\ntitle: a\ntitle: b\n---\n',
    NUL: post('a\u0000b\u0000[x](\u0000)'),
    'alias bomb': aliasBomb,
    'binary garbage': '\uFFFD\u0001\uFFFD\u0007'.repeat(20000),
    '5 MB post': post('Some text with a [link](/blog/x/) and `code`.\n\n'.repeat(110000)),
    '100k headings': post('#\n'.repeat(100000)),
    'deeply nested lists': post('* '.repeat(5000) + 'x\n'),
    'deeply nested quotes': post('> '.repeat(5000) + 'x\n'),
    'raw HTML tricks': post('<scr<script>ipt>alert(1)</script><img src=x onerror=alert(1)//\n<a href="jav&#x61;script:alert(1)">x</a>\n'.repeat(2000)),
    'unclosed brackets': post('[a]('.repeat(20000) + '<a href="'.repeat(5000)),
    // Each of the following once froze the editor: a check's cost grew faster than the post.
    '50,000 front-matter keys': manyKeys(50000),
    '5,000 duplicate keys': '---\n' + 'title: again\n'.repeat(5000) + '---\nBody\n',
    'nested flow 20,000 deep': '---\nx: ' + '['.repeat(20000) + '\n---\nBody\n',
    'closed nested flow 5,000 deep': '---\nx: ' + '{a: '.repeat(5000) + '1' + '}'.repeat(5000) + '\n---\nBody\n',
    'block nesting 400 deep': '---\n' + Array.from({ length: 400 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ' x\n---\nBody\n',
    'big table': post(`${row(20)}\n|${' --- |'.repeat(20)}\n${(row(20) + '\n').repeat(2000)}`),
    '20,000 reference definitions': post(Array.from({ length: 20000 }, (_, i) => `[r${i}]: /blog/r${i}/ "t"\n[x][r${i}]`).join('\n')),
    '20,000 fixable problems': post('Get it from[download](/downloads) now.\n\n'.repeat(20000)),
  };
}

/** A 50,000-key front matter is about 900 KB: under the editor's 1 MiB limit for live checks. */
export function manyKeys(count: number): string {
  const keys = Array.from({ length: count }, (_, i) => `key${i}: value ${i}`).join('\n');
  return `---\nlayout: post\ntitle: Apache Mesos 1.2.0 Released\n${keys}\n---\nBody\n`;
}

function row(cells: number): string {
  return '|' + ' x |'.repeat(cells);
}
