/**
 * The check worker: parses and checks large posts on its own thread, so the extension host never waits for one.
 * Bundled as dist/checkWorker.js (scripts/build.mjs) and started by CheckWorker (checkClient.ts).
 */
import { parentPort } from 'node:worker_threads';
import { linkCheck, runCheck, type CheckRequest } from './checkInput';

/** The site link data seen, by id; a few, as a worker serves the posts of a few sites. */
const links = new Map<number, (href: string) => boolean>();

parentPort?.on('message', (request: CheckRequest) => {
  if (request.linksId !== undefined && request.links) {
    if (links.size >= 8) links.delete(links.keys().next().value as number);
    links.set(request.linksId, linkCheck(request.links));
  }
  const exists = request.linksId !== undefined ? links.get(request.linksId) : undefined;
  try {
    parentPort?.postMessage(runCheck(request, exists));
  } catch (err) {
    parentPort?.postMessage({ id: request.id, error: err instanceof Error ? err.message : String(err) });
  }
});
