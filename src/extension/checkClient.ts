import * as path from 'node:path';
import type { CheckJob, CheckResult, SiteLinkData } from './checkInput';
import { ThreadWorker, WorkCancelled, type Shared } from './threadWorker';

/** Thrown when a check runs past its budget: the worker is stopped and the check given up. */
export { WorkCancelled as CheckCancelled };

/**
 * Runs checks of large posts on a worker thread, one at a time; a check past its budget is cancelled by stopping the
 * worker (a new one starts for the next check). A request that is no longer wanted when its turn comes is skipped.
 */
export class CheckWorker {
  private readonly worker: ThreadWorker<CheckJob, CheckResult, SiteLinkData>;

  constructor(script = path.join(__dirname, 'checkWorker.js')) {
    this.worker = new ThreadWorker(script);
  }

  /** An id and data for a site's links (the same object gets the same id, so its data is sent to a worker once). */
  links(owner: object, make: () => SiteLinkData): Shared<SiteLinkData> {
    return this.worker.shared(owner, make);
  }

  /**
   * Checks a post on the worker. Resolves undefined when `wanted()` says no when its turn comes; rejects with
   * CheckCancelled past `budgetMs`.
   */
  check(request: CheckJob, links: Shared<SiteLinkData> | undefined, budgetMs: number, wanted: () => boolean): Promise<CheckResult | undefined> {
    return this.worker.run(request, links, budgetMs, wanted);
  }

  dispose(): void {
    this.worker.dispose();
  }
}
