// Sentence segmentation throughput on real news text.
// `npm run bench -- segment [N]` (default: the first 3000 AllSides articles).
// Times the whole `splitParagraphs` + `segmentSentences` path. `mb_per_cpu_s`
// divides by this process's CPU time instead of wall time: steadier on a busy machine.
import { readAllSides } from '../eval/lib/datasets.js';
import { progress, progressDone } from '../eval/lib/runner.js';
import { segmentSentences, splitParagraphs } from '../src/text/sentences.js';

export default async function (args: string[]) {
  const n = Number(args[0] ?? 3000);
  progress(`reading ${n} AllSides articles…`);
  const texts = (await readAllSides(n)).map((a) => a.text);
  const mb = texts.reduce((sum, t) => sum + Buffer.byteLength(t), 0) / 1048576;

  progress('segmentSentences…');
  let sentences = 0;
  let paragraphs = 0;
  const pass = () => {
    sentences = paragraphs = 0;
    for (const t of texts) {
      const ps = splitParagraphs(t);
      paragraphs += ps.length;
      sentences += segmentSentences(t, ps).length;
    }
  };
  pass(); // JIT compilation is not throughput: the first pass runs at a third of the speed
  const seg = timed(pass);
  progressDone();

  return {
    articles: texts.length,
    mb: round(mb),
    paragraphs,
    sentences,
    seconds: round(seg.wall),
    mb_per_s: round(mb / seg.wall),
    mb_per_cpu_s: round(mb / seg.cpu),
  };
}

/** Wall and CPU seconds spent in `f`. */
function timed(f: () => void): { wall: number; cpu: number } {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  f();
  const c = process.cpuUsage(c0);
  return { wall: (performance.now() - t0) / 1000, cpu: (c.user + c.system) / 1e6 };
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
