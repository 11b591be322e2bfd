/**
 * `npm run import -- <file.json> [--dry-run]`: imports directory data (organisations,
 * service locations, connections, contacts). The whole file is checked first and every
 * problem is listed with its path; nothing is written unless the file is valid.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { SingleBar } from "cli-progress";
import { applyImport, validateImport } from "../import/import-directory";
import { withStrapi } from "./boot";

const args = process.argv.slice(2);
const dryRun = args.includes("--dry-run");
const fileArg = args.find((a) => !a.startsWith("--"));

function fail(message: string, code = 1): never {
  process.stderr.write(message + "\n");
  process.exit(code);
}

if (!fileArg) fail("Käyttö: npm run import -- <tiedosto.json> [--dry-run]", 2);
const file = path.resolve(process.env.INIT_CWD ?? process.cwd(), fileArg);
let raw: unknown;
try {
  raw = JSON.parse(readFileSync(file, "utf8"));
} catch (err) {
  fail(`Tiedostoa ${file} ei voi lukea JSON-muodossa: ${(err as Error).message}`, 2);
}

function progress(): { update: (done: number, total: number) => void; stop: () => void } {
  if (process.stdout.isTTY) {
    const bar = new SingleBar({
      format: "Tuodaan [{bar}] {percentage}% | {value}/{total}",
      hideCursor: true,
    });
    let started = false;
    return {
      update(done, total) {
        if (!started) {
          bar.start(total, 0);
          started = true;
        }
        bar.update(done);
      },
      stop: () => started && bar.stop(),
    };
  }
  let lastTenth = -1;
  return {
    update(done, total) {
      const tenth = Math.floor((done / Math.max(total, 1)) * 10);
      if (tenth !== lastTenth) {
        lastTenth = tenth;
        process.stdout.write(`Tuodaan ${done}/${total} (${tenth * 10} %)\n`);
      }
    },
    stop: () => undefined,
  };
}

withStrapi(async (strapi) => {
  const { file: data, problems } = await validateImport(strapi, raw);
  if (!data) {
    process.stderr.write(`Tiedostossa on ${problems.length} virhettä. Mitään ei tallennettu.\n`);
    for (const p of problems) process.stderr.write(`  ✗ ${p.path}: ${p.message}\n`);
    process.exitCode = 1;
    return;
  }
  const records = data.organizations.length + data.serviceLocations.length + data.contacts.length;
  if (dryRun) {
    process.stdout.write(`Tiedosto on kunnossa: ${records} tietuetta. (--dry-run: mitään ei tallennettu)\n`);
    return;
  }
  const bar = progress();
  const counts = await applyImport(strapi, data, bar.update);
  bar.stop();
  process.stdout.write(
    `Valmis: ${counts.created} uutta, ${counts.updated} päivitetty, ${counts.unchanged} ennallaan.\n`,
  );
}).catch((err: unknown) => {
  process.stderr.write(
    `Tuonti epäonnistui, mitään ei tallennettu: ${err instanceof Error ? err.message : String(err)}\n`,
  );
  process.exitCode = 1;
});
