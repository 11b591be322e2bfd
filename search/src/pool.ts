import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { AnalysisChange, Answer } from "./service.js";
import type { SearchRequest } from "./types.js";

type Job = { req: SearchRequest; resolve: (r: Answer) => void; reject: (e: Error) => void };
type Slot = { worker: Worker; job: (Job & { id: number }) | undefined };

/** Worker threads for the embedded engine's size: one per core, at most four. */
const defaultWorkers = () => Math.max(1, Math.min(4, availableParallelism()));

/**
 * Searches the embedded index in worker threads, each with its own read-only connection, so
 * queries use every core while the main thread serves HTTP and writes the index. The writing
 * service tells the pool what changed (onChange → notify) and every worker takes it in.
 *
 * Queries wait in one queue and a worker takes the next when it is free: a slow query (a short
 * prefix over much of the index) then holds up only itself, not the queries that would have
 * queued behind it on the same worker.
 */
export function createSearchPool(options: { file: string; workers?: number }) {
  let nextId = 1;
  const slots: Slot[] = [];
  const queue: Job[] = [];
  let closed = false;

  function dispatch(): void {
    for (const slot of slots) {
      if (queue.length === 0) return;
      if (slot.job) continue;
      const job = { ...queue.shift()!, id: nextId++ };
      slot.job = job;
      slot.worker.postMessage({ id: job.id, req: job.req });
    }
  }

  /** Ends the worker's current query, if any, and gives it the next. */
  function settle(slot: Slot, outcome: { answer?: Answer; error?: Error }): void {
    const job = slot.job;
    slot.job = undefined;
    if (job) {
      if (outcome.answer) job.resolve(outcome.answer);
      else job.reject(outcome.error ?? new Error("search failed"));
    }
    dispatch();
  }

  function spawn(): Slot {
    const worker = new Worker(new URL("./worker.js", import.meta.url), {
      workerData: { file: options.file },
    });
    const slot: Slot = { worker, job: undefined };
    worker.on("message", (m: { id: number; answer?: Answer; error?: string }) => {
      if (slot.job?.id !== m.id) return;
      settle(slot, m.answer ? { answer: m.answer } : { error: new Error(m.error ?? "search failed") });
    });
    worker.on("error", (err) => settle(slot, { error: err }));
    worker.on("exit", () => {
      // A new worker takes the place first, so the queue moves on to it.
      const at = slots.indexOf(slot);
      if (at >= 0 && !closed) slots[at] = spawn();
      settle(slot, { error: new Error("search worker stopped") });
    });
    worker.unref();
    return slot;
  }
  for (let i = 0; i < (options.workers ?? defaultWorkers()); i++) slots.push(spawn());

  return {
    answer(req: SearchRequest): Promise<Answer> {
      if (closed) return Promise.reject(new Error("search pool closed"));
      return new Promise<Answer>((resolve, reject) => {
        queue.push({ req, resolve, reject });
        dispatch();
      });
    },
    notify(change: AnalysisChange): void {
      for (const slot of slots) slot.worker.postMessage({ change });
    },
    async close(): Promise<void> {
      closed = true;
      for (const job of queue.splice(0)) job.reject(new Error("search pool closed"));
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}
export type SearchPool = ReturnType<typeof createSearchPool>;
