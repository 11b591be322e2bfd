// `npm start`: installs if needed, builds, creates the data and demo content on the first
// run, starts every process and prints where to go. Ctrl-C stops everything.
import path from "node:path";
import { ROOT, build, ensureInstall, fail, readConfig, startProcess, step, waitForHttp } from "./lib.mjs";

ensureInstall();
build({ admin: true });
const config = readConfig();

step(`Starting SosKes (${config.env}); data in ${config.dataDir}`);
const children = new Map();
let stopping = false;

function stopAll(code) {
  if (stopping) return;
  stopping = true;
  process.stdout.write("\nStopping SosKes…\n");
  for (const child of children.values()) child.kill("SIGTERM");
  const force = setTimeout(() => {
    for (const child of children.values()) child.kill("SIGKILL");
    process.exit(code);
  }, 10_000);
  force.unref();
  const check = setInterval(() => {
    if ([...children.values()].every((c) => c.exitCode !== null || c.signalCode !== null)) {
      clearInterval(check);
      process.exit(code);
    }
  }, 100);
}
process.on("SIGINT", () => stopAll(0));
process.on("SIGTERM", () => stopAll(0));

function supervise(name, child, label) {
  children.set(name, child);
  child.on("exit", (code) => {
    if (!stopping) {
      process.stderr.write(
        `\n✗ ${label} stopped unexpectedly (exit ${code}). See the [${name}] lines above.\n`,
      );
      stopAll(1);
    }
  });
  return child;
}

const cms = supervise(
  "cms",
  startProcess(
    "cms",
    process.execPath,
    [path.join(ROOT, "node_modules/@strapi/strapi/bin/strapi.js"), "start"],
    {
      cwd: path.join(ROOT, "cms"),
      env: { ...process.env, STRAPI_TELEMETRY_DISABLED: "true" },
    },
  ),
  "The CMS",
);
const cmsUp = await waitForHttp(`${config.cms.url}/_health`, {
  timeoutMs: 180_000,
  isAlive: () => cms.exitCode === null,
});
if (!cmsUp && !stopping) fail("The CMS did not start within 3 minutes.");

const portal = supervise(
  "portal",
  startProcess("portal", process.execPath, [path.join(ROOT, "web/dist/server/main.js")]),
  "The portal server",
);
const portalUp = await waitForHttp(`http://127.0.0.1:${config.portal.port}/healthz`, {
  timeoutMs: 60_000,
  isAlive: () => portal.exitCode === null,
});
if (!portalUp && !stopping) fail("The portal server did not start within a minute.");

if (cmsUp && portalUp) {
  const demo = config.demo.enabled
    ? [
        "",
        `Demo logins — password: ${config.demo.password}`,
        " Portal:",
        "  sosiaalityontekija@demo.soskes.example  jäsen (member), Laukaa",
        "  sosiaalityontekija.saarijarvi@demo.soskes.example  jäsen, Saarijärvi",
        "  sosiaalityontekija.keuruu@demo.soskes.example      jäsen, Keuruu",
        "  asiantuntija@demo.soskes.example        asiantuntija (expert), Jyväskylä",
        "  moderaattori@demo.soskes.example        moderaattori (moderator)",
        "  yllapitaja.laukaa@demo.soskes.example   jäsen, Laukaan sisällön ylläpitäjä",
        "  admin@demo.soskes.example               pääkäyttäjä (admin)",
        " Strapi admin:",
        "  admin@demo.soskes.example               Super Admin",
        "  paatoimittaja@demo.soskes.example       Alueen päätoimittaja – koko alueen sisältö",
        "  yllapitaja.laukaa@demo.soskes.example   Kunnan ylläpitäjä – Laukaa (410)",
        "  yllapitaja.jyvaskyla@demo.soskes.example Kunnan ylläpitäjä – Jyväskylä (179)",
      ]
    : [];
  process.stdout.write(
    [
      "",
      "══════════════════════════════════════════════════════════════════",
      " SosKes is running",
      `  Portal:                           ${config.portal.publicUrl}`,
      `  Strapi admin (sisällönhallinta):  ${config.cms.publicUrl}/admin`,
      ...demo,
      "",
      " Press Ctrl-C to stop.",
      "══════════════════════════════════════════════════════════════════",
      "",
    ].join("\n"),
  );
}
