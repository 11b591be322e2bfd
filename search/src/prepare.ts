import { createHash } from "node:crypto";
import { analyzeTerms, analyzeText, fold, statuteKey, tokenize } from "./analysis/index.js";
import type { StoredDocument } from "./engine.js";
import type { SearchDocument } from "./types.js";
import type { VocabEntry } from "./vocabulary.js";

/** Changes whenever anything searchable or shown of the document changes. */
export function hashOf(doc: SearchDocument): string {
  return createHash("sha1").update(JSON.stringify(doc)).digest("base64url");
}

/** Analyses a document into what engines store. The hash lets a reconcile skip unchanged ones. */
export function prepare(doc: SearchDocument): StoredDocument {
  const key = doc.statute ? statuteKey(doc.statute) : undefined;
  return {
    ...doc,
    terms: {
      title: analyzeTerms([doc.title, doc.titleSv]),
      keywords: analyzeTerms([...doc.keywords, key]),
      body: analyzeText([doc.text, doc.textSv].filter(Boolean).join("\n")),
    },
    hash: hashOf(doc),
  };
}

/** The document's words, each with the document's audience: who may be told the word exists. */
export function surfaceWords(doc: SearchDocument, into: Map<string, VocabEntry>): void {
  for (const text of [doc.title, doc.titleSv, doc.text, doc.textSv, ...doc.keywords]) {
    if (!text) continue;
    for (const { word } of tokenize(text)) {
      if (word.length < 3 || /\d/.test(word)) continue;
      const f = fold(word);
      const entry = into.get(f);
      if (!entry) into.set(f, { display: word, audiences: [doc.audience] });
      else if (!entry.audiences.includes(doc.audience)) entry.audiences.push(doc.audience);
    }
  }
}
