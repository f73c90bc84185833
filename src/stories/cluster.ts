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

export interface DocFrequencies {
  n: number;
  df: Record<string, number>;
}

/**
 * Content terms of a document. The title counts twice, as editors put the
 * event there; proper names count twice, as places and people tell one event
 * from another far better than common words do.
 */
export function terms(doc: Pick<Document, 'title' | 'text'>): Map<string, number> {
  const tf = new Map<string, number>();
  const add = (text: string, w: number) => {
    for (const m of text.matchAll(/[\p{L}][\p{L}\p{N}'’-]*/gu)) {
      let t = m[0].toLowerCase().replace(/['’]s$/, '').replace(/['’-]+$/, '');
      if (t.length < 3 || STOPWORDS.has(t)) continue;
      // Light plural folding so "militias" meets "militia".
      if (t.length > 4 && t.endsWith('s') && !t.endsWith('ss')) t = t.slice(0, -1);
      const proper = isProperNoun(text, m.index!, m[0]);
      tf.set(t, (tf.get(t) ?? 0) + (proper ? 2 * w : w));
    }
  };
  add(doc.title, 2);
  add(doc.text, 1);
  return tf;
}

function isProperNoun(text: string, at: number, word: string): boolean {
  if (!/^\p{Lu}/u.test(word) || word === word.toUpperCase()) return false;
  // Capitalized because it starts a sentence or a quote: not evidence.
  let i = at - 1;
  while (i >= 0 && /[\s"“‘'(]/.test(text[i])) i--;
  return i >= 0 && !/[.!?:—–-]/.test(text[i]);
}

export function idf(df: DocFrequencies, term: string): number {
  return Math.log((df.n + 1) / ((df.df[term] ?? 0) + 1)) + 1;
}

/** Sublinear TF-IDF, top terms, L2-normalized. */
export function vectorize(tf: Map<string, number>, df: DocFrequencies): Map<string, number> {
  const weighted = [...tf].map(([t, f]) => [t, (1 + Math.log(f)) * idf(df, t)] as [string, number]);
  weighted.sort((a, b) => b[1] - a[1]);
  const top = weighted.slice(0, DOC_TERMS);
  const norm = Math.sqrt(top.reduce((s, [, w]) => s + w * w, 0)) || 1;
  return new Map(top.map(([t, w]) => [t, w / norm]));
}

function cosineToCentroid(v: Map<string, number>, centroid: Map<string, number>, centroidNorm: number): number {
  let dot = 0;
  for (const [t, w] of v) dot += w * (centroid.get(t) ?? 0);
  return centroidNorm ? dot / centroidNorm : 0;
}

function dayNumber(iso: string): number {
  return Math.floor(Date.parse(iso.slice(0, 10) + 'T00:00:00Z') / 86400000);
}

interface LiveStory {
  state: StoryState;
  centroid: Map<string, number>;
  norm: number;
}

/** The story set as it grows; load stored stories, add documents, read back the changed ones. */
export class StoryClusterer {
  private stories = new Map<string, LiveStory>();
  private byTerm = new Map<string, Set<string>>();
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
    const live = { state, centroid, norm: Math.sqrt([...centroid.values()].reduce((s, w) => s + w * w, 0)) };
    this.stories.set(state.id, live);
    for (const t of centroid.keys()) {
      let set = this.byTerm.get(t);
      if (!set) this.byTerm.set(t, (set = new Set()));
      set.add(state.id);
    }
    return live;
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
      const day = doc.published ? dayNumber(doc.published) : undefined;
      const seen = new Set<string>();
      let best = this.opts.threshold;
      for (const t of v.keys()) {
        for (const sid of this.byTerm.get(t) ?? []) {
          if (seen.has(sid)) continue;
          seen.add(sid);
          const s = this.stories.get(sid)!;
          if (day !== undefined && s.state.firstDate && s.state.lastDate) {
            const lo = dayNumber(s.state.firstDate) - this.opts.windowDays;
            const hi = dayNumber(s.state.lastDate) + this.opts.windowDays;
            if (day < lo || day > hi) continue;
          }
          const sim = cosineToCentroid(v, s.centroid, s.norm);
          if (sim >= best) {
            best = sim;
            target = s;
          }
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
    }
    for (const [t, w] of v) s.centroid.set(t, (s.centroid.get(t) ?? 0) + w);
    if (s.centroid.size > CENTROID_TERMS * 1.5) {
      const kept = [...s.centroid].sort((a, b) => b[1] - a[1]).slice(0, CENTROID_TERMS);
      s.centroid = new Map(kept);
    }
    for (const t of v.keys()) {
      let set = this.byTerm.get(t);
      if (!set) this.byTerm.set(t, (set = new Set()));
      set.add(st.id);
    }
    s.norm = Math.sqrt([...s.centroid.values()].reduce((a, w) => a + w * w, 0));
    st.centroid = [...s.centroid].map(([t, w]) => [t, Math.round(w * 1e4) / 1e4] as [string, number]);
    this.changed.add(st.id);
  }

  get(id: string): StoryState | undefined {
    return this.stories.get(id)?.state;
  }

  all(): StoryState[] {
    return [...this.stories.values()].map((s) => s.state);
  }
}
