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

/** Corpus document frequencies of terms; a Map in memory, an object when stored. */
export class DocFrequencies {
  n = 0;
  readonly df = new Map<string, number>();

  static fromJSON(v: { n: number; df: Record<string, number> } | undefined): DocFrequencies {
    const d = new DocFrequencies();
    if (v) {
      d.n = v.n;
      for (const k in v.df) d.df.set(k, v.df[k]);
    }
    return d;
  }

  addDocument(tf: Map<string, number>): void {
    this.n++;
    for (const t of tf.keys()) this.df.set(t, (this.df.get(t) ?? 0) + 1);
  }

  idf(term: string): number {
    return Math.log(this.n + 1) - logOnePlus(this.df.get(term) ?? 0) + 1;
  }

  toJSON(): { n: number; df: Record<string, number> } {
    return { n: this.n, df: Object.fromEntries(this.df) };
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

/** Sublinear TF-IDF, top terms, L2-normalized. */
export function vectorize(tf: Map<string, number>, df: DocFrequencies): Map<string, number> {
  const weighted: [string, number][] = [];
  for (const [t, f] of tf) weighted.push([t, (1 + Math.log(f)) * df.idf(t)]);
  weighted.sort((a, b) => b[1] - a[1]);
  const top = weighted.slice(0, DOC_TERMS);
  const norm = Math.sqrt(top.reduce((s, [, w]) => s + w * w, 0)) || 1;
  return new Map(top.map(([t, w]) => [t, w / norm]));
}

function dayNumber(iso: string): number {
  return Math.floor(Date.parse(iso.slice(0, 10) + 'T00:00:00Z') / 86400000);
}

interface LiveStory {
  state: StoryState;
  centroid: Map<string, number>;
  norm: number;
  /** Day numbers of firstDate and lastDate, when dated. */
  days?: [number, number];
}

/** A term found in more stories than this does not tell stories apart: not looked up. */
const MAX_TERM_STORIES = 100;

/** The story set as it grows; load stored stories, add documents, read back the changed ones. */
export class StoryClusterer {
  private stories = new Map<string, LiveStory>();
  private byTerm = new Map<string, Set<LiveStory>>();
  private docStory = new Map<string, string>();
  readonly changed = new Set<string>();

  constructor(private opts: StoryOptions = DEFAULT_STORY_OPTIONS) {}

  load(states: Iterable<StoryState>): void {
    for (const s of states) {
      this.put(s);
      for (const d of s.documentIds) this.docStory.set(d, s.id);
    }
  }

  private put(state: StoryState): LiveStory {
    const centroid = new Map(state.centroid);
    const live: LiveStory = { state, centroid, norm: Math.sqrt([...centroid.values()].reduce((s, w) => s + w * w, 0)) };
    if (state.firstDate && state.lastDate) live.days = [dayNumber(state.firstDate), dayNumber(state.lastDate)];
    this.stories.set(state.id, live);
    for (const t of centroid.keys()) this.index(t, live);
    return live;
  }

  private index(term: string, s: LiveStory): void {
    let set = this.byTerm.get(term);
    if (!set) this.byTerm.set(term, (set = new Set()));
    set.add(s);
  }

  storyOf(docId: string): string | undefined {
    return this.docStory.get(docId);
  }

  /**
   * Assign a document. `sameAs` names documents it copies or is copied by:
   * it joins their story without a similarity test.
   */
  add(doc: Document, v: Map<string, number>, sameAs: string[] = []): string {
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
      const dots = new Map<LiveStory, number>();
      for (const [t, w] of v) {
        const posting = this.byTerm.get(t);
        if (!posting || posting.size > MAX_TERM_STORIES) continue;
        for (const s of posting) {
          if (day !== undefined && s.days && (day < s.days[0] - win || day > s.days[1] + win)) continue;
          const cw = s.centroid.get(t);
          if (cw) dots.set(s, (dots.get(s) ?? 0) + w * cw);
        }
      }
      let best = this.opts.threshold;
      for (const [s, dot] of dots) {
        const sim = s.norm ? dot / s.norm : 0;
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

  private join(s: LiveStory, doc: Document, v: Map<string, number>): void {
    const st = s.state;
    st.documentIds.push(doc.id);
    this.docStory.set(doc.id, st.id);
    if (doc.published) {
      const d = doc.published.slice(0, 10);
      if (!st.firstDate || d < st.firstDate) st.firstDate = d;
      if (!st.lastDate || d > st.lastDate) st.lastDate = d;
      s.days = [dayNumber(st.firstDate), dayNumber(st.lastDate)];
    }
    for (const [t, w] of v) s.centroid.set(t, (s.centroid.get(t) ?? 0) + w);
    if (s.centroid.size > CENTROID_TERMS * 1.5) {
      const sorted = [...s.centroid].sort((a, b) => b[1] - a[1]);
      // Dropped terms leave the index too, so a story reloaded from the store
      // is indexed exactly as the one built in memory.
      for (const [t] of sorted.slice(CENTROID_TERMS)) this.byTerm.get(t)?.delete(s);
      s.centroid = new Map(sorted.slice(0, CENTROID_TERMS));
    }
    for (const t of v.keys()) if (s.centroid.has(t)) this.index(t, s);
    let norm = 0;
    for (const w of s.centroid.values()) norm += w * w;
    s.norm = Math.sqrt(norm);
    this.changed.add(st.id);
  }

  /** A story's state as stored, centroid included. */
  get(id: string): StoryState | undefined {
    const s = this.stories.get(id);
    if (!s) return undefined;
    s.state.centroid = [...s.centroid].map(([t, w]) => [t, Math.round(w * 1e4) / 1e4] as [string, number]);
    return s.state;
  }

  all(): StoryState[] {
    return [...this.stories.values()].map((s) => s.state);
  }
}
