// `npm test`: installs if needed, builds what the suites load, and runs every suite.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ROOT, VITEST, build, ensureInstall, step } from "./lib.mjs";

ensureInstall();
build({ admin: true });
step("Running the test suites");
const reportDir = mkdtempSync(path.join(os.tmpdir(), "soskes-test-report-"));
const report = path.join(reportDir, "report.json");
const result = spawnSync(
  process.execPath,
  [
    VITEST,
    "run",
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${report}`,
    ...process.argv.slice(2),
  ],
  { cwd: ROOT, stdio: "inherit" },
);
if (existsSync(report)) {
  const { numPassedTests, numFailedTests, numPendingTests, numTodoTests } = JSON.parse(
    readFileSync(report, "utf8"),
  );
  // One plain closing line, the same whatever the runner prints above it.
  process.stdout.write(
    `\nTests: ${numPassedTests} passed, ${numFailedTests} failed, ${numPendingTests + numTodoTests} skipped\n`,
  );
}
rmSync(reportDir, { recursive: true, force: true });
process.exit(result.status ?? 1);
