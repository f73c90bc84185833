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
 * between one thread and two: `npm run eval -- determinism`). The tokenizer's two questions to the lexicon
 * ("is this whole token known?") are wrapped here so that tokens learned from
 * earlier text count as unknown, and every text is tokenized as on first
 * sight. The lexicon itself, and what the model asks of it, are untouched.
 * wink builds a wrapper per document from this module, so it is replaced in
 * the module cache before wink-nlp is first loaded.
 */
function loadWink(): unknown {
  const file = require.resolve('wink-nlp/src/dd-wrapper.js');
  type Wrapped = unknown;
  type Rdd = { cache: { lookup(text: string): number[] | null; intrinsicSize(): number } };
  const original = require(file) as (rdd: Rdd) => Wrapped;
  const cached = require.cache[file]!;
  if (!(cached.exports as { sitrepWrapped?: boolean }).sitrepWrapped) {
    // wink-nlp keeps the wrapper module it loaded first: it must not be loaded yet.
    if (require.cache[require.resolve('wink-nlp')]) throw new Error('wink-nlp was loaded before its tokenizer could be made independent of earlier text');
    // One filtering view of each lexicon cache: the wrapper's two questions go
    // through `cache.lookup` (it reads `data.cache` once per document), so a
    // learned token is answered "unknown" with a single lookup.
    const views = new WeakMap<Rdd['cache'], Rdd['cache']>();
    const viewOf = (cache: Rdd['cache']): Rdd['cache'] => {
      let view = views.get(cache);
      if (!view) {
        const size = cache.intrinsicSize();
        const lookup = cache.lookup;
        view = Object.create(cache, {
          lookup: {
            value: (text: string) => {
              const found = lookup(text);
              // 0 is wink's "unknown": the tokenizer then splits the token as it would the first time.
              return found && found.length === 1 && found[0]! >= size ? null : found;
            },
          },
        }) as Rdd['cache'];
        views.set(cache, view);
      }
      return view;
    };
    // The document's own data (tokens, non-breaking spaces) read through; only the cache is the view.
    const wrapper = (rdd: Rdd): Wrapped => original(Object.create(rdd, { cache: { value: viewOf(rdd.cache) } }) as Rdd);
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
