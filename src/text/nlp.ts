// One place that loads wink-nlp and its English model, so every stage shares
// the same instances (each instance builds its own lexicon cache: ~100 ms and
// several MB) instead of loading the model again.
import { createRequire } from 'node:module';
import type { AsHelpers, ItsHelpers, Model, WinkMethods } from 'wink-nlp';

const require = createRequire(import.meta.url);
type WinkFn = (model: Model, pipe?: string[]) => WinkMethods;

let model: Model | undefined;
let full: WinkMethods | undefined;
let sentencesOnly: WinkMethods | undefined;

function create(pipe?: string[]): WinkMethods {
  // Required lazily: importing this module must not pay for loading the model.
  const winkNLP = require('wink-nlp') as WinkFn;
  model ??= require('wink-eng-lite-web-model') as Model;
  return winkNLP(model, pipe);
}

/** The shared wink-nlp instance with the full pipeline (sbd, negation, sentiment, pos, ner, cer). */
export function getNlp(): WinkMethods {
  return (full ??= create());
}

/**
 * A shared instance that only tokenizes and finds sentence boundaries. Its
 * tokens and sentences are identical to `getNlp()`'s (sbd runs first in the
 * pipeline), but skipping pos/ner/sentiment makes `readDoc` over twice as fast.
 */
export function getSentenceNlp(): WinkMethods {
  return (sentencesOnly ??= create(['sbd']));
}

// Every instance exposes these very module objects (`methods.its =
// require('./its.js')` in wink-nlp), so they are usable without an instance.
export const its = require('wink-nlp/src/its.js') as ItsHelpers;
export const as = require('wink-nlp/src/as.js') as AsHelpers;
