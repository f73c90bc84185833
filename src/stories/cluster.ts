// Incremental story grouping: each arriving document joins the most similar
// story (TF-IDF cosine against the story centroid) whose dates are within a
// window of its own, or starts a new one. Copies found by dedup join their
// source's story directly: a copy is about the same event by definition.
import type { Document } from '../model/document.js';
import type { Story } from '../model/collection.js';
import { STOPWORDS } from '../text/stopwords.js';
import { shortHash } from '../text/normalize.js';

export interface StoryOptions {
  /** Cosine similarity to a story centroid needed to join it. */
  threshold: number;
  /** Days between a document and a story's date range for it to join. */
  windowDays: number;
}

export const DEFAULT_STORY_OPTIONS: StoryOptions = { threshold: 0.08, windowDays: 4 };

/** Terms kept in a document vector and a story centroid. */
const DOC_TERMS = 60;
const CENTROID_TERMS = 200;

export interface StoryState extends Story {
  /** Sum of member vectors (sparse, trimmed). */
  centroid: [string, number][];
}

/** Stored form of document frequencies: a full table or one batch's increment. */
export interface DfRecord {
  n: number;
  df: Record<string, number>;
}

/** Increments kept as separate records before they are folded into one. */
const DF_DELTAS_BEFORE_COMPACTION = 32;

// Terms are interned to integer ids for the life of the process: vectors,
// centroids and the story index then work on numbers instead of hashing
// strings. Ids are never stored; records keep the terms themselves.
const termIds = new Map<string, number>();
const termStrings: string[] = [];
function termId(t: string): number {
  let id = termIds.get(t);
  if (id === undefined) {
    id = termStrings.length;
    termStrings.push(t);
    termIds.set(t, id);
  }
  return id;
}

/**
 * Corpus document frequencies of terms. Stored as increments, one record per
 * batch, folded into a single record now and then: rewriting the whole table
 * every batch cost more than the batch's own documents once the vocabulary
 * had grown.
 */
export class DocFrequencies {
  n = 0;
  private counts = new Int32Array(1 << 14);
  private delta = new Map<number, number>();
  private deltaN = 0;
  private storedKeys: string[] = [];
  private seq = 0;

  static fromRecords(records: Map<string, DfRecord>): DocFrequencies {
    const d = new DocFrequencies();
    for (const [key, v] of records) {
      d.n += v.n;
      for (const k in v.df) d.bump(termId(k), v.df[k]);
      d.storedKeys.push(key);
      const seq = Number(key.slice(1));
      if (Number.isFinite(seq) && seq >= d.seq) d.seq = seq + 1;
    }
    return d;
  }

  private bump(id: number, by: number): void {
    if (id >= this.counts.length) {
      const grown = new Int32Array(Math.max(this.counts.length * 2, id + 1));
      grown.set(this.counts);
      this.counts = grown;
    }
    this.counts[id] += by;
  }

  addDocument(terms: TermCounts): void {
    this.n++;
    this.deltaN++;
    for (const id of terms.ids) {
      this.bump(id, 1);
      this.delta.set(id, (this.delta.get(id) ?? 0) + 1);
    }
  }

  /** Documents containing `term`. */
  count(term: string): number {
    const id = termIds.get(term);
    return id === undefined ? 0 : this.countOf(id);
  }

  private countOf(id: number): number {
    return id < this.counts.length ? this.counts[id] : 0;
  }

  idf(term: string): number {
    return this.idfOf(termId(term));
  }

  idfOf(id: number): number {
    return Math.log(this.n + 1) - logOnePlus(this.countOf(id)) + 1;
  }

  /**
   * The records to write for what was added since the last call (`null`
   * deletes one): an increment, or, every so often, the whole table replacing
   * all stored records. Keys sort in write order.
   */
  flush(): { key: string; value: DfRecord | null }[] {
    if (!this.deltaN) return [];
    const key = 'd' + String(this.seq++).padStart(9, '0');
    const out: { key: string; value: DfRecord | null }[] = [];
    const df: Record<string, number> = {};
    if (this.storedKeys.length >= DF_DELTAS_BEFORE_COMPACTION) {
      for (const k of this.storedKeys) out.push({ key: k, value: null });
      for (let id = 0; id < this.counts.length; id++) if (this.counts[id] > 0) df[termStrings[id]] = this.counts[id];
      out.push({ key, value: { n: this.n, df } });
      this.storedKeys = [key];
    } else {
      for (const [id, c] of this.delta) df[termStrings[id]] = c;
      out.push({ key, value: { n: this.deltaN, df } });
      this.storedKeys.push(key);
    }
    this.delta = new Map();
    this.deltaN = 0;
    return out;
  }
}

// log(1 + df) for the small counts almost every term has, computed once.
const LOG_TABLE = Float64Array.from({ length: 4096 }, (_, i) => Math.log(1 + i));
function logOnePlus(x: number): number {
  return x < LOG_TABLE.length ? LOG_TABLE[x] : Math.log(1 + x);
}

/**
 * Content terms of a document. The title counts twice, as editors put the
 * event there; proper names count twice, as places and people tell one event
 * from another far better than common words do.
 */
export function terms(doc: Pick<Document, 'title' | 'text'>): Map<string, number> {
  const tf = new Map<string, number>();
  addTerms(tf, doc.title, 2);
  addTerms(tf, doc.text, 1);
  return tf;
}

const WORD = /\p{L}[\p{L}\p{N}'’-]*/gu;

function addTerms(tf: Map<string, number>, text: string, weight: number): void {
  const lower = text.toLowerCase();
  // Lowercasing changes the length of a few characters (İ): then lowercase
  // word by word instead of slicing the lowercased text.
  const aligned = lower.length === text.length;
  WORD.lastIndex = 0;
  for (let m; (m = WORD.exec(text)); ) {
    const start = m.index;
    let end = start + m[0].length;
    while (end > start && (text[end - 1] === "'" || text[end - 1] === '’' || text[end - 1] === '-')) end--;
    if (end - start >= 3 && (text[end - 2] === "'" || text[end - 2] === '’') && (text[end - 1] === 's' || text[end - 1] === 'S')) end -= 2;
    if (end - start < 3) continue;
    let t = aligned ? lower.slice(start, end) : text.slice(start, end).toLowerCase();
    if (STOPWORDS.has(t)) continue;
    // Light plural folding so "militias" meets "militia".
    if (t.length > 4 && t.charCodeAt(t.length - 1) === 115 && t.charCodeAt(t.length - 2) !== 115) t = t.slice(0, -1);
    const proper = text[start] !== lower[start] && isNameStart(text, start, end);
    tf.set(t, (tf.get(t) ?? 0) + (proper ? 2 * weight : weight));
  }
}

// A capitalized word is evidence of a name unless it is all capitals (a
// shouted headline) or capitalized only because it opens a sentence or quote.
function isNameStart(text: string, start: number, end: number): boolean {
  if (end - start > 1 && text.slice(start, end) === text.slice(start, end).toUpperCase()) return false;
  let i = start - 1;
  while (i >= 0 && OPENERS.includes(text[i])) i--;
  return i >= 0 && !ENDERS.includes(text[i]);
}
const OPENERS = ' \t\n\u00a0"“‘\'(';
const ENDERS = '.!?:—–-';

/** Terms a headline needs before its score is not shrunk: "Coronavirus" alone does not name a story. */
const HEADLINE_TERMS = 6;

/** How well a headline names a story: the mean centroid weight of its terms (each once), so a long headline gains nothing by length. */
function headlineScore(title: string, centroid: Map<number, number>): number {
  const tf = new Map<string, number>();
  addTerms(tf, title, 1);
  let dot = 0;
  for (const t of tf.keys()) {
    const id = termIds.get(t);
    if (id !== undefined) dot += centroid.get(id) ?? 0;
  }
  return dot / Math.max(tf.size, HEADLINE_TERMS);
}

/** A document's weighted terms: parallel arrays of term ids and weights, L2-normalized. */
export interface TermVector {
  ids: Int32Array;
  weights: Float64Array;
}

/** A document's term counts with interned term ids (parallel arrays, in first-seen order). */
export interface TermCounts {
  ids: Int32Array;
  counts: Float64Array;
}

/** Interns a document's terms, once per document: lookups in a vocabulary of many thousands of terms are not free. */
export function internTerms(tf: Map<string, number>): TermCounts {
  const ids = new Int32Array(tf.size);
  const counts = new Float64Array(tf.size);
  let i = 0;
  for (const [t, f] of tf) {
    ids[i] = termId(t);
    counts[i++] = f;
  }
  return { ids, counts };
}

/** Sublinear TF-IDF, top terms, L2-normalized. */
export function vectorize(tc: TermCounts, df: DocFrequencies): TermVector {
  const n = tc.ids.length;
  const ids = tc.ids;
  const w = new Float64Array(n);
  for (let i = 0; i < n; i++) w[i] = (1 + Math.log(tc.counts[i])) * df.idfOf(ids[i]);
  const order = Array.from({ length: n }, (_, k) => k).sort((a, b) => w[b] - w[a] || a - b);
  const k = Math.min(DOC_TERMS, n);
  let norm = 0;
  for (let j = 0; j < k; j++) norm += w[order[j]] * w[order[j]];
  norm = Math.sqrt(norm) || 1;
  const out: TermVector = { ids: new Int32Array(k), weights: new Float64Array(k) };
  for (let j = 0; j < k; j++) {
    out.ids[j] = ids[order[j]];
    out.weights[j] = w[order[j]] / norm;
  }
  return out;
}

/** The terms of a vector, for tests and display. */
export function vectorTerms(v: TermVector): Map<string, number> {
  return new Map(Array.from(v.ids, (id, j) => [termStrings[id], v.weights[j]]));
}

function dayNumber(iso: string): number {
  return Math.floor(Date.parse(iso.slice(0, 10) + 'T00:00:00Z') / 86400000);
}

interface LiveStory {
  state: StoryState;
  /** Term id -> summed weight. */
  centroid: Map<number, number>;
  norm: number;
  /** Day numbers of firstDate and lastDate, when dated. */
  days?: [number, number];
  /** Scratch for `add`: the dot product with the document being placed, valid when `stamp` is current. */
  dot: number;
  stamp: number;
}

/** A term found in more stories than this does not tell stories apart: not looked up. */
const MAX_TERM_STORIES = 100;

/** The story set as it grows; load stored stories, add documents, read back the changed ones. */
export class StoryClusterer {
  private stories = new Map<string, LiveStory>();
  /** Term id -> stories whose centroid has the term. */
  private byTerm: (Set<LiveStory> | undefined)[] = [];
  private docStory = new Map<string, string>();
  private epoch = 0;
  readonly changed = new Set<string>();

  constructor(private opts: StoryOptions = DEFAULT_STORY_OPTIONS) {}

  load(states: Iterable<StoryState>): void {
    for (const s of states) {
      this.put(s);
      for (const d of s.documentIds) this.docStory.set(d, s.id);
    }
  }

  private put(state: StoryState): LiveStory {
    const centroid = new Map(state.centroid.map(([t, w]) => [termId(t), w]));
    let norm = 0;
    for (const w of centroid.values()) norm += w * w;
    const live: LiveStory = { state, centroid, norm: Math.sqrt(norm), dot: 0, stamp: 0 };
    if (state.firstDate && state.lastDate) live.days = [dayNumber(state.firstDate), dayNumber(state.lastDate)];
    this.stories.set(state.id, live);
    for (const t of centroid.keys()) this.index(t, live);
    return live;
  }

  private index(term: number, s: LiveStory): void {
    let set = this.byTerm[term];
    if (!set) this.byTerm[term] = set = new Set();
    set.add(s);
  }

  storyOf(docId: string): string | undefined {
    return this.docStory.get(docId);
  }

  /**
   * Assign a document. `sameAs` names documents it copies or is copied by:
   * it joins their story without a similarity test.
   */
  add(doc: Document, v: TermVector, sameAs: string[] = []): string {
    let target: LiveStory | undefined;
    for (const other of sameAs) {
      const sid = this.docStory.get(other);
      if (sid) {
        target = this.stories.get(sid);
        break;
      }
    }
    if (!target) {
      // Cosine against every story at once through the term index: each
      // posting adds its share of the dot product.
      const day = doc.published ? dayNumber(doc.published) : undefined;
      const win = this.opts.windowDays;
      const stamp = ++this.epoch;
      const touched: LiveStory[] = [];
      for (let j = 0; j < v.ids.length; j++) {
        const posting = this.byTerm[v.ids[j]];
        if (!posting || posting.size > MAX_TERM_STORIES) continue;
        const w = v.weights[j];
        for (const s of posting) {
          if (day !== undefined && s.days && (day < s.days[0] - win || day > s.days[1] + win)) continue;
          const cw = s.centroid.get(v.ids[j]);
          if (!cw) continue;
          if (s.stamp !== stamp) {
            s.stamp = stamp;
            s.dot = 0;
            touched.push(s);
          }
          s.dot += w * cw;
        }
      }
      let best = this.opts.threshold;
      for (const s of touched) {
        const sim = s.norm ? s.dot / s.norm : 0;
        if (sim >= best) {
          best = sim;
          target = s;
        }
      }
    }
    if (!target) {
      target = this.put({ id: 's' + shortHash(doc.id), title: doc.title, documentIds: [], centroid: [] });
    }
    this.join(target, doc, v);
    return target.state.id;
  }

  private join(s: LiveStory, doc: Document, v: TermVector): void {
    const st = s.state;
    st.documentIds.push(doc.id);
    this.docStory.set(doc.id, st.id);
    if (doc.published) {
      const d = doc.published.slice(0, 10);
      if (!st.firstDate || d < st.firstDate) st.firstDate = d;
      if (!st.lastDate || d > st.lastDate) st.lastDate = d;
      s.days = [dayNumber(st.firstDate), dayNumber(st.lastDate)];
    }
    for (let j = 0; j < v.ids.length; j++) s.centroid.set(v.ids[j], (s.centroid.get(v.ids[j]) ?? 0) + v.weights[j]);
    if (s.centroid.size > CENTROID_TERMS * 1.5) {
      const sorted = [...s.centroid].sort((a, b) => b[1] - a[1]);
      // Dropped terms leave the index too, so a story reloaded from the store
      // is indexed exactly as the one built in memory.
      for (const [t] of sorted.slice(CENTROID_TERMS)) this.byTerm[t]?.delete(s);
      s.centroid = new Map(sorted.slice(0, CENTROID_TERMS));
    }
    for (const t of v.ids) if (s.centroid.has(t)) this.index(t, s);
    let norm = 0;
    for (const w of s.centroid.values()) norm += w * w;
    s.norm = Math.sqrt(norm);
    // The first headline may be an opinion piece's or a side story's: the story
    // is named by the headline closest to what its documents share.
    if (st.documentIds.length > 1 && doc.title && headlineScore(doc.title, s.centroid) > headlineScore(st.title, s.centroid)) st.title = doc.title;
    this.changed.add(st.id);
  }

  /** A story's state as stored, centroid included. */
  get(id: string): StoryState | undefined {
    const s = this.stories.get(id);
    if (!s) return undefined;
    s.state.centroid = [...s.centroid].map(([t, w]) => [termStrings[t], Math.round(w * 1e4) / 1e4] as [string, number]);
    return s.state;
  }

  all(): StoryState[] {
    return [...this.stories.values()].map((s) => s.state);
  }
}
