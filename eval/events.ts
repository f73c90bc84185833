// Events against two annotated corpora.
//
// (a) Mention detection on MEANTIME (120 English Wikinews articles on
//     Airbus/Boeing, Apple, GM and the stock market; all events annotated in
//     the headline and sentences 2-5, including states and reporting:
//     "said", "sales"). A predicted trigger is correct when it overlaps a
//     gold event mention (one-to-one). `mention_f1` is against all gold
//     mentions. `mention_f1_types` restricts recall to the in-scope gold
//     mentions: those whose predicate lemma (MEANTIME's `pred`, else
//     wink-nlp's lemma of the first token) is a trigger the lexicon accepts
//     without a context condition; guarded lemmas ("fall", "release",
//     "strike", "take") are left out of that set because MEANTIME uses them
//     almost only in their business senses ("shares fell", "released the
//     iPhone"), which are out of scope. Precision stays against all gold
//     mentions. The same on ECB+ (topics 1-35, sentences that carry gold
//     event mentions) as `ecb_*`: crime, disaster and politics news, nearer
//     to the scope.
//
// (b) Cross-document event coreference on ECB+ with gold mentions (as Barhom
//     et al. 2019 and Cattan et al. 2021): every gold ACTION_*/NEG_ACTION_*
//     mention gets a frame from `eventAt` (arguments from our own entity and
//     time extraction, never from the gold), `linkEvents` clusters them
//     within a story, and MUC, B³, CEAF-e and CoNLL F1 are computed
//     (eval/lib/coref-metrics.ts). Stories are the gold subtopics (topic x
//     ecb/ecbplus: one seminal event each), which is what the literature's
//     document pre-clustering recovers; `by_topic` uses whole topics instead.
//     The same-lemma baseline clusters mentions whose head lemmas are equal
//     within a story. Splits: train 1-22 and dev 23-25 (tuning), 26-35 as
//     held out (the official test topics 36-45 are not in the data set).
//
// args: --errors N   print N missed and N spurious MEANTIME/ECB+ triggers
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { extractAll, type Extraction } from '../src/extract/index.js';
import { eventAt, extractEvents, type EventMention } from '../src/events/extract.js';
import { linkEvents, type LinkInput } from '../src/events/link.js';
import { TRIGGERS, unconditionalForm } from '../src/events/lexicon.js';
import { getTagger, its } from '../src/text/nlp.js';
import { corefScores, type CorefScores } from './lib/coref-metrics.js';
import { dataset } from './lib/datasets.js';
import { readEcb, readMeantime, readSelectedSentences, type CorpusDoc, type EcbDoc, type GoldEvent } from './lib/event-corpora.js';
import { progress, progressDone } from './lib/runner.js';

const round = (x: number, d = 4): number => Math.round(x * 10 ** d) / 10 ** d;
const f1 = (p: number, r: number): number => (p + r ? (2 * p * r) / (p + r) : 0);

/** wink-nlp lemmas by character offset of each token of `text`. */
function lemmasOf(text: string): Map<number, string> {
  const d = getTagger().readDoc(text);
  const ts = d.tokens();
  const values = ts.out() as string[];
  const lemmas = ts.out(its.lemma as unknown as typeof its.pos) as string[];
  const spaces = ts.out(its.precedingSpaces) as string[];
  const out = new Map<number, string>();
  let at = 0;
  values.forEach((v, i) => {
    at += spaces[i]!.length;
    const s = text.startsWith(v, at) ? at : text.indexOf(v, at);
    if (s < 0) return;
    out.set(s, lemmas[i]!.toLowerCase());
    at = s + v.length;
  });
  return out;
}

interface Detection {
  gold: number;
  goldTypes: number;
  goldLexicon: number;
  foundLexicon: number;
  predicted: number;
  truePredicted: number;
  found: number;
  foundTypes: number;
  factualAgree: number;
  factualPairs: number;
  ms: number;
  chars: number;
  missed: string[];
  spurious: string[];
}

function newDetection(): Detection {
  return { gold: 0, goldTypes: 0, goldLexicon: 0, foundLexicon: 0, predicted: 0, truePredicted: 0, found: 0, foundTypes: 0, factualAgree: 0, factualPairs: 0, ms: 0, chars: 0, missed: [], spurious: [] };
}

const context = (text: string, s: number, e: number): string => `${text.slice(Math.max(0, s - 60), s)}[${text.slice(s, e)}]${text.slice(e, e + 40)}`.replace(/\s+/g, ' ');

/** Matches predictions to gold mentions (overlap, one-to-one) and counts. */
function score(d: Detection, doc: CorpusDoc, gold: GoldEvent[], predicted: EventMention[]): void {
  const first = (g: GoldEvent): string => /^[\p{L}'’-]+/u.exec(doc.text.slice(g.start, g.end))?.[0] ?? '';
  const scope = new Set(gold.filter((g) => unconditionalForm(first(g))));
  const lexicon = gold.filter((g) => TRIGGERS.has(first(g).toLowerCase()));
  d.gold += gold.length;
  d.goldTypes += scope.size;
  d.predicted += predicted.length;
  const used = new Set<GoldEvent>();
  for (const p of predicted) {
    const g = gold.find((x) => !used.has(x) && x.start < p.trigger.end && x.end > p.trigger.start);
    if (!g) {
      d.spurious.push(`${p.type}\t${context(doc.text, p.trigger.start, p.trigger.end)}`);
      continue;
    }
    used.add(g);
    d.truePredicted++;
    if (g.polarity) {
      const goldFactual = g.polarity === 'POS' && g.certainty === 'CERTAIN' && g.time !== 'FUTURE';
      const ours = p.modality === 'asserted' && !p.negated;
      d.factualPairs++;
      if (goldFactual === ours) d.factualAgree++;
    }
  }
  d.found += used.size;
  d.goldLexicon += lexicon.length;
  d.foundLexicon += lexicon.filter((g) => used.has(g)).length;
  for (const g of scope) {
    if (used.has(g)) d.foundTypes++;
    else d.missed.push(`${g.pred ?? ''}\t${context(doc.text, g.start, g.end)}`);
  }
}

function detectionFigures(d: Detection): Record<string, unknown> {
  const p = d.predicted ? d.truePredicted / d.predicted : 0;
  const r = d.gold ? d.found / d.gold : 0;
  const rt = d.goldTypes ? d.foundTypes / d.goldTypes : 0;
  return {
    gold: d.gold,
    gold_in_scope: d.goldTypes,
    predicted: d.predicted,
    mention_precision: round(p),
    mention_recall: round(r),
    mention_f1: round(f1(p, r)),
    mention_recall_types: round(rt),
    mention_f1_types: round(f1(p, rt)),
    // Gold mentions whose word is any trigger form, guarded senses included ("fell", "released"): what the guards cost.
    gold_lexicon_forms: d.goldLexicon,
    mention_recall_lexicon_forms: round(d.goldLexicon ? d.foundLexicon / d.goldLexicon : 0),
  };
}

function meantime(showErrors: number): Record<string, unknown> {
  const docs = readMeantime(dataset('meantime', 'intra_cross-doc_annotation'));
  const d = newDetection();
  const prepared = docs.map((doc, i) => {
    if (i % 20 === 0) progress(`MEANTIME: ${i}/${docs.length}`);
    const evDoc = { text: doc.text, sentences: doc.sentences, published: doc.published };
    return { doc, evDoc, ctx: extractAll({ ...evDoc, paragraphs: doc.sentences }) };
  });
  for (const { doc, evDoc, ctx } of prepared) {
    const events = extractEvents(evDoc, ctx);
    // Events are annotated in the headline and sentences 2-5 (1 is the date line).
    const annotated = (sentenceNumber: number): boolean => sentenceNumber <= 5;
    const gold = doc.events.filter((g) => annotated(g.sentence));
    const predicted = events.filter((e) => annotated(doc.sentenceNumbers[e.sentence]!));
    score(d, doc, gold, predicted);
  }
  progressDone();
  printErrors('MEANTIME', d, showErrors);
  return {
    docs: docs.length,
    ...detectionFigures(d),
    factuality_accuracy: round(d.factualPairs ? d.factualAgree / d.factualPairs : 0),
    factuality_pairs: d.factualPairs,
    ...timing(prepared),
  };
}

/**
 * Time of `extractEvents` per 5 KB of text, over a second pass (the first
 * warms the JIT and loads the tagger): with the shared parse extraction
 * already made (`ctx.tokens`, as the pipeline calls it), and tagging the
 * trigger sentences itself.
 */
function timing(docs: { evDoc: { text: string; sentences: { start: number; end: number }[] }; ctx: Extraction }[]): Record<string, number> {
  const run = (shared: boolean): number => {
    let ms = 0;
    let chars = 0;
    for (const { evDoc, ctx } of docs) {
      const c = shared ? ctx : { ...ctx, tokens: undefined };
      const t0 = performance.now();
      extractEvents(evDoc, c);
      ms += performance.now() - t0;
      chars += evDoc.text.length;
    }
    return (ms / chars) * 5000;
  };
  run(true);
  run(false);
  return { ms_per_5kb: round(run(true), 3), ms_per_5kb_own_tagging: round(run(false), 3) };
}

function printErrors(name: string, d: Detection, n: number): void {
  if (!n) return;
  process.stderr.write(`\n${name}: missed in-scope (${d.missed.length})\n${d.missed.slice(0, n).join('\n')}\n`);
  process.stderr.write(`\n${name}: spurious (${d.spurious.length})\n${d.spurious.slice(0, n).join('\n')}\n`);
}

// ---------------------------------------------------------------------------
// ECB+

const TRAIN = range(1, 22);
const DEV = range(23, 25);
const HELDOUT = range(26, 35);
function range(a: number, b: number): number[] {
  return Array.from({ length: b - a + 1 }, (_, i) => a + i);
}

interface Prepared {
  doc: EcbDoc;
  frames: { gold: GoldEvent; event: EventMention; headLemma: string }[];
}

function prepare(docs: EcbDoc[], d: Detection): { prepared: Prepared[]; timed: { evDoc: { text: string; sentences: { start: number; end: number }[] }; ctx: Extraction }[] } {
  const timed: { evDoc: { text: string; sentences: { start: number; end: number }[] }; ctx: Extraction }[] = [];
  const prepared = docs.map((doc, i) => {
    if (i % 50 === 0) progress(`ECB+: ${i}/${docs.length}`);
    const ctx = extractAll({ text: doc.text, sentences: doc.sentences, paragraphs: doc.sentences });
    const lemmas = lemmasOf(doc.text);
    const evDoc = { text: doc.text, sentences: doc.sentences };
    timed.push({ evDoc, ctx });
    const frames = doc.events.map((gold) => {
      const event = eventAt(evDoc, gold, ctx) ?? fallback(doc, gold, lemmas);
      return { gold, event, headLemma: headLemma(doc, gold, lemmas) };
    });
    // Detection, on the sentences that carry gold event mentions.
    const annotated = new Set(doc.events.map((g) => g.sentence));
    score(d, doc, doc.events, extractEvents(evDoc, ctx).filter((e) => annotated.has(doc.sentenceNumbers[e.sentence]!)));
    return { doc, frames };
  });
  return { prepared, timed };
}

function fallback(doc: EcbDoc, gold: GoldEvent, lemmas: Map<number, string>): EventMention {
  const text = doc.text.slice(gold.start, gold.end);
  return { type: 'other', lemma: lemmas.get(gold.start) ?? text.toLowerCase(), trigger: { start: gold.start, end: gold.end, text }, negated: false, hedged: false, modality: 'asserted', sentence: 0 };
}

/** The head lemma of a gold mention: its first verb's, else its last word's ("checked into" -> check, "car bomb" -> bomb). */
function headLemma(doc: EcbDoc, gold: GoldEvent, lemmas: Map<number, string>): string {
  const inside = [...lemmas].filter(([s]) => s >= gold.start && s < gold.end).sort((a, b) => a[0] - b[0]);
  if (!inside.length) return doc.text.slice(gold.start, gold.end).toLowerCase();
  return inside.length === 1 ? inside[0]![1] : (inside.find(([s]) => /(ed|ing)$/.test(doc.text.slice(s, gold.end).split(/\s/)[0]!))?.[1] ?? inside[inside.length - 1]![1]);
}

function keyClusters(prepared: Prepared[]): string[][] {
  const chains = new Map<string, string[]>();
  for (const p of prepared) for (const f of p.frames) {
    const c = chains.get(f.gold.chain!) ?? [];
    c.push(f.gold.id);
    chains.set(f.gold.chain!, c);
  }
  return [...chains.values()];
}

function systemClusters(prepared: Prepared[], storyOf: (doc: EcbDoc) => string): string[][] {
  const inputs: LinkInput[] = [];
  const ids: string[] = [];
  const docs = new Map<string, EcbDoc>();
  for (const p of prepared) {
    docs.set(p.doc.id, p.doc);
    for (const f of p.frames) {
      // One input per gold mention; the trigger offsets name it back.
      inputs.push({ doc: p.doc.id, event: { ...f.event, trigger: { ...f.event.trigger, start: f.gold.start, end: f.gold.end } } });
      ids.push(f.gold.id);
    }
  }
  const byKey = new Map<string, string[]>();
  inputs.forEach((m, i) => {
    const k = `${m.doc}:${m.event.trigger.start}:${m.event.trigger.end}`;
    byKey.set(k, [...(byKey.get(k) ?? []), ids[i]!]);
  });
  const clusters = linkEvents(inputs, { storyOf: (doc) => storyOf(docs.get(doc)!) });
  return clusters.map((c) => c.mentions.map((m) => byKey.get(`${m.doc}:${m.start}:${m.end}`)!.shift()!));
}

function lemmaClusters(prepared: Prepared[], storyOf: (doc: EcbDoc) => string): string[][] {
  const groups = new Map<string, string[]>();
  for (const p of prepared) for (const f of p.frames) {
    const k = `${storyOf(p.doc)}\t${f.headLemma}`;
    groups.set(k, [...(groups.get(k) ?? []), f.gold.id]);
  }
  return [...groups.values()];
}

function corefFigures(s: CorefScores): Record<string, number> {
  return {
    coref_conll_f1: round(s.conll * 100, 2),
    coref_muc_f1: round(s.muc.f1 * 100, 2),
    coref_b3_f1: round(s.b3.f1 * 100, 2),
    coref_ceafe_f1: round(s.ceafe.f1 * 100, 2),
    coref_muc_p: round(s.muc.precision * 100, 2),
    coref_muc_r: round(s.muc.recall * 100, 2),
    coref_b3_p: round(s.b3.precision * 100, 2),
    coref_b3_r: round(s.b3.recall * 100, 2),
    coref_ceafe_p: round(s.ceafe.precision * 100, 2),
    coref_ceafe_r: round(s.ceafe.recall * 100, 2),
  };
}

function corefSplit(prepared: Prepared[], topics: number[]): Record<string, unknown> {
  const part = prepared.filter((p) => topics.includes(p.doc.topic));
  const key = keyClusters(part);
  const subtopic = (d: EcbDoc): string => `${d.topic}/${d.subtopic}`;
  const topic = (d: EcbDoc): string => String(d.topic);
  const sys = corefScores(key, systemClusters(part, subtopic));
  const lemma = corefScores(key, lemmaClusters(part, subtopic));
  const sysTopic = corefScores(key, systemClusters(part, topic));
  const lemmaTopic = corefScores(key, lemmaClusters(part, topic));
  return {
    docs: part.length,
    mentions: key.reduce((n, c) => n + c.length, 0),
    gold_clusters: key.length,
    ...corefFigures(sys),
    baseline_lemma_conll_f1: round(lemma.conll * 100, 2),
    baseline_lemma: corefFigures(lemma),
    by_topic: { coref_conll_f1: round(sysTopic.conll * 100, 2), baseline_lemma_conll_f1: round(lemmaTopic.conll * 100, 2) },
  };
}

function ecb(showErrors: number): Record<string, unknown> {
  const root = dataset('ecbplus', 'ECB+');
  const csv = join(root, '..', 'ECBplus_coreference_sentences.csv');
  const selected = readSelectedSentences(csv);
  const docs = readEcb(root, range(1, 35), selected);
  const d = newDetection();
  const { prepared, timed } = prepare(docs, d);
  progressDone();
  printErrors('ECB+', d, showErrors);
  return {
    sentences: selected ? 'ECBplus_coreference_sentences.csv' : 'all sentences (the release index of coreference sentences is not in the data set)',
    detection: { ...detectionFigures(d), ...timing(timed) },
    train: corefSplit(prepared, TRAIN),
    dev: corefSplit(prepared, DEV),
    heldout_26_35: corefSplit(prepared, HELDOUT),
    all_1_35: corefSplit(prepared, range(1, 35)),
  };
}

export default async function events(args: string[]): Promise<Record<string, unknown>> {
  const errIdx = args.indexOf('--errors');
  const showErrors = errIdx >= 0 ? Number(args[errIdx + 1] ?? 20) : 0;
  const only = args.find((a) => a === 'meantime' || a === 'ecb');
  const m = only === 'ecb' ? undefined : meantime(showErrors);
  const e = only === 'meantime' ? undefined : ecb(showErrors);
  const out: Record<string, unknown> = {};
  if (m) {
    Object.assign(out, {
      dataset: 'MEANTIME English (intra_cross-doc_annotation, annotated sentences 0-5) for mentions; ECB+ topics 1-35 for coreference',
      mention_f1: m.mention_f1,
      mention_precision: m.mention_precision,
      mention_recall: m.mention_recall,
      mention_f1_types: m.mention_f1_types,
      meantime: m,
    });
  }
  if (e) {
    const dev = e.dev as Record<string, unknown>;
    Object.assign(out, {
      coref_conll_f1: dev.coref_conll_f1,
      coref_muc_f1: dev.coref_muc_f1,
      coref_b3_f1: dev.coref_b3_f1,
      coref_ceafe_f1: dev.coref_ceafe_f1,
      baseline_lemma_conll_f1: dev.baseline_lemma_conll_f1,
      ecb_mention_f1_types: (e.detection as Record<string, unknown>).mention_f1_types,
      ecb: e,
    });
  }
  if (!existsSync(dataset('ecbplus'))) throw new Error('ECB+ not found');
  return out;
}
