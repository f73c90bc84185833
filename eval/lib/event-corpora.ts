// Readers for the two event corpora of eval/events.ts: MEANTIME (NewsReader
// XML: <token t_id sentence>, <EVENT_MENTION> with token anchors) and ECB+
// (CAT/CROMER XML: <token t_id sentence>, ACTION_* markables, CROSS_DOC_COREF
// and INTRA_DOC_COREF relations). Both are tokenized; the text is rebuilt
// from the tokens with ordinary spacing so our extractors read prose.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Range } from '../../src/model/document.js';

export interface CorpusToken {
  id: string;
  sentence: number;
  text: string;
  start: number;
  end: number;
}

export interface CorpusDoc {
  id: string;
  /** MEANTIME sub-corpus (airbus, apple...) or ECB+ topic number. */
  group: string;
  text: string;
  sentences: Range[];
  /** Sentence number (as the corpus numbers them) of each range in `sentences`. */
  sentenceNumbers: number[];
  tokens: Map<string, CorpusToken>;
  published?: string;
}

export interface GoldEvent {
  id: string;
  start: number;
  end: number;
  sentence: number;
  /** MEANTIME's predicate lemma, when annotated. */
  pred?: string;
  /** MEANTIME: polarity POS/NEG, certainty CERTAIN/POSSIBLE/PROBABLE/UNDERSPECIFIED, time NON_FUTURE/FUTURE. */
  polarity?: string;
  certainty?: string;
  time?: string;
  /** ECB+ markable tag (ACTION_OCCURRENCE...). */
  tag?: string;
  /** ECB+ gold coreference chain. */
  chain?: string;
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'" };
const decode = (s: string): string => s.replace(/&(?:amp|lt|gt|quot|apos);/g, (m) => ENTITIES[m]!);
const attr = (tag: string, name: string): string | undefined => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];

const NO_SPACE_BEFORE = new Set([',', '.', ';', ':', '!', '?', ')', ']', '}', "'s", "'S", "n't", "'re", "'ve", "'ll", "'d", "'m", '%', "''", '”', '’']);
const NO_SPACE_AFTER = new Set(['(', '[', '{', '$', '``', '“', '‘']);

/** Text from tokens: sentences on lines of their own, words spaced as in print. */
function rebuild(xml: string): { text: string; tokens: Map<string, CorpusToken>; sentences: Range[]; numbers: number[] } {
  const tokens = new Map<string, CorpusToken>();
  const sentences: Range[] = [];
  const numbers: number[] = [];
  let text = '';
  let sentence = -1;
  let prev = '';
  let quoteOpen = false;
  for (const m of xml.matchAll(/<token\b([^>]*)>([^<]*)<\/token>/g)) {
    let tok = decode(m[2]!);
    if (tok === '``' || tok === "''") tok = '"';
    const sn = Number(attr(m[1]!, 'sentence'));
    const id = attr(m[1]!, 't_id')!;
    if (sn !== sentence) {
      if (text.length) {
        sentences[sentences.length - 1]!.end = text.length;
        text += '\n';
      }
      sentences.push({ start: text.length, end: text.length });
      numbers.push(sn);
      sentence = sn;
      prev = '';
      quoteOpen = false;
    } else if (prev) {
      const glue = tok === '"' ? quoteOpen : NO_SPACE_BEFORE.has(tok) || NO_SPACE_AFTER.has(prev) || (prev === '"' && quoteOpen);
      if (!glue) text += ' ';
    }
    if (tok === '"') quoteOpen = !quoteOpen;
    tokens.set(id, { id, sentence: sn, text: tok, start: text.length, end: text.length + tok.length });
    text += tok;
    prev = tok;
  }
  if (sentences.length) sentences[sentences.length - 1]!.end = text.length;
  return { text, tokens, sentences: sentences.filter((r) => r.end > r.start), numbers: numbers.filter((_, i) => sentences[i]!.end > sentences[i]!.start) };
}

function spanOf(tokens: Map<string, CorpusToken>, ids: string[]): { start: number; end: number; sentence: number } | undefined {
  const ts = ids.map((i) => tokens.get(i)).filter((t): t is CorpusToken => !!t);
  if (!ts.length) return undefined;
  return { start: Math.min(...ts.map((t) => t.start)), end: Math.max(...ts.map((t) => t.end)), sentence: ts[0]!.sentence };
}

// ---------------------------------------------------------------------------
// MEANTIME

export interface MeantimeDoc extends CorpusDoc {
  events: GoldEvent[];
}

/** The English MEANTIME articles of `dir` (corpus_*\/*.xml) with their event mentions. */
export function readMeantime(dir: string): MeantimeDoc[] {
  const out: MeantimeDoc[] = [];
  for (const sub of readdirSync(dir).filter((d) => d.startsWith('corpus_')).sort()) {
    for (const f of readdirSync(join(dir, sub)).filter((x) => x.endsWith('.xml')).sort()) {
      const xml = readFileSync(join(dir, sub, f), 'utf8');
      const { text, tokens, sentences, numbers } = rebuild(xml);
      const dct = /<TIMEX3\b[^>]*functionInDocument="CREATION_TIME"[^>]*value="([^"]+)"/.exec(xml)?.[1] ?? /<TIMEX3\b[^>]*value="([^"]+)"[^>]*functionInDocument="CREATION_TIME"/.exec(xml)?.[1];
      const events: GoldEvent[] = [];
      for (const m of xml.matchAll(/<EVENT_MENTION\b([^>]*)>([\s\S]*?)<\/EVENT_MENTION>/g)) {
        const span = spanOf(tokens, [...m[2]!.matchAll(/t_id="([^"]+)"/g)].map((x) => x[1]!));
        if (!span) continue;
        const a = m[1]!;
        events.push({
          id: attr(a, 'm_id')!,
          ...span,
          pred: attr(a, 'pred') || undefined,
          polarity: attr(a, 'polarity'),
          certainty: attr(a, 'certainty'),
          time: attr(a, 'time'),
        });
      }
      const dmy = dct && /^(\d{2})-(\d{2})-(\d{4})$/.exec(dct);
      out.push({
        id: f.replace(/\.xml$/, ''),
        group: sub.replace(/^corpus_/, ''),
        text,
        sentences,
        sentenceNumbers: numbers,
        tokens,
        published: dmy ? `${dmy[3]}-${dmy[2]}-${dmy[1]}` : dct,
        events: events.sort((x, y) => x.start - y.start),
      });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// ECB+

export interface EcbDoc extends CorpusDoc {
  topic: number;
  /** 'ecb' or 'ecbplus': the two seminal events of a topic. */
  subtopic: string;
  events: GoldEvent[];
}

/**
 * ECB+ documents of the given topics with their event (ACTION_* and
 * NEG_ACTION_*) mentions. A mention's chain is its CROSS_DOC_COREF instance,
 * else its INTRA_DOC_COREF chain, else its own (a singleton). When
 * `selected` is given (topic_doc -> sentence numbers, from
 * ECBplus_coreference_sentences.csv), only mentions in those sentences count.
 */
export function readEcb(root: string, topics: number[], selected?: Map<string, Set<number>>): EcbDoc[] {
  const out: EcbDoc[] = [];
  for (const topic of topics) {
    const dir = join(root, String(topic));
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.xml')).sort(byDocNumber)) {
      const xml = readFileSync(join(dir, f), 'utf8');
      const { text, tokens, sentences, numbers } = rebuild(xml);
      const id = f.replace(/\.xml$/, '');
      const markables = new Map<string, { tag: string; ids: string[] }>();
      for (const m of xml.matchAll(/<((?:NEG_)?ACTION_[A-Z]+)\s+m_id="(\d+)"[^>]*?>([\s\S]*?)<\/\1>/g)) {
        const ids = [...m[3]!.matchAll(/t_id="(\d+)"/g)].map((x) => x[1]!);
        if (ids.length) markables.set(m[2]!, { tag: m[1]!, ids });
      }
      const chainOf = new Map<string, string>();
      for (const m of xml.matchAll(/<CROSS_DOC_COREF\b[^>]*note="([^"]+)"[^>]*>([\s\S]*?)<\/CROSS_DOC_COREF>/g)) {
        for (const s of m[2]!.matchAll(/<source m_id="(\d+)"/g)) chainOf.set(s[1]!, m[1]!);
      }
      for (const m of xml.matchAll(/<INTRA_DOC_COREF\b[^>]*r_id="(\d+)"[^>]*>([\s\S]*?)<\/INTRA_DOC_COREF>/g)) {
        for (const s of m[2]!.matchAll(/<source m_id="(\d+)"/g)) if (!chainOf.has(s[1]!)) chainOf.set(s[1]!, `${id}/intra${m[1]}`);
      }
      const keep = selected?.get(`${topic}_${id.replace(/^\d+_/, '')}`);
      const events: GoldEvent[] = [];
      for (const [mid, mk] of markables) {
        const span = spanOf(tokens, mk.ids);
        if (!span) continue;
        if (selected && !keep?.has(span.sentence)) continue;
        events.push({ id: `${id}/${mid}`, ...span, tag: mk.tag, chain: chainOf.get(mid) ?? `${id}/${mid}` });
      }
      out.push({
        id,
        group: String(topic),
        topic,
        subtopic: id.endsWith('ecbplus') ? 'ecbplus' : 'ecb',
        text,
        sentences,
        sentenceNumbers: numbers,
        tokens,
        events: events.sort((x, y) => x.start - y.start),
      });
    }
  }
  return out;
}

function byDocNumber(a: string, b: string): number {
  const n = (s: string): number => Number(/_(\d+)/.exec(s)?.[1] ?? 0);
  return n(a) - n(b) || a.localeCompare(b);
}

/** ECBplus_coreference_sentences.csv (Topic,File,Sentence Number), when the release's index is present. */
export function readSelectedSentences(path: string): Map<string, Set<number>> | undefined {
  if (!existsSync(path)) return undefined;
  const out = new Map<string, Set<number>>();
  for (const line of readFileSync(path, 'utf8').split(/\r?\n/).slice(1)) {
    const [topic, file, sentence] = line.split(',').map((x) => x.trim());
    if (!topic || !file || sentence === undefined) continue;
    const key = `${topic}_${file}`;
    if (!out.has(key)) out.set(key, new Set());
    out.get(key)!.add(Number(sentence));
  }
  return out;
}
