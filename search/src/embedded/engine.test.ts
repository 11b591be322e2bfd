import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CONTRACT_DOCS, engineContract } from "../engine.contract.js";
import type { SearchEngine } from "../engine.js";
import { createSearchService, prepare } from "../service.js";
import type { SearchDocument } from "../types.js";
import { createEmbeddedEngine, filterExpression } from "./engine.js";

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

describe("audience filter", () => {
  const doc = (key: string, audience: string): SearchDocument => ({
    key,
    source: "audiences",
    type: key.startsWith("message") ? "message" : "person",
    id: key.split(":")[1]!,
    audience,
    title: `Kotikäynti ${key}`,
    keywords: [],
    text: "Kotikäynnin muistiinpanot",
    url: `/${key}`,
    municipalityCodes: [],
    serviceAreas: [],
    statute: null,
    section: null,
  });
  const members = Array.from({ length: 30 }, (_, i) => doc(`person:${i}`, "members"));
  const groups = Array.from({ length: 25 }, (_, i) => doc(`message:${i}`, `group:${i}`));
  const keysOf = async (engine: SearchEngine, audiences: string[]) =>
    (await createSearchService({ engine }).search({ q: "kotikäynti", audiences, limit: 50 })).hits
      .map((h) => `${h.type}:${h.id}`)
      .sort();

  it("leaves out the few audiences one may not see, or lists the ones one may: the same answer", () => {
    const indexed = [
      { name: "members", docs: 1000 },
      { name: "group:1", docs: 5 },
      { name: "group:2", docs: 7 },
      { name: "group:3", docs: 0 },
      { name: "group:4", docs: 3 },
    ];
    // A member of group 1: the other groups' ten messages are fewer than what they may see (an
    // audience whose documents are all gone is still left out: counts are not trusted to be zero).
    expect(filterExpression("x", { audiences: ["members", "group:1"] }, indexed)).toBe(
      '(x) NOT f : ("zqaugroupx2" OR "zqaugroupx3" OR "zqaugroupx4")',
    );
    // Everything the index holds is theirs: no audience filter at all.
    const all = ["members", "group:1", "group:2", "group:3", "group:4"];
    expect(filterExpression("x", { audiences: all }, indexed)).toBe("x");
    // A visitor sees less than what is hidden from them: listed.
    expect(filterExpression("x", { audiences: ["directory"], types: ["unit"] }, indexed)).toBe(
      '(x) AND f : ("zqaudirectory") AND f : ("zqtyunit")',
    );
    // More than twenty audiences to leave out: listing one's own is cheaper.
    const many = Array.from({ length: 21 }, (_, i) => ({ name: `group:${i + 10}`, docs: 1 }));
    expect(filterExpression("x", { audiences: ["members"] }, [...indexed, ...many])).toBe(
      '(x) AND f : ("zqaumembers")',
    );
    expect(filterExpression("x", { audiences: ["*"] }, indexed)).toBe("x");
  });

  it("finds exactly what the asker's audiences allow, whichever way it is matched", async () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), "soskes-search-")), "index.sqlite");
    const engine = createEmbeddedEngine(file);
    await engine.upsert([...members, ...groups].map(prepare));
    const reader = createEmbeddedEngine(file, { readonly: true });
    const memberKeys = members.map((d) => d.key);

    // A member of two groups: 23 groups to leave out (listed instead).
    expect(await keysOf(reader, ["members", "group:1", "group:2"])).toEqual(
      [...memberKeys, "message:1", "message:2"].sort(),
    );
    // Fewer groups in the index: the three hidden ones are left out, with the same answer.
    await engine.remove(groups.slice(5).map((d) => d.key));
    expect(await keysOf(reader, ["members", "group:1", "group:2"])).toEqual(
      [...memberKeys, "message:1", "message:2"].sort(),
    );
    expect(await keysOf(reader, ["group:4"])).toEqual(["message:4"]);

    // A document moved to another audience is counted there; an audience new to the index
    // (written after the reader opened) is still hidden from those not in it.
    await engine.upsert([prepare(doc("message:3", "group:1")), prepare(doc("message:99", "group:99"))]);
    expect(await keysOf(reader, ["members", "group:1"])).toEqual(
      [...memberKeys, "message:1", "message:3"].sort(),
    );
    expect(await keysOf(reader, ["members", "group:99"])).toEqual([...memberKeys, "message:99"].sort());
    await reader.close();
    await engine.close();
  });
});
