// Readers for the two TIMEX3 corpora (TempEval-3 TimeML and MEANTIME XML) and
// the TempEval-3 timex measures. Format conversions live here, not in src/.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export interface GoldTimex {
  start: number;
  end: number;
  text: string;
  type: string;
  value: string;
}

export interface TimexDoc {
  id: string;
  corpus: string;
  text: string;
  /** The document creation time, ISO date or date-time. */
  dct: string;
  /** Where the DCT itself appears in `text` (MEANTIME's date line), to leave it out of the counts. */
  dctSpan?: { start: number; end: number };
  /** End of the annotated part of `text`, when only a part is (MEANTIME: its first six sentences). */
  annotatedEnd?: number;
  timexes: GoldTimex[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|apos);/g, (_, n: string) => ENTITIES[n]!);
}

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\b${name}="([^"]*)"`).exec(tag);
  return m ? m[1] : undefined;
}

/** One TimeML `.tml` file: the text inside <TEXT>, tags stripped, with its TIMEX3s. */
export function readTml(path: string, corpus: string): TimexDoc {
  const xml = readFileSync(path, 'utf8');
  const dctTag = /<TIMEX3[^>]*functionInDocument="CREATION_TIME"[^>]*>/.exec(xml);
  if (!dctTag) throw new Error(`${path}: no CREATION_TIME timex`);
  const dct = attr(dctTag[0], 'value')!;
  const open = xml.indexOf('<TEXT>');
  const close = xml.indexOf('</TEXT>');
  const body = xml.slice(open + '<TEXT>'.length, close);
  let text = '';
  const timexes: GoldTimex[] = [];
  let current: { start: number; type: string; value: string; fn: string } | null = null;
  const tagRe = /<(\/?)([A-Za-z0-9]+)([^>]*)>/g;
  let last = 0;
  for (let m = tagRe.exec(body); m; m = tagRe.exec(body)) {
    text += decodeEntities(body.slice(last, m.index));
    last = m.index + m[0].length;
    if (m[2] !== 'TIMEX3') continue;
    if (!m[1]) {
      current = { start: text.length, type: attr(m[3]!, 'type') ?? '', value: attr(m[3]!, 'value') ?? '', fn: attr(m[3]!, 'functionInDocument') ?? 'NONE' };
      if (m[3]!.trimEnd().endsWith('/')) current = null;
    } else if (current) {
      if (current.fn !== 'CREATION_TIME') {
        timexes.push({ start: current.start, end: text.length, text: text.slice(current.start, text.length), type: current.type, value: current.value });
      }
      current = null;
    }
  }
  text += decodeEntities(body.slice(last));
  const id = path.split('/').pop()!.replace(/\.tml$/, '');
  return { id, corpus, text, dct, timexes };
}

const NO_SPACE_BEFORE = new Set([',', '.', ';', ':', '!', '?', ')', ']', '%', "'s", "'", "n't", "'re", "'ve", "'ll", "'d", "'m"]);
const NO_SPACE_AFTER = new Set(['(', '[', '$']);

/**
 * One MEANTIME document. Its text is given only as tokens, so we rebuild a
 * plausible surface: sentence 0 is the headline, sentence 1 the date line, the
 * rest the body; punctuation is attached the usual English way.
 */
export function readMeantime(path: string, corpus: string): TimexDoc {
  const xml = readFileSync(path, 'utf8');
  const tokRe = /<token\b([^>]*)>([^<]*)<\/token>/g;
  const offsets = new Map<string, { start: number; end: number; sentence: string }>();
  let text = '';
  let prevSentence = '';
  let prevTok = '';
  let quoteOpen = false;
  for (let m = tokRe.exec(xml); m; m = tokRe.exec(xml)) {
    const tok = decodeEntities(m[2]!);
    const sentence = attr(m[1]!, 'sentence')!;
    const id = attr(m[1]!, 't_id')!;
    if (text.length) {
      if (sentence !== prevSentence && (prevSentence === '0' || prevSentence === '1')) text += '\n\n';
      else if (tok === '"' ? !quoteOpen : !(NO_SPACE_BEFORE.has(tok) || NO_SPACE_AFTER.has(prevTok) || (prevTok === '"' && quoteOpen))) text += ' ';
    }
    if (tok === '"') quoteOpen = !quoteOpen;
    offsets.set(id, { start: text.length, end: text.length + tok.length, sentence });
    text += tok;
    prevSentence = sentence;
    prevTok = tok;
  }
  // MEANTIME annotates time expressions in the headline, the date line and
  // the first four body sentences only (sentences 0-5).
  let annotatedEnd = 0;
  for (const o of offsets.values()) if (+o.sentence <= 5) annotatedEnd = Math.max(annotatedEnd, o.end);
  const timexes: GoldTimex[] = [];
  let dct = '';
  // A few files lack the CREATION_TIME flag; their date line (sentence 1) is the DCT.
  let dateLine: GoldTimex | undefined;
  let dctSpan: { start: number; end: number } | undefined;
  const timexRe = /<TIMEX3\b([^>]*?)(\/>|>([\s\S]*?)<\/TIMEX3>)/g;
  for (let m = timexRe.exec(xml); m; m = timexRe.exec(xml)) {
    const a = m[1]!;
    const ids = [...(m[3] ?? '').matchAll(/t_id="([^"]+)"/g)].map((x) => x[1]!);
    const value = attr(a, 'value') ?? '';
    const spans = ids.map((i) => offsets.get(i)!).filter(Boolean);
    const start = Math.min(...spans.map((s) => s.start));
    const end = Math.max(...spans.map((s) => s.end));
    if (attr(a, 'functionInDocument') === 'CREATION_TIME') {
      dct = value;
      if (spans.length) dctSpan = { start, end };
      continue;
    }
    if (!ids.length) continue; // non-textual (implicit) timex
    const t = { start, end, text: text.slice(start, end), type: attr(a, 'type') ?? '', value };
    if (spans.every((s) => s.sentence === '1')) dateLine = t;
    timexes.push(t);
  }
  // A few MEANTIME DCTs are written DD-MM-YYYY.
  const dmy = /^(\d{2})-(\d{2})-(\d{4})$/.exec(dct);
  if (dmy) dct = `${dmy[3]}-${dmy[2]}-${dmy[1]}`;
  if (!dct && dateLine) {
    dct = dateLine.value;
    dctSpan = { start: dateLine.start, end: dateLine.end };
    timexes.splice(timexes.indexOf(dateLine), 1);
  }
  timexes.sort((x, y) => x.start - y.start);
  const id = path.split('/').pop()!.replace(/\.xml$/, '');
  if (!dct) throw new Error(`${path}: no CREATION_TIME timex`);
  return { id, corpus, text, dct, dctSpan, annotatedEnd, timexes };
}

export function readTmlDir(dir: string, corpus: string): TimexDoc[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.tml'))
    .sort()
    .map((f) => readTml(join(dir, f), corpus));
}

export function readMeantimeDir(dir: string): TimexDoc[] {
  const out: TimexDoc[] = [];
  for (const sub of readdirSync(dir, { withFileTypes: true })) {
    if (!sub.isDirectory()) continue;
    for (const f of readdirSync(join(dir, sub.name)).sort()) {
      if (f.endsWith('.xml')) out.push(readMeantime(join(dir, sub.name, f), sub.name));
    }
  }
  return out;
}

export interface SystemTimex {
  start: number;
  end: number;
  type: string;
  value: string;
}

/** Counts for the TempEval-3 timex measures; add documents, then `scores()`. */
export class TimexScorer {
  gold = 0;
  predicted = 0;
  strict = 0;
  relaxed = 0;
  typeOk = 0;
  valueOk = 0;

  /**
   * Pairs each gold timex with at most one system timex that overlaps it
   * (exact span first, then the largest overlap), as the TE3 normalizer's
   * shared ids do; returns the pairs for error analysis.
   */
  add(gold: GoldTimex[], sys: SystemTimex[]): { gold?: GoldTimex; sys?: SystemTimex }[] {
    this.gold += gold.length;
    this.predicted += sys.length;
    const used = new Set<number>();
    const pairs: { gold?: GoldTimex; sys?: SystemTimex }[] = [];
    const matchOf = new Map<GoldTimex, number>();
    for (const g of gold) {
      const exact = sys.findIndex((s, i) => !used.has(i) && s.start === g.start && s.end === g.end);
      if (exact >= 0) {
        used.add(exact);
        matchOf.set(g, exact);
      }
    }
    for (const g of gold) {
      if (matchOf.has(g)) continue;
      let best = -1;
      let bestOverlap = 0;
      sys.forEach((s, i) => {
        if (used.has(i)) return;
        const o = Math.min(s.end, g.end) - Math.max(s.start, g.start);
        if (o > bestOverlap) {
          bestOverlap = o;
          best = i;
        }
      });
      if (best >= 0) {
        used.add(best);
        matchOf.set(g, best);
      }
    }
    for (const g of gold) {
      const i = matchOf.get(g);
      if (i === undefined) {
        pairs.push({ gold: g });
        continue;
      }
      const s = sys[i]!;
      this.relaxed++;
      if (s.start === g.start && s.end === g.end) this.strict++;
      if (s.type === g.type) this.typeOk++;
      if (s.value === g.value) this.valueOk++;
      pairs.push({ gold: g, sys: s });
    }
    sys.forEach((s, i) => {
      if (!used.has(i)) pairs.push({ sys: s });
    });
    return pairs;
  }

  /**
   * As TE3-evaluation.py: strict/relaxed extent F1; an attribute's F1 is the
   * relaxed F1 times that attribute's accuracy over relaxed matches.
   */
  scores(): Record<string, number> {
    const f = (p: number, r: number) => (p + r ? (2 * p * r) / (p + r) : 0);
    const r4 = (x: number) => Math.round(x * 10000) / 10000;
    const sp = this.predicted ? this.strict / this.predicted : 0;
    const sr = this.gold ? this.strict / this.gold : 0;
    const rp = this.predicted ? this.relaxed / this.predicted : 0;
    const rr = this.gold ? this.relaxed / this.gold : 0;
    const relaxedF = f(rp, rr);
    const acc = (n: number) => (this.relaxed ? n / this.relaxed : 0);
    return {
      strict_f1: r4(f(sp, sr)),
      relaxed_f1: r4(relaxedF),
      value_f1: r4(acc(this.valueOk) * relaxedF),
      type_f1: r4(acc(this.typeOk) * relaxedF),
      precision: r4(rp),
      recall: r4(rr),
      strict_precision: r4(sp),
      strict_recall: r4(sr),
      value_accuracy: r4(acc(this.valueOk)),
      type_accuracy: r4(acc(this.typeOk)),
      gold: this.gold,
      predicted: this.predicted,
    };
  }
}
