// `npm run bench:content`: the portal's directory and unit endpoints at 10 concurrent clients,
// against Strapi's REST API answering the same questions with populate=* as the baseline.
// Starts the real stack (npm start's script) on free ports with a fresh data directory.
// Prints one JSON object: {"p50", "p95", "rps", "baselineP95", "speedup", ...}.
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { drive, login, startStack } from "./stack.mjs";

const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 10);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const log = (line) => process.stderr.write(`${line}\n`);

/** Runs `clients` loops for `seconds`, each picking the next request from `next()`. */
function load(next, seconds, clients) {
  const until = Date.now() + seconds * 1000;
  return drive(() => (Date.now() < until ? next() : undefined), clients);
}

const round = (n) => Math.round(n * 100) / 100;

const stack = await startStack();
try {
  log(`stack up: portal ${stack.portal}, cms ${stack.cms}`);
  const cookie = await login(stack.portal);
  const token = JSON.parse(readFileSync(path.join(stack.dataDir, "secrets.json"), "utf8")).CMS_API_TOKEN;
  const municipalities = (
    await (await fetch(`${stack.portal}/api/municipalities`, { headers: { Cookie: cookie } })).json()
  ).data.map((m) => m.code);
  const areas = [
    "lastensuojelu",
    "aikuissosiaalityo",
    "ikaantyneiden-palvelut",
    "vammaispalvelut",
    "sosiaalipaivystys",
  ];
  const units = (
    await (await fetch(`${stack.portal}/api/directory/units`, { headers: { Cookie: cookie } })).json()
  ).data.map((u) => u.id);
  let i = 0;
  // The same mix for both: "who serves this client" and a unit page, alternating.
  const question = () => {
    i += 1;
    return i % 2 === 0
      ? {
          kind: "directory",
          municipality: municipalities[i % municipalities.length],
          area: areas[i % areas.length],
        }
      : { kind: "unit", id: units[i % units.length] };
  };
  const portalRequest = () => {
    const q = question();
    const url =
      q.kind === "directory"
        ? `${stack.portal}/api/directory/units?municipality=${q.municipality}&serviceArea=${q.area}`
        : `${stack.portal}/api/units/${q.id}`;
    return { url, headers: { Cookie: cookie } };
  };
  const strapiRequest = () => {
    const q = question();
    const url =
      q.kind === "directory"
        ? `${stack.cms}/api/service-units?filters[municipalities][code][$eq]=${q.municipality}&filters[serviceAreas][slug][$eq]=${q.area}&populate=*&pagination[pageSize]=100`
        : `${stack.cms}/api/service-units/${q.id}?populate=*`;
    return { url, headers: { Authorization: `Bearer ${token}` } };
  };

  log("warming up…");
  await load(portalRequest, 2, CONCURRENCY);
  await load(strapiRequest, 2, CONCURRENCY);
  log(`portal: ${SECONDS} s at ${CONCURRENCY} clients…`);
  const portal = await load(portalRequest, SECONDS, CONCURRENCY);
  log(`baseline (Strapi REST, populate=*): ${SECONDS} s at ${CONCURRENCY} clients…`);
  const baseline = await load(strapiRequest, SECONDS, CONCURRENCY);
  process.stdout.write(
    JSON.stringify({
      p50: round(portal.p50),
      p95: round(portal.p95),
      rps: Math.round(portal.rps),
      baselineP95: round(baseline.p95),
      speedup: round(baseline.p95 / portal.p95),
      p99: round(portal.p99),
      errors: portal.errors,
      requests: portal.requests,
      baseline: { p50: round(baseline.p50), rps: Math.round(baseline.rps), errors: baseline.errors },
      concurrency: CONCURRENCY,
      seconds: SECONDS,
    }) + "\n",
  );
} finally {
  await stack.stop();
  rmSync(stack.dataDir, { recursive: true, force: true });
}
