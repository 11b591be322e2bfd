// SosKes processes as `npm start` runs them — Strapi and portal nodes — started one by one on
// chosen ports, so that the cluster script, the fault tests and the load benchmark can start
// several nodes, stop one, kill one and start it again. Needs a build (`npm run build`).
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ROOT } from "./lib.mjs";

export const tempDir = (name) => mkdtempSync(path.join(os.tmpdir(), `soskes-${name}-`));

async function waitUntilUp(url, child, output, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`exited (${child.exitCode ?? child.signalCode}) before answering:\n${output()}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no answer from ${url} within ${timeoutMs / 1000} s:\n${output()}`);
}

/**
 * One supervised process: `start()` spawns it and waits for its health URL, `stop()` ends it
 * gracefully, `kill()` ends it at once (SIGKILL, as a crash or a lost machine). Output is kept
 * (the last 200 lines) and echoed with a prefix when `echo` is set.
 */
function processOf({ name, args, cwd, env, healthUrl, timeoutMs, echo }) {
  let child;
  let lines = [];
  const output = () => lines.join("\n");
  const keep = (chunk) => {
    const text = chunk.toString();
    if (echo) for (const line of text.split("\n")) if (line) process.stderr.write(`[${name}] ${line}\n`);
    lines = lines.concat(text.split("\n")).slice(-200);
  };
  const ended = () =>
    new Promise((resolve) => {
      if (!child || child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
    });
  const node = {
    name,
    get pid() {
      return child?.pid;
    },
    get running() {
      return Boolean(child) && child.exitCode === null && child.signalCode === null;
    },
    output,
    async start() {
      child = spawn(process.execPath, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
      child.stdout.on("data", keep);
      child.stderr.on("data", keep);
      await waitUntilUp(healthUrl, child, output, timeoutMs);
      return node;
    },
    async stop() {
      const done = ended();
      child?.kill("SIGTERM");
      const force = setTimeout(() => child?.kill("SIGKILL"), 10_000);
      await done;
      clearTimeout(force);
    },
    async kill() {
      const done = ended();
      child?.kill("SIGKILL");
      await done;
    },
  };
  return node;
}

/** Checks the configuration for `env` (creating DATA_DIR/secrets.json) and returns the secrets. */
export function prepareDataDir(env) {
  const result = spawnSync(process.execPath, [path.join(ROOT, "config/dist/cli.js")], {
    cwd: ROOT,
    env,
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`configuration refused:\n${result.stderr}`);
  return JSON.parse(readFileSync(path.join(env.DATA_DIR, "secrets.json"), "utf8"));
}

const baseEnv = (extra) => ({ ...process.env, LOG_LEVEL: "warn", CI: "", ...extra });

/**
 * Strapi on `cmsPort`, its data (SQLite unless CMS_DATABASE_URL) under `dataDir`, its webhook
 * pointed at the portal on `portalPort`. Seeds the demo content on its first start.
 */
export function cmsNode({ dataDir, cmsPort, portalPort, env = {}, echo = false }) {
  const fullEnv = baseEnv({
    DATA_DIR: dataDir,
    CMS_PORT: String(cmsPort),
    PORT: String(portalPort),
    STRAPI_TELEMETRY_DISABLED: "true",
    ...env,
  });
  prepareDataDir(fullEnv);
  // Object.assign, not a spread: the process's getters (running, pid) must stay live.
  return Object.assign(
    processOf({
      name: "cms",
      args: [path.join(ROOT, "node_modules/@strapi/strapi/bin/strapi.js"), "start"],
      cwd: path.join(ROOT, "cms"),
      env: fullEnv,
      healthUrl: `http://127.0.0.1:${cmsPort}/_health`,
      timeoutMs: 240_000,
      echo,
    }),
    { url: `http://127.0.0.1:${cmsPort}` },
  );
}

/**
 * A portal node on `port` reading Strapi on `cmsPort`. `secrets` (from the first node's data
 * directory) make every node accept the same sessions, tokens and webhooks; each node keeps its
 * own DATA_DIR for its embedded search index.
 */
export function portalNode({
  name = "portal",
  dataDir,
  port,
  cmsPort,
  secrets = {},
  env = {},
  echo = false,
}) {
  const fullEnv = baseEnv({
    ...secrets,
    DATA_DIR: dataDir,
    PORT: String(port),
    CMS_PORT: String(cmsPort),
    PUBLIC_URL: `http://localhost:${port}`,
    ...env,
  });
  return Object.assign(
    processOf({
      name,
      args: [path.join(ROOT, "web/dist/server/main.js")],
      cwd: ROOT,
      env: fullEnv,
      healthUrl: `http://127.0.0.1:${port}/healthz`,
      timeoutMs: 90_000,
      echo,
    }),
    { url: `http://127.0.0.1:${port}` },
  );
}

/**
 * Logs in over HTTP as the web client does — "who am I" first (it hands out the CSRF cookie),
 * then the login with the cookie and its header — and returns the Cookie header for later
 * requests and the CSRF token; throws with the status when refused. `fetchImpl` lets a benchmark
 * time the two requests.
 */
export async function login(
  baseUrl,
  email,
  password = process.env.DEMO_PASSWORD ?? "Demo-salasana-2026",
  fetchImpl = fetch,
) {
  const first = await fetchImpl(`${baseUrl}/api/me`);
  await first.arrayBuffer();
  const csrf = /soskes\.csrf=([^;]+)/.exec(first.headers.getSetCookie().join(";"))?.[1] ?? "";
  const res = await fetchImpl(`${baseUrl}/api/auth/login`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf, Cookie: `soskes.csrf=${csrf}` },
    body: JSON.stringify({ email, password }),
  });
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`login of ${email} refused: ${res.status}`);
  // The login may renew the CSRF cookie: later cookies replace earlier ones of the same name.
  const jar = new Map([["soskes.csrf", csrf]]);
  for (const c of res.headers.getSetCookie()) {
    const [pair] = c.split(";");
    const at = pair.indexOf("=");
    jar.set(pair.slice(0, at), pair.slice(at + 1));
  }
  return {
    cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; "),
    csrf: jar.get("soskes.csrf"),
  };
}
