// Independence groups: documents that cannot count as separate confirmation
// of each other. Within a story, documents are joined when one copies another
// (any kind of copy), and when they rest on the same reporting: the same wire
// agency named as their basis ("KABUL (AFP) -", "told AFP", "With AFP
// inputs"), or a report they credit ("according to a report in the Ledger")
// from an outlet whose article is in the story. Every stage that counts
// support counts these groups, never documents.
import type { CopyRelation, IndependenceGroup, Story } from '../model/collection.js';
import { pickOrigin, type CopyMeta } from './relations.js';
import { UnionFind } from './union-find.js';
import { AGENCY_NAMES, wireAgency } from './wire.js';

export interface GroupDoc {
  id: string;
  source?: string;
  published?: string;
  text: string;
}

const AGENCY = AGENCY_NAMES;
// Cues that the agency's reporting is the basis of the text, not a passing mention.
const AGENCY_CUES: RegExp[] = [
  new RegExp(`\\(${AGENCY}\\)\\s*[-—–:]`, 'g'),
  new RegExp(`\\b(?:told|informed|telling|tells)\\s+(?:the\\s+)?${AGENCY}\\b`, 'g'),
  new RegExp(`\\b${AGENCY}\\s+(?:reported|reports|correspondents?|reporters?|journalists?|photographers?|tally|count)\\b`, 'g'),
  new RegExp(`\\b(?:an?|the)\\s+${AGENCY}\\s+(?:correspondent|reporter|journalist|photographer|tally|count)\\b`, 'g'),
  new RegExp(`\\b(?:according to|cited by|quoted by)\\s+(?:the\\s+)?${AGENCY}\\b`, 'g'),
  new RegExp(`\\bwith\\s+(?:inputs?\\s+from\\s+)?${AGENCY}(?:\\s+inputs?)?\\b`, 'gi'),
  new RegExp(`\\b(?:reporting|additional reporting) by\\s+${AGENCY}\\b`, 'g'),
];
const REPORT_IN = /\baccording to (?:a |an )?(?:report|reports|article|story) (?:in|by|from) (?:the )?((?:[A-Z][\w.'’&-]*\s?){1,5})/g;

/** Agencies whose reporting a text rests on. */
export function agencyCues(text: string): Set<string> {
  const out = new Set<string>();
  for (const re of AGENCY_CUES) {
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) {
      const a = wireAgency(m[1]);
      if (a) out.add(a);
    }
  }
  return out;
}

/** Outlets a text credits as its basis ("according to a report in the X"). */
export function creditedOutlets(text: string): string[] {
  return [...text.matchAll(REPORT_IN)].map((m) => normalizeOutlet(m[1]));
}

function normalizeOutlet(s: string): string {
  return s.trim().replace(/^the\s+/i, '').replace(/[’']s$/, '').toLowerCase();
}

/**
 * `meta`: the documents' copy fingerprints (date, wire, size), so a group's
 * origin is chosen exactly as a copy's source is.
 */
export function independenceGroups(
  stories: Story[],
  docs: Map<string, GroupDoc>,
  copies: CopyRelation[],
  meta: Map<string, CopyMeta>,
): IndependenceGroup[] {
  const out: IndependenceGroup[] = [];
  for (const story of stories) {
    const ids = story.documentIds.filter((id) => docs.has(id));
    const inStory = new Set(ids);
    const uf = new UnionFind();
    const reasons = new Map<string, Set<string>>();
    const link = (a: string, b: string, why: string) => {
      uf.union(a, b);
      for (const id of [a, b]) (reasons.get(id) ?? reasons.set(id, new Set()).get(id)!).add(why);
    };
    for (const c of copies) if (inStory.has(c.source) && inStory.has(c.copy)) link(c.source, c.copy, `${c.kind} copy`);

    const byAgency = new Map<string, string[]>();
    const byOutlet = new Map<string, string>();
    for (const id of ids) {
      const d = docs.get(id)!;
      const own = wireAgency(d.source);
      const cues = agencyCues(d.text);
      if (own) cues.add(own);
      for (const a of cues) (byAgency.get(a) ?? byAgency.set(a, []).get(a)!).push(id);
      if (d.source) byOutlet.set(normalizeOutlet(d.source), id);
    }
    for (const [agency, members] of byAgency) for (const id of members.slice(1)) link(members[0], id, `${agency} reporting`);
    for (const id of ids) {
      for (const outlet of creditedOutlets(docs.get(id)!.text)) {
        const credited = byOutlet.get(outlet);
        if (credited && credited !== id) link(credited, id, `credits ${docs.get(credited)!.source}`);
      }
    }

    const groups = new Map<string, string[]>();
    for (const id of ids) (groups.get(uf.find(id)) ?? groups.set(uf.find(id), []).get(uf.find(id))!).push(id);
    let n = 0;
    for (const members of groups.values()) {
      const origin = pickOrigin(members, meta);
      const why = new Set<string>();
      for (const id of members) for (const r of reasons.get(id) ?? []) why.add(r);
      out.push({ id: `${story.id}-g${++n}`, story: story.id, origin, documentIds: members, reasons: [...why].sort() });
    }
    story.independentSources = groups.size;
  }
  return out;
}
