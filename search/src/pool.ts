import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { AnalysisChange } from "./service.js";
import type { SearchRequest, SearchResult } from "./types.js";

type Pending = { resolve: (r: SearchResult) => void; reject: (e: Error) => void };
type Slot = { worker: Worker; busy: number; pending: Map<number, Pending> };

/** Worker threads for the embedded engine's size: one per core, at most four. */
const defaultWorkers = () => Math.max(1, Math.min(4, availableParallelism()));

/**
 * Searches the embedded index in worker threads, each with its own read-only connection, so
 * queries use every core while the main thread serves HTTP and writes the index. The writing
 * service tells the pool what changed (onChange → notify) and every worker takes it in.
 */
export function createSearchPool(options: { file: string; workers?: number }) {
  let nextId = 1;
  const slots: Slot[] = [];
  let closed = false;

  function spawn(): Slot {
    const worker = new Worker(new URL("./worker.js", import.meta.url), {
      workerData: { file: options.file },
    });
    const slot: Slot = { worker, busy: 0, pending: new Map() };
    worker.on("message", (m: { id: number; result?: SearchResult; error?: string }) => {
      const p = slot.pending.get(m.id);
      if (!p) return;
      slot.pending.delete(m.id);
      slot.busy -= 1;
      if (m.result) p.resolve(m.result);
      else p.reject(new Error(m.error ?? "search failed"));
    });
    worker.on("error", (err) => {
      for (const p of slot.pending.values()) p.reject(err);
      slot.pending.clear();
    });
    worker.on("exit", () => {
      const at = slots.indexOf(slot);
      if (at >= 0 && !closed) slots[at] = spawn();
      for (const p of slot.pending.values()) p.reject(new Error("search worker stopped"));
    });
    worker.unref();
    return slot;
  }
  for (let i = 0; i < (options.workers ?? defaultWorkers()); i++) slots.push(spawn());

  return {
    search(req: SearchRequest): Promise<SearchResult> {
      const slot = slots.reduce((a, b) => (b.busy < a.busy ? b : a));
      const id = nextId++;
      slot.busy += 1;
      return new Promise<SearchResult>((resolve, reject) => {
        slot.pending.set(id, { resolve, reject });
        slot.worker.postMessage({ id, req });
      });
    },
    notify(change: AnalysisChange): void {
      for (const slot of slots) slot.worker.postMessage({ change });
    },
    async close(): Promise<void> {
      closed = true;
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}
export type SearchPool = ReturnType<typeof createSearchPool>;
