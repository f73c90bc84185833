// PolNeAR (Newell, Margolin & Ruths, LREC 2018): US political news with
// every attribution annotated in brat stand-off — source, cue and content
// spans, each possibly discontinuous. Only the `train` and `dev` compartments
// are on disk here (`test` is withheld).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Range } from '../../src/model/document.js';
import { dataset } from './datasets.js';

export interface PolnearAttribution {
  id: string;
  /** Pieces of each role, in text order; `source` is empty for `Attribution-no-source`. */
  source: Range[];
  cue: Range[];
  content: Range[];
}

export interface PolnearDoc {
  name: string;
  text: string;
  attributions: PolnearAttribution[];
}

export function readPolnear(split: 'train' | 'dev'): PolnearDoc[] {
  const dir = dataset('polnear', split);
  const docs: PolnearDoc[] = [];
  const seen = new Set<string>();
  for (const file of readdirSync(join(dir, 'attributions')).sort()) {
    if (!file.endsWith('.ann')) continue;
    // Annotation files carry the annotator id after the article name; the
    // articles used to measure agreement have several: keep the first.
    const name = file.replace(/_[0-9a-f]{4}\.ann$/, '');
    if (seen.has(name)) continue;
    seen.add(name);
    const text = readFileSync(join(dir, 'text', `${name}.txt`), 'utf8');
    docs.push({ name, text, attributions: parseAnn(readFileSync(join(dir, 'attributions', file), 'utf8')) });
  }
  return docs;
}

function parseAnn(ann: string): PolnearAttribution[] {
  const spans = new Map<string, { type: string; ranges: Range[] }>();
  const events: string[][] = [];
  for (const line of ann.split('\n')) {
    const cols = line.split('\t');
    if (line.startsWith('T') && cols.length >= 2) {
      const sp = cols[1].indexOf(' ');
      const ranges = cols[1]
        .slice(sp + 1)
        .split(';')
        .map((p) => {
          const [s, e] = p.split(' ').map(Number);
          return { start: s, end: e };
        });
      spans.set(cols[0], { type: cols[1].slice(0, sp), ranges });
    } else if (line.startsWith('E') && cols.length >= 2) {
      events.push([cols[0], ...cols[1].trim().split(' ')]);
    }
  }
  const out: PolnearAttribution[] = [];
  for (const [id, ...args] of events) {
    const a: PolnearAttribution = { id, source: [], cue: [], content: [] };
    for (const arg of args) {
      const [role, ref] = arg.split(':');
      const span = spans.get(ref);
      if (!span) continue;
      if (role === 'Source') a.source.push(...span.ranges);
      else if (role === 'Cue') a.cue.push(...span.ranges);
      else if (role === 'Content') a.content.push(...span.ranges);
    }
    for (const k of ['source', 'cue', 'content'] as const) a[k].sort((x, y) => x.start - y.start);
    if (a.content.length && a.cue.length) out.push(a);
  }
  return out;
}
