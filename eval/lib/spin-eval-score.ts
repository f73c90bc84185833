// Scoring the spin evaluation: copy relations against the generator's ground
// truth (which copy was spun from which original, and which sentences it
// distorted), per recipe and overall.
import type { Document } from '../../src/model/document.js';
import type { AlignedPair, Distortion } from '../../src/model/collection.js';
import type { SpinDistortion } from './spin.js';

/** A document of the evaluation pool and what the generator knows about it. */
export interface Member {
  role: 'original' | 'copy' | 'negative';
  /** Originals and their copies share a family; every negative has one of its own. */
  family: number;
  recipe?: string;
  /** Whether the original and its copies carry publication dates. */
  dated: boolean;
  doc: Document;
  distortions?: SpinDistortion[];
}

/** What a detector reports: a copy relation, with distortion flags when it raises them. */
export interface Found {
  source: string;
  copy: string;
  pairs?: AlignedPair[];
  distortions?: Distortion[];
}

interface Tally {
  pairs: number;
  found: number;
  falseRelations: number;
  origin: number;
  datedPairs: number;
  datedFound: number;
  datedOrigin: number;
  flags: number;
  trueFlags: number;
  distortions: number;
  distortionsFound: number;
}

const tally = (): Tally => ({
  pairs: 0,
  found: 0,
  falseRelations: 0,
  origin: 0,
  datedPairs: 0,
  datedFound: 0,
  datedOrigin: 0,
  flags: 0,
  trueFlags: 0,
  distortions: 0,
  distortionsFound: 0,
});

const ratio = (a: number, b: number): number | null => (b ? Math.round((a / b) * 10000) / 10000 : null);

/** Letters and digits only: the generator and the product segment and space sentences differently. */
const norm = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * The same sentence, or one inside the other: segmentation may split or merge
 * where the generator did not. A short piece ("2.", a list number the
 * generator split off) counts only at the start of the other.
 */
function overlaps(a: string, b: string): boolean {
  if (!a || !b) return false;
  if (a === b) return true;
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  return short.length >= 10 ? long.includes(short) : long.startsWith(short);
}

function sentence(doc: Document, i: number): string {
  const r = doc.sentences[i];
  return r ? norm(doc.text.slice(r.start, r.end)) : '';
}

export interface SpinScore {
  figures: Record<string, unknown>;
  /** Examples for diagnosis: false relations, missed pairs, false flags. */
  details: Record<string, unknown[]>;
}

/**
 * Scores `relations` over `members` (by document id). A relation is true when
 * it links a copy with its own original, in either direction; relations
 * between two copies of one original are neither (they do share the text) and
 * are only counted; anything else is false. Flags are judged on true pairs
 * against the generator's distortions (same sentence pair, same type); every
 * flag on a false relation is false.
 */
export function scoreRelations(relations: Found[], members: Map<string, Member>, recipes: string[], groups: Record<string, string[]>): SpinScore {
  const all = tally();
  const per = new Map(recipes.map((r) => [r, tally()]));
  const details: Record<string, unknown[]> = { false_relations: [], missed: [], false_flags: [], missed_distortions: [] };
  const falseFlagTypes: Record<string, number> = {};
  const byType: Record<string, { flags: number; trueFlags: number; distortions: number; found: number }> = {};
  const typeTally = (t: string) => (byType[t] ??= { flags: 0, trueFlags: 0, distortions: 0, found: 0 });
  let siblings = 0;
  let realReal = 0;

  const originalOf = new Map<number, Member>();
  for (const m of members.values()) if (m.role === 'original') originalOf.set(m.family, m);
  for (const m of members.values()) {
    if (m.role !== 'copy') continue;
    for (const t of [all, per.get(m.recipe!)!]) {
      t.pairs++;
      if (m.dated) t.datedPairs++;
      t.distortions += m.distortions?.length ?? 0;
    }
    for (const d of m.distortions ?? []) typeTally(d.type).distortions++;
  }

  const seen = new Set<string>();
  const foundPairs = new Set<string>();
  const matched = new Set<string>();
  const aligned = new Set<string>();
  for (const r of relations) {
    const key = r.source < r.copy ? `${r.source}|${r.copy}` : `${r.copy}|${r.source}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const a = members.get(r.source);
    const b = members.get(r.copy);
    if (!a || !b) throw new Error(`relation to a document outside the pool: ${key}`);
    const copy = a.role === 'copy' ? a : b.role === 'copy' ? b : undefined;
    const orig = a.role === 'original' ? a : b.role === 'original' ? b : undefined;
    const flags = uniqueFlags(r.distortions ?? []);
    if (copy && orig && copy.family === orig.family) {
      foundPairs.add(copy.doc.id);
      const forward = r.source === orig.doc.id;
      for (const t of [all, per.get(copy.recipe!)!]) {
        t.found++;
        if (forward) t.origin++;
        if (copy.dated) {
          t.datedFound++;
          if (forward) t.datedOrigin++;
        }
        t.flags += flags.length;
      }
      const truth = (copy.distortions ?? []).map((g) => ({ type: g.type, source: norm(g.sourceSentence), copy: norm(g.copySentence) }));
      const find = (p: { sourceSentence: number; copySentence: number }, type?: string): number => {
        const s = sentence(orig.doc, forward ? p.sourceSentence : p.copySentence);
        const c = sentence(copy.doc, forward ? p.copySentence : p.sourceSentence);
        return truth.findIndex((g) => (!type || g.type === type) && overlaps(c, g.copy) && overlaps(s, g.source));
      };
      // Whether the aligner paired each distorted sentence with its original: a flag needs that first.
      for (const p of r.pairs ?? []) {
        const gt = find(p);
        if (gt >= 0) aligned.add(`${copy.doc.id}#${gt}`);
      }
      for (const f of flags) {
        const gt = find(f, f.type);
        typeTally(f.type).flags++;
        if (gt >= 0) {
          all.trueFlags++;
          per.get(copy.recipe!)!.trueFlags++;
          typeTally(f.type).trueFlags++;
          matched.add(`${copy.doc.id}#${gt}`);
        } else {
          falseFlagTypes[f.type] = (falseFlagTypes[f.type] ?? 0) + 1;
          details.false_flags.push({
            recipe: copy.recipe,
            type: f.type,
            detail: f.detail,
            source: textOf(orig.doc, forward ? f.sourceSentence : f.copySentence),
            copy: textOf(copy.doc, forward ? f.copySentence : f.sourceSentence),
          });
        }
      }
    } else if (a.role === 'copy' && b.role === 'copy' && a.family === b.family) {
      siblings++;
    } else {
      all.falseRelations++;
      if (!copy) realReal++;
      for (const recipe of new Set([a, b].filter((m) => m.role === 'copy').map((m) => m.recipe!))) per.get(recipe)!.falseRelations++;
      all.flags += flags.length;
      for (const f of flags) {
        typeTally(f.type).flags++;
        falseFlagTypes[f.type] = (falseFlagTypes[f.type] ?? 0) + 1;
      }
      details.false_relations.push({ source: describe(a), copy: describe(b) });
    }
  }

  for (const m of members.values()) {
    if (m.role !== 'copy') continue;
    if (!foundPairs.has(m.doc.id)) details.missed.push({ recipe: m.recipe, original: describe(originalOf.get(m.family)!), copy: m.doc.id });
    (m.distortions ?? []).forEach((d, i) => {
      if (!matched.has(`${m.doc.id}#${i}`)) {
        const pair = { pair_found: foundPairs.has(m.doc.id), aligned: aligned.has(`${m.doc.id}#${i}`) };
        details.missed_distortions.push({ recipe: m.recipe, ...pair, ...d });
        return;
      }
      all.distortionsFound++;
      per.get(m.recipe!)!.distortionsFound++;
      typeTally(d.type).found++;
    });
  }

  const perRecipe: Record<string, Record<string, number | null>> = {};
  for (const [recipe, t] of per) {
    perRecipe[recipe] = {
      precision: ratio(t.found, t.found + t.falseRelations),
      recall: ratio(t.found, t.pairs),
      origin_accuracy: ratio(t.origin, t.found),
      origin_accuracy_dated: ratio(t.datedOrigin, t.datedFound),
      origin_accuracy_undated: ratio(t.origin - t.datedOrigin, t.found - t.datedFound),
      flags: t.flags,
      true_flags: t.trueFlags,
      distortion_precision: ratio(t.trueFlags, t.flags),
      ...(t.distortions ? { distortion_recall: ratio(t.distortionsFound, t.distortions) } : {}),
    };
  }
  const groupFigures: Record<string, number | null> = {};
  for (const [name, members] of Object.entries(groups)) {
    const ts = members.map((r) => per.get(r)!);
    const found = ts.reduce((n, t) => n + t.found, 0);
    groupFigures[`${name}_recall`] = ratio(found, ts.reduce((n, t) => n + t.pairs, 0));
    groupFigures[`${name}_precision`] = ratio(found, found + ts.reduce((n, t) => n + t.falseRelations, 0));
  }
  const types = Object.fromEntries(
    Object.entries(byType).map(([type, t]) => [type, { flags: t.flags, precision: ratio(t.trueFlags, t.flags), recall: ratio(t.found, t.distortions) }]),
  );
  return {
    figures: {
      precision: ratio(all.found, all.found + all.falseRelations),
      recall: ratio(all.found, all.pairs),
      origin_accuracy: ratio(all.origin, all.found),
      origin_accuracy_dated: ratio(all.datedOrigin, all.datedFound),
      origin_accuracy_undated: ratio(all.origin - all.datedOrigin, all.found - all.datedFound),
      ...groupFigures,
      distortion_precision: ratio(all.trueFlags, all.flags),
      distortion_recall: ratio(all.distortionsFound, all.distortions),
      distortion_pairs_aligned: ratio(aligned.size, all.distortions),
      distortion_flags: all.flags,
      distortion_by_type: types,
      false_flags_by_type: falseFlagTypes,
      true_relations: all.found,
      false_relations: all.falseRelations,
      false_relations_between_real_articles: realReal,
      sibling_relations: siblings,
      per_recipe: perRecipe,
    },
    details,
  };
}

/** Flags once per sentence pair and type: a sentence with two changed numbers is one distorted pair. */
function uniqueFlags(flags: Distortion[]): Distortion[] {
  const seen = new Set<string>();
  return flags.filter((f) => {
    const k = `${f.sourceSentence}:${f.copySentence}:${f.type}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function textOf(doc: Document, i: number): string {
  const r = doc.sentences[i];
  return r ? doc.text.slice(r.start, r.end) : '';
}

function describe(m: Member): string {
  return `${m.role}${m.recipe ? ':' + m.recipe : ''} #${m.family} ${m.doc.source ?? ''} "${m.doc.title.slice(0, 60)}"`;
}
