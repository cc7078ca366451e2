// Runs in a worker thread: every consumer of a parse over one hazardous input. Posts back what it saw.
import { parentPort, workerData } from 'node:worker_threads';
import { completePost } from '../../../src/core/writing/completions';
import { hoverPost } from '../../../src/core/writing/hover';
import { lintPost } from '../../../src/core/rules/lint';
import { renderPostPage } from '../../../src/core/preview/page';
import { parsePost } from '../../../src/core/post/parse';
import { defaultProfile } from '../../../src/core/site/profile';
import { emptySiteIndex } from '../../../src/core/site/siteIndex';
import { findSiteLinks } from '../../../src/core/site/siteLinks';
import { draftFromModelPost } from '../../../src/core/draft/fromModelPost';
import { chooseModelPost, releasePosts } from '../../../src/core/draft/releaseModel';
import { hazardousInputs } from './inputs';

const { name } = workerData as { name: string };
const text = hazardousInputs()[name];
const fileName = '2017-03-08-mesos-1-2-0-released.md';
const profile = defaultProfile();
const post = parsePost(text);
const problems = lintPost(post, fileName, profile, { siteLinkExists: () => false });
const page = renderPostPage({
  post,
  fileName,
  profile,
  mode: { kind: 'webview', cspSource: 'https://example.vscode-cdn.net', nonce: 'abc123', scriptUri: 'https://example/p.js', styleUris: [] },
  resolveUrl: (href) => href,
  problems: problems.map((p) => ({ line: p.range.start.line, severity: p.severity, message: p.message })),
});
const index = emptySiteIndex();
// Completions and hovers at a few places: the start, inside the front matter, the middle and the end.
const last = post.lines.lineCount - 1;
const places = [0, 1, Math.floor(last / 2), last].map((line) => ({ line, character: post.lines.lineText(line).length }));
for (const position of places) {
  completePost(post, position, fileName, profile, index);
  hoverPost(post, position, fileName, profile, index);
}
const links = findSiteLinks(post);
// The newest release post is untrusted input too: drafting after it must not throw or hang.
const model = chooseModelPost(releasePosts([{ fileName, text }]), '1.3.0') ?? { fileName, text, version: '1.2.0' };
draftFromModelPost(model, { version: '1.3.0', previousVersion: '1.2.0', date: '2024-01-01', author: { name: 'Ada' }, contributors: ['Ada'] });
const outside = problems.filter(
  (p) => p.range.start.line < 0 || p.range.end.line > last || p.range.end.character > post.lines.lineText(p.range.end.line).length,
);
parentPort!.postMessage({
  problems: problems.length,
  outside: outside.map((p) => `${p.rule} ${JSON.stringify(p.range)}`),
  scripts: (page.match(/<script\b/gi) ?? []).length,
  handlers: /<[^>]+\son[a-z]+\s*=/i.test(page.replace(/<script nonce[^>]*><\/script>/, '')),
  javascriptUrls: /(href|src)\s*=\s*["']?\s*javascript:/i.test(page),
  links: links.length,
  ran: (globalThis as { __ran?: number }).__ran === 1,
});
