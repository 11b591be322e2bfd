// `npm test`: installs if needed, builds what the suites load, and runs every suite.
import path from "node:path";
import { ROOT, build, ensureInstall, run, step } from "./lib.mjs";

ensureInstall();
build({ admin: true });
step("Running the test suites");
run(process.execPath, [path.join(ROOT, "node_modules/vitest/vitest.mjs"), "run", ...process.argv.slice(2)]);
