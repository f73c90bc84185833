// Copy detection for each arriving document: candidates from two indexes
// (MinHash/LSH for verbatim reuse, anchors for paraphrase), then sentence
// alignment of each candidate pair, then the relation's kind and the
// distortions a rewrite introduced. Costs O(candidates) per document, never
// O(corpus): both indexes return a bounded candidate list.
import type { Document } from '../model/document.js';
import type { CopyKind, CopyRelation, Distortion, SharedPassage } from '../model/collection.js';
import { alignDocuments, isCopy, prepareDocument, type AlignmentResult, type DocumentFeatures } from './align.js';
import { AnchorIndex, documentAnchors } from './anchors.js';
import { DuplicateFinder, orient, type Fingerprint } from './dedup.js';
import { detectDistortions } from './distortion.js';
import { decodeSignature, encodeSignature } from './minhash.js';
import { lemmas, lemmaFrequency } from './lexicon.js';
import { FUNCTION_WORDS } from './tokens.js';

type OrientMeta = Pick<ProvenancePrint, 'n' | 'published' | 'wire'>;

function orientMeta(p: ProvenancePrint): OrientMeta {
  return { n: p.n, ...(p.published ? { published: p.published } : {}), ...(p.wire ? { wire: true } : {}) };
}

/** Whether dates or a wire source orient the pair (the first two rules of `orient`). */
function metadataDecides(a: OrientMeta, b: OrientMeta): boolean {
  const pa = a.published;
  const pb = b.published;
  if (pa && pb) {
    const timed = pa.includes('T') && pb.includes('T');
    const ta = timed ? Date.parse(pa) : Date.parse(pa.slice(0, 10));
    const tb = timed ? Date.parse(pb) : Date.parse(pb.slice(0, 10));
    if (ta !== tb && !isNaN(ta) && !isNaN(tb)) return true;
  }
  return Boolean(a.wire) !== Boolean(b.wire);
}

/** Sentences this long are reporting; shorter unaligned ones may be furniture. */
const SUBSTANTIVE_WORDS = 10;
/** Unaligned reporting text (characters) one side must have beyond the other to be the more complete. */
const UNALIGNED_MARGIN = 100;
/** Difference of mean log SemCor frequency that tells the plainer wording. */
const FREQUENCY_MARGIN = 0.15;
const WORD = /\p{L}[\p{L}'’-]*/gu;

function unaligned(d: DocumentFeatures, aligned: Set<number>): { substantive: number; furniture: number } {
  let substantive = 0;
  let furniture = 0;
  d.texts.forEach((text, i) => {
    if (aligned.has(i)) return;
    if ((text.match(WORD)?.length ?? 0) >= SUBSTANTIVE_WORDS) substantive += text.length;
    // Only lines that end like sentences: the corpus rule strips recurring
    // non-sentence lines from later documents, which would make them look complete.
    else if (/[.!?]["”’)]?$/.test(text.trim())) furniture++;
  });
  return { substantive, furniture };
}

/** Sum and count of log SemCor frequencies of the content words of `a` that `b` lacks (names aside). */
function ownWords(a: string, b: string): [number, number] {
  const theirs = new Set((b.match(WORD) ?? []).map((w) => w.toLowerCase()));
  let sum = 0;
  let n = 0;
  (a.match(WORD) ?? []).forEach((w, i) => {
    const lower = w.toLowerCase();
    if ((i > 0 && /^\p{Lu}/u.test(w)) || lower.length < 3 || FUNCTION_WORDS.has(lower) || theirs.has(lower)) return;
    sum += Math.log1p(lemmaFrequency(lemmas(lower)[0]) ?? 0);
    n++;
  });
  return [sum, n];
}

/**
 * For a pair no metadata orients: whether the text says the document taken as
 * the copy is the source. The side with more reporting the other lacks is the
 * more complete, so the source; else, where sentences were reworded, the side
 * with the commoner words (spinners swap in rarer synonyms); else the side
 * with fewer short unaligned lines (republishers add "Share this" furniture).
 */
function textSaysReversed(src: DocumentFeatures, cp: DocumentFeatures, a: AlignmentResult): boolean {
  const us = unaligned(src, new Set(a.pairs.map((p) => p.sourceSentence)));
  const uc = unaligned(cp, new Set(a.pairs.map((p) => p.copySentence)));
  if (Math.abs(us.substantive - uc.substantive) >= UNALIGNED_MARGIN) return uc.substantive > us.substantive;
  let [ss, sn, cs, cn] = [0, 0, 0, 0];
  for (const p of a.pairs) {
    if (p.kind === 'verbatim') continue;
    const x = src.texts[p.sourceSentence];
    const y = cp.texts[p.copySentence];
    const [s1, n1] = ownWords(x, y);
    const [s2, n2] = ownWords(y, x);
    [ss, sn, cs, cn] = [ss + s1, sn + n1, cs + s2, cn + n2];
  }
  if (sn >= 3 && cn >= 3 && Math.abs(ss / sn - cs / cn) >= FREQUENCY_MARGIN) return cs / cn > ss / sn;
  return uc.furniture < us.furniture;
}

/** A fingerprint with the document's paraphrase-robust anchors. */
export interface ProvenancePrint extends Fingerprint {
  anchors?: string;
}

/** Aligned pairs at least this share verbatim or lightly edited: a copy of the words, not a rewrite. */
export const WORD_COPY_SHARE = 0.7;
/** Both sides at least this much covered by aligned sentences: the whole article. */
export const WHOLE_COVERAGE = 0.8;
/** Alignment features kept in memory for documents that may be compared again. */
const FEATURE_CACHE = 1500;

export function anchorPrint(doc: Pick<Document, 'text' | 'sentences'>): string {
  return encodeSignature(documentAnchors(doc.text, doc.sentences));
}

function sentencesOf(doc: TextDoc): string[] {
  return doc.sentences.map((s) => doc.text.slice(s.start, s.end));
}

/** The kind of copy an alignment shows. */
export function copyKind(a: AlignmentResult): CopyKind {
  const words = a.pairs.filter((p) => p.kind !== 'paraphrase').length;
  if (words < a.pairs.length * WORD_COPY_SHARE) return 'rewrite';
  return Math.min(a.coverageOfCopy, a.coverageOfSource) >= WHOLE_COVERAGE ? 'duplicate' : 'partial';
}

/** What alignment needs of a document: its text and sentence ranges. */
export type TextDoc = Pick<Document, 'id' | 'text' | 'sentences'>;

/** A document's text and its alignment features (made lazily, sentence by sentence). */
export type Featured = [TextDoc, DocumentFeatures];

export function featured(doc: TextDoc): Featured {
  return [doc, prepareDocument(sentencesOf(doc))];
}

/**
 * The second half of adding a document: everything after its candidates
 * were found. Pure given the documents, so it runs on any thread
 * (`AlignPool`) with the same result.
 */
export interface RelateJob {
  id: string;
  meta: OrientMeta;
  /** Candidates, in the order they were found, with what orientation needs of each. */
  others: { id: string; meta: OrientMeta }[];
  /** Relations the shingle index found, among the candidates. */
  found: CopyRelation[];
  distortions: boolean;
}

export interface Related {
  copies: CopyRelation[];
  passages: SharedPassage[];
  /** Candidate pairs aligned. */
  aligned: number;
}

export function relate(job: RelateJob, get: (id: string) => Featured | undefined): Related {
  const mine = get(job.id);
  if (!mine) throw new Error(`document ${job.id} is not at hand for alignment`);
  const out: CopyRelation[] = [];
  const passages: SharedPassage[] = [];
  let aligned = 0;
  for (const { id: other, meta } of job.others) {
    const theirs = get(other);
    if (!theirs) continue;
    let [[srcId], [copyId]] = orient([other, meta], [job.id, job.meta]);
    let [src, cp] = srcId === job.id ? [mine, theirs] : [theirs, mine];
    let a = alignDocuments(src[1], cp[1]);
    aligned++;
    // No dates or wire source to tell the origin: the texts may (measured on
    // generated spins: undated origin accuracy 0.61 -> 0.90 on the test split).
    if (!metadataDecides(meta, job.meta) && textSaysReversed(src[1], cp[1], a)) {
      [srcId, copyId] = [copyId, srcId];
      [src, cp] = [cp, src];
      a = alignDocuments(src[1], cp[1]);
    }
    const shingle = job.found.find((r) => r.source === other || r.copy === other);
    if (!shingle && !isCopy(a)) {
      // Below a copy, sentences taken word for word are still worth showing:
      // the same wire passage quoted by two outlets.
      const pairs = a.pairs.filter((p) => p.kind !== 'paraphrase');
      if (pairs.length) passages.push({ source: srcId, copy: copyId, pairs });
      continue;
    }
    const kind = shingle?.kind ?? copyKind(a);
    out.push({
      source: srcId,
      copy: copyId,
      kind,
      coverageOfCopy: round(a.coverageOfCopy),
      coverageOfSource: round(a.coverageOfSource),
      similarity: shingle?.similarity ?? 0,
      method: shingle ? shingle.method : 'alignment',
      pairs: a.pairs,
      ...(job.distortions ? { distortions: distortions(src[0], cp[0], a.pairs) } : {}),
    });
  }
  return { copies: out, passages, aligned };
}

/** Where the relating of a batch's documents runs when not on the calling thread (`AlignPool`). */
export interface Relater {
  /**
   * Runs `job` on the thread `lane` picks (the same lane for the same
   * family of documents, so features made there serve again). `docs`
   * fetches the documents of `ids` that thread does not hold.
   */
  relate(job: RelateJob, lane: number, docs: (ids: string[]) => Promise<TextDoc[]>): Promise<Related & { featured: number }>;
  close(): Promise<void>;
}

export type AddResult = { copies: CopyRelation[]; passages: SharedPassage[] } | { error: string };

export class CopyDetector {
  private dups = new DuplicateFinder();
  private anchors = new AnchorIndex();
  /** What orientation needs of each document: not its encoded signature and anchors (hundreds of MB at 100,000). */
  private meta = new Map<string, OrientMeta>();
  /** Arrival number of each document: a family's first member names the lane its jobs run on. */
  private seq = new Map<string, number>();
  private features = new Map<string, Featured>();
  /** What the detector has done so far: candidate pairs aligned, and documents prepared for alignment (again; their sentences are featured only where needed). */
  readonly stats = { aligned: 0, featured: 0 };

  /**
   * `fetch`: stored documents by id, for candidates not in memory.
   * `paraphrase: false` keeps only the shingle index: verbatim and near-exact
   * copies, no alignment, several times faster. `distortions: false` leaves
   * the distortion check to whoever reads the relations (`addDistortions`):
   * the pipeline runs it at output time on the relations the output keeps,
   * a third of those detected on a flood of repeats. `relater`: threads that
   * align candidate pairs (`AlignPool`); without it, this thread does.
   */
  constructor(
    private fetch: (ids: string[]) => Promise<TextDoc[]>,
    private opts: { paraphrase: boolean; distortions?: boolean; relater?: Relater } = { paraphrase: true },
  ) {}

  loadPrints(prints: Map<string, ProvenancePrint>): void {
    this.dups.load(prints);
    for (const [id, p] of prints) {
      this.meta.set(id, orientMeta(p));
      this.seq.set(id, this.seq.size);
      if (p.anchors) this.anchors.add(id, decodeSignature(p.anchors));
    }
  }

  private remember(id: string, f: Featured): void {
    if (this.features.size >= FEATURE_CACHE) this.features.delete(this.features.keys().next().value!);
    this.features.set(id, f);
  }

  private async featuresOf(ids: string[], batch: Map<string, TextDoc>): Promise<Map<string, Featured>> {
    const out = new Map<string, Featured>();
    const lacking: string[] = [];
    for (const id of ids) {
      const known = this.features.get(id);
      if (known) out.set(id, known);
      else lacking.push(id);
    }
    for (const doc of await this.textsOf(lacking, batch)) out.set(doc.id, this.prepare(doc));
    for (const [id, f] of out) this.remember(id, f);
    return out;
  }

  /** Documents of the batch, else from the store. */
  private async textsOf(ids: string[], batch: Map<string, TextDoc>): Promise<TextDoc[]> {
    const out: TextDoc[] = [];
    const missing: string[] = [];
    for (const id of ids) {
      const d = batch.get(id);
      if (d) out.push(d);
      else missing.push(id);
    }
    return missing.length ? out.concat(await this.fetch(missing)) : out;
  }

  private prepare(doc: TextDoc): Featured {
    this.stats.featured++;
    return featured(doc);
  }

  /**
   * Relations between `doc` and earlier documents; then indexes it.
   * `batch` holds documents not yet in the store.
   */
  async add(doc: Document, print: ProvenancePrint, batch: Map<string, TextDoc>): Promise<{ copies: CopyRelation[]; passages: SharedPassage[] }> {
    const [r] = await this.addBatch([{ doc, print }], batch);
    if ('error' in r) throw new Error(r.error);
    return r;
  }

  /**
   * `add` for each document in order: each is related to every earlier
   * one, those of the batch before it included. Candidates are found on
   * this thread, one document after another; the pairs are aligned here or
   * in the relater's threads, all at once. A document that fails comes back
   * as its error, the others go on.
   */
  async addBatch(items: { doc: TextDoc; print: ProvenancePrint }[], batch: Map<string, TextDoc>): Promise<AddResult[]> {
    const results: (AddResult | Promise<AddResult>)[] = [];
    const here: [number, RelateJob][] = [];
    for (const { doc, print } of items) {
      let found: CopyRelation[];
      let job: RelateJob | undefined;
      try {
        ({ found, job } = this.candidates(doc, print));
      } catch (err) {
        results.push({ error: (err as Error).message });
        continue;
      }
      if (!job) results.push({ copies: found, passages: [] });
      else if (this.opts.relater) results.push(this.relateAway(job, this.laneOf(job), batch));
      else {
        here.push([results.length, job]);
        results.push({ copies: [], passages: [] });
      }
    }
    // Without a relater, the jobs run here once every document is indexed,
    // one at a time (the feature cache serves the next).
    for (const [k, job] of here) results[k] = await this.relateHere(job, batch);
    return Promise.all(results);
  }

  /** The family's first member names the lane: its later members' jobs meet its features there. */
  private laneOf(job: RelateJob): number {
    let lane = this.seq.get(job.id)!;
    for (const o of job.others) lane = Math.min(lane, this.seq.get(o.id) ?? lane);
    return lane;
  }

  /**
   * Indexes the document; returns the shingle index's relations and the
   * alignment job its candidates make, if any (without one, those relations
   * are the answer: `paraphrase: false`).
   */
  private candidates(doc: TextDoc, print: ProvenancePrint): { found: CopyRelation[]; job?: RelateJob } {
    const found = this.dups.add(doc.id, print);
    this.seq.set(doc.id, this.seq.size);
    if (!this.opts.paraphrase) return { found };
    print.anchors ??= anchorPrint(doc);
    const anchors = decodeSignature(print.anchors);
    const candidates = new Set(found.map((r) => (r.source === doc.id ? r.copy : r.source)));
    for (const c of this.anchors.candidates(anchors)) candidates.add(c.id);
    this.anchors.add(doc.id, anchors);
    const meta = orientMeta(print);
    this.meta.set(doc.id, meta);
    if (!candidates.size) return { found: [] };
    const others: RelateJob['others'] = [];
    for (const id of candidates) {
      const m = this.meta.get(id);
      if (m) others.push({ id, meta: m });
    }
    return { found, job: { id: doc.id, meta, others, found, distortions: this.opts.distortions !== false } };
  }

  private async relateHere(job: RelateJob, batch: Map<string, TextDoc>): Promise<AddResult> {
    try {
      const feats = await this.featuresOf([job.id, ...job.others.map((o) => o.id)], batch);
      const r = relate(job, (id) => feats.get(id));
      this.stats.aligned += r.aligned;
      return { copies: r.copies, passages: r.passages };
    } catch (err) {
      return { error: (err as Error).message };
    }
  }

  private async relateAway(job: RelateJob, lane: number, batch: Map<string, TextDoc>): Promise<AddResult> {
    try {
      const r = await this.opts.relater!.relate(job, lane, (ids) => this.textsOf(ids, batch));
      this.stats.aligned += r.aligned;
      this.stats.featured += r.featured;
      return { copies: r.copies, passages: r.passages };
    } catch (err) {
      return { error: (err as Error).message };
    }
  }
}

/**
 * Relations detected without their distortion check, checked: each
 * reworded aligned pair of source and copy. `docs` must hold both sides.
 */
export function addDistortions(relations: CopyRelation[], docs: Map<string, TextDoc>): CopyRelation[] {
  return relations.map((r) => {
    if (r.distortions) return r;
    const [src, cp] = [docs.get(r.source), docs.get(r.copy)];
    return src && cp ? { ...r, distortions: distortions(src, cp, r.pairs) } : r;
  });
}

function distortions(src: TextDoc, cp: TextDoc, pairs: AlignmentResult['pairs']): Distortion[] {
  const out: Distortion[] = [];
  for (const p of pairs) {
    if (p.kind === 'verbatim') continue;
    const s = src.sentences[p.sourceSentence];
    const c = cp.sentences[p.copySentence];
    for (const d of detectDistortions(src.text.slice(s.start, s.end), cp.text.slice(c.start, c.end))) {
      out.push({ sourceSentence: p.sourceSentence, copySentence: p.copySentence, type: d.type, detail: d.detail });
    }
  }
  return out;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
