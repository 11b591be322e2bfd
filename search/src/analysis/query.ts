import { decompose, stem } from "./finnish.js";
import { phraseStems, statuteKey } from "./index.js";
import { fold, STOPWORDS, tokenize } from "./text.js";

export type Term = { value: string; prefix: boolean };
export type AlternativeKind = "exact" | "parts" | "synonym" | "typo";
/** All of `terms` must match. */
export type Alternative = { terms: Term[]; kind: AlternativeKind };
/** One word (or a phrase recognised as one) of the query: any alternative may match. */
export type Group = { text: string; folded: string; alternatives: Alternative[]; number: boolean };

export type StatuteRef = { number: string; names: string[] };
export type MunicipalityRef = { code: string; names: string[] };
/** What the analysis knows of the region: kept in the index so every process agrees. */
export type Reference = {
  statutes: StatuteRef[];
  municipalities: MunicipalityRef[];
  /** Each set lists words or phrases that mean the same, e.g. ["vanhuspalvelut", "ikääntyneiden palvelut"]. */
  synonyms: string[][];
};
export const EMPTY_REFERENCE: Reference = { statutes: [], municipalities: [], synonyms: [] };

export type ParsedQuery = {
  groups: Group[];
  citation: { statute: string; section: string | null } | null;
  /** Municipalities the query names ("Laukaan lastensuojelu" → 410). */
  municipalityCodes: string[];
  /** The query is about law: "laki", "pykälä", "§" or a citation. */
  lawIntent: boolean;
};

const LAW_WORDS = new Set(
  ["laki", "pykal", "lainsaadant", "asetus", "saado", "lag", "paragraf"].map((w) => stem(w)),
);
const MIN_PREFIX = 3;

type Compiled = {
  statutes: Array<{ number: string; names: string[][] }>;
  municipalities: Array<{ code: string; stems: string[] }>;
  synonyms: string[][][];
};
const compiled = new WeakMap<Reference, Compiled>();
function compile(ref: Reference): Compiled {
  let c = compiled.get(ref);
  if (!c) {
    c = {
      statutes: ref.statutes.map((s) => ({
        number: s.number,
        names: s.names.map(phraseStems).filter((n) => n.length > 0),
      })),
      municipalities: ref.municipalities.map((m) => ({
        code: m.code,
        stems: m.names.map((n) => stem(n.toLowerCase())),
      })),
      synonyms: ref.synonyms.map((set) => set.map(phraseStems).filter((p) => p.length > 0)),
    };
    compiled.set(ref, c);
  }
  return c;
}

const indexOfRun = (haystack: string[], needle: string[]): number => {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
};

/**
 * A complete word matches its exact form or its stem (the index holds both for every word and
 * compound part, so inflections and compounds meet without prefix scans). Only the word still
 * being typed is a prefix.
 */
function wordAlternatives(word: string, prefixWord: boolean): Alternative[] {
  const folded = fold(word);
  if (/^\d/.test(folded)) return [{ kind: "exact", terms: [{ value: folded, prefix: prefixWord }] }];
  const s = stem(word);
  const alternatives: Alternative[] = [
    { kind: "exact", terms: [{ value: folded, prefix: prefixWord && folded.length >= 2 }] },
  ];
  if (s !== folded) alternatives.push({ kind: "exact", terms: [{ value: s, prefix: false }] });
  const parts = decompose(word);
  if (parts.length > 1) {
    // Parts are indexed as stems, so they match exactly: a prefix on a short part ("last-")
    // would match half the index.
    alternatives.push({ kind: "parts", terms: parts.map((p) => ({ value: p, prefix: false })) });
  }
  return alternatives;
}

/**
 * Turns what a person typed into groups of alternatives and the intents reranking uses.
 * Applied identically whichever engine answers.
 */
export function parseQuery(
  q: string,
  reference: Reference,
  options: { partial?: boolean } = {},
): ParsedQuery {
  const ref = compile(reference);
  const words = tokenize(q)
    .map((t) => t.word)
    .filter((w) => !STOPWORDS.has(fold(w)));
  const stems = words.map((w) => (/^\d/.test(w) ? w : stem(w)));
  const endsInWord = options.partial === true && /[\p{L}\p{N}]$/u.test(q);

  // Citations: "1301/2014", "SHL 36 §", "lastensuojelulain 25 §", "1301/2014 36".
  let citation: ParsedQuery["citation"] = null;
  const consumed = new Set<number>();
  const numberMatch = /(\d{1,4})\s*\/\s*(\d{4})/.exec(q);
  if (numberMatch) {
    const number = `${numberMatch[1]}/${numberMatch[2]}`;
    if (ref.statutes.some((s) => s.number === number)) citation = { statute: number, section: null };
    const at = words.indexOf(numberMatch[1]!);
    if (at >= 0) consumed.add(at).add(at + 1);
  } else {
    let best: { number: string; at: number; length: number } | undefined;
    for (const statute of ref.statutes) {
      for (const name of statute.names) {
        const at = indexOfRun(stems, name);
        if (at >= 0 && (!best || name.length > best.length))
          best = { number: statute.number, at, length: name.length };
      }
    }
    if (best) {
      citation = { statute: best.number, section: null };
      for (let i = best.at; i < best.at + best.length; i++) consumed.add(i);
    }
  }
  if (citation) {
    const section = words.find((w, i) => !consumed.has(i) && /^\d{1,3}[a-z]?$/.test(w));
    if (section) citation.section = section;
  }

  const municipalityCodes = ref.municipalities
    .filter((m) => m.stems.some((s) => stems.includes(s)))
    .map((m) => m.code);
  const lawIntent = citation !== null || /§/.test(q) || stems.some((s) => LAW_WORDS.has(s));

  // Groups, with synonym phrases merged into one group each.
  const groups: Group[] = [];
  for (let i = 0; i < words.length; i++) {
    const last = i === words.length - 1;
    let synonymGroup: Group | undefined;
    for (const set of ref.synonyms) {
      const hit = set.find((phrase) => indexOfRun(stems.slice(i, i + phrase.length), phrase) === 0);
      if (!hit) continue;
      const span = words.slice(i, i + hit.length);
      synonymGroup = {
        text: span.join(" "),
        folded: fold(span.join(" ")),
        number: false,
        alternatives: [
          ...(hit.length === 1 ? wordAlternatives(span[0]!, endsInWord && last) : []),
          ...set.map((phrase) => ({
            kind: phrase === hit ? ("exact" as const) : ("synonym" as const),
            terms: phrase.map((value) => ({
              value,
              prefix: value.length >= MIN_PREFIX && !/^\d/.test(value),
            })),
          })),
        ],
      };
      i += hit.length - 1;
      break;
    }
    if (synonymGroup) {
      groups.push(synonymGroup);
      continue;
    }
    const word = words[i]!;
    const prefixWord = endsInWord && last;
    groups.push({
      text: word,
      folded: fold(word),
      number: /^\d/.test(word),
      alternatives: wordAlternatives(word, prefixWord),
    });
  }
  const key = citation ? statuteKey(citation.statute) : undefined;
  if (key && numberMatch) {
    // "1301/2014" is one thing, not two numbers: match it on the statute key.
    const yearAt = groups.findIndex((g) => g.text === numberMatch[2]);
    const numberAt = groups.findIndex((g) => g.text === numberMatch[1]);
    if (numberAt >= 0 && yearAt === numberAt + 1) {
      groups.splice(numberAt, 2, {
        text: `${numberMatch[1]}/${numberMatch[2]}`,
        folded: key,
        number: true,
        alternatives: [{ kind: "exact", terms: [{ value: key, prefix: false }] }],
      });
    }
  }
  return { groups, citation, municipalityCodes, lawIntent };
}

/** An FTS5 MATCH expression: every group (all) or any group (any). Terms are [a-z0-9] only. */
export function ftsExpression(groups: Group[], mode: "all" | "any"): string {
  const group = (g: Group) =>
    "(" +
    g.alternatives
      .map((a) => "(" + a.terms.map((t) => `"${t.value}"${t.prefix ? "*" : ""}`).join(" AND ") + ")")
      .join(" OR ") +
    ")";
  return groups.map(group).join(mode === "all" ? " AND " : " OR ");
}
