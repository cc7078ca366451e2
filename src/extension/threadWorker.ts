import { Worker } from 'node:worker_threads';

/** Thrown when a job runs past its budget: the worker is stopped and the job given up. */
export class WorkCancelled extends Error {
  constructor(readonly budgetMs: number) {
    super(`the work ran past ${budgetMs} ms`);
  }
}

/** Data that many jobs share (a site's links, a site), sent to a worker once under its id. */
export interface Shared<T> {
  id: number;
  data: T;
}

/** What travels to the worker: the job, its id, and the shared data's id (with the data when the worker lacks it). */
export type WorkMessage<Job, T> = Job & { id: number; sharedId?: number; shared?: T };

/**
 * Runs jobs on a worker thread, one at a time, so the extension host never waits for them. A job past its budget is
 * cancelled by stopping the worker (a new one starts for the next job). A job no longer wanted when its turn comes is
 * skipped. The worker script answers `{ ready: true }` once warm, then `{ id, ... }` or `{ id, error }` per job.
 */
export class ThreadWorker<Job extends object, Result extends { id: number }, T = never> {
  private worker: Worker | undefined;
  private ready: Promise<void> | undefined;
  /** The shared data ids the current worker has. */
  private sent = new Set<number>();
  private nextId = 1;
  private turn: Promise<unknown> = Promise.resolve();
  private readonly sharedIds = new WeakMap<object, Shared<T>>();
  private nextSharedId = 1;

  constructor(private readonly script: string) {}

  /** An id and data for something jobs share (the same owner gets the same id, so its data is sent once). */
  shared(owner: object, make: () => T): Shared<T> {
    let entry = this.sharedIds.get(owner);
    if (!entry) {
      entry = { id: this.nextSharedId++, data: make() };
      this.sharedIds.set(owner, entry);
    }
    return entry;
  }

  /** Runs a job. Resolves undefined when `wanted()` says no when its turn comes; rejects with WorkCancelled past `budgetMs`. */
  run(job: Job, shared: Shared<T> | undefined, budgetMs: number, wanted: () => boolean): Promise<Result | undefined> {
    const run = this.turn.then(() => (wanted() ? this.send(job, shared, budgetMs) : undefined));
    this.turn = run.catch(() => undefined);
    return run;
  }

  private async send(job: Job, shared: Shared<T> | undefined, budgetMs: number): Promise<Result> {
    const { worker, ready } = this.ensure();
    // The budget counts from a warm worker: starting one is not the job's fault.
    await ready;
    const id = this.nextId++;
    const message = { ...job, id } as WorkMessage<Job, T>;
    if (shared) {
      message.sharedId = shared.id;
      if (!this.sent.has(shared.id)) message.shared = shared.data;
    }
    return new Promise<Result>((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
      };
      const onMessage = (reply: Result & { error?: string }) => {
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
        reject(new Error('the worker stopped'));
      };
      const timer = setTimeout(() => {
        done();
        this.drop(worker);
        void worker.terminate();
        reject(new WorkCancelled(budgetMs));
      }, budgetMs);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage(message);
      if (shared) this.sent.add(shared.id);
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
          reject(err instanceof Error ? err : new Error('the worker stopped'));
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

/**
 * The worker's side of shared data: what was made of each id's data, for the last few ids (a worker serves the
 * posts of a few sites).
 */
export function sharedStore<T, U>(make: (data: T) => U, size = 8): (message: { sharedId?: number; shared?: T }) => U | undefined {
  const made = new Map<number, U>();
  return (message) => {
    if (message.sharedId === undefined) return undefined;
    if (message.shared !== undefined) {
      if (made.size >= size) made.delete(made.keys().next().value as number);
      made.set(message.sharedId, make(message.shared));
    }
    return made.get(message.sharedId);
  };
}
