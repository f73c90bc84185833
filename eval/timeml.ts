// Time expressions against TimeML gold: TempEval-3's TBAQ (TimeBank +
// AQUAINT, the TE3 training data; the official TE3 test set is not used) and,
// as a second corpus, MEANTIME's English Wikinews TIMEX3.
//
// Measures as the official TE3 toolkit (TE3-evaluation.py): strict extent F1
// (exact span), relaxed extent F1 (any overlap), and value / type F1 =
// relaxed F1 x the attribute's accuracy over relaxed matches. The document
// creation time is the anchor and is not itself counted.
//
// args: --errors N   print N value/extent errors per corpus to stderr
//       --dump FILE  write every gold/system pair as TSV
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractTimes, type TimeMention } from '../src/extract/time.js';
import { segmentSentences, splitParagraphs } from '../src/text/sentences.js';
import { dataset } from './lib/datasets.js';
import { progress, progressDone } from './lib/runner.js';
import { readMeantimeDir, readTmlDir, TimexScorer, type SystemTimex, type TimexDoc } from './lib/timeml.js';

/** TimeML annotates the two ends of a range as two timexes. */
function asTimeml(ms: TimeMention[]): SystemTimex[] {
  const out: SystemTimex[] = [];
  for (const m of ms) {
    if (m.endpoints) for (const e of m.endpoints) out.push({ start: e.start, end: e.end, type: e.type, value: e.value });
    else out.push({ start: m.start, end: m.end, type: m.type, value: m.value });
  }
  return out;
}

interface Run {
  scores: Record<string, unknown>;
  by: Record<string, Record<string, unknown>>;
  /** One TSV row per gold/system pair, for error analysis. */
  rows: string[];
}

function evaluate(docs: TimexDoc[], label: string, byCorpus: boolean): Run {
  const all = new TimexScorer();
  const per = new Map<string, TimexScorer>();
  const rows: string[] = [];
  docs.forEach((d, i) => {
    if (i % 50 === 0) progress(`${label}: ${i}/${docs.length}`);
    const sentences = segmentSentences(d.text, splitParagraphs(d.text));
    const mentions = extractTimes({ text: d.text, sentences, published: d.dct });
    // MEANTIME keeps the date line (the DCT) inside the text: not counted either side.
    const sys = asTimeml(mentions).filter(
      (s) => (!d.dctSpan || s.end <= d.dctSpan.start || s.start >= d.dctSpan.end) && (d.annotatedEnd === undefined || s.start < d.annotatedEnd),
    );
    const pairs = all.add(d.timexes, sys);
    if (byCorpus) {
      if (!per.has(d.corpus)) per.set(d.corpus, new TimexScorer());
      per.get(d.corpus)!.add(d.timexes, sys);
    }
    for (const p of pairs) {
      const ctxAt = p.gold?.start ?? p.sys!.start;
      const ctx = d.text.slice(Math.max(0, ctxAt - 60), ctxAt + 60).replace(/\s+/g, ' ');
      const kind = !p.sys ? 'FN' : !p.gold ? 'FP' : p.gold.value !== p.sys.value ? 'VALUE' : p.gold.start !== p.sys.start || p.gold.end !== p.sys.end ? 'EXTENT' : p.gold.type !== p.sys.type ? 'TYPE' : 'OK';
      const sysText = p.sys ? d.text.slice(p.sys.start, p.sys.end) : '';
      rows.push([kind, d.corpus, d.id, d.dct, p.gold?.text ?? '', p.gold?.type ?? '', p.gold?.value ?? '', sysText, p.sys?.type ?? '', p.sys?.value ?? '', ctx].join('\t'));
    }
  });
  progressDone();
  const by: Record<string, Record<string, unknown>> = {};
  for (const [k, v] of [...per].sort()) by[k] = { docs: docs.filter((d) => d.corpus === k).length, ...v.scores() };
  return { scores: { docs: docs.length, ...all.scores() }, by, rows };
}

export default async function timeml(args: string[]): Promise<Record<string, unknown>> {
  const errIdx = args.indexOf('--errors');
  const showErrors = errIdx >= 0 ? Number(args[errIdx + 1] ?? 20) : 0;
  const dumpIdx = args.indexOf('--dump');
  const dump = dumpIdx >= 0 ? args[dumpIdx + 1] : undefined;

  const tbaqDir = dataset('tempeval3', 'TBAQ-cleaned');
  const tbaq = [...readTmlDir(join(tbaqDir, 'TimeBank'), 'TimeBank'), ...readTmlDir(join(tbaqDir, 'AQUAINT'), 'AQUAINT')];
  const meantime = readMeantimeDir(dataset('meantime', 'intra_cross-doc_annotation'));

  const a = evaluate(tbaq, 'TBAQ', true);
  const b = evaluate(meantime, 'MEANTIME', false);

  for (const [name, run] of [['TBAQ', a], ['MEANTIME', b]] as const) {
    if (showErrors) {
      const errs = run.rows.filter((r) => !r.startsWith('OK') && !r.startsWith('TYPE'));
      process.stderr.write(`\n${name}: ${errs.length} errors (showing ${Math.min(showErrors, errs.length)})\n`);
      for (const r of errs.slice(0, showErrors)) process.stderr.write(r + '\n');
    }
  }
  if (dump) writeFileSync(dump, ['kind\tcorpus\tdoc\tdct\tgold\tgtype\tgvalue\tsys\tstype\tsvalue\tcontext', ...a.rows, ...b.rows].join('\n') + '\n');

  return {
    dataset: 'TempEval-3 TBAQ-cleaned (TimeBank + AQUAINT; TE3 training data, official test set held out)',
    ...a.scores,
    by_corpus: a.by,
    meantime: { dataset: 'MEANTIME English, intra_cross-doc_annotation (annotated sentences 0-5)', ...b.scores },
  };
}
