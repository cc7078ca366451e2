import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { CheckRequest, CheckResult, SiteLinkData } from './checkInput';

/** Thrown when a check runs past its budget: the worker is stopped and the check given up. */
export class CheckCancelled extends Error {
  constructor(readonly budgetMs: number) {
    super(`the check ran past ${budgetMs} ms`);
  }
}

/**
 * Runs checks of large posts on a worker thread, one at a time; a check past its budget is cancelled by stopping the
 * worker (a new one starts for the next check). A request that is no longer wanted when its turn comes is skipped.
 */
export class CheckWorker {
  private worker: Worker | undefined;
  private ready: Promise<void> | undefined;
  /** The link data ids the current worker has. */
  private sent = new Set<number>();
  private nextId = 1;
  private turn: Promise<unknown> = Promise.resolve();
  private readonly linkIds = new WeakMap<object, { id: number; data: SiteLinkData }>();
  private nextLinksId = 1;

  constructor(private readonly script = path.join(__dirname, 'checkWorker.js')) {}

  /** An id and data for a site's links (the same object gets the same id, so its data is sent to a worker once). */
  links(owner: object, make: () => SiteLinkData): { id: number; data: SiteLinkData } {
    let entry = this.linkIds.get(owner);
    if (!entry) {
      entry = { id: this.nextLinksId++, data: make() };
      this.linkIds.set(owner, entry);
    }
    return entry;
  }

  /**
   * Checks a post on the worker. Resolves undefined when `wanted()` says no when its turn comes; rejects with
   * CheckCancelled past `budgetMs`.
   */
  check(
    request: Omit<CheckRequest, 'id' | 'links' | 'linksId'>,
    links: { id: number; data: SiteLinkData } | undefined,
    budgetMs: number,
    wanted: () => boolean,
  ): Promise<CheckResult | undefined> {
    const run = this.turn.then(() => (wanted() ? this.send(request, links, budgetMs) : undefined));
    this.turn = run.catch(() => undefined);
    return run;
  }

  private async send(request: Omit<CheckRequest, 'id' | 'links' | 'linksId'>, links: { id: number; data: SiteLinkData } | undefined, budgetMs: number): Promise<CheckResult> {
    const { worker, ready } = this.ensure();
    // The budget counts from a warm worker: starting one is not the check's fault.
    await ready;
    const id = this.nextId++;
    const message: CheckRequest = { ...request, id };
    if (links) {
      message.linksId = links.id;
      if (!this.sent.has(links.id)) message.links = links.data;
    }
    return new Promise<CheckResult>((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
      };
      const onMessage = (reply: CheckResult & { error?: string }) => {
        if (reply.id !== id) return;
        done();
        if (reply.error) reject(new Error(reply.error));
        else resolve(reply);
      };
      const onError = (err: Error) => {
        done();
        this.drop(worker);
        reject(err);
      };
      const onExit = () => {
        done();
        this.drop(worker);
        reject(new Error('the check worker stopped'));
      };
      const timer = setTimeout(() => {
        done();
        this.drop(worker);
        void worker.terminate();
        reject(new CheckCancelled(budgetMs));
      }, budgetMs);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage(message);
      if (links) this.sent.add(links.id);
    });
  }

  private ensure(): { worker: Worker; ready: Promise<void> } {
    if (!this.worker || !this.ready) {
      const worker = new Worker(this.script);
      // The worker never keeps the extension host (or a test) alive on its own.
      worker.unref();
      this.worker = worker;
      this.sent = new Set();
      this.ready = new Promise<void>((resolve, reject) => {
        const onMessage = (m: { ready?: boolean }) => {
          if (!m.ready) return;
          off();
          resolve();
        };
        const onFail = (err?: unknown) => {
          off();
          this.drop(worker);
          reject(err instanceof Error ? err : new Error('the check worker stopped'));
        };
        const off = () => {
          worker.off('message', onMessage);
          worker.off('error', onFail);
          worker.off('exit', onFail);
        };
        worker.on('message', onMessage);
        worker.on('error', onFail);
        worker.on('exit', onFail);
      });
    }
    return { worker: this.worker, ready: this.ready };
  }

  private drop(worker: Worker): void {
    if (this.worker === worker) {
      this.worker = undefined;
      this.ready = undefined;
      this.sent = new Set();
    }
  }

  dispose(): void {
    void this.worker?.terminate();
    this.worker = undefined;
    this.ready = undefined;
  }
}
