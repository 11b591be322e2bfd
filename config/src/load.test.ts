import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, SECRET_NAMES, loadConfig } from "./index";

const tmp = () => mkdtempSync(path.join(os.tmpdir(), "soskes-config-"));
const load = (env: Record<string, string>, root = tmp()) => loadConfig({ env, root, dotenv: true });

function problemsOf(fn: () => unknown): Array<{ key: string; message: string }> {
  try {
    fn();
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  throw new Error("expected a ConfigError");
}

describe("loadConfig", () => {
  it("defaults to the embedded single-machine mode", () => {
    const root = tmp();
    const config = load({}, root);
    expect(config.env).toBe("development");
    expect(config.dataDir).toBe(path.join(root, "data"));
    expect(config.portal.port).toBe(3000);
    expect(config.cms.port).toBe(1337);
    expect(config.cms.database).toEqual({ client: "sqlite", filename: path.join(root, "data", "cms.db") });
    expect(config.cms.webhookUrl).toBe("http://127.0.0.1:3000/api/cms/webhook");
    expect(config.demo).toMatchObject({ enabled: true, passwordIsDefault: true });
    expect(config.autoSeed).toBe(true);
  });

  it("generates the secrets once into DATA_DIR/secrets.json with mode 0600", () => {
    const root = tmp();
    const first = load({}, root);
    const file = path.join(root, "data", "secrets.json");
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const stored = JSON.parse(readFileSync(file, "utf8")) as Record<string, string>;
    expect(Object.keys(stored).sort()).toEqual([...SECRET_NAMES].sort());
    const second = load({}, root);
    expect(second.session.secret).toBe(first.session.secret);
    expect(second.cms.appKeys).toEqual(first.cms.appKeys);
  });

  it("takes secrets from the environment without writing them to disk", () => {
    const root = tmp();
    const config = load({ SESSION_SECRET: "s".repeat(40) }, root);
    expect(config.session.secret).toBe("s".repeat(40));
    const stored = JSON.parse(readFileSync(path.join(root, "data", "secrets.json"), "utf8")) as Record<
      string,
      string
    >;
    expect(stored.SESSION_SECRET).toBeUndefined();
  });

  it("reads .env at the project root, with the environment winning", () => {
    const root = tmp();
    writeFileSync(path.join(root, ".env"), "PORT=4000\nCMS_PORT=4001\n");
    const config = load({ CMS_PORT: "5001" }, root);
    expect(config.portal.port).toBe(4000);
    expect(config.cms.port).toBe(5001);
  });

  it("uses PostgreSQL when CMS_DATABASE_URL is given", () => {
    const config = load({ CMS_DATABASE_URL: "postgres://u:p@localhost:5432/soskes" });
    expect(config.cms.database).toEqual({
      client: "postgres",
      connectionString: "postgres://u:p@localhost:5432/soskes",
    });
  });

  it("takes extra realtime origins, and refuses anything that is not an origin", () => {
    const config = load({ ALLOWED_ORIGINS: "https://soskes.example.fi, http://localhost:8080/" });
    expect(config.portal.allowedOrigins).toEqual(["https://soskes.example.fi", "http://localhost:8080"]);
    expect(load({}).portal.allowedOrigins).toEqual([]);
    expect(problemsOf(() => load({ ALLOWED_ORIGINS: "https://a.example/path" })).map((p) => p.key)).toEqual([
      "ALLOWED_ORIGINS",
    ]);
  });

  it("lists every invalid value at once, without echoing secrets", () => {
    const problems = problemsOf(() =>
      load({
        PORT: "abc",
        CMS_PORT: "70000",
        CMS_DATABASE_URL: "mysql://x",
        NODE_ENV: "staging",
        SESSION_SECRET: "short",
        PUBLIC_URL: "localhost",
      }),
    );
    expect(problems.map((p) => p.key).sort()).toEqual([
      "CMS_DATABASE_URL",
      "CMS_PORT",
      "NODE_ENV",
      "PORT",
      "PUBLIC_URL",
      "SESSION_SECRET",
    ]);
    expect(problems.find((p) => p.key === "PORT")?.message).toBe('must be a whole number (got "abc")');
    expect(problems.find((p) => p.key === "SESSION_SECRET")?.message).not.toContain("short");
  });

  it("requires every secret in production instead of generating them", () => {
    const problems = problemsOf(() => load({ NODE_ENV: "production", DEMO_DATA: "false" }));
    expect(problems.map((p) => p.key).sort()).toEqual([...SECRET_NAMES].sort());
    expect(problems[0]?.message).toBe("is required when NODE_ENV=production");
  });
});

describe("the config check command", () => {
  const cli = path.resolve(__dirname, "..", "dist", "cli.js");

  it("prints one readable message and exits non-zero on invalid settings", () => {
    const result = spawnSync(process.execPath, [cli], {
      env: { PATH: process.env.PATH, DATA_DIR: tmp(), PORT: "-1", DEMO_PASSWORD: "weak" },
      encoding: "utf8",
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("SosKes cannot start: the configuration has 2 problems.");
    expect(result.stderr).toContain("  - PORT: must be a port number from 1 to 65535");
    expect(result.stderr).toContain("  - DEMO_PASSWORD: must be at least 8 characters");
    expect(result.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  it("exits 0 on a valid configuration", () => {
    const result = spawnSync(process.execPath, [cli], {
      env: { PATH: process.env.PATH, DATA_DIR: tmp() },
      encoding: "utf8",
    });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("Configuration OK");
  });
});
