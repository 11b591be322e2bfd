import { defineConfig } from "vitest/config";

/**
 * One run, several projects. Suites that need PostgreSQL run when TEST_DATABASE_URL is set;
 * otherwise they are reported as skipped, and under CI=true that is a failure.
 */
const hasPostgres = Boolean(process.env.TEST_DATABASE_URL);
if (!hasPostgres) {
  const message = "PostgreSQL suites skipped: TEST_DATABASE_URL is not set.";
  if (process.env.CI === "true") throw new Error(`${message} CI must run every suite.`);
  console.warn(`\n  ⚠ ${message}\n`);
}

if (!process.env.TEST_REDIS_URL) {
  const message = "Redis suites skipped: TEST_REDIS_URL is not set.";
  if (process.env.CI === "true") throw new Error(`${message} CI must run every suite.`);
  console.warn(`  ⚠ ${message}\n`);
}

const strapiProject = (database: "sqlite" | "postgres") => ({
  test: {
    name: `cms-${database}`,
    root: "cms",
    include: ["tests/**/*.test.ts"],
    env: { SOSKES_TEST_DB: database },
    // Strapi shuts down cleanly only in worker threads (forks report "Channel closed").
    pool: "threads" as const,
    testTimeout: 60_000,
    hookTimeout: 180_000,
    sequence: { concurrent: false },
  },
});

export default defineConfig({
  test: {
    reporters: ["default"],
    projects: [
      {
        test: {
          name: "config",
          root: "config",
          include: ["src/**/*.test.ts"],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: "domain",
          root: "domain",
          include: ["src/**/*.test.ts"],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: "search",
          root: "search",
          include: ["src/**/*.test.ts"],
          pool: "threads",
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: "chat",
          root: "chat",
          include: ["src/**/*.test.ts"],
          testTimeout: 30_000,
        },
      },
      strapiProject("sqlite"),
      ...(hasPostgres ? [strapiProject("postgres")] : []),
      {
        test: {
          name: "web",
          root: "web",
          include: ["server/**/*.test.ts"],
          pool: "threads",
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
      {
        test: {
          // Components and hooks of the web client, in a simulated browser (jsdom).
          name: "client",
          root: "web",
          include: ["client/src/**/*.test.tsx"],
          environment: "jsdom",
          setupFiles: ["client/src/test/setup.ts"],
        },
      },
      {
        test: {
          name: "journeys",
          root: "tests",
          include: ["journeys/**/*.test.ts"],
          exclude: ["**/node_modules/**"],
          pool: "forks",
          testTimeout: 180_000,
          hookTimeout: 300_000,
        },
      },
      {
        test: {
          // Processes started and broken on purpose; prints what it checked.
          name: "faults",
          root: "tests",
          include: ["faults/**/*.test.ts"],
          pool: "forks",
          testTimeout: 180_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
