// Coreference scores over clusterings of the same mentions: MUC (Vilain et
// al. 1995), B³ (Bagga & Baldwin 1998) and CEAF-e (Luo 2005, entity-based
// with φ4 similarity), and the CoNLL F1, their mean (Pradhan et al. 2014).
// Mentions are strings; a clustering is an array of clusters. A mention
// missing from one side counts as a singleton there only for B³ and CEAF-e
// as the reference scorer does (MUC ignores singletons by definition).

export interface PRF {
  precision: number;
  recall: number;
  f1: number;
}

export interface CorefScores {
  muc: PRF;
  b3: PRF;
  ceafe: PRF;
  conll: number;
}

const prf = (pNum: number, pDen: number, rNum: number, rDen: number): PRF => {
  const precision = pDen ? pNum / pDen : 0;
  const recall = rDen ? rNum / rDen : 0;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
};

function index(clusters: string[][]): Map<string, number> {
  const m = new Map<string, number>();
  clusters.forEach((c, i) => {
    for (const x of c) m.set(x, i);
  });
  return m;
}

/** MUC recall of `key` against `response`: links kept over links needed, per key cluster. */
function mucSide(key: string[][], response: string[][]): [number, number] {
  const of = index(response);
  let num = 0;
  let den = 0;
  for (const k of key) {
    if (k.length < 2) continue;
    // Partitions of k by response cluster; unaligned mentions are each their own part.
    const parts = new Set<string>();
    for (const x of k) parts.add(of.has(x) ? `c${of.get(x)}` : `m${x}`);
    num += k.length - parts.size;
    den += k.length - 1;
  }
  return [num, den];
}

export function muc(key: string[][], response: string[][]): PRF {
  const [rNum, rDen] = mucSide(key, response);
  const [pNum, pDen] = mucSide(response, key);
  return prf(pNum, pDen, rNum, rDen);
}

function b3Side(key: string[][], response: string[][]): [number, number] {
  const of = index(response);
  let num = 0;
  let den = 0;
  for (const k of key) {
    const counts = new Map<number, number>();
    for (const x of k) {
      const c = of.get(x);
      if (c !== undefined) counts.set(c, (counts.get(c) ?? 0) + 1);
    }
    for (const x of k) {
      den++;
      const c = of.get(x);
      if (c === undefined) continue;
      num += counts.get(c)! / k.length;
    }
  }
  return [num, den];
}

/** B³: per mention, the overlap of its key and response clusters over the cluster's size. */
export function b3(key: string[][], response: string[][]): PRF {
  // Recall: for each key mention, |K ∩ R| / |K|; precision: for each response mention, |K ∩ R| / |R|.
  const [rNum, rDen] = b3Side(key, response);
  const [pNum, pDen] = b3Side(response, key);
  return prf(pNum, pDen, rNum, rDen);
}

/** CEAF-e: the best one-to-one alignment of key and response clusters by φ4 = 2|K ∩ R| / (|K| + |R|). */
export function ceafe(key: string[][], response: string[][]): PRF {
  const sim: number[][] = key.map((k) => {
    const ks = new Set(k);
    return response.map((r) => {
      let n = 0;
      for (const x of r) if (ks.has(x)) n++;
      return n ? (2 * n) / (k.length + r.length) : 0;
    });
  });
  const total = maxAssignment(sim, key.length, response.length);
  return prf(total, response.length, total, key.length);
}

/** CoNLL F1 and its three parts. */
export function corefScores(key: string[][], response: string[][]): CorefScores {
  const m = muc(key, response);
  const b = b3(key, response);
  const c = ceafe(key, response);
  return { muc: m, b3: b, ceafe: c, conll: (m.f1 + b.f1 + c.f1) / 3 };
}

/**
 * Maximum-weight bipartite matching (Hungarian algorithm, O(n³)) on the
 * non-zero part of the similarity matrix: clusters that share no mention are
 * never aligned, so the problem splits into small connected components.
 */
function maxAssignment(sim: number[][], rows: number, cols: number): number {
  // Connected components of the "shares a mention" graph.
  const rowAdj: number[][] = sim.map((r) => r.flatMap((v, j) => (v > 0 ? [j] : [])));
  const colAdj: number[][] = Array.from({ length: cols }, () => []);
  rowAdj.forEach((js, i) => {
    for (const j of js) colAdj[j]!.push(i);
  });
  const seenR = new Uint8Array(rows);
  const seenC = new Uint8Array(cols);
  let total = 0;
  for (let start = 0; start < rows; start++) {
    if (seenR[start] || !rowAdj[start]!.length) continue;
    const rs: number[] = [];
    const cs: number[] = [];
    const stack: [number, boolean][] = [[start, true]];
    seenR[start] = 1;
    while (stack.length) {
      const [x, isRow] = stack.pop()!;
      if (isRow) {
        rs.push(x);
        for (const j of rowAdj[x]!) if (!seenC[j]) {
          seenC[j] = 1;
          stack.push([j, false]);
        }
      } else {
        cs.push(x);
        for (const i of colAdj[x]!) if (!seenR[i]) {
          seenR[i] = 1;
          stack.push([i, true]);
        }
      }
    }
    total += hungarian(rs.map((i) => cs.map((j) => sim[i]![j]!)));
  }
  return total;
}

/** Maximum total weight of a one-to-one assignment in a (possibly rectangular) weight matrix. */
export function hungarian(w: number[][]): number {
  const n = w.length;
  const m = n ? w[0]!.length : 0;
  if (!n || !m) return 0;
  const size = Math.max(n, m);
  // Minimise cost = max - weight on a square matrix padded with zero weights.
  let max = 0;
  for (const r of w) for (const v of r) if (v > max) max = v;
  const cost = (i: number, j: number): number => max - (i < n && j < m ? w[i]![j]! : 0);
  const u = new Float64Array(size + 1);
  const v = new Float64Array(size + 1);
  const p = new Int32Array(size + 1);
  const way = new Int32Array(size + 1);
  for (let i = 1; i <= size; i++) {
    p[0] = i;
    let j0 = 0;
    const minv = new Float64Array(size + 1).fill(Infinity);
    const used = new Uint8Array(size + 1);
    do {
      used[j0] = 1;
      const i0 = p[j0]!;
      let delta = Infinity;
      let j1 = 0;
      for (let j = 1; j <= size; j++) {
        if (used[j]) continue;
        const cur = cost(i0 - 1, j - 1) - u[i0]! - v[j]!;
        if (cur < minv[j]!) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j]! < delta) {
          delta = minv[j]!;
          j1 = j;
        }
      }
      for (let j = 0; j <= size; j++) {
        if (used[j]) {
          u[p[j]!] += delta;
          v[j] -= delta;
        } else minv[j] -= delta;
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0]!;
      p[j0] = p[j1]!;
      j0 = j1;
    } while (j0);
  }
  let total = 0;
  for (let j = 1; j <= size; j++) {
    const i = p[j]! - 1;
    if (i < n && j - 1 < m) total += w[i]![j - 1]!;
  }
  return total;
}
