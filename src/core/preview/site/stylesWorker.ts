/**
 * Builds one site's CSS in a worker thread (Sass compiles synchronously and can take seconds): the site comes in
 * `workerData`, the result goes back in one message, then the thread ends.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { buildSiteStyles, type StylesSite } from './stylesheets';

try {
  parentPort?.postMessage(buildSiteStyles(workerData as StylesSite));
} catch (err) {
  parentPort?.postMessage({ error: err instanceof Error ? err.message : String(err) });
}
