// Sentence segmentation throughput on real news text.
// `npm run bench -- segment [N]` (default: the first 3000 AllSides articles).
// Reports the whole `splitParagraphs` + `segmentSentences` path, and wink-nlp
// alone on the same text (one readDoc per article, as segmentSentences does)
// so the cost of the correction rules is visible.
import { readAllSides } from '../eval/lib/datasets.js';
import { progress, progressDone } from '../eval/lib/runner.js';
import { getSentenceNlp } from '../src/text/nlp.js';
import { segmentSentences, splitParagraphs } from '../src/text/sentences.js';

export default async function (args: string[]) {
  const n = Number(args[0] ?? 3000);
  progress(`reading ${n} AllSides articles…`);
  const texts = (await readAllSides(n)).map((a) => a.text);
  const mb = texts.reduce((sum, t) => sum + Buffer.byteLength(t), 0) / 1048576;
  getSentenceNlp(); // model loading is not throughput

  progress('wink-nlp alone…');
  let t0 = performance.now();
  let winkSentences = 0;
  for (const t of texts) winkSentences += getSentenceNlp().readDoc(t).sentences().length();
  const winkSeconds = (performance.now() - t0) / 1000;

  progress('segmentSentences…');
  t0 = performance.now();
  let sentences = 0;
  let paragraphs = 0;
  for (const t of texts) {
    const ps = splitParagraphs(t);
    paragraphs += ps.length;
    sentences += segmentSentences(t, ps).length;
  }
  const seconds = (performance.now() - t0) / 1000;
  progressDone();

  return {
    articles: texts.length,
    mb: round(mb),
    paragraphs,
    sentences,
    seconds: round(seconds),
    mb_per_s: round(mb / seconds),
    wink_only_sentences: winkSentences,
    wink_only_mb_per_s: round(mb / winkSeconds),
  };
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
