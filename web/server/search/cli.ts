/**
 * The search index from the command line, as a trusted local administrator (every audience):
 *   reindex [--quiet]              rebuild from the CMS, with a progress bar
 *   search [--json] [--type=unit] "<query>"
 *   eval [--json] <file>           score a query file (../shared/eval format)
 * Run through `npm run reindex`, `npm run -s search -- …` and `npm run -s search:eval -- …`.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { loadConfigOrExit } from "@soskes/config";
import {
  CONTENT_SOURCE,
  contentDocuments,
  contentReference,
  createEmbeddedEngine,
  createMeiliEngine,
  createSearchService,
  evaluate,
  HIT_TYPES,
  type EvalFile,
  type HitType,
  type SearchService,
} from "@soskes/search";
import pino from "pino";
import { compose } from "../compose.js";
import { reindexNotices } from "./notices.js";
import { reindexAnswers } from "./answers.js";
import { reindexMessages } from "../index.js";

const ALL = ["*"];

function open(local: boolean): SearchService {
  const config = loadConfigOrExit();
  const meili = config.search.meili;
  return createSearchService({
    engine:
      meili && !local
        ? createMeiliEngine({ host: meili.url, apiKey: meili.apiKey, indexPrefix: meili.indexPrefix })
        : createEmbeddedEngine(path.join(config.search.dir, "index.sqlite")),
    logger: pino({ level: "warn" }, process.stderr),
  });
}

function bar(done: number, total: number): void {
  if (!process.stderr.isTTY && done !== total) return;
  const width = 30;
  const filled = total === 0 ? width : Math.round((done / total) * width);
  process.stderr.write(`\r  [${"#".repeat(filled)}${" ".repeat(width - filled)}] ${done}/${total} documents`);
  if (done === total) process.stderr.write("\n");
}

async function reindex(): Promise<void> {
  const config = loadConfigOrExit();
  const started = Date.now();
  const composition = await compose({ config, role: "cli", logger: pino({ level: "warn" }, process.stderr) });
  const { services } = composition;
  const { search } = services;
  process.stderr.write("▸ Reading published content from the CMS\n");
  const { data } = await services.content.current();
  const docs = contentDocuments(data);
  process.stderr.write(`▸ Indexing ${docs.length} documents (${search.engine.name})\n`);
  await search.setReference(contentReference(data));
  const result = await search.reconcile(CONTENT_SOURCE, docs, bar, { force: true });
  process.stderr.write("▸ Indexing group messages from the portal database\n");
  const messages = await reindexMessages(services, bar, { force: true });
  process.stderr.write("▸ Indexing the answer bank from the portal database\n");
  const answers = await reindexAnswers(services, bar, { force: true });
  process.stderr.write("▸ Indexing the notice board from the portal database\n");
  const notices = await reindexNotices(services, bar, { force: true });
  for (const more of [messages, answers, notices]) {
    result.added += more.added;
    result.updated += more.updated;
    result.removed += more.removed;
  }
  const stats = await search.engine.stats();
  await composition.close();
  process.stderr.write(
    `✓ ${result.added + result.updated} written, ${result.removed} removed; ${stats.documents} documents` +
      (stats.bytes !== null ? `, ${(stats.bytes / 1e6).toFixed(1)} MB` : "") +
      ` in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
  );
}

function option(args: string[], name: string): string | undefined {
  const found = args.find((a) => a.startsWith(`--${name}=`));
  return found?.slice(name.length + 3);
}

async function searchCommand(args: string[]): Promise<void> {
  const q = args.filter((a) => !a.startsWith("--")).join(" ");
  if (!q.trim()) {
    process.stderr.write('Usage: npm run -s search -- [--json] [--type=unit,section] "<query>"\n');
    process.exit(2);
  }
  const types = option(args, "type")
    ?.split(",")
    .filter((t): t is HitType => (HIT_TYPES as readonly string[]).includes(t));
  const search = open(true);
  const result = await search.search({
    q,
    audiences: ALL,
    types,
    limit: Number(option(args, "limit") ?? 10),
  });
  await search.close();
  if (args.includes("--json")) {
    process.stdout.write(JSON.stringify(result) + "\n");
    return;
  }
  process.stdout.write(`${result.total} osumaa, ${result.tookMs} ms\n`);
  if (result.didYouMean) process.stdout.write(`Tarkoititko: ${result.didYouMean}\n`);
  result.hits.forEach((h, i) => {
    const snippet = h.snippet
      .replace(/<\/?mark>/g, "*")
      .replace(
        /&(amp|lt|gt|quot|#39);/g,
        (m) => ({ "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'" })[m] ?? m,
      );
    process.stdout.write(`${String(i + 1).padStart(2)}. [${h.type}] ${h.title}  ${h.url}\n    ${snippet}\n`);
  });
}

async function evalCommand(args: string[]): Promise<void> {
  const file = args.find((a) => !a.startsWith("--"));
  if (!file) {
    process.stderr.write("Usage: npm run -s search:eval -- [--json] <queries.json>\n");
    process.exit(2);
  }
  let parsed: EvalFile;
  try {
    parsed = JSON.parse(
      readFileSync(path.resolve(process.env.INIT_CWD ?? process.cwd(), file), "utf8"),
    ) as EvalFile;
    if (!Array.isArray(parsed.queries)) throw new Error("no queries array");
  } catch (err) {
    process.stderr.write(`Cannot read ${file}: ${(err as Error).message}\n`);
    process.exit(2);
  }
  const search = open(true);
  const report = await evaluate(search, parsed, ALL);
  await search.close();
  if (args.includes("--json")) {
    process.stdout.write(JSON.stringify(report) + "\n");
    return;
  }
  for (const r of report.results) {
    process.stdout.write(
      `${r.rank === null ? "  ✗" : `  ${r.rank}`}  ${r.q}${r.rank === null ? `  → ${r.top.map((t) => `${t.type}:${t.title}`).join(" | ")}` : ""}\n`,
    );
  }
  process.stdout.write(
    `\n${report.found}/${report.queries} (${(report.share * 100).toFixed(1)} %) found within the top ${report.within}\n`,
  );
}

// Piped into `head` and the like: stop quietly when the reader goes away.
process.stdout.on("error", (err: NodeJS.ErrnoException) => process.exit(err.code === "EPIPE" ? 0 : 1));

const [command, ...args] = process.argv.slice(2);
const commands: Record<string, (args: string[]) => Promise<void>> = {
  reindex: () => reindex(),
  search: searchCommand,
  eval: evalCommand,
};
const run = command ? commands[command] : undefined;
if (!run) {
  process.stderr.write("Usage: cli.js reindex | search [--json] <query> | eval [--json] <file>\n");
  process.exit(2);
}
run(args).catch((err: unknown) => {
  process.stderr.write(`✗ ${(err as Error).message}\n`);
  process.exit(1);
});
