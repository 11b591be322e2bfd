// `npm run bench:search`: 100,000 synthetic Finnish-like documents plus the demo data in the
// embedded index; 1,000 queries (prefix, whole word, typo, citation) at 10 concurrent clients
// against GET /api/search, and the same queries through Strapi's REST $containsi filters on the
// same rows (inserted as contact persons) as the baseline. Before the measured queries the portal
// gets as many others of the same kinds (at another page size, so none of the measured answers is
// cached) to run warm as it would in use.
// Prints one JSON object: {"docs", "buildSeconds", "indexMB", "rssGrowthMB", "p50", "p95", "p99",
// "baselineP95", "speedup", ...}. Progress goes to stderr.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { ROOT, drive, login, startStack } from "./stack.mjs";
const DOCS = Number(process.env.BENCH_DOCS ?? 100_000);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 1000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 10);
const log = (line) => process.stderr.write(`${line}\n`);
const round = (n) => Math.round(n * 100) / 100;

spawnSync(process.execPath, [path.join(ROOT, "node_modules/typescript/bin/tsc"), "-b"], {
  cwd: ROOT,
  stdio: [0, 2, 2],
});
const search = await import(path.join(ROOT, "search/dist/index.js"));
const Database = createRequire(path.join(ROOT, "search/package.json"))("better-sqlite3");

import { makeQueries, syntheticRows } from "./synthetic.mjs";

/** Sends every request once, `clients` at a time. */
function run(requests, clients) {
  let next = 0;
  return drive(() => requests[next++], clients);
}

const rssMB = () => process.memoryUsage().rss / 1e6;
const portalRssMB = (parent) => {
  const children = spawnSync("pgrep", ["-P", String(parent)], { encoding: "utf8" })
    .stdout.trim()
    .split("\n");
  for (const pid of children) {
    const cmd = spawnSync("ps", ["-o", "args=", "-p", pid], { encoding: "utf8" }).stdout;
    if (cmd.includes("main.js"))
      return Number(spawnSync("ps", ["-o", "rss=", "-p", pid], { encoding: "utf8" }).stdout) / 1024;
  }
  return null;
};

const dataDir = mkdtempSync(path.join(os.tmpdir(), "soskes-bench-search-"));
let stack;
try {
  log(`generating ${DOCS} synthetic documents…`);
  const rows = syntheticRows(DOCS);
  const docs = rows.map((r) => ({
    key: `person:${r.id}`,
    source: "bench",
    type: "person",
    id: r.id,
    audience: "members",
    title: r.name,
    keywords: [r.title],
    text: r.text,
    url: `/ihmiset?haku=${encodeURIComponent(r.name)}`,
    municipalityCodes: [r.municipality],
    serviceAreas: [r.area],
    statute: null,
    section: null,
  }));

  log("building the embedded index…");
  const indexFile = path.join(dataDir, "search", "index.sqlite");
  global.gc?.();
  const rssBefore = rssMB();
  const buildStarted = performance.now();
  const service = search.createSearchService({ engine: search.createEmbeddedEngine(indexFile) });
  let shown = 0;
  await service.reconcile("bench", docs, (done, total) => {
    if (done - shown >= 20_000 || done === total) {
      shown = done;
      log(`  ${done}/${total}`);
    }
  });
  const buildSeconds = (performance.now() - buildStarted) / 1000;
  const rssGrowthMB = rssMB() - rssBefore;
  await service.close();
  const indexMB =
    (statSync(indexFile).size + (statSync(`${indexFile}-wal`, { throwIfNoEntry: false })?.size ?? 0)) / 1e6;

  log("starting the stack (Strapi + portal) on the same data directory…");
  stack = await startStack(dataDir);
  const cookie = await login(stack.portal);
  const token = JSON.parse(readFileSync(path.join(dataDir, "secrets.json"), "utf8")).CMS_API_TOKEN;

  log("inserting the same rows into Strapi (contact persons) for the baseline…");
  const cms = new Database(path.join(dataDir, "cms.db"));
  const insert = cms.prepare(
    `INSERT INTO contact_persons (document_id, name, title, responsibilities, visibility, created_at, updated_at, published_at)
     VALUES (?, ?, ?, ?, 'members', ?, ?, ?)`,
  );
  const now = Date.now();
  cms.transaction(() => {
    for (const r of rows) insert.run(randomBytes(12).toString("hex"), r.name, r.title, r.text, now, now, now);
  })();
  cms.close();

  // Wait until the portal has indexed the demo content next to the synthetic documents.
  let demoDocs = 0;
  for (let i = 0; i < 120 && demoDocs === 0; i++) {
    await new Promise((r) => setTimeout(r, 500));
    const index = new Database(indexFile, { readonly: true });
    demoDocs = index.prepare("SELECT count(*) AS n FROM docs WHERE source = 'content'").get().n;
    index.close();
  }

  const queries = makeQueries(rows, QUERIES);
  const searchRequest =
    (limit) =>
    ({ q, partial }) => ({
      url: `${stack.portal}/api/search?q=${encodeURIComponent(q)}&limit=${limit}${partial ? "&partial=1" : ""}`,
      headers: { Cookie: cookie },
    });
  const portalRequests = queries.map(searchRequest(10));
  // The warm-up: as many other queries of the same kinds (the generator's next ones) at another
  // page size, so that the portal runs warm (compiled code, the index's pages in memory) as it
  // would in use, but none of the measured answers waits in its answer cache.
  const warmupRequests = makeQueries(rows, QUERIES).map(searchRequest(9));
  const strapiRequests = queries.map(({ q }) => {
    const params = new URLSearchParams({ "pagination[pageSize]": "10" });
    q.split(/\s+/).forEach((w, i) => {
      ["name", "title", "responsibilities"].forEach((field, j) =>
        params.set(`filters[$and][${i}][$or][${j}][${field}][$containsi]`, w),
      );
    });
    return {
      url: `${stack.cms}/api/contact-persons?${params}`,
      headers: { Authorization: `Bearer ${token}` },
    };
  });

  log("warming up…");
  await run(warmupRequests, CONCURRENCY);
  await run(strapiRequests.slice(0, 50), CONCURRENCY);
  log(`portal: ${QUERIES} queries at ${CONCURRENCY} clients…`);
  const portal = await run(portalRequests, CONCURRENCY);
  const rss = portalRssMB(stack.pid);
  log(`baseline (Strapi REST $containsi): ${QUERIES} queries at ${CONCURRENCY} clients…`);
  const baseline = await run(strapiRequests, CONCURRENCY);
  process.stdout.write(
    JSON.stringify({
      docs: DOCS + demoDocs,
      buildSeconds: round(buildSeconds),
      indexMB: round(indexMB),
      rssGrowthMB: round(rssGrowthMB),
      p50: round(portal.p50),
      p95: round(portal.p95),
      p99: round(portal.p99),
      baselineP95: round(baseline.p95),
      speedup: round(baseline.p95 / portal.p95),
      rps: Math.round(portal.rps),
      errors: portal.errors,
      portalRssMB: rss === null ? null : round(rss),
      baseline: { p50: round(baseline.p50), rps: Math.round(baseline.rps), errors: baseline.errors },
      queries: QUERIES,
      concurrency: CONCURRENCY,
    }) + "\n",
  );
} finally {
  await stack?.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
