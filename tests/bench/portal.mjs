// `npm run bench:portal` — how many members one portal node, and two nodes with PostgreSQL and
// Redis, serve at once. Virtual members do what members do — log in, open the realtime
// connection and their eKollega group, browse the directory, read unit, law and guidance pages,
// search, write in their group, look at their consultations and the answer bank, now and then ask
// an expert panel — with a think time between actions. Members are added step by step until
// Mattermost's health thresholds break (average latency ≤ 100 ms, p99 ≤ 2 s, errors ≤ 0.025 %);
// the last step that kept them is the supported count. Prints one JSON object:
// {"oneNode": {"users", "steps"}, "twoNodes": {"users", "steps"}}.
//
// The load generator runs on the same machine as Strapi and the nodes, and takes its share of the
// cores. BENCH_NODES=1 or 2 runs one of the two; BENCH_THINK_MS (mean think time between a
// member's actions, default 5000), BENCH_START, BENCH_STEP (steps up to 500 members; a quarter
// more each step after that), BENCH_MAX_USERS and BENCH_HOLD_SECONDS tune the ramp.
import { readFileSync } from "node:fs";
import path from "node:path";
import { io } from "socket.io-client";
import { loadConfig } from "@soskes/config";
import { build, useStderr } from "../../scripts/lib.mjs";
import { cmsNode, login, portalNode, prepareDataDir, tempDir } from "../../scripts/nodes.mjs";
import { freePort, postgres, redisUrl } from "../../scripts/services.mjs";
import { insertBenchMembers } from "./members.mjs";
import { ROOT } from "./stack.mjs";

const THINK_MS = Number(process.env.BENCH_THINK_MS ?? 5000);
const START = Number(process.env.BENCH_START ?? 100);
const STEP = Number(process.env.BENCH_STEP ?? 100);
const MAX_USERS = Number(process.env.BENCH_MAX_USERS ?? 5000);
const RAMP_S = 5;
const HOLD_S = Number(process.env.BENCH_HOLD_SECONDS ?? 20);
const GROUP_SIZE = 25;
const PASSWORD = "Kuorma-salasana-2026";
const LIMITS = { avgMs: 100, p99Ms: 2000, errorRate: 0.00025 };
const only = (process.env.BENCH_NODES ?? "1,2").split(",");
const log = (line) => process.stderr.write(`${line}\n`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const think = () => sleep(-Math.log(1 - Math.random()) * THINK_MS);
const pick = (list) => list[Math.floor(Math.random() * list.length)];

useStderr();
build({ admin: true });
const { hashPassword } = await import("../../web/dist/server/auth/passwords.js");
const { openDatabase } = await import("../../web/dist/server/db/database.js");
const queries = JSON.parse(readFileSync(path.join(ROOT, "tests/fixtures/search-queries.sample.json"), "utf8"))
  .queries.map((q) => q.query)
  .slice(0, 60);

/** Every request and socket answer: when it started, how long it took, whether it failed. */
const samples = [];
const record = (started, ok) => samples.push({ at: started, ms: performance.now() - started, ok });

/** A request as the web client makes it, timed; anything but 2xx counts as an error. */
async function timed(url, init = {}) {
  const started = performance.now();
  try {
    const res = await fetch(url, { ...init, signal: AbortSignal.timeout(10_000) });
    await res.arrayBuffer();
    record(started, res.ok);
  } catch {
    record(started, false);
  }
}
/** fetch for logging in, timed: "who am I" answers 401 before login, as it should. */
async function recordedFetch(url, init) {
  const started = performance.now();
  try {
    const res = await fetch(url, { ...init, signal: AbortSignal.timeout(10_000) });
    record(started, res.status < 300 || res.status === 401);
    return res;
  } catch (err) {
    record(started, false);
    throw err;
  }
}
function ack(socket, event, payload) {
  const started = performance.now();
  return new Promise((resolve) => {
    const timer = setTimeout(() => (record(started, false), resolve(null)), 10_000);
    socket.emit(event, payload, (answer) => {
      clearTimeout(timer);
      record(started, !answer?.error);
      resolve(answer?.data ?? null);
    });
  });
}

/** Starts Strapi and `nodes` portal nodes (two share PostgreSQL and Redis); creates the members. */
async function startCluster(nodes) {
  const stores = [];
  let shared = {};
  if (nodes > 1) {
    const database = await postgres("soskes_bench_portal");
    const redis = await redisUrl();
    if (!database || !redis) return undefined;
    stores.push(database, redis);
    shared = { DATABASE_URL: database.url, REDIS_URL: redis.url };
  }
  const ports = await Promise.all(Array.from({ length: nodes + 1 }, () => freePort()));
  const [cmsPort, ...portalPorts] = ports;
  const dirA = tempDir("bench-portal");
  const env = {
    ...shared,
    LOG_LEVEL: "error",
    ALLOWED_ORIGINS: portalPorts.map((p) => `http://localhost:${p}`).join(","),
  };
  const secrets = prepareDataDir({ ...process.env, ...env, DATA_DIR: dirA });
  const cms = cmsNode({ dataDir: dirA, cmsPort, portalPort: portalPorts[0], env });
  const portals = portalPorts.map((port, i) =>
    portalNode({
      name: `node-${i + 1}`,
      dataDir: i === 0 ? dirA : tempDir("bench-portal"),
      port,
      cmsPort,
      secrets,
      env,
    }),
  );
  log("starting Strapi (the first start seeds the demo content)…");
  await cms.start();
  for (const node of portals) {
    log(`starting portal ${node.name}…`);
    await node.start();
  }
  const stop = async () => {
    await Promise.all([...portals, cms].map((n) => n.stop()));
    for (const store of stores) await store.stop();
  };
  const config = loadConfig({ env: { ...process.env, ...env, DATA_DIR: dirA }, dotenv: false });
  return { urls: portals.map((p) => p.url), config, stop };
}

/** Bench members in every municipality, each in one closed eKollega group of 25. */
async function createMembers(cluster, count, municipalities) {
  const database = openDatabase(cluster.config.portal.database);
  const ids = await insertBenchMembers(database.db, count, {
    prefix: "kuorma",
    passwordHash: await hashPassword(PASSWORD),
    municipalities,
  });
  await database.close();
  const base = cluster.urls[0];
  const moderator = await login(base, "moderaattori@demo.soskes.example");
  const post = (p, body) =>
    fetch(`${base}${p}`, {
      method: "POST",
      headers: {
        Cookie: moderator.cookie,
        "X-CSRF-Token": moderator.csrf,
        "Content-Type": "application/json",
      },
      body: JSON.stringify(body),
    }).then(async (res) => {
      if (!res.ok) throw new Error(`${p}: ${res.status} ${await res.text()}`);
      return res.json();
    });
  const groupOf = [];
  for (let g = 0; g * GROUP_SIZE < count; g++) {
    const { data } = await post("/api/groups", { name: `Kuormaryhmä ${g}`, visibility: "closed" });
    const members = ids.slice(g * GROUP_SIZE, (g + 1) * GROUP_SIZE);
    for (let i = 0; i < members.length; i += 10)
      await Promise.all(
        members.slice(i, i + 10).map((userId) => post(`/api/groups/${data.id}/members`, { userId })),
      );
    for (const _ of members) groupOf.push(data.id);
    if (g % 10 === 9) log(`  groups: ${g + 1}`);
  }
  return groupOf;
}

/** What the pages link to: municipalities, areas, units, statutes, guidance pages, panels. */
async function catalogue(base) {
  const { cookie } = await login(base, "sosiaalityontekija@demo.soskes.example");
  const get = async (p) => (await (await fetch(`${base}${p}`, { headers: { Cookie: cookie } })).json()).data;
  const areas = (await get("/api/service-areas")).map((a) => a.slug);
  const pages = [];
  for (const area of areas)
    pages.push(...((await get(`/api/service-areas/${area}`)).pages ?? []).map((p) => p.slug));
  return {
    municipalities: (await get("/api/municipalities")).map((m) => m.code),
    areas,
    units: (await get("/api/directory/units")).map((u) => u.id),
    statutes: (await get("/api/statutes")).map((s) => s.slug),
    pages,
    panelAreas: [...new Set((await get("/api/panels")).map((p) => p.serviceArea))],
  };
}

/** One member's session: logs in, opens the realtime connection and the group, then acts. */
async function member(index, base, groupId, cat, running) {
  let session;
  try {
    session = await login(base, `kuorma-${index}@bench.soskes.example`, PASSWORD, recordedFetch);
  } catch {
    return;
  }
  const { cookie } = session;
  const headers = { Cookie: cookie };
  const write = { ...headers, "X-CSRF-Token": session.csrf, "Content-Type": "application/json" };
  const socket = io(base, { transports: ["websocket"], extraHeaders: { cookie }, reconnection: true });
  const started = performance.now();
  await new Promise((resolve) => {
    socket.once("connect", resolve);
    socket.once("connect_error", resolve);
  });
  record(started, socket.connected);
  let lastSeq = 0;
  socket.on("message:created", (m) => (lastSeq = Math.max(lastSeq, m.seq)));
  await ack(socket, "group:join", { groupId });
  let asked = false;
  const actions = [
    [
      25,
      () =>
        timed(
          `${base}/api/directory/units?municipality=${pick(cat.municipalities)}&serviceArea=${pick(cat.areas)}`,
          { headers },
        ),
    ],
    [15, () => timed(`${base}/api/units/${pick(cat.units)}`, { headers })],
    [10, () => timed(`${base}/api/statutes/${pick(cat.statutes)}`, { headers })],
    [
      10,
      () =>
        timed(
          cat.pages.length
            ? `${base}/api/pages/${pick(cat.pages)}`
            : `${base}/api/service-areas/${pick(cat.areas)}`,
          { headers },
        ),
    ],
    [20, () => timed(`${base}/api/search?q=${encodeURIComponent(pick(queries))}`, { headers })],
    [
      8,
      () =>
        ack(socket, "message:create", {
          groupId,
          clientId: crypto.randomUUID(),
          body: `Kuormitusviesti ${index}: onko kokemuksia tästä?`,
        }),
    ],
    [3, () => ack(socket, "messages:since", { groupId, afterSeq: Math.max(0, lastSeq - 20) })],
    [3, () => timed(`${base}/api/consultations?scope=mine`, { headers })],
    [3, () => timed(`${base}/api/answers`, { headers })],
    [2, () => timed(`${base}/api/me`, { headers })],
    [
      1,
      () => {
        if (asked || cat.panelAreas.length === 0) return timed(`${base}/api/answers`, { headers });
        asked = true;
        return timed(`${base}/api/consultations`, {
          method: "POST",
          headers: write,
          body: JSON.stringify({
            serviceArea: pick(cat.panelAreas),
            topic: "Tuen tarpeen muutos kesken suunnitelman",
            question:
              "Miten toimitaan, kun tuen tarve muuttuu kesken voimassa olevan suunnitelman? Kaipaan näkemystä käytännöstä.",
            urgency: "normal",
            anonymised: true,
            acknowledgeFlags: true,
          }),
        });
      },
    ],
  ];
  const total = actions.reduce((s, [w]) => s + w, 0);
  while (running()) {
    await think();
    if (!running()) break;
    let r = Math.random() * total;
    const [, act] = actions.find(([w]) => (r -= w) < 0) ?? actions[0];
    await act();
  }
  socket.disconnect();
}

const round = (n) => Math.round(n * 10) / 10;
function stats(from, to) {
  const window = samples.filter((s) => s.at >= from && s.at < to);
  const ms = window.map((s) => s.ms).sort((a, b) => a - b);
  const errors = window.filter((s) => !s.ok).length;
  return {
    requests: window.length,
    avgMs: round(ms.reduce((a, b) => a + b, 0) / Math.max(1, ms.length)),
    p99Ms: round(ms[Math.min(ms.length - 1, Math.floor(ms.length * 0.99))] ?? 0),
    errorRate: window.length ? errors / window.length : 0,
  };
}

async function run(nodes) {
  const cluster = await startCluster(nodes);
  if (!cluster)
    return {
      skipped:
        "two nodes need PostgreSQL and redis-server (Debian packages) or BENCH_DATABASE_URL and REDIS_URL",
    };
  try {
    log(`creating ${MAX_USERS} members in groups of ${GROUP_SIZE}…`);
    const cat = await catalogue(cluster.urls[0]);
    const groupOf = await createMembers(cluster, MAX_USERS, cat.municipalities);
    const steps = [];
    let alive = true;
    const sessions = [];
    let supported = 0;
    // Steps of BENCH_STEP up to 500 members, then a quarter more each step.
    const next = (users) => (users < 500 ? users + STEP : Math.round((users * 1.25) / 50) * 50);
    for (let users = START; users <= MAX_USERS; users = next(users)) {
      // The new members arrive spread over the ramp, each on the next node (as a load balancer).
      const from = sessions.length;
      for (let i = from; i < users; i++) {
        sessions.push(member(i, cluster.urls[i % cluster.urls.length], groupOf[i], cat, () => alive));
        await sleep((RAMP_S * 1000) / (users - from));
      }
      const t0 = performance.now();
      await sleep(HOLD_S * 1000);
      const step = { users, ...stats(t0, performance.now()) };
      steps.push(step);
      const healthy =
        step.avgMs <= LIMITS.avgMs && step.p99Ms <= LIMITS.p99Ms && step.errorRate <= LIMITS.errorRate;
      log(
        `  ${nodes} node${nodes > 1 ? "s" : ""}, ${users} members: ${step.requests} requests, avg ${step.avgMs} ms, p99 ${step.p99Ms} ms, errors ${(step.errorRate * 100).toFixed(3)} % ${healthy ? "✓" : "✗"}`,
      );
      if (!healthy) break;
      supported = users;
    }
    alive = false;
    await Promise.all(sessions);
    return { users: supported, thinkMs: THINK_MS, steps };
  } finally {
    await cluster.stop();
  }
}

const started = Date.now();
const oneNode = only.includes("1") ? await run(1) : null;
samples.length = 0;
const twoNodes = only.includes("2") ? await run(2) : null;
log(`done in ${Math.round((Date.now() - started) / 1000)} s`);
process.stdout.write(`${JSON.stringify({ oneNode, twoNodes, limits: LIMITS })}\n`);
process.exit(0);
