// Copy relations as a reader wants them. Detection relates each new document
// to every earlier document it resembles, so three outlets running the same
// wire story yield three pairwise duplicates, and a cut of that story is
// related to all three. Here each group of duplicates gets one origin and
// each copy keeps one relation per source group, preferring the relation
// measured against the origin itself. Relations are never redirected or
// flipped: their aligned pairs and distortions stay those that were measured.
import type { CopyRelation } from '../model/collection.js';
import { orient } from './dedup.js';
import { UnionFind } from './union-find.js';

export interface CopyMeta {
  published?: string;
  wire?: boolean;
  /** Text size (distinct shingles): the more complete text is the likelier source. */
  n: number;
}

/** The likely origin among documents: `orient`'s order, ties broken by id so the choice is total. */
export function pickOrigin(ids: string[], meta: Map<string, CopyMeta>): string {
  const sorted = [...ids].sort();
  let best: [string, CopyMeta] = [sorted[0], meta.get(sorted[0]) ?? { n: 0 }];
  for (const id of sorted.slice(1)) best = orient(best, [id, meta.get(id) ?? { n: 0 }])[0];
  return best[0];
}

export function canonicalCopies(relations: CopyRelation[], meta: Map<string, CopyMeta>): CopyRelation[] {
  const uf = new UnionFind();
  for (const r of relations) if (r.kind === 'duplicate') uf.union(r.source, r.copy);
  const members = new Map<string, Set<string>>();
  for (const r of relations) {
    for (const id of [r.source, r.copy]) {
      const root = uf.find(id);
      (members.get(root) ?? members.set(root, new Set()).get(root)!).add(id);
    }
  }
  const origins = new Set<string>();
  for (const ids of members.values()) origins.add(pickOrigin([...ids], meta));

  // One relation per (source group, copy): measured against the origin if
  // there is one, else the most similar.
  const best = new Map<string, CopyRelation>();
  const rank = (r: CopyRelation) => (origins.has(r.source) ? 2 : 0) + r.similarity + r.coverageOfCopy;
  for (const r of relations) {
    // A duplicate of the origin is the origin's copy, never the other way round.
    if (origins.has(r.copy) && uf.find(r.copy) === uf.find(r.source)) continue;
    const key = `${uf.find(r.source)}>${r.copy}`;
    const prev = best.get(key);
    if (!prev || rank(r) > rank(prev)) best.set(key, r);
  }

  // Two copies of one source resemble each other too; that likeness is the
  // source's, not a relation of their own: drop X -> Y when some Z is a
  // source of both.
  const kept = [...best.values()];
  const sourcesOf = new Map<string, Set<string>>();
  for (const r of kept) (sourcesOf.get(r.copy) ?? sourcesOf.set(r.copy, new Set()).get(r.copy)!).add(r.source);
  const siblings = (r: CopyRelation) => [...(sourcesOf.get(r.copy) ?? [])].some((z) => z !== r.source && sourcesOf.get(r.source)?.has(z));
  return kept.filter((r) => !siblings(r));
}
