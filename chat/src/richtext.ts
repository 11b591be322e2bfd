import { paths } from "@soskes/domain/paths";
/**
 * The light markup of consultation questions and answers, and statute references in any text.
 * Members write plain text with a few marks (**bold**, _italic_, "- " and "1. " lists, "> "
 * quotes, [label](https://…) links); the parser turns it into the same allow-listed block tree
 * the portal uses for CMS rich text, which the web client renders as React elements — there is
 * no HTML anywhere on the way, and links keep only http(s), mailto and same-site paths.
 * Dependency-free: the server and the web client use the same code.
 */

export type RichBlock = {
  type: "paragraph" | "list" | "list-item" | "quote" | "text" | "link";
  children?: RichBlock[];
  text?: string;
  url?: string;
  format?: "ordered" | "unordered";
  bold?: boolean;
  italic?: boolean;
};

/** A statute as the references need it: its number (1301/2014) and the names people cite it by. */
export type StatuteName = { number: string; names: string[] };

/** One statute reference found in running text. */
export type Citation = {
  start: number;
  end: number;
  statute: string;
  section: string | null;
  url: string;
};

export const MAX_RICH_TEXT = 10_000;

const SAFE_URL = /^(https?:\/\/|mailto:|\/(?!\/))/i;

/** The law page of a statute ("1301/2014" → /lait/1301-2014) and a section's anchor on it. */
export const statutePath = (number: string) => paths.statute(number.replace("/", "-"));
export const sectionAnchorOf = (section: string) => `pykala-${section.replace(/\s+/g, "")}`;

/**
 * Stored text as written, minus what has no place in it: control characters, carriage
 * returns, runs of blank lines and trailing spaces. Meaningful content is never changed.
 */
export function normaliseRichText(source: string): string {
  return (
    source
      .normalize("NFC")
      .replace(/\r\n?/g, "\n")
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, "")
      .replace(/[ \t]+\n/g, "\n")
      .replace(/\n{3,}/g, "\n\n")
      .trim()
  );
}

/** The words of marked-up text without the marks: for search, checks and e-mail-free previews. */
export function plainText(source: string): string {
  return normaliseRichText(source)
    .replace(/\[([^\]\n]*)\]\(([^)\s]*)\)/g, "$1")
    .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, "$2")
    .replace(/(^|[\s(])[_*](?=\S)([^_*\n]*?\S)[_*](?=[\s).,!?:;]|$)/gm, "$1$2")
    .replace(/^\s*(?:[-*]|\d+[.)]|>)\s+/gm, "");
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Finds statute references in text: "SHL 36 §", "lastensuojelulain 25 §", "1301/2014 36 §",
 * "sosiaalihuoltolaki 14 a §", or a bare statute number ("417/2007"). A name alone ("SHL") is
 * not a reference: too many false links.
 */
export function createCitationFinder(statutes: StatuteName[]): (text: string) => Citation[] {
  const byName = new Map<string, string>();
  for (const s of statutes) {
    byName.set(s.number, s.number);
    for (const name of s.names) {
      const key = name.trim().toLowerCase();
      if (key.length < 2) continue;
      byName.set(key, s.number);
      // "…laki" is cited in the genitive and partitive as well: "…lain 25 §", "…lakia".
      if (key.endsWith("laki")) {
        byName.set(`${key.slice(0, -4)}lain`, s.number);
        byName.set(`${key}a`, s.number);
      }
    }
  }
  if (byName.size === 0) return () => [];
  const names = [...byName.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const pattern = new RegExp(
    `(?<![\\p{L}\\d/])(${names.join("|")})(?:(?:\\s+|\\s*:\\s*)(\\d{1,3}(?:\\s?[a-z])?)\\s?§)?(?![\\p{L}\\d/])`,
    "giu",
  );
  return (text) => {
    const found: Citation[] = [];
    for (const m of text.matchAll(pattern)) {
      const statute = byName.get(m[1]!.toLowerCase());
      if (!statute) continue;
      const section = m[2] ? m[2].replace(/\s+/g, " ") : null;
      // Names stand for a statute only with a section; a statute number is a reference on its own.
      if (!section && !/^\d+\/\d{4}$/.test(m[1]!)) continue;
      found.push({
        start: m.index,
        end: m.index + m[0].length,
        statute,
        section,
        url: `${statutePath(statute)}${section ? `#${sectionAnchorOf(section)}` : ""}`,
      });
    }
    return found;
  };
}

const BARE_URL = /\bhttps?:\/\/[^\s<>"')\]]+[^\s<>"')\].,!?:;]/g;

/** Inline marks in one paragraph: links, bold, italic, then statute references and bare URLs. */
function inline(
  text: string,
  cite: (text: string) => Citation[],
  marks: Pick<RichBlock, "bold" | "italic"> = {},
) {
  const out: RichBlock[] = [];
  const plain = (s: string) => {
    if (!s) return;
    // Statute references and bare URLs become links; the rest stays text.
    const spots = [
      ...cite(s).map((c) => ({ start: c.start, end: c.end, url: c.url })),
      ...[...s.matchAll(BARE_URL)].map((m) => ({ start: m.index, end: m.index + m[0].length, url: m[0] })),
    ].sort((a, b) => a.start - b.start);
    let at = 0;
    for (const spot of spots) {
      if (spot.start < at) continue;
      if (spot.start > at) out.push({ type: "text", text: s.slice(at, spot.start), ...marks });
      out.push({
        type: "link",
        url: spot.url,
        children: [{ type: "text", text: s.slice(spot.start, spot.end), ...marks }],
      });
      at = spot.end;
    }
    if (at < s.length) out.push({ type: "text", text: s.slice(at), ...marks });
  };
  const MARK =
    /\[([^\]\n]{1,200})\]\(([^)\s]{1,2000})\)|\*\*(?=\S)([\s\S]*?\S)\*\*|(?<![\p{L}\d_*])[_*](?=\S)([^_*\n]*?\S)[_*](?![\p{L}\d_*])/gu;
  let at = 0;
  for (const m of text.matchAll(MARK)) {
    plain(text.slice(at, m.index));
    if (m[1] !== undefined) {
      const url = m[2]!;
      if (SAFE_URL.test(url))
        out.push({ type: "link", url, children: [{ type: "text", text: m[1], ...marks }] });
      else plain(m[1]);
    } else if (m[3] !== undefined) out.push(...inline(m[3], cite, { ...marks, bold: true }));
    else out.push(...inline(m[4]!, cite, { ...marks, italic: true }));
    at = m.index + m[0].length;
  }
  plain(text.slice(at));
  return out;
}

/** Marked-up text as the allow-listed block tree (paragraphs, lists, quotes, text, links). */
export function parseRichText(
  source: string,
  statutes: StatuteName[] | ((text: string) => Citation[]) = [],
): RichBlock[] {
  const cite = typeof statutes === "function" ? statutes : createCitationFinder(statutes);
  const blocks: RichBlock[] = [];
  const lines = normaliseRichText(source).split("\n");
  let paragraph: string[] = [];
  let list: RichBlock | null = null;
  let quote: string[] = [];
  const flush = () => {
    if (paragraph.length > 0)
      blocks.push({ type: "paragraph", children: inline(paragraph.join("\n"), cite) });
    if (quote.length > 0)
      blocks.push({
        type: "quote",
        children: [{ type: "paragraph", children: inline(quote.join("\n"), cite) }],
      });
    if (list) blocks.push(list);
    paragraph = [];
    quote = [];
    list = null;
  };
  for (const line of lines) {
    const item = /^\s*(?:([-*•])|(\d{1,3})[.)])\s+(.*)$/.exec(line);
    const quoted = /^\s*>\s?(.*)$/.exec(line);
    if (line.trim() === "") flush();
    else if (item) {
      const format = item[1] ? "unordered" : "ordered";
      if (!list || list.format !== format) {
        flush();
        list = { type: "list", format, children: [] };
      }
      list.children!.push({ type: "list-item", children: inline(item[3]!, cite) });
    } else if (quoted) {
      if (paragraph.length > 0 || list) flush();
      quote.push(quoted[1]!);
    } else if (list && /^\s{2,}\S/.test(line)) {
      // An indented line continues the list item above it.
      const last = list.children![list.children!.length - 1]!;
      last.children!.push({ type: "text", text: "\n" }, ...inline(line.trim(), cite));
    } else {
      if (list || quote.length > 0) flush();
      paragraph.push(line);
    }
  }
  flush();
  return blocks;
}
