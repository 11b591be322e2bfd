import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// The pool starts the built worker (dist/worker.js), as the portal does; `npm test` builds first.
import { createSearchPool } from "../dist/pool.js";
import { createEmbeddedEngine } from "./embedded/engine.js";
import { CONTRACT_DOCS } from "./engine.contract.js";
import { createSearchService, type SearchService } from "./service.js";
import type { SearchRequest } from "./types.js";

describe("search threads", () => {
  let file: string;
  let writer: SearchService;
  beforeAll(async () => {
    file = path.join(mkdtempSync(path.join(os.tmpdir(), "soskes-pool-")), "index.sqlite");
    writer = createSearchService({ engine: createEmbeddedEngine(file) });
    await writer.reconcile("contract", CONTRACT_DOCS);
  });
  afterAll(() => writer.close());

  const asked: SearchRequest[] = [
    "lastensuojelu",
    "laukaa",
    "LSL 25",
    "sanna",
    "äänekoski",
    "ilmoitus",
  ].flatMap((q) => [
    { q, audiences: ["directory", "statutes", "members"], limit: 5 },
    { q, audiences: ["directory"], limit: 5 },
  ]);

  it("answers many queries at once, each as the index answers it in this thread", async () => {
    const pool = createSearchPool({ file, workers: 2 });
    try {
      const answers = await Promise.all(asked.map((req) => pool.answer(req)));
      for (const [i, req] of asked.entries()) {
        const here = await writer.search(req);
        const there = JSON.parse(`${answers[i]!.head},"tookMs":0}`) as typeof here;
        expect({ ...there, tookMs: 0 }).toEqual({ ...here, tookMs: 0 });
        expect(answers[i]!.total).toBe(here.total);
      }
    } finally {
      await pool.close();
    }
  });

  it("refuses queries once closed, including those still waiting for a thread", async () => {
    const pool = createSearchPool({ file, workers: 1 });
    const pending = asked.map((req) =>
      pool.answer(req).then(
        () => "answered",
        (err: Error) => err.message,
      ),
    );
    await pool.close();
    const outcomes = await Promise.all(pending);
    expect(outcomes).toContain("search pool closed");
    await expect(pool.answer(asked[0]!)).rejects.toThrow("search pool closed");
  });
});
