// Throwaway PostgreSQL and Redis for the benchmarks and the cluster script, from the Debian
// packages on this machine (never downloaded), on free ports, gone when stopped.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";

export const freePort = () =>
  new Promise((resolve) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

/** A Redis URL: REDIS_URL or TEST_REDIS_URL when given, else a throwaway redis-server on a free port. */
export async function redisUrl() {
  const given = process.env.REDIS_URL ?? process.env.TEST_REDIS_URL;
  if (given) return { url: given, stop: () => {} };
  try {
    execFileSync("redis-server", ["--version"], { stdio: "ignore" });
  } catch {
    return undefined;
  }
  const port = await freePort();
  const child = spawn(
    "redis-server",
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
    {
      stdio: "ignore",
    },
  );
  await new Promise((r) => setTimeout(r, 500));
  return { url: `redis://127.0.0.1:${port}`, stop: () => child.kill() };
}

/**
 * A fresh database on the given server (BENCH_DATABASE_URL or TEST_DATABASE_URL), or on a
 * throwaway PostgreSQL started here from the Debian packages (as the postgres user when root).
 */
export async function postgres(prefix = "soskes_bench") {
  let base = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  let stop = () => {};
  if (!base) {
    const root = "/usr/lib/postgresql";
    const bin = existsSync(root)
      ? readdirSync(root)
          .map((v) => `${root}/${v}/bin`)
          .find((d) => existsSync(`${d}/initdb`))
      : undefined;
    if (!bin) return undefined;
    const dir = mkdtempSync(path.join(os.tmpdir(), "soskes-bench-pg-"));
    const port = await freePort();
    const asRoot = process.getuid?.() === 0;
    if (asRoot) {
      const uid = Number(execFileSync("id", ["-u", "postgres"]).toString());
      const gid = Number(execFileSync("id", ["-g", "postgres"]).toString());
      chownSync(dir, uid, gid);
    }
    const sh = (cmd) =>
      asRoot
        ? spawnSync("su", ["postgres", "-s", "/bin/sh", "-c", cmd], { stdio: "ignore" })
        : spawnSync("/bin/sh", ["-c", cmd], { stdio: "ignore" });
    sh(`${bin}/initdb -D '${dir}/data' -A trust -U postgres`);
    sh(
      `${bin}/pg_ctl -D '${dir}/data' -l '${dir}/log' -w -o "-p ${port} -k '${dir}' -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start`,
    );
    base = `postgres://postgres@127.0.0.1:${port}/postgres`;
    stop = () => sh(`${bin}/pg_ctl -D '${dir}/data' -m immediate stop`);
  }
  const name = `${prefix}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const client = new pg.Client({ connectionString: base });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return { url: url.toString(), stop };
}
