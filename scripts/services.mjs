// Throwaway PostgreSQL and Redis for the benchmarks, the fault tests and the cluster script,
// from the Debian packages on this machine (never downloaded), on free ports, gone when stopped.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync } from "node:fs";
import { createServer, connect } from "node:net";
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

/** Resolves once something accepts TCP connections on the port (or after `timeoutMs`, false). */
export async function waitForPort(port, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const open = await new Promise((resolve) => {
      const socket = connect(port, "127.0.0.1");
      socket.once("connect", () => (socket.destroy(), resolve(true)));
      socket.once("error", () => resolve(false));
    });
    if (open) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

const hasCommand = (command, args) => {
  try {
    execFileSync(command, args, { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
};

/**
 * A Redis URL: REDIS_URL or TEST_REDIS_URL when given (unless `own`), else a throwaway
 * redis-server on a free port. An own server keeps an append-only file, as a production Redis
 * should: a restart (`restart()`) keeps the sessions.
 */
export async function redisUrl({ own = false } = {}) {
  const given = process.env.REDIS_URL ?? process.env.TEST_REDIS_URL;
  if (given && !own) return { url: given, stop: () => {} };
  if (!hasCommand("redis-server", ["--version"])) return undefined;
  const port = await freePort();
  const dir = mkdtempSync(path.join(os.tmpdir(), "soskes-redis-"));
  let child;
  const start = async () => {
    child = spawn(
      "redis-server",
      ["--port", String(port), "--bind", "127.0.0.1", "--dir", dir, "--save", "", "--appendonly", "yes"],
      { stdio: "ignore" },
    );
    await waitForPort(port);
  };
  const stop = () =>
    new Promise((resolve) => {
      if (!child || child.exitCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    stop,
    start,
    restart: async () => (await stop(), start()),
  };
}

const postgresBin = () => {
  const root = "/usr/lib/postgresql";
  return existsSync(root)
    ? readdirSync(root)
        .sort()
        .reverse()
        .map((v) => `${root}/${v}/bin`)
        .find((d) => existsSync(`${d}/initdb`))
    : undefined;
};

/** Whether this machine can start a PostgreSQL server of its own (the Debian package). */
export const canStartPostgres = () => postgresBin() !== undefined;

/**
 * A fresh database on the given server (BENCH_DATABASE_URL or TEST_DATABASE_URL, unless `own`),
 * or on a throwaway PostgreSQL started here from the Debian packages (as the postgres user when
 * root). An own server can be stopped, started and restarted on the same port.
 */
export async function postgres(prefix = "soskes_bench", { own = false } = {}) {
  let base = own ? undefined : (process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL);
  let control = { stop: () => {} };
  if (!base) {
    const bin = postgresBin();
    if (!bin) return undefined;
    const dir = mkdtempSync(path.join(os.tmpdir(), "soskes-pg-"));
    const port = await freePort();
    const asRoot = process.getuid?.() === 0;
    if (asRoot) {
      const uid = Number(execFileSync("id", ["-u", "postgres"]).toString());
      const gid = Number(execFileSync("id", ["-g", "postgres"]).toString());
      chownSync(dir, uid, gid);
    }
    const command = (cmd) =>
      asRoot ? ["su", ["postgres", "-s", "/bin/sh", "-c", cmd]] : ["/bin/sh", ["-c", cmd]];
    const sh = (cmd) => spawnSync(...command(cmd), { stdio: "ignore" });
    // Asynchronous, so that a process driving load keeps running while the server restarts.
    const ctl = (action) =>
      new Promise((resolve) =>
        spawn(
          ...command(
            `${bin}/pg_ctl -D '${dir}/data' -l '${dir}/log' -w ${action === "start" ? "" : "-m fast"} ${action === "stop" ? "" : `-o "-p ${port} -k '${dir}' -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300"`} ${action}`,
          ),
          { stdio: "ignore" },
        ).on("exit", () => resolve()),
      );
    sh(`${bin}/initdb -D '${dir}/data' -A trust -U postgres`);
    await ctl("start");
    base = `postgres://postgres@127.0.0.1:${port}/postgres`;
    control = {
      port,
      stop: () => ctl("stop"),
      start: () => ctl("start"),
      /** A fast restart: open connections are ended, as in a failover or an upgrade. */
      restart: () => ctl("restart"),
    };
  }
  const name = `${prefix}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const client = new pg.Client({ connectionString: base });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return { url: url.toString(), ...control };
}
