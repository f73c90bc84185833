// Quotes and attributions (src/extract/quotes.ts) against PolNeAR's
// attribution relations (source, cue, content) in US political news.
// Rules were tuned on `train`; `dev` is the headline (top-level figures).
//
// PolNeAR annotates every attribution, not only speech: beliefs ("he thinks
// that …"), intentions ("wants to …"), perceptions, polls that "show"
// something, characterisations ("called it a disaster", "mocked …"). The
// extractor only looks for speech and writing (and a few belief verbs), so
// recall against all of PolNeAR is bounded well below 1; `speech_recall`
// gives recall on the gold attributions whose cue is a verb of saying.
//
// Matching. PolNeAR merges a quote interrupted by its attribution, and the
// quote paragraphs continuing it, into one discontinuous content; the
// extractor returns one mention per quotation, sharing the cue, so mentions
// are grouped by cue before scoring. Contents are compared as sets of word
// tokens (punctuation and quote marks ignored, a leading "that" dropped —
// PolNeAR includes the complementiser, we do not), matched one-to-one
// greedily by overlap:
//  - `content_f1`: a match when the token sets overlap by at least half
//    their union (IoU ≥ 0.5), the partial-match criterion of the quotation
//    detection literature (Pareti 2013 and later report strict and partial);
//  - `content_exact_f1`: identical token sets;
//  - `content_token_f1`: token-level F1 over all content tokens (PolNeAR is
//    a tag sequence, so this is the annotation's own granularity); per kind,
//    precision over predictions of that kind, recall over gold of that kind.
// `source_f1`: distinct speaker spans against distinct gold source spans, a
// match when they share a word (gold sources include titles and appositions
// — "Sanders, a senator from Vermont," — where we return the name);
// `source_exact_f1` requires identical token sets. `speaker_accuracy`: over
// matched contents whose gold attribution has a source, the share whose
// speaker span shares a word with it (a pronoun speaker is right when gold
// marks the pronoun, as PolNeAR does). `by_kind` splits by gold kind for
// recall and predicted kind for precision: direct = the content (after
// "that") is enclosed in quote marks.
//
// The NYT articles write quotes as two apostrophes (''…''); the product's
// `extractQuotes` reads them as double quotes.
//
// `npm run eval -- quotes [--errors train|dev]` lists mistakes on stderr.
import type { Range } from '../src/model/document.js';
import { extractQuotes, type QuoteMention } from '../src/extract/quotes.js';
import { segmentSentences, splitParagraphs } from '../src/text/sentences.js';
import { readPolnear, type PolnearDoc } from './lib/polnear.js';
import { progress, progressDone } from './lib/runner.js';

const SPEECH = /\b(say|says|said|saying|tell|tells|told|telling|according|add|adds|added|adding|wrote|writes|write|tweeted|tweets|stated|states|announced|announces|explained|noted|notes|warned|warns|claimed|claims|insisted|denied|denies|argued|argues|declared|confirmed|acknowledged|admitted|asked|replied|responded|recalled|continued|urged)\b/i;

interface Group {
  kind: 'direct' | 'indirect';
  content: Set<number>;
  speaker?: Set<number>;
  speakerKey?: string;
  mentions: QuoteMention[];
}

interface Gold {
  kind: 'direct' | 'indirect';
  content: Set<number>;
  source?: Set<number>;
  speech: boolean;
  text: string;
  sourceText: string;
}

interface Tally {
  pred: number;
  gold: number;
  match: number;
  matchPred: number;
  exactPred: number;
  exactGold: number;
  tokPred: number;
  tokGold: number;
  /** Predicted tokens inside some gold content, and gold tokens inside some prediction. */
  tokHitP: number;
  tokHitR: number;
  spk: number;
  spkRight: number;
  spkMissing: number;
}

const newTally = (): Tally => ({ pred: 0, gold: 0, match: 0, matchPred: 0, exactPred: 0, exactGold: 0, tokPred: 0, tokGold: 0, tokHitP: 0, tokHitR: 0, spk: 0, spkRight: 0, spkMissing: 0 });

export default async function quotes(args: string[]): Promise<Record<string, unknown>> {
  const e = args.indexOf('--errors');
  const errorsOf = e >= 0 ? args[e + 1] : undefined;
  const figures: Record<string, Record<string, unknown>> = {};
  for (const split of ['train', 'dev'] as const) {
    progress(`reading PolNeAR ${split}…`);
    const docs = readPolnear(split);
    progress(`scoring ${split} (${docs.length} articles)…`);
    figures[split] = score(docs, errorsOf === split);
  }
  progressDone();
  return {
    criteria:
      'content_f1: one-to-one match at word-token IoU >= 0.5 (mentions grouped by cue; punctuation, quote marks and a leading "that" ignored); content_exact_f1: identical token sets; source_f1: speaker and gold source share a word; speaker_accuracy: on matched contents with a gold source, speaker shares a word with it',
    ...figures.dev,
    train: figures.train,
    dev: figures.dev,
  };
}

function score(docs: PolnearDoc[], showErrors: boolean): Record<string, unknown> {
  const all = newTally();
  const byKind = { direct: newTally(), indirect: newTally() };
  let srcPred = 0;
  let srcGold = 0;
  let srcMatch = 0;
  let srcExact = 0;
  let speechGold = 0;
  let speechFound = 0;
  let chars = 0;
  let shown = 0;
  const inputs: { text: string; sentences: Range[]; paragraphs: Range[] }[] = [];
  for (const doc of docs) {
    // The product reads archive quotes (''…'') itself.
    const text = doc.text;
    const paragraphs = splitParagraphs(text);
    const sentences = segmentSentences(text, paragraphs);
    inputs.push({ text, sentences, paragraphs });
    const mentions = extractQuotes({ text, sentences, paragraphs });
    chars += text.length;

    const words = wordTokens(text);
    const tokensOf = (rs: Range[]) => {
      const set = new Set<number>();
      for (const r of rs) for (let i = firstAtOrAfter(words, r.start); i < words.length && words[i].start < r.end; i++) if (words[i].end <= r.end || words[i].start < r.end) set.add(i);
      return dropThat(set, words);
    };

    const gold: Gold[] = doc.attributions.map((a) => ({
      kind: isQuoted(text, a.content) ? 'direct' : 'indirect',
      content: tokensOf(a.content),
      source: a.source.length ? tokensOf(a.source) : undefined,
      speech: SPEECH.test(a.cue.map((r) => text.slice(r.start, r.end)).join(' ')),
      text: a.content.map((r) => text.slice(r.start, r.end)).join(' … '),
      sourceText: a.source.map((r) => text.slice(r.start, r.end)).join(' … '),
    }));
    const groups = groupMentions(mentions, tokensOf);

    // Greedy one-to-one matching by IoU.
    const owner = new Map<number, number>();
    gold.forEach((g, gi) => g.content.forEach((t) => owner.set(t, gi)));
    const pairs: { p: number; g: number; iou: number }[] = [];
    groups.forEach((p, pi) => {
      const counts = new Map<number, number>();
      for (const t of p.content) {
        const gi = owner.get(t);
        if (gi !== undefined) counts.set(gi, (counts.get(gi) ?? 0) + 1);
      }
      for (const [gi, n] of counts) pairs.push({ p: pi, g: gi, iou: n / (p.content.size + gold[gi].content.size - n) });
    });
    pairs.sort((x, y) => y.iou - x.iou);
    const pMatch = new Map<number, number>();
    const gMatch = new Map<number, number>();
    for (const { p, g, iou } of pairs) {
      if (iou < 0.5 || pMatch.has(p) || gMatch.has(g)) continue;
      pMatch.set(p, g);
      gMatch.set(g, p);
    }

    groups.forEach((p, pi) => {
      for (const t of [all, byKind[p.kind]]) {
        t.pred++;
        if (pMatch.has(pi)) t.matchPred++;
        const g = pMatch.get(pi);
        if (g !== undefined && sameSet(p.content, gold[g].content)) t.exactPred++;
      }
    });
    gold.forEach((g, gi) => {
      const pi = gMatch.get(gi);
      if (g.speech) {
        speechGold++;
        if (pi !== undefined) speechFound++;
      }
      for (const t of [all, byKind[g.kind]]) {
        t.gold++;
        if (pi === undefined) continue;
        t.match++;
        const p = groups[pi];
        if (sameSet(p.content, g.content)) t.exactGold++;
        if (g.source?.size) {
          t.spk++;
          if (!p.speaker) t.spkMissing++;
          else if (overlaps(p.speaker, g.source)) t.spkRight++;
        }
      }
      if (showErrors && pi === undefined && g.speech) {
        const best = pairs.filter((x) => x.g === gi).sort((x, y) => y.iou - x.iou)[0];
        process.stderr.write(`MISS ${doc.name} ${g.kind} ${g.sourceText} [${g.text.slice(0, 160)}]${best ? `\n  nearest ours (iou ${best.iou.toFixed(2)}): ${groups[best.p].mentions.map((m) => m.text).join(' … ').slice(0, 160)}` : ''}\n`);
      }
      if (showErrors && shown < 400) {
        const p = pi === undefined ? undefined : groups[pi];
        if (p && g.source?.size && !(p.speaker && overlaps(p.speaker, g.source))) {
          shown++;
          process.stderr.write(`SPEAKER ${doc.name}\n  gold: ${g.sourceText} <- ${g.text.slice(0, 150)}\n  ours: ${p.mentions[0].speaker?.text ?? '(none)'} [${p.mentions[0].speaker?.kind ?? ''}] cue=${p.mentions[0].cue?.text ?? ''}\n`);
        }
      }
    });
    if (showErrors && shown < 400) {
      groups.forEach((p, pi) => {
        if (pMatch.has(pi) || shown >= 400) return;
        shown++;
        const m = p.mentions[0];
        const best = pairs.find((x) => x.p === pi);
        process.stderr.write(`FALSE ${doc.name} ${p.kind} [${m.text.slice(0, 160)}] speaker=${m.speaker?.text ?? '-'} cue=${m.cue?.text ?? '-'}${best ? `\n  nearest gold (iou ${best.iou.toFixed(2)}): ${gold[best.g].text.slice(0, 160)}` : ''}\n`);
      });
    }

    // Token-level content: precision by predicted kind, recall by gold kind.
    const goldTok = new Set<number>();
    gold.forEach((g) => g.content.forEach((t) => goldTok.add(t)));
    const predTok = new Set<number>();
    groups.forEach((p) => p.content.forEach((t) => predTok.add(t)));
    all.tokPred += predTok.size;
    all.tokGold += goldTok.size;
    let hits = 0;
    for (const t of predTok) if (goldTok.has(t)) hits++;
    all.tokHitP += hits;
    all.tokHitR += hits;
    for (const kind of ['direct', 'indirect'] as const) {
      const tally = byKind[kind];
      const pk = new Set<number>();
      groups.filter((p) => p.kind === kind).forEach((p) => p.content.forEach((t) => pk.add(t)));
      const gk = new Set<number>();
      gold.filter((g) => g.kind === kind).forEach((g) => g.content.forEach((t) => gk.add(t)));
      tally.tokPred += pk.size;
      tally.tokGold += gk.size;
      for (const t of pk) if (goldTok.has(t)) tally.tokHitP++;
      for (const t of gk) if (predTok.has(t)) tally.tokHitR++;
    }

    // Sources: distinct spans.
    const ps = new Map<string, Set<number>>();
    for (const p of groups) if (p.speaker && p.speakerKey) ps.set(p.speakerKey, p.speaker);
    const gs = new Map<string, Set<number>>();
    for (const g of gold) if (g.source?.size) gs.set([...g.source].join(','), g.source);
    srcPred += ps.size;
    srcGold += gs.size;
    const usedGold = new Set<string>();
    for (const s of ps.values()) {
      let hit: string | undefined;
      for (const [k, g] of gs) if (!usedGold.has(k) && overlaps(s, g) && (hit === undefined || sameSet(s, g))) hit = k;
      if (hit === undefined) continue;
      usedGold.add(hit);
      srcMatch++;
      if (sameSet(s, gs.get(hit)!)) srcExact++;
    }
  }
  // Speed: a second, warm pass over the split, CPU time of extraction alone.
  const t0 = process.cpuUsage();
  for (const input of inputs) extractQuotes(input);
  const cpu = process.cpuUsage(t0);
  const ms = (cpu.user + cpu.system) / 1000;
  const sum = (t: Tally) => ({
    gold: t.gold,
    predicted: t.pred,
    content_precision: round(t.matchPred / t.pred),
    content_recall: round(t.match / t.gold),
    content_f1: f1(t.matchPred / t.pred, t.match / t.gold),
    content_exact_f1: f1(t.exactPred / t.pred, t.exactGold / t.gold),
    content_token_f1: f1(t.tokHitP / t.tokPred, t.tokHitR / t.tokGold),
    speaker_accuracy: round(t.spkRight / t.spk),
    speaker_missing: t.spkMissing,
    speaker_scored: t.spk,
  });
  return {
    articles: docs.length,
    ...sum(all),
    source_f1: f1(srcMatch / srcPred, srcMatch / srcGold),
    source_exact_f1: f1(srcExact / srcPred, srcExact / srcGold),
    speech_gold: speechGold,
    speech_recall: round(speechFound / speechGold),
    by_kind: { direct: sum(byKind.direct), indirect: sum(byKind.indirect) },
    ms_per_article: round(ms / docs.length, 3),
    ms_per_5kb: round((ms / chars) * 5000, 3),
  };
}


function groupMentions(mentions: QuoteMention[], tokensOf: (rs: Range[]) => Set<number>): Group[] {
  const byCue = new Map<string, Group>();
  const out: Group[] = [];
  for (const m of mentions) {
    const content = tokensOf(m.parts ?? [m]);
    // Quotes continuing one attribution share its cue (or, without a cue, its speaker span).
    const key = m.cue ? `c${m.cue.start}` : m.speaker ? `s${m.speaker.start}` : undefined;
    let g = key && (m.cue || m.carried) ? byCue.get(key) : undefined;
    if (g && g.kind === m.kind) {
      content.forEach((t) => g!.content.add(t));
      g.mentions.push(m);
      continue;
    }
    g = { kind: m.kind, content, mentions: [m] };
    if (m.speaker) {
      g.speaker = tokensOf([m.speaker]);
      g.speakerKey = `${m.speaker.start}:${m.speaker.end}`;
    }
    if (key) byCue.set(key, g);
    out.push(g);
  }
  return out.filter((g) => g.content.size > 0);
}

interface Word {
  start: number;
  end: number;
  lower: string;
}

function wordTokens(text: string): Word[] {
  const out: Word[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu)) out.push({ start: m.index, end: m.index + m[0].length, lower: m[0].toLowerCase() });
  return out;
}

function firstAtOrAfter(words: Word[], pos: number): number {
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (words[mid].end <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function dropThat(set: Set<number>, words: Word[]): Set<number> {
  let first = Infinity;
  for (const t of set) if (t < first) first = t;
  if (first !== Infinity && words[first].lower === 'that' && set.size > 1) set.delete(first);
  return set;
}

/** A direct quote: every piece, after a leading "that", opens and closes with a quote mark. */
function isQuoted(text: string, parts: Range[]): boolean {
  return parts.every((r) => {
    const s = text.slice(r.start, r.end).trim().replace(/^that\s+/i, '');
    return /^["“‘']/.test(s) && /["”’'][.,;:!?]?$/.test(s);
  });
}

function sameSet(a: Set<number>, b: Set<number>): boolean {
  if (a.size !== b.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
}

function overlaps(a: Set<number>, b: Set<number>): boolean {
  for (const x of a) if (b.has(x)) return true;
  return false;
}

function f1(p: number, r: number): number {
  if (!(p > 0) || !(r > 0)) return 0;
  return round((2 * p * r) / (p + r));
}

function round(x: number, digits = 4): number {
  if (!Number.isFinite(x)) return 0;
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
