import type { EngineFilter, StoredDocument } from "../engine.js";

export function passes(
  doc: { type: string; audience: string; munis: string[]; areas: string[] },
  filter: EngineFilter,
): boolean {
  return (
    (filter.audiences.includes(doc.audience) || filter.audiences.includes("*")) &&
    (!filter.types || filter.types.includes(doc.type)) &&
    (!filter.municipality || doc.munis.includes(filter.municipality)) &&
    (!filter.serviceArea || doc.areas.includes(filter.serviceArea))
  );
}

/**
 * Filter values as index tokens in their own column: "service-areas" → "zqauservicexareas". The
 * "zq" start keeps them apart from any Finnish or Swedish word a query could hold.
 */
const token = (prefix: string, value: string) =>
  `zq${prefix}${value.toLowerCase().replace(/[^a-z0-9]/g, "x")}`;
export const filterTokens = (doc: StoredDocument) =>
  [
    token("au", doc.audience),
    token("ty", doc.type),
    ...doc.municipalityCodes.map((m) => token("mu", m)),
    ...doc.serviceAreas.map((a) => token("sa", a)),
  ].join(" ");

/** Beyond this many audiences to leave out, listing them costs more than it saves. */
const MAX_EXCLUDED = 20;

/**
 * `text` (an FTS5 expression) limited to what the filter lets through, as tokens of the filter
 * column: applied inside the index.
 *
 * Audiences are matched from whichever side has fewer documents. Listing the audiences the asker
 * may see makes the index walk their documents — for a member nearly the whole index, about a
 * millisecond per query at 100,000 documents. Leaving out the ones they may not see (the closed
 * groups they are not in) walks only those. `indexed` is every audience in the index with its
 * number of documents, read in the same transaction as the query: an audience not in it has no
 * document the query could find.
 */
export function filterExpression(
  text: string,
  filter: EngineFilter,
  indexed: ReadonlyArray<{ name: string; docs: number }>,
): string {
  const any = (values: string[]) => `f : (${values.map((v) => `"${v}"`).join(" OR ")})`;
  const parts: string[] = [];
  let excluded: string[] = [];
  if (!filter.audiences.includes("*")) {
    const mine = new Set(filter.audiences);
    let seen = 0;
    let hidden = 0;
    const others: string[] = [];
    for (const a of indexed) {
      if (mine.has(a.name)) seen += a.docs;
      else {
        hidden += a.docs;
        others.push(a.name);
      }
    }
    if (others.length <= MAX_EXCLUDED && hidden < seen) excluded = others;
    else parts.push(any(filter.audiences.map((a) => token("au", a))));
  }
  if (filter.types) parts.push(any(filter.types.map((t) => token("ty", t))));
  if (filter.municipality) parts.push(any([token("mu", filter.municipality)]));
  if (filter.serviceArea) parts.push(any([token("sa", filter.serviceArea)]));
  const limited = parts.length > 0 ? `(${text}) AND ${parts.join(" AND ")}` : text;
  return excluded.length > 0 ? `(${limited}) NOT ${any(excluded.map((a) => token("au", a)))}` : limited;
}
