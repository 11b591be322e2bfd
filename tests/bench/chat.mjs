// bench:chat — 2,000 connected sockets, 100 groups of 20, 200 senders at one message per 5 s
// each for 60 s; latency from emit to every other member's receipt. One node, then two nodes
// with Redis and PostgreSQL, as a cluster runs (throwaway redis-server and PostgreSQL instances when
// REDIS_URL / BENCH_DATABASE_URL or TEST_DATABASE_URL are not given). Prints one JSON object.
import { fork } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { randomBytes } from "node:crypto";
import os from "node:os";
import path from "node:path";
import { io } from "socket.io-client";
import { ROOT, freePort } from "./stack.mjs";
import { postgres, redisUrl } from "../../scripts/services.mjs";
import { build, useStderr } from "../../scripts/lib.mjs";

const GROUPS = Number(process.env.BENCH_GROUPS ?? 100);
const PER_GROUP = Number(process.env.BENCH_GROUP_SIZE ?? 20);
const SENDERS_PER_GROUP = 2;
const DURATION_MS = Number(process.env.BENCH_SECONDS ?? 60) * 1000;
const INTERVAL_MS = 5000;
const log = (m) => process.stderr.write(`${m}\n`);

function startNode(env) {
  const child = fork(path.join(ROOT, "tests/bench/chat-server.mjs"), [], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: "error", ...env },
    execArgv: ["--expose-gc"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const waiters = new Map();
  child.on("message", (msg) => {
    if (msg.type === "error") throw new Error(msg.message);
    waiters.get(msg.type)?.(msg);
  });
  const next = (type) => new Promise((resolve) => waiters.set(type, resolve));
  const ask = (msg, answer) => {
    const p = next(answer);
    child.send(msg);
    return p;
  };
  return {
    ready: next("ready"),
    seed: () => ask({ type: "seed", groups: GROUPS, perGroup: PER_GROUP }, "seeded"),
    heap: async () => (await ask({ type: "heap" }, "heap")).heapUsed,
    stop: () =>
      new Promise((resolve) => {
        child.once("exit", resolve);
        child.send({ type: "stop" });
      }),
  };
}

const percentile = (sorted, p) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? null;

async function connectAll(urls, cookies, offset = 0) {
  const sockets = [];
  for (let i = 0; i < cookies.length; i += 100) {
    const batch = cookies.slice(i, i + 100).map((cookie, j) => {
      const socket = io(urls[(offset + i + j) % urls.length], {
        transports: ["websocket"],
        forceNew: true,
        reconnection: true,
        extraHeaders: { cookie: `soskes.sid=${cookie}` },
      });
      return new Promise((resolve, reject) => {
        socket.once("connect", () => resolve(socket));
        socket.once("connect_error", reject);
      });
    });
    sockets.push(...(await Promise.all(batch)));
  }
  return sockets;
}

/** Runs the load against already connected sockets; every message's receipts are counted. */
async function drive(seeded, sockets) {
  const sentAt = new Map();
  const receipts = new Map();
  const latencies = [];
  let duplicates = 0;
  sockets.forEach((socket, index) => {
    const userId = seeded.ids[index];
    socket.on("message:created", (m) => {
      const t = sentAt.get(m.clientId);
      if (t === undefined || m.author.id === userId) return;
      const seen = receipts.get(m.clientId) ?? new Set();
      if (seen.has(userId)) duplicates += 1;
      else latencies.push(performance.now() - t);
      seen.add(userId);
      receipts.set(m.clientId, seen);
    });
  });
  const senders = [];
  seeded.members.forEach((members, g) => {
    for (let s = 0; s < SENDERS_PER_GROUP; s++)
      senders.push({ groupId: seeded.groupIds[g], index: g * PER_GROUP + s, receivers: members.length - 1 });
  });
  let sent = 0;
  let expected = 0;
  let failed = 0;
  const until = performance.now() + DURATION_MS;
  await Promise.all(
    senders.map(async (sender, n) => {
      await new Promise((r) => setTimeout(r, (n / senders.length) * INTERVAL_MS));
      let k = 0;
      while (performance.now() < until) {
        const clientId = `bench-${sender.index}-${k++}-${Math.random().toString(36).slice(2, 10)}`;
        sentAt.set(clientId, performance.now());
        sent += 1;
        expected += sender.receivers;
        sockets[sender.index].emit(
          "message:create",
          { groupId: sender.groupId, clientId, body: `Kuormitusviesti ${k}` },
          (ack) => {
            if (ack.error) failed += 1;
          },
        );
        await new Promise((r) => setTimeout(r, INTERVAL_MS));
      }
    }),
  );
  await new Promise((r) => setTimeout(r, 3000));
  let delivered = 0;
  for (const seen of receipts.values()) delivered += seen.size;
  latencies.sort((a, b) => a - b);
  const round = (v) => (v === null ? null : Math.round(v * 100) / 100);
  return {
    messages: sent,
    receipts: delivered,
    p50: round(percentile(latencies, 50)),
    p95: round(percentile(latencies, 95)),
    p99: round(percentile(latencies, 99)),
    lost: expected - delivered + failed,
    duplicates,
  };
}

async function run(nodes, cluster) {
  // One node: the embedded defaults. Two nodes: PostgreSQL and Redis shared, each node with its own
  // data directory (and embedded search index: a cluster would share Meilisearch) and one session secret.
  const secret = randomBytes(32).toString("hex");
  const shared = cluster
    ? { REDIS_URL: cluster.redis, DATABASE_URL: cluster.database, SESSION_SECRET: secret }
    : {};
  const env = () => ({
    DATA_DIR: mkdtempSync(path.join(os.tmpdir(), "soskes-bench-chat-")),
    DEMO_DATA: "false",
    ...shared,
  });
  const first = startNode({ ...env(), PORT: String(await freePort()) });
  const { url: firstUrl } = await first.ready;
  const others = [];
  for (let i = 1; i < nodes; i++) others.push(startNode({ ...env(), PORT: String(await freePort()) }));
  const urls = [firstUrl, ...(await Promise.all(others.map((o) => o.ready))).map((r) => r.url)];
  log(`▸ ${nodes} node${nodes > 1 ? "s" : ""}: seeding ${GROUPS * PER_GROUP} members in ${GROUPS} groups`);
  const seeded = await first.seed();
  log(`▸ connecting ${seeded.cookies.length} sockets`);
  // The first 200 warm the server up (compiled code, pools, caches); the heap is measured over
  // the other 1,800, so it is what each further idle socket costs.
  const WARM = 200;
  const sockets = await connectAll(urls, seeded.cookies.slice(0, WARM));
  await new Promise((r) => setTimeout(r, 1000));
  const heapBefore = nodes === 1 ? await first.heap() : 0;
  sockets.push(...(await connectAll(urls, seeded.cookies.slice(WARM), WARM)));
  await new Promise((r) => setTimeout(r, 2000));
  const heapAfter = nodes === 1 ? await first.heap() : 0;
  log(`▸ ${GROUPS * SENDERS_PER_GROUP} senders for ${DURATION_MS / 1000} s`);
  const result = await drive(seeded, sockets);
  if (nodes === 1)
    result.heapPerIdleSocketKB =
      Math.round(((heapAfter - heapBefore) / (sockets.length - WARM) / 1024) * 100) / 100;
  for (const s of sockets) s.disconnect();
  await Promise.all([first, ...others].map((n) => n.stop()));
  return result;
}

useStderr();
build({ admin: false });
const only = process.env.BENCH_NODES ?? "1,2";
const oneNode = only.includes("1") ? await run(1) : null;
let twoNodes = null;
if (only.includes("2")) {
  const redis = await redisUrl();
  const database = redis ? await postgres() : undefined;
  twoNodes =
    redis && database
      ? await run(2, { redis: redis.url, database: database.url })
      : { skipped: "two nodes need redis-server and PostgreSQL (or REDIS_URL and BENCH_DATABASE_URL)" };
  await redis?.stop();
  await database?.stop();
}
process.stdout.write(`${JSON.stringify({ oneNode, twoNodes })}\n`);
process.exit(0);
