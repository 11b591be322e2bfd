import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CONTRACT_DOCS, engineContract } from "../engine.contract.js";
import type { SearchEngine } from "../engine.js";
import { createSearchService } from "../service.js";
import { createEmbeddedEngine } from "./engine.js";

engineContract("embedded (SQLite FTS5)", () =>
  createEmbeddedEngine(path.join(mkdtempSync(path.join(os.tmpdir(), "soskes-search-")), "index.sqlite")),
);

describe("index writes", () => {
  it("retries a failed write until the engine takes it, and persists across reopening", async () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), "soskes-search-")), "index.sqlite");
    const real = createEmbeddedEngine(file);
    let failures = 2;
    const flaky: SearchEngine = {
      ...real,
      upsert: async (docs) => {
        if (failures-- > 0) throw new Error("disk full");
        return real.upsert(docs);
      },
    };
    const service = createSearchService({ engine: flaky, retryMs: 10 });
    await service.upsert(CONTRACT_DOCS);
    expect(failures).toBe(-1);
    expect((await service.search({ q: "laukaa", audiences: ["directory"] })).total).toBeGreaterThan(0);
    await service.close();

    const reopened = createSearchService({ engine: createEmbeddedEngine(file) });
    expect((await reopened.search({ q: "lastensuojelu", audiences: ["directory"] })).total).toBe(2);
    await reopened.close();
  });
});
