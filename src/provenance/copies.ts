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

export function anchorPrint(doc: Document): string {
  return encodeSignature(documentAnchors(doc.text, doc.sentences));
}

function sentencesOf(doc: Document): string[] {
  return doc.sentences.map((s) => doc.text.slice(s.start, s.end));
}

/** The kind of copy an alignment shows. */
export function copyKind(a: AlignmentResult): CopyKind {
  const words = a.pairs.filter((p) => p.kind !== 'paraphrase').length;
  if (words < a.pairs.length * WORD_COPY_SHARE) return 'rewrite';
  return Math.min(a.coverageOfCopy, a.coverageOfSource) >= WHOLE_COVERAGE ? 'duplicate' : 'partial';
}

export class CopyDetector {
  private dups = new DuplicateFinder();
  private anchors = new AnchorIndex();
  /** What orientation needs of each document: not its encoded signature and anchors (hundreds of MB at 100,000). */
  private meta = new Map<string, OrientMeta>();
  private features = new Map<string, DocumentFeatures>();
  /** What the detector has done so far: candidate pairs aligned, and documents prepared for alignment (again; their sentences are featured only where needed). */
  readonly stats = { aligned: 0, featured: 0 };

  /**
   * `fetch`: stored documents by id, for candidates not in memory.
   * `paraphrase: false` keeps only the shingle index: verbatim and near-exact
   * copies, no alignment, several times faster. `distortions: false` leaves
   * the distortion check to whoever reads the relations (`addDistortions`):
   * the pipeline runs it at output time on the relations the output keeps,
   * a third of those detected on a flood of repeats.
   */
  constructor(
    private fetch: (ids: string[]) => Promise<Document[]>,
    private opts: { paraphrase: boolean; distortions?: boolean } = { paraphrase: true },
  ) {}

  loadPrints(prints: Map<string, ProvenancePrint>): void {
    this.dups.load(prints);
    for (const [id, p] of prints) {
      this.meta.set(id, orientMeta(p));
      if (p.anchors) this.anchors.add(id, decodeSignature(p.anchors));
    }
  }

  private prepare(doc: Document): DocumentFeatures {
    this.stats.featured++;
    return prepareDocument(sentencesOf(doc));
  }

  private remember(id: string, f: DocumentFeatures): void {
    if (this.features.size >= FEATURE_CACHE) this.features.delete(this.features.keys().next().value!);
    this.features.set(id, f);
  }

  private async featuresOf(ids: string[], batch: Map<string, Document>): Promise<Map<string, [Document, DocumentFeatures]>> {
    const out = new Map<string, [Document, DocumentFeatures]>();
    const missing: string[] = [];
    for (const id of ids) {
      const doc = batch.get(id);
      if (doc) {
        const f = this.features.get(id) ?? this.prepare(doc);
        this.remember(id, f);
        out.set(id, [doc, f]);
      } else missing.push(id);
    }
    for (const doc of missing.length ? await this.fetch(missing) : []) {
      const f = this.features.get(doc.id) ?? this.prepare(doc);
      this.remember(doc.id, f);
      out.set(doc.id, [doc, f]);
    }
    return out;
  }

  /**
   * Relations between `doc` and earlier documents; then indexes it.
   * `batch` holds documents not yet in the store.
   */
  async add(doc: Document, print: ProvenancePrint, batch: Map<string, Document>): Promise<{ copies: CopyRelation[]; passages: SharedPassage[] }> {
    const found = this.dups.add(doc.id, print);
    if (!this.opts.paraphrase) return { copies: found, passages: [] };
    print.anchors ??= anchorPrint(doc);
    const anchors = decodeSignature(print.anchors);
    const candidates = new Set(found.map((r) => (r.source === doc.id ? r.copy : r.source)));
    for (const c of this.anchors.candidates(anchors)) candidates.add(c.id);
    this.anchors.add(doc.id, anchors);
    this.meta.set(doc.id, orientMeta(print));
    if (!candidates.size) return { copies: [], passages: [] };

    const feats = await this.featuresOf([doc.id, ...candidates], batch);
    const mine = feats.get(doc.id)!;
    const out: CopyRelation[] = [];
    const passages: SharedPassage[] = [];
    for (const other of candidates) {
      const theirs = feats.get(other);
      const meta = this.meta.get(other);
      if (!theirs || !meta) continue;
      let [[srcId], [copyId]] = orient([other, meta], [doc.id, print]);
      let [src, cp] = srcId === doc.id ? [mine, theirs] : [theirs, mine];
      let a = alignDocuments(src[1], cp[1]);
      this.stats.aligned++;
      // No dates or wire source to tell the origin: the texts may (measured on
      // generated spins: undated origin accuracy 0.61 -> 0.90 on the test split).
      if (!metadataDecides(meta, print) && textSaysReversed(src[1], cp[1], a)) {
        [srcId, copyId] = [copyId, srcId];
        [src, cp] = [cp, src];
        a = alignDocuments(src[1], cp[1]);
      }
      const shingle = found.find((r) => r.source === other || r.copy === other);
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
        ...(this.opts.distortions === false ? {} : { distortions: distortions(src[0], cp[0], a.pairs) }),
      });
    }
    return { copies: out, passages };
  }
}

/**
 * Relations detected without their distortion check, checked: each
 * reworded aligned pair of source and copy. `docs` must hold both sides.
 */
export function addDistortions(relations: CopyRelation[], docs: Map<string, Document>): CopyRelation[] {
  return relations.map((r) => {
    if (r.distortions) return r;
    const [src, cp] = [docs.get(r.source), docs.get(r.copy)];
    return src && cp ? { ...r, distortions: distortions(src, cp, r.pairs) } : r;
  });
}

function distortions(src: Document, cp: Document, pairs: AlignmentResult['pairs']): Distortion[] {
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
