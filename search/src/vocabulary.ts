/** A word of the index: how it is written, and the audiences of the documents it was seen in. */
export type VocabEntry = { display: string; audiences: string[] };

type Entry = { display: string; audiences: Set<string> };

/**
 * Whether an audience is one person or group's own (a closed group, a consultation's thread):
 * "group:12". Words seen only there may be gone with the message they came from, so a
 * suggestion of such a word is checked against the index first.
 */
export const isNarrowAudience = (audience: string) => audience.includes(":");

/** How a word stands to someone with these audiences. */
export type Visibility = "hidden" | "broad" | "narrow";

/**
 * The index's own words (folded → as written, with the audiences they were seen in), for typo
 * tolerance and "did you mean". A word is suggested, or taken as known, only to someone who
 * may see a document it came from: a word from a closed group's message never reaches an
 * outsider as a suggestion. Typo candidates share the first letter and are at most one edit away
 * for short words, two for long ones (Damerau: a swap of neighbours is one edit), so a lookup
 * scans a small bucket.
 */
export class Vocabulary {
  private words = new Map<string, Entry>();
  private sorted: string[] = [];
  private buckets = new Map<string, string[]>();
  private dirty = false;

  constructor(words?: Map<string, VocabEntry>) {
    if (words) this.add(words);
  }

  get size(): number {
    return this.words.size;
  }

  /** Adds words and audiences; returns the entries that changed (new words, or seen in a new audience). */
  add(words: Map<string, VocabEntry>): Map<string, VocabEntry> {
    const changed = new Map<string, VocabEntry>();
    for (const [term, entry] of words) {
      const known = this.words.get(term);
      if (!known) {
        const audiences = new Set(entry.audiences);
        this.words.set(term, { display: entry.display, audiences });
        changed.set(term, { display: entry.display, audiences: [...audiences] });
        this.dirty = true;
        continue;
      }
      const before = known.audiences.size;
      for (const audience of entry.audiences) known.audiences.add(audience);
      if (known.audiences.size !== before)
        changed.set(term, { display: known.display, audiences: [...known.audiences] });
    }
    return changed;
  }

  display(term: string): string | undefined {
    return this.words.get(term)?.display;
  }

  /**
   * "broad" when a document of an audience everyone of its kind shares holds the word (content,
   * members), "narrow" when only a group's or thread's own documents do, "hidden" when none the
   * asker may see.
   */
  visibility(term: string, audiences: ReadonlySet<string>): Visibility {
    const entry = this.words.get(term);
    if (!entry) return "hidden";
    let narrow = false;
    const [small, large] =
      entry.audiences.size <= audiences.size ? [entry.audiences, audiences] : [audiences, entry.audiences];
    for (const a of small)
      if (large.has(a)) {
        if (!isNarrowAudience(a)) return "broad";
        narrow = true;
      }
    return narrow ? "narrow" : "hidden";
  }

  private visible(term: string, audiences: ReadonlySet<string>): boolean {
    return this.visibility(term, audiences) !== "hidden";
  }

  private refresh(): void {
    if (!this.dirty) return;
    this.sorted = [...this.words.keys()].sort();
    this.buckets = new Map();
    for (const w of this.sorted) {
      const key = `${w[0]}${w.length}`;
      const bucket = this.buckets.get(key);
      if (bucket) bucket.push(w);
      else this.buckets.set(key, [w]);
    }
    this.dirty = false;
  }

  /** Whether someone of these audiences may know the word. */
  has(term: string, audiences: ReadonlySet<string>): boolean {
    return this.visible(term, audiences);
  }

  /** Whether a word these audiences may know begins with `prefix`. */
  hasPrefix(prefix: string, audiences: ReadonlySet<string>): boolean {
    this.refresh();
    for (let i = firstAtOrAfter(this.sorted, prefix); i < this.sorted.length; i++) {
      const word = this.sorted[i]!;
      if (!word.startsWith(prefix)) return false;
      if (this.visible(word, audiences)) return true;
    }
    return false;
  }

  /**
   * Words within the allowed edits that these audiences may know, closest first; prefix = also
   * compare against word starts.
   */
  suggest(
    word: string,
    options: { limit?: number; prefix?: boolean; audiences: ReadonlySet<string> },
  ): string[] {
    this.refresh();
    const max = maxEdits(word);
    if (max === 0) return [];
    const found: Array<{ w: string; d: number }> = [];
    // Buckets by first letter and length: only lengths within the allowed edits are compared.
    for (let length = word.length - max; length <= word.length + max; length++) {
      for (const candidate of this.buckets.get(`${word[0]}${length}`) ?? []) {
        const d = distance(word, candidate, max);
        if (d <= max && this.visible(candidate, options.audiences)) found.push({ w: candidate, d });
      }
    }
    if (options.prefix && found.length === 0) {
      // Still typing: the beginning of a longer word may be what is meant.
      for (const [key, bucket] of this.buckets) {
        if (key[0] !== word[0] || Number(key.slice(1)) <= word.length + max) continue;
        for (const candidate of bucket) {
          const d = distance(word, candidate.slice(0, word.length), max);
          if (d <= max && this.visible(candidate, options.audiences))
            found.push({ w: candidate, d: d + 0.5 });
        }
      }
    }
    found.sort((a, b) => a.d - b.d || a.w.length - b.w.length || (a.w < b.w ? -1 : 1));
    return found.slice(0, options.limit ?? 3).map((f) => f.w);
  }
}

/** One edit for words of 5–8 letters, two from 9 up, none below 5 (as Meilisearch does). */
export function maxEdits(word: string): number {
  return word.length >= 9 ? 2 : word.length >= 5 ? 1 : 0;
}

/** Optimal-string-alignment distance, giving up (returning max + 1) once it must exceed max. */
export function distance(a: string, b: string, max: number): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  let cur = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[n]!;
}

/** The index of the first word not before `prefix` in a sorted list (binary search). */
function firstAtOrAfter(sorted: string[], prefix: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < prefix) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether a sorted list holds a word beginning with `prefix` (binary search). */
export function sortedHasPrefix(sorted: string[], prefix: string): boolean {
  const i = firstAtOrAfter(sorted, prefix);
  return i < sorted.length && sorted[i]!.startsWith(prefix);
}
