// `npm run cluster` — SosKes as a cluster runs, on one machine: Strapi on PostgreSQL, two portal
// nodes sharing PostgreSQL and Redis (sessions, Socket.IO fan-out), each with its own embedded
// search index. Throwaway PostgreSQL and Redis are started from the Debian packages unless
// CLUSTER_DATABASE_URL / REDIS_URL are given. Prints the URLs; Ctrl-C stops everything.
// With `--test` it checks that a session opened on one node works on the other, runs the
// two-node tests against the same PostgreSQL and Redis, and stops.
import { spawn } from "node:child_process";
import { ROOT, VITEST, build, ensureInstall, fail, step } from "./lib.mjs";
import { cmsNode, login, portalNode, prepareDataDir, tempDir } from "./nodes.mjs";
import { freePort, postgres, redisUrl } from "./services.mjs";

const testMode = process.argv.includes("--test");
const echo = !testMode || process.env.LOG_LEVEL !== undefined;
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
const dirA = tempDir("cluster-a");
const shared = {
  DATABASE_URL: portalDb.url,
  CMS_DATABASE_URL: cmsDb.url,
  REDIS_URL: redis.url,
  LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
  ALLOWED_ORIGINS: `http://localhost:${portA},http://localhost:${portB}`,
};
const secrets = prepareDataDir({ ...process.env, ...shared, DATA_DIR: dirA });
const cms = cmsNode({ dataDir: dirA, cmsPort, portalPort: portA, env: shared, echo });
const nodes = [
  portalNode({ name: "node-a", dataDir: dirA, port: portA, cmsPort, env: shared, echo }),
  portalNode({
    name: "node-b",
    dataDir: tempDir("cluster-b"),
    port: portB,
    cmsPort,
    secrets,
    env: shared,
    echo,
  }),
];
let stopping = false;
async function stopAll(code) {
  if (stopping) return;
  stopping = true;
  step("Stopping the cluster");
  await Promise.all([...nodes, cms].map((n) => n.stop()));
  await redis.stop();
  await cmsDb.stop();
  await portalDb.stop();
  process.exit(code);
}
process.on("SIGINT", () => void stopAll(0));
process.on("SIGTERM", () => void stopAll(0));

try {
  step("Starting Strapi (on PostgreSQL; the first start seeds the demo content)");
  await cms.start();
  // One after the other: the first node migrates the database and creates the demo accounts.
  for (const node of nodes) {
    step(`Starting portal ${node.name}`);
    await node.start();
  }
} catch (err) {
  process.stderr.write(`\n✗ ${err.message}\n`);
  await stopAll(1);
}

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
  const { cookie } = await login(`http://127.0.0.1:${portA}`, "sosiaalityontekija@demo.soskes.example");
  const onB = await fetch(`http://127.0.0.1:${portB}/api/me`, { headers: { Cookie: cookie } });
  process.stdout.write(
    `✓ session from node A on node B: ${onB.status === 200 ? "works" : `failed (${onB.status})`}\n`,
  );
  step("Running the two-node tests against this PostgreSQL and Redis");
  const tests = spawn(
    process.execPath,
    [VITEST, "run", "--project", "web", "web/server/chat/cluster.test.ts"],
    {
      cwd: ROOT,
      stdio: "inherit",
      env: { ...process.env, TEST_DATABASE_URL: portalDb.url, TEST_REDIS_URL: redis.url },
    },
  );
  const code = await new Promise((resolve) => tests.on("exit", resolve));
  await stopAll(onB.status === 200 && code === 0 ? 0 : 1);
}
