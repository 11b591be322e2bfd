// Shared by the two commands. Uses only Node's standard library: it runs before any
// dependency is installed.
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
/** Vitest's command line, run with this Node (`npm test`, the cluster's two-node tests). */
export const VITEST = path.join(ROOT, "node_modules/vitest/vitest.mjs");
const npm = process.platform === "win32" ? "npm.cmd" : "npm";

let quiet = false;
/** Sends progress and child output to stderr, keeping stdout for a command's own answer (--json). */
export function useStderr() {
  quiet = true;
}

export function step(message) {
  (quiet ? process.stderr : process.stdout).write(`\n▸ ${message}\n`);
}

export function fail(message) {
  process.stderr.write(`\n✗ ${message}\n`);
  process.exit(1);
}

export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: quiet ? [0, 2, 2] : "inherit", ...options });
  if (result.status !== 0)
    fail(`${command} ${args.join(" ")} failed (exit ${result.status ?? result.signal}).`);
}

export function checkNode() {
  const [major, minor] = process.versions.node.split(".").map(Number);
  if (major < 20 || (major === 20 && minor < 19)) {
    fail(`SosKes needs Node.js 20.19 or newer; this is ${process.versions.node}.`);
  }
}

/** Installs dependencies when node_modules is missing or older than the lockfile. */
export function ensureInstall() {
  checkNode();
  const marker = path.join(ROOT, "node_modules", ".package-lock.json");
  const lock = path.join(ROOT, "package-lock.json");
  const stale =
    !existsSync(marker) || (existsSync(lock) && statSync(lock).mtimeMs > statSync(marker).mtimeMs + 1000);
  if (!stale) return;
  step("Installing dependencies (the first time takes a few minutes: better-sqlite3 compiles from source)");
  run(npm, [existsSync(lock) ? "ci" : "install", "--no-audit", "--no-fund"]);
}

function hashTree(hash, dir) {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
    a.name.localeCompare(b.name),
  )) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) hashTree(hash, full);
    else hash.update(entry.name).update(readFileSync(full));
  }
}

/**
 * Compiles the TypeScript packages and the CMS server code; with `admin`, also builds the
 * Strapi admin panel when its inputs changed since the last build (it takes ~40 s).
 */
export function build({ admin }) {
  step("Compiling TypeScript");
  run(process.execPath, [path.join(ROOT, "node_modules/typescript/bin/tsc"), "-b"]);
  run(process.execPath, [path.join(ROOT, "node_modules/typescript/bin/tsc"), "-p", "cms"]);
  step("Building the portal's web client");
  run(process.execPath, [
    path.join(ROOT, "node_modules/vite/bin/vite.js"),
    "build",
    "--config",
    "web/client/vite.config.ts",
    "--logLevel",
    "warn",
  ]);
  reportClientSize();
  if (!admin) return;
  const hash = createHash("sha256");
  for (const file of ["package-lock.json", "cms/package.json"])
    hash.update(readFileSync(path.join(ROOT, file)));
  hashTree(hash, path.join(ROOT, "cms/src/admin"));
  hashTree(hash, path.join(ROOT, "cms/src/components"));
  hashTree(hash, path.join(ROOT, "cms/src/api"));
  const digest = hash.digest("hex");
  const stamp = path.join(ROOT, "cms/dist/.admin-build");
  const built =
    existsSync(path.join(ROOT, "cms/dist/build/index.html")) &&
    existsSync(stamp) &&
    readFileSync(stamp, "utf8") === digest;
  if (built) return;
  step("Building the Strapi admin panel");
  run(process.execPath, [path.join(ROOT, "node_modules/@strapi/strapi/bin/strapi.js"), "build"], {
    cwd: path.join(ROOT, "cms"),
  });
  writeFileSync(stamp, digest);
}

/** The initial JavaScript the browser downloads, gzipped (target: at most 150 KB). */
function reportClientSize() {
  const dir = path.join(ROOT, "web/dist/client");
  const html = readFileSync(path.join(dir, "index.html"), "utf8");
  const scripts = [...html.matchAll(/<(?:script|link)[^>]+(?:src|href)="\/([^"]+\.js)"/g)].map((m) => m[1]);
  const bytes = scripts.reduce((sum, file) => sum + gzipSync(readFileSync(path.join(dir, file))).length, 0);
  (quiet ? process.stderr : process.stdout).write(
    `  web client: initial JavaScript ${(bytes / 1024).toFixed(1)} KB gzipped (${scripts.length} file${scripts.length === 1 ? "" : "s"})\n`,
  );
}

/** Reads the checked configuration (no secrets) or stops with its readable message. */
export function readConfig() {
  const result = spawnSync(process.execPath, [path.join(ROOT, "config/dist/cli.js"), "--json"], {
    cwd: ROOT,
    encoding: "utf8",
  });
  if (result.status !== 0) {
    process.stderr.write(result.stderr);
    process.exit(1);
  }
  return JSON.parse(result.stdout);
}

/** Starts a child process whose output lines are prefixed with its name. */
export function startProcess(name, command, args, options = {}) {
  const child = spawn(command, args, { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"], ...options });
  const prefix = (stream, out) => {
    let buffered = "";
    stream.on("data", (chunk) => {
      buffered += chunk.toString();
      const lines = buffered.split("\n");
      buffered = lines.pop() ?? "";
      for (const line of lines) out.write(`[${name}] ${line}\n`);
    });
  };
  prefix(child.stdout, quiet ? process.stderr : process.stdout);
  prefix(child.stderr, process.stderr);
  return child;
}

export async function waitForHttp(url, { timeoutMs, isAlive }) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive()) return false;
    try {
      const res = await fetch(url);
      if (res.status < 500) return true;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return false;
}
