// `npm run cluster` — SosKes as a cluster runs, on one machine: Strapi on PostgreSQL, two portal
// nodes sharing PostgreSQL and Redis (sessions, Socket.IO fan-out), each with its own embedded
// search index. Throwaway PostgreSQL and Redis are started from the Debian packages unless
// CLUSTER_DATABASE_URL / REDIS_URL are given. Prints the URLs; Ctrl-C stops everything.
// With `--test` it checks that a session opened on one node works on the other, runs the
// two-node tests against the same PostgreSQL and Redis, and stops.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ROOT, build, ensureInstall, fail, startProcess, step, waitForHttp } from "./lib.mjs";
import { freePort, postgres, redisUrl } from "./services.mjs";

const testMode = process.argv.includes("--test");
ensureInstall();
build({ admin: true });

step("Starting PostgreSQL and Redis");
const portalDb = process.env.CLUSTER_DATABASE_URL
  ? { url: process.env.CLUSTER_DATABASE_URL, stop: () => {} }
  : await postgres("soskes_cluster");
const cmsDb = await postgres("soskes_cluster_cms");
const redis = await redisUrl();
if (!portalDb || !cmsDb || !redis)
  fail(
    "PostgreSQL and Redis are needed: install postgresql and redis-server, or give CLUSTER_DATABASE_URL and REDIS_URL.",
  );

const [cmsPort, portA, portB] = [await freePort(), await freePort(), await freePort()];
const dirA = mkdtempSync(path.join(os.tmpdir(), "soskes-cluster-a-"));
const dirB = mkdtempSync(path.join(os.tmpdir(), "soskes-cluster-b-"));
const shared = {
  ...process.env,
  DATABASE_URL: portalDb.url,
  CMS_DATABASE_URL: cmsDb.url,
  REDIS_URL: redis.url,
  LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
};
const children = [];
let stopping = false;
async function stopAll(code) {
  if (stopping) return;
  stopping = true;
  step("Stopping the cluster");
  for (const child of children) child.kill("SIGINT");
  await new Promise((r) => setTimeout(r, 3000));
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  redis.stop();
  cmsDb.stop();
  portalDb.stop();
  process.exit(code);
}
process.on("SIGINT", () => void stopAll(0));
process.on("SIGTERM", () => void stopAll(0));

// Node A: Strapi and the first portal node, as `npm start` runs them.
step("Starting Strapi and portal node A");
const a = spawn(process.execPath, [path.join(ROOT, "scripts/start.mjs")], {
  cwd: ROOT,
  env: {
    ...shared,
    DATA_DIR: dirA,
    CMS_PORT: String(cmsPort),
    PORT: String(portA),
    PUBLIC_URL: `http://localhost:${portA}`,
  },
  stdio: ["ignore", "pipe", "pipe"],
});
children.push(a);
let outputA = "";
a.stdout.on("data", (c) => (outputA += c));
a.stderr.on("data", (c) => process.stderr.write(`[node-a] ${c}`));
const deadline = Date.now() + 300_000;
while (!outputA.includes("SosKes is running")) {
  if (a.exitCode !== null || Date.now() > deadline) {
    process.stderr.write(outputA);
    await stopAll(1);
  }
  await new Promise((r) => setTimeout(r, 250));
}

// Node B: a second portal node with the same secrets, database, Redis and Strapi.
step("Starting portal node B");
const secrets = JSON.parse(readFileSync(path.join(dirA, "secrets.json"), "utf8"));
const b = startProcess("node-b", process.execPath, [path.join(ROOT, "web/dist/server/main.js")], {
  env: {
    ...shared,
    ...secrets,
    DATA_DIR: dirB,
    PORT: String(portB),
    PUBLIC_URL: `http://localhost:${portB}`,
    CMS_URL: `http://127.0.0.1:${cmsPort}`,
    ALLOWED_ORIGINS: `http://localhost:${portA}`,
  },
});
children.push(b);
if (
  !(await waitForHttp(`http://127.0.0.1:${portB}/healthz`, {
    timeoutMs: 60_000,
    isAlive: () => b.exitCode === null,
  }))
)
  await stopAll(1);

process.stdout.write(
  [
    "",
    "SosKes cluster is running:",
    `  portal node A  http://localhost:${portA}`,
    `  portal node B  http://localhost:${portB}`,
    `  Strapi admin   http://localhost:${cmsPort}/admin`,
    `  PostgreSQL     ${portalDb.url.replace(/\/\/[^@]*@/, "//")} (portal), a second database for Strapi`,
    `  Redis          ${redis.url}`,
    "Demo logins as with npm start. Ctrl-C stops the cluster.",
    "",
  ].join("\n"),
);

if (testMode) {
  // A session opened on node A is a session on node B (sessions live in Redis).
  const login = await fetch(`http://127.0.0.1:${portA}/api/me`);
  const csrf = /soskes\.csrf=([^;]+)/.exec(login.headers.get("set-cookie") ?? "")?.[1] ?? "";
  const res = await fetch(`http://127.0.0.1:${portA}/api/auth/login`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf, Cookie: `soskes.csrf=${csrf}` },
    body: JSON.stringify({
      email: "sosiaalityontekija@demo.soskes.example",
      password: process.env.DEMO_PASSWORD ?? "Demo-salasana-2026",
    }),
  });
  const sid = /soskes\.sid=([^;]+)/.exec(res.headers.get("set-cookie") ?? "")?.[1];
  const onB = await fetch(`http://127.0.0.1:${portB}/api/me`, { headers: { Cookie: `soskes.sid=${sid}` } });
  process.stdout.write(
    `✓ session from node A on node B: ${onB.status === 200 ? "works" : `failed (${onB.status})`}\n`,
  );
  step("Running the two-node tests against this PostgreSQL and Redis");
  const tests = spawn(
    process.execPath,
    [
      path.join(ROOT, "node_modules/vitest/vitest.mjs"),
      "run",
      "--project",
      "web",
      "web/server/chat/cluster.test.ts",
    ],
    {
      cwd: ROOT,
      stdio: "inherit",
      env: { ...process.env, TEST_DATABASE_URL: portalDb.url, TEST_REDIS_URL: redis.url },
    },
  );
  const code = await new Promise((resolve) => tests.on("exit", resolve));
  await stopAll(onB.status === 200 && code === 0 ? 0 : 1);
}
