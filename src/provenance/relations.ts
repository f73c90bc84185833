// Copy relations as a reader wants them. Detection relates each new document
// to every earlier document it resembles, so three outlets running the same
// wire story yield three pairwise duplicates, and a cut of that story is
// related to all three. Here each group of duplicates gets one origin, and
// every relation points at the origin of its source's group.
import type { CopyRelation } from '../model/collection.js';
import { orient } from './dedup.js';

export interface CopyMeta {
  published?: string;
  wire?: boolean;
  /** Text size (distinct shingles): the more complete text is the likelier source. */
  n: number;
}

class UnionFind {
  private parent = new Map<string, string>();
  find(x: string): string {
    let p = this.parent.get(x) ?? x;
    if (p !== x) {
      p = this.find(p);
      this.parent.set(x, p);
    }
    return p;
  }
  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(ra, rb);
  }
}

export function canonicalCopies(relations: CopyRelation[], meta: Map<string, CopyMeta>): CopyRelation[] {
  const uf = new UnionFind();
  for (const r of relations) if (r.kind === 'duplicate') uf.union(r.source, r.copy);
  const members = new Map<string, string[]>();
  for (const r of relations) {
    for (const id of [r.source, r.copy]) {
      const root = uf.find(id);
      const list = members.get(root) ?? [];
      if (!list.includes(id)) list.push(id);
      members.set(root, list);
    }
  }
  const originOf = new Map<string, string>();
  for (const [root, ids] of members) {
    let best: [string, CopyMeta] = [ids[0], meta.get(ids[0]) ?? { n: 0 }];
    for (const id of ids.slice(1)) best = orient(best, [id, meta.get(id) ?? { n: 0 }])[0];
    originOf.set(root, best[0]);
  }
  const origin = (id: string) => originOf.get(uf.find(id)) ?? id;

  const out = new Map<string, CopyRelation>();
  const keep = (r: CopyRelation) => {
    const key = `${r.source}>${r.copy}`;
    const prev = out.get(key);
    // Prefer the relation measured against the origin itself, then the closer one.
    if (!prev || rank(r) > rank(prev)) out.set(key, r);
  };
  const rank = (r: CopyRelation & { measuredAgainst?: string }) => (r.measuredAgainst === r.source ? 2 : 0) + r.similarity;

  for (const r of relations) {
    if (r.kind === 'duplicate') {
      const o = origin(r.source);
      // Each member once, against its group's origin.
      for (const id of [r.source, r.copy]) {
        if (id === o) continue;
        const other = id === r.source ? r.copy : r.source;
        keep({ ...r, source: o, copy: id, ...(other === o ? { measuredAgainst: o } : {}) } as CopyRelation);
      }
    } else {
      const src = origin(r.source);
      if (uf.find(r.copy) === uf.find(src) && r.copy !== src) continue;
      keep({ ...r, source: src, ...(src === r.source ? { measuredAgainst: src } : {}) } as CopyRelation);
    }
  }
  // Two copies of one source resemble each other too; that likeness is the
  // source's, not a relation of their own: drop X -> Y when some Z is a
  // source of both.
  const sourcesOf = new Map<string, Set<string>>();
  for (const r of out.values()) (sourcesOf.get(r.copy) ?? sourcesOf.set(r.copy, new Set()).get(r.copy)!).add(r.source);
  const siblings = (r: CopyRelation) => [...(sourcesOf.get(r.copy) ?? [])].some((z) => z !== r.source && sourcesOf.get(r.source)?.has(z));
  return [...out.values()]
    .filter((r) => !siblings(r))
    .map(({ measuredAgainst: _m, ...r }: CopyRelation & { measuredAgainst?: string }) => r);
}
