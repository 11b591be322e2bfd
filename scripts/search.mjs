// npm run reindex | search | search:eval — the search index from the command line.
// Progress goes to stderr; stdout carries only the answer, so `--json` output can be piped.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import {
  ROOT,
  build,
  ensureInstall,
  fail,
  readConfig,
  run,
  startProcess,
  step,
  useStderr,
  waitForHttp,
} from "./lib.mjs";

useStderr();
ensureInstall();
run(process.execPath, [path.join(ROOT, "node_modules/typescript/bin/tsc"), "-b"]);
const config = readConfig();
const [command, ...args] = process.argv.slice(2);
const cli = path.join(ROOT, "web/dist/server/search/cli.js");
const indexFile = path.join(config.search.dir, "index.sqlite");

async function cmsReachable() {
  try {
    return (await fetch(`${config.cms.url}/_health`, { signal: AbortSignal.timeout(2000) })).ok;
  } catch {
    return false;
  }
}

/** Reindexes from Strapi, starting it for the duration when `npm start` is not running. */
async function reindex(extra) {
  let cms;
  if (!(await cmsReachable())) {
    build({ admin: true });
    step("Starting the CMS for indexing");
    cms = startProcess(
      "cms",
      process.execPath,
      [path.join(ROOT, "node_modules/@strapi/strapi/bin/strapi.js"), "start"],
      {
        cwd: path.join(ROOT, "cms"),
        env: { ...process.env, STRAPI_TELEMETRY_DISABLED: "true" },
      },
    );
    const up = await waitForHttp(`${config.cms.url}/_health`, {
      timeoutMs: 180_000,
      isAlive: () => cms.exitCode === null,
    });
    if (!up) {
      cms.kill("SIGTERM");
      fail("The CMS did not start within 3 minutes.");
    }
  }
  const result = spawnSync(process.execPath, [cli, "reindex", ...extra], { cwd: ROOT, stdio: [0, 2, 2] });
  if (cms) {
    cms.kill("SIGTERM");
    await new Promise((resolve) => cms.once("exit", resolve));
  }
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (command === "reindex") {
  await reindex(args);
  process.exit(0);
}
if (!existsSync(indexFile) && !config.search.meili) {
  step("No search index yet: building it from the CMS first");
  await reindex([]);
}
const result = spawnSync(process.execPath, [cli, command, ...args], { cwd: ROOT, stdio: "inherit" });
process.exit(result.status ?? 1);
