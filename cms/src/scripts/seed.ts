/**
 * `npm run seed`: creates the reference data (county, municipalities, service areas,
 * statutes) and, unless DEMO_DATA=false, the demo content. Safe to run again: it only
 * creates what is missing.
 */
import { soskesConfig } from "../../config/soskes";
import { seed } from "../seed/seed";
import { withStrapi } from "./boot";

process.env.AUTO_SEED = "false";
const config = soskesConfig();

withStrapi(async (strapi) => {
  const report = await seed(strapi, {
    demo: config.demo.enabled,
    demoPassword: config.demo.password,
    log: (line) => process.stdout.write(`• ${line}\n`),
  });
  for (const [uid, n] of Object.entries(report.created)) process.stdout.write(`  ${uid}: ${n}\n`);
}).catch((err: unknown) => {
  process.stderr.write(`Seed failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
