// One place that loads wink-nlp and its English model, so every stage shares
// one instance (each instance builds its own lexicon cache: ~100 ms and
// several MB) instead of loading the model again.
import { createRequire } from 'node:module';
import type { AsHelpers, ItsHelpers, Model, WinkMethods } from 'wink-nlp';

const require = createRequire(import.meta.url);
type WinkFn = (model: Model) => WinkMethods;

let nlp: WinkMethods | undefined;
let tagger: WinkMethods | undefined;

/** The shared wink-nlp instance with the full pipeline (sbd, negation, sentiment, pos, ner, cer). */
export function getNlp(): WinkMethods {
  if (!nlp) {
    // Required lazily: importing this module must not pay for loading the model.
    const winkNLP = loadWink() as WinkFn;
    const model = require('wink-eng-lite-web-model') as Model;
    nlp = winkNLP(model);
  }
  return nlp;
}

/**
 * An instance with the part-of-speech pipe alone: about half the cost per
 * sentence of the full pipeline, whose named-entity and sentiment passes most
 * callers never read. Lemmas and POS tags are the same as the full one's.
 */
export function getTagger(): WinkMethods {
  if (!tagger) {
    const winkNLP = loadWink() as (model: Model, pipe?: string[]) => WinkMethods;
    const model = require('wink-eng-lite-web-model') as Model;
    tagger = winkNLP(model, ['pos']);
  }
  return tagger;
}

/**
 * wink-nlp adds every unknown token it meets to its lexicon, and its tokenizer
 * keeps whole any token it finds there: once some text made "China’s" one
 * token ("China’s—and"), every later "China’s" stayed
 * whole and the entity "China" became "China’s". Tokens depended on the
 * documents read before, so an article came out differently read alone, in a
 * worker, or late in a long run (570 of 3,000 AllSides articles differed
 * between one thread and two: `npm run eval -- determinism`). The tokenizer's
 * two questions to the lexicon ("is this whole token known?") are answered
 * here so that every text is tokenized as on first sight: a token learned from
 * earlier text counts as unknown, except where first sight would have made
 * the same single token anyway. The lexicon itself, and what the model asks
 * of it, are untouched. wink builds a wrapper per document from one module and
 * its tokenizer from another, so both are replaced in the module cache before
 * wink-nlp is first loaded.
 */
function loadWink(): unknown {
  const file = require.resolve('wink-nlp/src/dd-wrapper.js');
  type Cache = { lookup(text: string): number[] | null; intrinsicSize(): number };
  type Rdd = { cache: Cache };
  type Wrapped = { _addTokenIfInCache(text: string, ...rest: unknown[]): unknown };
  const original = require(file) as (rdd: Rdd) => Wrapped;
  const cached = require.cache[file]!;
  if (!(cached.exports as { sitrepWrapped?: boolean }).sitrepWrapped) {
    // wink-nlp keeps the modules it loaded first: it must not be loaded yet.
    if (require.cache[require.resolve('wink-nlp')]) throw new Error('wink-nlp was loaded before its tokenizer could be made independent of earlier text');
    // The tokenizer's category detectors (the model's regular expressions, none global).
    const tokFile = require.resolve('wink-nlp/src/tokenizer.js');
    type Trex = { ltc: [RegExp, number][] };
    const makeTokenizer = require(tokFile) as (trex: Trex, categories: Record<string, number>, ...rest: unknown[]) => unknown;
    let detect: ((text: string) => boolean) | undefined;
    require.cache[tokFile]!.exports = (trex: Trex, categories: Record<string, number>, ...rest: unknown[]) => {
      const keepsWhole = (text: string): boolean => {
        for (const [rgx, cat] of trex.ltc) if (rgx.test(text)) return cat !== categories.unk && cat !== categories.wordRP;
        return false;
      };
      detect = keepsWhole;
      return makeTokenizer(trex, categories, ...rest);
    };
    // Whether a whole token seen unknown comes out as that one token: its
    // category is neither unknown (split by the recursive tokenizer) nor a
    // word with punctuation on its right (split in two). Then taking the
    // learned entry gives the very token first sight would, and spares the
    // detection and the lexicon entry wink would otherwise make again.
    const whole = new Map<string, boolean>();
    const keptWhole = (text: string): boolean => {
      let w = whole.get(text);
      if (w === undefined) {
        w = detect!(text);
        if (whole.size >= 50_000) whole.clear();
        whole.set(text, w);
      }
      return w;
    };
    // One view of each lexicon cache (the wrapper reads `data.cache` once per
    // document): a learned token is unknown, unless asked whether a whole
    // token is in the cache (`_addTokenIfInCache`) and first sight keeps it whole.
    const views = new WeakMap<Cache, { view: Cache; relaxed: boolean }>();
    const viewOf = (cache: Cache) => {
      let v = views.get(cache);
      if (!v) {
        const size = cache.intrinsicSize();
        const lookup = cache.lookup;
        const state = { view: cache, relaxed: false };
        state.view = Object.create(cache, {
          lookup: {
            value: (text: string) => {
              const found = lookup(text);
              // null is wink's "unknown": the tokenizer then splits the token as it would the first time.
              if (found && found.length === 1 && found[0]! >= size) return state.relaxed && keptWhole(text) ? found : null;
              return found;
            },
          },
        }) as Cache;
        views.set(cache, state);
        v = state;
      }
      return v;
    };
    // The document's own data (tokens, non-breaking spaces) read through; only the cache is the view.
    const wrapper = (rdd: Rdd): Wrapped => {
      const v = viewOf(rdd.cache);
      const doc = original(Object.create(rdd, { cache: { value: v.view } }) as Rdd);
      const addIfKnown = doc._addTokenIfInCache;
      doc._addTokenIfInCache = (text, ...rest) => {
        v.relaxed = true;
        try {
          return addIfKnown(text, ...rest);
        } finally {
          v.relaxed = false;
        }
      };
      return doc;
    };
    cached.exports = Object.assign(wrapper, { sitrepWrapped: true });
  }
  return require('wink-nlp');
}

// Every instance exposes these very module objects (`methods.its =
// require('./its.js')` in wink-nlp), so they are usable without an instance.
export const its = require('wink-nlp/src/its.js') as ItsHelpers;
export const as = require('wink-nlp/src/as.js') as AsHelpers;

/** A word token with character offsets into the text it came from, and its universal POS tag. */
export interface Token {
  start: number;
  end: number;
  text: string;
  /** PROPN, NOUN, VERB, PUNCT... (wink-nlp's universal tags). */
  pos: string;
  lemma?: string;
}

/**
 * Tokens of `text` with offsets and POS tags, from the POS-only tagger: the
 * one parse the extractors share. Whitespace tokens are dropped. wink gives
 * each token's preceding whitespace; where a token is not where that puts it
 * (wink normalizes a few characters), it is looked for, never guessed.
 */
export function tokenize(text: string): Token[] {
  const doc = getTagger().readDoc(text);
  const t = doc.tokens();
  const values = t.out() as string[];
  const pos = t.out(its.pos) as string[];
  const spaces = t.out(its.precedingSpaces) as string[];
  const out: Token[] = [];
  let at = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    at += spaces[i].length;
    const start = text.startsWith(v, at) ? at : text.indexOf(v, at);
    if (start < 0) continue;
    at = start + v.length;
    if (pos[i] !== 'SPACE') out.push({ start, end: at, text: v, pos: pos[i] });
  }
  return out;
}
