import { parentPort, workerData } from "node:worker_threads";
import { createEmbeddedEngine } from "./embedded/engine.js";
import { createSearchService, type AnalysisChange } from "./service.js";
import type { SearchRequest } from "./types.js";

/** A search thread of the pool (pool.ts): reads the embedded index, never writes it. */
const { file } = workerData as { file: string };
const service = createSearchService({ engine: createEmbeddedEngine(file, { readonly: true }) });

parentPort!.on("message", (m: { id?: number; req?: SearchRequest; change?: AnalysisChange }) => {
  if (m.change) {
    // Opened first, so the change lands on top of what the index held.
    void service.open().then(() => service.absorb(m.change!));
    return;
  }
  service.answer(m.req!).then(
    (answer) => parentPort!.postMessage({ id: m.id, answer }),
    (err: unknown) => parentPort!.postMessage({ id: m.id, error: (err as Error).message }),
  );
});
