// Shared by the benchmarks: the real stack (npm start's script) on free ports, and a login.
import { spawn } from "node:child_process";
import http from "node:http";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

import { login as loginAs } from "../../scripts/nodes.mjs";
import { freePort } from "../../scripts/services.mjs";

export { freePort };

/** Starts Strapi and the portal on a data directory (a fresh one unless given). */
export async function startStack(dataDir = mkdtempSync(path.join(os.tmpdir(), "soskes-bench-"))) {
  const [cmsPort, portalPort] = [await freePort(), await freePort()];
  const child = spawn(process.execPath, [path.join(ROOT, "scripts/start.mjs")], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      CMS_PORT: String(cmsPort),
      PORT: String(portalPort),
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (c) => (output += c));
  child.stderr.on("data", (c) => (output += c));
  const deadline = Date.now() + 300_000;
  while (!output.includes("SosKes is running")) {
    if (child.exitCode !== null || Date.now() > deadline)
      throw new Error(`the stack did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  const stop = () =>
    new Promise((resolve) => {
      child.once("exit", resolve);
      child.kill("SIGINT");
    });
  return {
    dataDir,
    pid: child.pid,
    portal: `http://127.0.0.1:${portalPort}`,
    cms: `http://127.0.0.1:${cmsPort}`,
    stop,
  };
}

/** Logs in as the demo social worker; returns the Cookie header. */
export async function login(portal) {
  return (await loginAs(portal, "sosiaalityontekija@demo.soskes.example")).cookie;
}

/** GET over a kept-alive connection of `agent`; resolves with the status once the body is read. */
function get(url, headers, agent) {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent, headers }, (res) => {
      res.on("data", () => {});
      res.on("end", () => resolve(res.statusCode ?? 0));
      res.on("error", reject);
    });
    req.on("error", reject);
  });
}

/**
 * `clients` loops sending requests until `next()` returns undefined; latencies in ms.
 * Returns {requests, errors, p50, p95, p99, rps}. The load runs on the same two cores as what it
 * measures, so it uses node:http with one kept-alive connection per client (about a third of
 * fetch's CPU per request) to take as little of them as it can.
 */
export async function drive(next, clients) {
  const latencies = [];
  let errors = 0;
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (let request = next(); request; request = next()) {
        const t0 = performance.now();
        try {
          const status = await get(request.url, request.headers, agent);
          if (status < 200 || status >= 300) errors += 1;
        } catch {
          errors += 1;
        }
        latencies.push(performance.now() - t0);
      }
    }),
  );
  agent.destroy();
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  return {
    requests: latencies.length,
    errors,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    rps: latencies.length / elapsed,
  };
}
