#!/usr/bin/env node
/**
 * `node config/dist/cli.js` checks the configuration and prints a summary without secrets;
 * `--json` prints the non-secret settings for scripts. Exits 1 with the readable message
 * when anything is wrong.
 */
import { loadConfigOrExit } from "./load";

const config = loadConfigOrExit();
const summary = {
  env: config.env,
  dataDir: config.dataDir,
  portal: {
    host: config.portal.host,
    port: config.portal.port,
    publicUrl: config.portal.publicUrl,
    database: config.portal.database.client,
  },
  cms: {
    url: config.cms.url,
    publicUrl: config.cms.publicUrl,
    port: config.cms.port,
    database: config.cms.database.client,
    webhookUrl: config.cms.webhookUrl,
  },
  search: {
    dir: config.search.dir,
    engine: config.search.meili ? "meilisearch" : "embedded",
    meili: config.search.meili ? config.search.meili.url : null,
  },
  demo: {
    enabled: config.demo.enabled,
    password: config.demo.passwordIsDefault ? config.demo.password : "(from DEMO_PASSWORD)",
  },
};
if (process.argv.includes("--json")) {
  process.stdout.write(JSON.stringify(summary) + "\n");
} else {
  process.stdout.write(`Configuration OK (${config.env}); data in ${config.dataDir}\n`);
}
