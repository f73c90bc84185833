// Event frames from the sentences of one document: who did what to whom,
// where and when, said by whom, and whether it is reported as a fact.
//
// A sentence is looked at only when one of its words is a trigger form of
// the lexicon (a map lookup per word); such sentences are tagged with
// wink-nlp's part-of-speech tagger (or sliced from tokens the caller already
// has). Arguments come from word order, without a dependency parse:
//
// - active voice: the actor is the noun phrase before the verb (past
//   auxiliaries, adverbs, "threatened to", relative pronouns and appositions),
//   the target the noun phrase after it;
// - passive voice ("was captured by"): the subject is the target and the
//   "by" phrase the actor;
// - nouns ("the capture of Herat by the Taliban", "an attack on the base",
//   "a Taliban attack"): "of"/"on"/"against" phrases are targets, "by" and
//   possessives actors, and a verb that carries the noun ("launched an
//   attack", "signed a ceasefire") lends its subject as the actor;
// - per-type idioms: "Y fell to X", "Y is in the hands of X", "came under
//   the control of X", "took control of Y", "left 12 dead".
//
// Some frames are states, not events: people "still held", "in captivity",
// "in the hands of" a group, "missing" — reported as holding on the day of
// the report. A count said of a period ("since the fighting began", "after
// three days of fighting", "so far") is marked a running total, not one
// incident's toll.
//
// Modality is read from the words that govern the trigger: modal verbs
// (could, may, might, would: possible; will: planned), "threatened to",
// "plans to", "vowed to", "called for", "denied", "refused to", "tried to",
// conditionals and questions; negation ("did not surrender", "no one was
// killed") and hedges ("reportedly", "allegedly", "claimed") are flags.
import type { Range } from '../model/document.js';
import type { EntityMention } from '../extract/entities.js';
import type { QuantityMention } from '../extract/quantities.js';
import type { QuoteMention } from '../extract/quotes.js';
import type { TimeMention } from '../extract/time.js';
import { getTagger, its } from '../text/nlp.js';
import {
  AGREEMENT_NOUNS,
  CAMEO,
  COMMUNICATION_VERBS,
  COOP_NOUNS,
  FINANCE_ONLY,
  FINANCE_SENSITIVE,
  FINANCE_WORDS,
  INANIMATE_OBJECTS,
  MILITARY_NOUNS,
  PERSON_NOUNS,
  PLACE_NOUNS,
  SPEECH_WORDS,
  SUPPORT_VERBS,
  verbForms,
  VIOLENCE_WORDS,
  TRIGGERS,
  cameoRoot,
  type EventType,
  type Trigger,
} from './lexicon.js';
import { dict } from '../util/dict.js';

export interface EventSpan {
  start: number;
  end: number;
  text: string;
}

/**
 * How the event is reported: `asserted` as having happened (or happening);
 * the others are not facts: `possible` (could, may, might, would, if),
 * `planned` (will, plans to, vowed to, agreed to), `threatened`, `demanded`
 * (called for, urged), `attempted` (tried to), `refused` (refused to, failed
 * to), `denied` (someone denies it).
 */
export type Modality = 'asserted' | 'possible' | 'planned' | 'threatened' | 'demanded' | 'attempted' | 'refused' | 'denied';

export interface EventMention {
  type: EventType;
  /** CAMEO root code (two digits); absent for types CAMEO does not code (appoint, dismiss, elect). */
  cameo?: string;
  /** The specific CAMEO code ("195" for an air strike). */
  cameoCode?: string;
  /** The trigger's lemma ("capture" for "captured"). */
  lemma: string;
  trigger: EventSpan;
  actor?: EventSpan;
  /** Key of the entity mention the actor phrase contains (`EntityMention.key`). */
  actorEntity?: string;
  actorName?: string;
  target?: EventSpan;
  targetEntity?: string;
  targetName?: string;
  place?: EventSpan;
  placeEntity?: string;
  placeName?: string;
  time?: EventSpan;
  /** TIMEX3 value of the time mention (`TimeMention.value`). */
  timeValue?: string;
  timePrecision?: string;
  /** How many: "12" in "killing 12 civilians". */
  quantity?: EventSpan;
  quantityValue?: number;
  /** The top of a range or of a plural quantifier ("hundreds of thousands": 200,000 to 999,999); quantityValue is the low end. */
  quantityHigh?: number;
  /** The counted noun of the quantity (`QuantityMention.counts`): "civilian", "hostage". */
  counted?: string;
  negated: boolean;
  hedged: boolean;
  modality: Modality;
  /** Who the sentence attributes the report to: a quote's speaker, "according to X", "X said". */
  attributedTo?: EventSpan;
  /**
   * A state that holds when reported rather than something that happened:
   * "four hostages remain in captivity", "are still being held", "in the
   * hands of", "in custody".
   */
  state?: boolean;
  /** A running total rather than one incident: "since the fighting began", "so far", "after three days of fighting". */
  cumulative?: boolean;
  /** Named people the target phrase lists: "X and Y", "including X", "among them X", "remain held: X and three soldiers", "X was among those freed". */
  members?: EventSpan[];
  /** The preposition before the place ("to" for a destination, "from" for an origin). */
  placePrep?: string;
  /** A locative phrase after the trigger that names no place: "at his residence". */
  site?: EventSpan;
  /** Index into the document's sentences. */
  sentence: number;
  /** Keys of all places named in the sentence: context for cross-document linking. */
  places?: string[];
}

export interface EventDoc {
  id?: string;
  text: string;
  sentences: Range[];
  published?: string;
}

/** A token as a shared parse gives it (`tokenize` of src/text/nlp.ts). */
export interface EventToken {
  start: number;
  end: number;
  text: string;
  pos: string;
  lemma?: string;
}

/** Per-document extraction results to fill argument names, keys and values from. */
export interface EventContext {
  entities?: EntityMention[];
  times?: TimeMention[];
  quantities?: QuantityMention[];
  quotes?: QuoteMention[];
  /** Tokens of the whole text, when the caller has them: no sentence is tagged again. */
  tokens?: EventToken[];
}

// ---------------------------------------------------------------------------
// Word lists

const words = (s: string): Set<string> => new Set(s.trim().split(/\s+/));

const BE = words(`be is are was were been being am 's 're get gets got gotten getting`);
const HAVE = words(`have has had having 've 'd`);
const MODAL_POSSIBLE = words(`may might could can would should must 'd`);
const MODAL_FUTURE = words(`will shall 'll wo`);
const NEGATION = words(`not n't never no neither nor`);
const HEDGES = words(`reportedly allegedly alleged purportedly apparently supposedly reported unconfirmed rumoured rumored suspected presumably`);
const CLAUSE_OPENERS = words(`because although though while whereas after before when since until unless if whether as`);
const POSSESSIVE = words(`its their his her our my your`);
const WH = words(`when where while how why as after before because if then so`);
const CONDITIONAL = words(`if unless whether`);
const RELATIVE = words(`who which that whom whose`);
const PARTICLES = words(`up down out off over back in away`);
const LOCATIVE = words(`in at near outside inside across around throughout into on onto within from toward towards`);
const TIME_WORDS = words(`
  overnight today yesterday tonight tomorrow now monday tuesday wednesday thursday friday saturday sunday
  morning evening afternoon night earlier later
`);
const NP_POS = new Set(['NOUN', 'PROPN', 'ADJ', 'NUM', 'DET', 'PRON']);
const HEAD_POS = new Set(['NOUN', 'PROPN', 'NUM', 'PRON']);
const QUANT_HEADS = words(`
  dozens hundreds thousands millions scores tens group groups number numbers members some many most all several
  none one two three four five six seven eight nine ten majority minority half part rest each both any few handful
  dozen hundred thousand million crowd crowds wave column convoy unit units team teams
`);
const NUMBER_HEDGES = words(`least most more than less fewer nearly almost about around some over up to approximately roughly estimated`);
const ROLE_NOUNS = words(`
  minister ministers coach chief head director president ceo chairman chairwoman chairperson commander envoy
  ambassador secretary general governor successor replacement manager captain spokesman spokeswoman leader premier
  judge adviser advisor nominee candidate chancellor deputy officer editor prosecutor attorney justice administrator
  representative mayor speaker treasurer executive principal dean rector superintendent coordinator commissioner
  marshal surgeon inspector auditor trustee
`);
const VERBAL_TARGETS = words(`
  plan plans policy policies decision decisions proposal proposals idea ideas bill bills law laws remarks comments
  statement statements record critics media press report reports ruling deal deals move moves approach budget
  reform reforms strategy claims claim
`);
const NOT_FIGHTS = words(`
  cancer disease diseases corruption inflation fire fires blaze blazes crime virus poverty charges charge case cases
  lawsuit lawsuits ruling bill legislation extradition deportation climate hunger obesity addiction illness covid
  pandemic epidemic malaria hiv aids leukemia tumor tumour injury injuries ban order
`);
const NOT_BATTLES = words(`legal court custody political uphill bidding takeover price patent pr public-relations ratings`);
const WEAPONS = words(`
  missile missiles rocket rockets drone drones bomb bombs shell shells airstrike airstrikes warplane warplanes jet
  jets aircraft plane planes artillery mortar mortars projectile projectiles helicopter helicopters gunship gunships
  grenade grenades
`);
const FIRED_OBJECTS = words(`
  shots shot rockets rocket missiles missile shells rounds mortars bullets weapons guns gas grenades artillery
  salvo salvos volley volleys flares
`);
const AIR_STRIKE = words(`air drone missile rocket aerial precision military retaliatory pre-emptive preemptive nuclear naval surgical`);
const LABOR_STRIKE = words(`
  general hunger labor labour national nationwide rail transport teachers workers doctors union one-day 24-hour
  48-hour indefinite wildcat
`);
const AID_ADJ = words(`
  humanitarian military economic food medical emergency foreign financial relief development international lethal
  non-lethal reconstruction disaster flood famine earthquake
`);
const NOT_AID_NEXT = words(`worker workers agency agencies group groups organization organisation organizations organisations official officials station`);
const DEAD_NOT_NEXT = words(`end ends heat set line zone weight center centre wood sea silence serious ringer`);
const DEAD_VERBS = words(`left leaving leaves leave are were was is be been found declared pronounced confirmed reported lay lie lies lying being`);
const DEATH_NOT_NEXT = words(`penalty penalties sentence sentences row certificate certificates threat threats knell wish spiral`);
const RELEASE_FROM = words(`prison jail custody detention captivity hospital`);
const WITHDRAW_NOT = words(`
  race election elections talks competition tournament contest bid market markets agreement agreements deal deals
  treaty treaties accord accords pact pacts league union euro negotiations
`);
const CONTROL_VERBS = words(`
  gain gained gains gaining wrest wrested wrests wresting assume assumed assumes assuming grab grabbed grabs grabbing
  regain regained regains regaining establish established establishes establishing seize seized seizes seizing
  take took taken takes taking capture captured captures capturing retake retook retaken seizing
`);
// Words after a trigger that make it a modifier or a set phrase ("riot police", "free agent", "assault rifle").
const BLOCKED_NEXT: Record<string, Set<string>> = dict({
  riot: words(`police gear squad shield shields control officers troops act van vans unit units`),
  free: words(`agent agents kick kicks speech trade market throw throws`),
  assault: words(`rifle rifles weapon weapons charge charges case cases course`),
  attack: words(`ad ads dog dogs helicopter helicopters surface vector vectors mode code toolkit toolkits tactics`),
  strike: words(`price prices zone`),
  shooting: words(`star stars range ranges guard guards script schedule`),
  release: words(`date dates notes`),
  custody: words(`battle battles dispute`),
  jail: words(`cell cells`),
  attacks: words(`code`),
  march: words(`madness`),
  blast: words(`furnace`),
  injure: words(`reserve list report reports`),
  injury: words(`report reports list time`),
  target: words(`attack attacks killing killings ads advertising audience audiences group groups area areas list lists market markets`),
  fire: words(`department departments fighter fighters truck trucks station alarm brigade crews crew`),
});
const TRUCE = /^(ceasefire|cease-fire|truce|armistice)s?$/;

type GovernorEffect = Modality | 'negated' | 'hedged' | 'asserted' | 'failed';
// Verbs that govern a trigger as "VERB to TRIGGER" or "VERB (a) TRIGGER-noun".
const GOVERNORS = new Map<string, GovernorEffect>();
function governs(lemmas: string, effect: GovernorEffect): void {
  for (const l of lemmas.trim().split(/\s+/)) for (const f of inflect(l)) GOVERNORS.set(f, effect);
}
/** Nouns that govern like their verb: "the threat to attack", "a denial that...". */
const GOVERNOR_NOUNS: Record<string, string[]> = dict({ threaten: ['threat', 'threats'], deny: ['denial', 'denials'] });
function inflect(l: string): string[] {
  return [...verbForms(l), ...(GOVERNOR_NOUNS[l] ?? [])];
}
governs('threaten warn', 'threatened');
governs('plan intend vow pledge promise prepare decide aim want hope expect schedule agree resolve', 'planned');
governs('try attempt seek', 'attempted');
governs('refuse decline reject', 'refused');
governs('fail', 'failed');
governs('urge demand ask', 'demanded');
governs('deny', 'denied');
governs('claim', 'hedged');
governs('propose offer', 'planned');
// "called for", "pressed for", "appealed for" take a preposition.
const FOR_GOVERNORS = words(`call called calls calling press pressed presses pressing appeal appealed appeals appealing push pushed pushing`);
const PLAN_NOUN_EFFECT: Record<string, Modality> = dict({
  plan: 'planned',
  plans: 'planned',
  threat: 'threatened',
  threats: 'threatened',
  warning: 'threatened',
  warnings: 'threatened',
  fear: 'possible',
  fears: 'possible',
  risk: 'possible',
  risks: 'possible',
  prospect: 'possible',
  prospects: 'possible',
  possibility: 'possible',
  call: 'demanded',
  calls: 'demanded',
  demand: 'demanded',
  demands: 'demanded',
  attempt: 'attempted',
  attempts: 'attempted',
  bid: 'attempted',
});
const MODAL_ADJ: Record<string, Modality | 'hedged'> = dict({
  possible: 'possible',
  potential: 'possible',
  imminent: 'possible',
  likely: 'possible',
  feared: 'possible',
  expected: 'possible',
  threatened: 'threatened',
  planned: 'planned',
  proposed: 'planned',
  upcoming: 'planned',
  future: 'planned',
  scheduled: 'planned',
  attempted: 'attempted',
  failed: 'attempted',
  foiled: 'attempted',
  thwarted: 'attempted',
  alleged: 'hedged',
  reported: 'hedged',
  suspected: 'hedged',
  apparent: 'hedged',
  purported: 'hedged',
  unconfirmed: 'hedged',
});
const REPORT_VERBS = words(`said says say told reported announced stated added confirmed insisted claimed claims according`);

// ---------------------------------------------------------------------------
// Sentence tokens

interface Tok {
  start: number;
  end: number;
  text: string;
  lower: string;
  pos: string;
  lemma?: string;
}

interface Np {
  /** Token range, inclusive. */
  a: number;
  b: number;
  /** Head token index (the last noun, number or pronoun). */
  head: number;
}

type Kind = 'place' | 'person' | 'org' | 'proper' | 'number' | 'other';

class Sentence {
  /** Token spans of entity mentions, by first and by last token: names whose words the tagger misreads ("Spin/VERB Boldak"). */
  private readonly entFrom = new Map<number, number>();
  private readonly entTo = new Map<number, number>();

  constructor(
    readonly text: string,
    readonly toks: Tok[],
    readonly entities: EntityMention[],
    readonly finance: boolean,
  ) {
    let k = 0;
    for (const m of entities) {
      while (k < toks.length && toks[k]!.end <= m.start) k++;
      let b = k;
      while (b + 1 < toks.length && toks[b + 1]!.start < m.end) b++;
      if (k < toks.length && toks[k]!.start < m.end) {
        this.entFrom.set(k, b);
        this.entTo.set(b, k);
      }
    }
  }

  lower(i: number): string {
    return this.toks[i]?.lower ?? '';
  }

  /** The entity mention whose first token is `i`: its type and its last token. */
  entityFrom(i: number): { end: number; type: EntityMention['type'] } | undefined {
    const end = this.entFrom.get(i);
    if (end === undefined) return undefined;
    const at = this.toks[i]!.start;
    const m = this.entities.find((e) => e.start <= at && at < e.end);
    return m ? { end, type: m.type } : undefined;
  }

  inEntity(at: number): boolean {
    return this.entities.some((m) => m.start <= at && at < m.end);
  }

  private title?: boolean;
  /** A headline: most words capitalized. */
  isTitleCase(): boolean {
    if (this.title === undefined) {
      let words = 0;
      let caps = 0;
      for (const t of this.toks) {
        if (!/^[A-Za-z]/.test(t.text) || t.text.length < 4) continue;
        words++;
        if (/^[A-Z]/.test(t.text)) caps++;
      }
      this.title = words >= 3 && caps / words >= 0.6;
    }
    return this.title;
  }
  pos(i: number): string {
    return this.toks[i]?.pos ?? '';
  }

  span(np: Np | undefined): EventSpan | undefined {
    if (!np) return undefined;
    const start = this.toks[np.a]!.start;
    const end = this.toks[np.b]!.end;
    return { start, end, text: this.text.slice(start, end) };
  }

  entityAt(np: Np): EntityMention | undefined {
    const s = this.toks[np.a]!.start;
    const e = this.toks[np.b]!.end;
    const h = this.toks[np.head]!;
    let inside: EntityMention | undefined;
    for (const m of this.entities) {
      if (m.start < h.end && m.end > h.start) return m;
      if (!inside && m.start >= s && m.end <= e) inside = m;
    }
    return inside;
  }

  kind(np: Np | undefined): Kind {
    if (!np) return 'other';
    const ent = this.entityAt(np);
    const head = this.toks[np.head]!;
    // "the Mueller report": a name modifying a document does not make it a person.
    if (INANIMATE_OBJECTS.has(head.lower) && !(ent && ent.start <= head.start && ent.end >= head.end)) return 'other';
    if (ent) {
      // "Taliban fighters": the head noun says more than the modifier.
      if (PERSON_NOUNS.has(head.lower) && !(ent.start <= head.start && ent.end >= head.end)) return 'person';
      if (PLACE_NOUNS.has(head.lower) && !(ent.start <= head.start && ent.end >= head.end)) return 'place';
      return ent.type === 'place' ? 'place' : ent.type === 'organization' ? 'org' : 'person';
    }
    if (PERSON_NOUNS.has(head.lower)) return 'person';
    if (PLACE_NOUNS.has(head.lower)) {
      // "the city of Herat" has its name after "of".
      return 'place';
    }
    if (head.pos === 'NUM') return 'number';
    if (head.pos === 'PROPN') return 'proper';
    return 'other';
  }

  isHeadable(i: number): boolean {
    const t = this.toks[i];
    if (!t) return false;
    if (this.entTo.has(i)) return true;
    if (HEAD_POS.has(t.pos)) return t.pos !== 'PRON' || !RELATIVE.has(t.lower);
    // "the wounded", "the dead"
    return t.pos === 'ADJ' && this.lower(i - 1) === 'the';
  }

  /** The noun phrase whose last token is `i`, extended left. */
  npEndingAt(i: number, floor = 0): Np | undefined {
    if (i < floor || !this.isHeadable(i)) return undefined;
    const head = i;
    if (this.pos(i) === 'PRON' && !this.entTo.has(i)) return { a: i, b: i, head };
    let a = Math.max(floor, this.entTo.get(i) ?? i);
    for (;;) {
      const j = a - 1;
      if (j < floor) break;
      const t = this.toks[j]!;
      if (TIME_WORDS.has(t.lower)) break;
      const ent = this.entTo.get(j);
      if (ent !== undefined && ent >= floor) {
        a = ent;
        continue;
      }
      if ((NP_POS.has(t.pos) && t.pos !== 'PRON') || POSSESSIVE.has(t.lower)) {
        a = j;
        if (POSSESSIVE.has(t.lower)) break;
        continue;
      }
      if ((t.lower === "'s" || t.lower === "'" || t.lower === '’s') && j - 1 >= floor && HEAD_POS.has(this.pos(j - 1))) {
        a = j;
        continue;
      }
      if (t.text === '-' && j - 1 >= floor && NP_POS.has(this.pos(j - 1))) {
        a = j;
        continue;
      }
      // "dozens of people", "the city of Herat"
      if (t.lower === 'of' && j - 1 >= floor && (QUANT_HEADS.has(this.lower(j - 1)) || (PLACE_NOUNS.has(this.lower(j - 1)) && this.pos(i) === 'PROPN') || this.pos(j - 1) === 'NUM')) {
        a = j;
        continue;
      }
      // "at least 12", "more than 300"
      if ((NUMBER_HEDGES.has(t.lower) || (t.lower === 'at' && /^(least|most)$/.test(this.lower(j + 1)))) && (this.pos(a) === 'NUM' || NUMBER_HEDGES.has(this.lower(a)))) {
        a = j;
        continue;
      }
      break;
    }
    return { a, b: i, head };
  }

  /** The noun phrase starting at or after `i` (over determiners, adjectives, hedges), extended right. */
  npFrom(i: number, ceil = this.toks.length - 1): Np | undefined {
    let k = i;
    while (k <= ceil && NUMBER_HEDGES.has(this.lower(k)) && this.pos(k) !== 'NOUN') k++;
    if (k > ceil) return undefined;
    // "its troops": a possessive pronoun opens the phrase like a determiner.
    if (POSSESSIVE.has(this.lower(k)) && k + 1 <= ceil && NP_POS.has(this.pos(k + 1)) && this.pos(k + 1) !== 'PRON') k++;
    const first = this.toks[k]!;
    const ent = this.entFrom.get(k);
    if (first.pos === 'PRON' && ent === undefined) return RELATIVE.has(first.lower) ? undefined : { a: i, b: k, head: k };
    if (!NP_POS.has(first.pos) && ent === undefined) return undefined;
    if (TIME_WORDS.has(first.lower)) return undefined;
    let b = ent !== undefined ? Math.min(ent, ceil) : k;
    let head = ent !== undefined ? b : HEAD_POS.has(first.pos) ? k : -1;
    for (let j = b + 1; j <= ceil; j++) {
      const t = this.toks[j]!;
      if (TIME_WORDS.has(t.lower)) break;
      const e = this.entFrom.get(j);
      if (e !== undefined && (t.pos !== 'DET' || head < 0)) {
        b = Math.min(e, ceil);
        head = b;
        j = b;
        continue;
      }
      if (NP_POS.has(t.pos) && t.pos !== 'PRON' && !(t.pos === 'DET' && head >= 0)) {
        b = j;
        if (HEAD_POS.has(t.pos)) head = j;
        continue;
      }
      if ((t.lower === "'s" || t.lower === '’s') && head >= 0) {
        b = j;
        continue;
      }
      if (t.text === '-' && j + 1 <= ceil && NP_POS.has(this.pos(j + 1))) {
        b = j;
        continue;
      }
      if (t.lower === 'of' && head >= 0 && j + 1 <= ceil && (QUANT_HEADS.has(this.lower(head)) || this.pos(head) === 'NUM' || (PLACE_NOUNS.has(this.lower(head)) && this.pos(j + 1) === 'PROPN'))) {
        const rest = this.npFrom(j + 1, ceil);
        if (rest) {
          b = rest.b;
          head = rest.head;
          j = rest.b;
          continue;
        }
      }
      break;
    }
    if (head < 0) {
      // "the wounded"
      if (this.pos(b) === 'ADJ' && this.lower(k) === 'the') head = b;
      else return undefined;
    }
    return { a: i, b, head };
  }

  /** A prepositional phrase object: "by the Taliban" -> the NP after "by". */
  ppAfter(i: number, preps: Set<string> | string, limit: number): { prep: string; np: Np } | undefined {
    const set = typeof preps === 'string' ? new Set([preps]) : preps;
    const end = Math.min(this.toks.length - 1, i + limit);
    for (let j = i + 1; j <= end; j++) {
      const t = this.toks[j]!;
      if (t.pos === 'PUNCT' && t.text !== '-' && t.text !== "'") return undefined;
      if (t.pos === 'VERB' || t.pos === 'AUX') return undefined;
      if (set.has(t.lower)) {
        const np = this.npFrom(j + 1);
        if (np) return { prep: t.lower, np };
      }
    }
    return undefined;
  }

  /** Where the clause holding token `i` begins (for modality and subjects). */
  clauseStart(i: number): number {
    for (let j = i - 1; j >= 0; j--) {
      const t = this.toks[j]!;
      if (t.text === ';' || t.text === ':' || t.text === '—' || t.text === '–' || t.text === '(' || t.text === '"' || t.text === '“' || t.text === '”') return j + 1;
      if (CLAUSE_OPENERS.has(t.lower) && t.pos === 'SCONJ') return j;
    }
    return 0;
  }
}

function makeTokens(text: string, from: number, to: number, shared: EventToken[] | undefined, lo: number, withLemmas: boolean): Tok[] {
  const out: Tok[] = [];
  if (shared) {
    for (let i = lo; i < shared.length; i++) {
      const t = shared[i]!;
      if (t.start >= to) break;
      if (t.end <= from) continue;
      out.push({ start: t.start, end: t.end, text: t.text, lower: t.text.toLowerCase(), pos: t.pos, lemma: t.lemma });
    }
    return out;
  }
  const slice = text.slice(from, to);
  const d = getTagger().readDoc(slice);
  const ts = d.tokens();
  const values = ts.out() as string[];
  const pos = ts.out(its.pos) as string[];
  // wink-nlp's typings give `its.lemma` a raw-document signature; it is an ordinary token helper.
  const lemmas = withLemmas ? (ts.out(its.lemma as unknown as typeof its.pos) as string[]) : [];
  const spaces = ts.out(its.precedingSpaces) as string[];
  let at = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    at += spaces[i]!.length;
    const s = slice.startsWith(v, at) ? at : slice.indexOf(v, at);
    if (s < 0) continue;
    at = s + v.length;
    if (pos[i] === 'SPACE') continue;
    out.push({ start: from + s, end: from + at, text: v, lower: v.toLowerCase(), pos: pos[i]!, lemma: lemmas[i] });
  }
  return out;
}

const isAsciiLetter = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
const isWordChar = (c: number): boolean => isAsciiLetter(c) || c === 39 || c === 0x2019 || c === 45;
const MONEY_WORD = /[$%€£]|[A-Za-z&]+/g;

/**
 * Whether the sentence holds a trigger form worth parsing: a cheap scan
 * before any tagging. In a financial sentence, forms read only in their
 * conflict senses ("fell", "seized", "rallied") do not count.
 */
function hasTrigger(text: string, from: number, to: number): boolean {
  let financeOnly = false;
  // Words: an ASCII letter and two or more letters, apostrophes or hyphens;
  // scanned by character code, as this runs over every sentence of every document.
  for (let i = from; i < to; ) {
    if (!isAsciiLetter(text.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < text.length && isWordChar(text.charCodeAt(j))) j++;
    const start = i;
    i = j;
    if (j - start < 3) continue;
    const raw = text.slice(start, j);
    const w = TRIGGERS.has(raw) ? raw : raw.toLowerCase();
    if (TRIGGERS.has(w)) {
      if (!FINANCE_ONLY.has(w)) return true;
      financeOnly = true;
    } else if (w.includes('-')) {
      // "air-strike" and "cease-fire" are listed; in "Taliban-held", look at the parts.
      for (const part of w.split('-')) if (TRIGGERS.has(part)) return true;
    }
  }
  if (!financeOnly) return false;
  MONEY_WORD.lastIndex = from;
  for (let m = MONEY_WORD.exec(text); m && m.index < to; m = MONEY_WORD.exec(text)) {
    const w = m[0].length === 1 ? m[0] : m[0].toLowerCase();
    if (w === '$' || w === '%' || w === '€' || w === '£' || (FINANCE_WORDS.has(w) && !isMarketplace(text, m.index, m.index + m[0].length))) return false;
  }
  return true;
}

const MARKETPLACE_BEFORE = words(`
  central main local open-air outdoor covered street fish food vegetable fruit meat livestock cattle crowded busy
  packed village town city night flea wholesale weekly sunday crafts spice grain bird
`);
const MARKETPLACE_AFTER = words(`place square stall stalls trader traders vendor vendors seller sellers area district building gate`);
/**
 * "market" as a place people shop in ("the central market", "Lubuye
 * market", "market stalls"), where shells land and people die, not as
 * finance: a marketplace word next to it, or a name before it.
 */
function isMarketplace(text: string, start: number, end: number): boolean {
  const word = text.slice(start, end).toLowerCase();
  if (word !== 'market' && word !== 'markets') return false;
  const left = text.slice(Math.max(0, start - 60), start);
  const m = /([\p{L}'’-]+)\s+$/u.exec(left);
  const before = m?.[1] ?? '';
  const after = /^\s+([\p{L}-]+)/u.exec(text.slice(end, end + 40))?.[1]?.toLowerCase() ?? '';
  const bare = before.toLowerCase().replace(/['’]s$/, '');
  if (MARKETPLACE_BEFORE.has(bare) || MARKETPLACE_AFTER.has(after)) return true;
  if (/^(stock|bond|money|capital|housing|labour|labor|job|equity|equities|credit|oil|energy|financial|emerging|global|world|black|single|free|the|a|an)$/.test(bare)) return false;
  // "the city's market"; "Lubuye market": a name, not the capital of a sentence's first word.
  const sentenceStart = !m || /(^|[.!?"“”]\s*)$/.test(left.slice(0, m.index).trimEnd());
  return /['’]s$/.test(before) || (/^\p{Lu}/u.test(before) && !sentenceStart);
}

// ---------------------------------------------------------------------------
// Frames

interface Roles {
  type: EventType;
  code?: string;
  actor?: Np;
  target?: Np;
  place?: Np;
  /** Tokens whose words were part of this trigger's idiom (not triggers of their own). */
  consumed?: number[];
  /** The index of a verb lending its subject, modality and negation to a noun trigger. */
  support?: number;
  /** Modality forced by the idiom. */
  modality?: Modality;
  /** First token of a noun trigger's own phrase ("a Taliban attack"). */
  npStart?: number;
  /** A state, not an event: "remain in captivity". */
  state?: boolean;
  /** Negated by the idiom: "was not among those released". */
  negated?: boolean;
  /** Named people the idiom names: "X was among those released". */
  members?: Np[];
}

interface Ctx {
  doc: EventDoc;
  ctx: EventContext;
}

/**
 * Event mentions of one document, in text order. Pass the other extractors'
 * results in `ctx` to have argument names, entity keys, time values and
 * counts filled, and `ctx.tokens` to reuse a parse of the whole text.
 */
export function extractEvents(doc: EventDoc, ctx: EventContext = {}): EventMention[] {
  const out: EventMention[] = [];
  const wanted = doc.sentences.flatMap((r, si) => (hasTrigger(doc.text, r.start, r.end) ? [si] : []));
  if (!wanted.length) return out;
  // One tagger call for all the sentences worth parsing: wink's cost per call dominates for short sentences.
  const tokens = ctx.tokens ?? tagSentences(doc.text, wanted.map((si) => doc.sentences[si]!));
  const c: Ctx = { doc, ctx: { ...ctx, tokens } };
  let lo = 0;
  for (const si of wanted) {
    const r = doc.sentences[si]!;
    lo = firstTokenAt(tokens, r.start, lo);
    const s = sentenceAt(c, r, lo);
    const consumed = new Set<number>();
    const frames: { i: number; roles: Roles; trig: Trigger }[] = [];
    for (let i = 0; i < s.toks.length; i++) {
      if (consumed.has(i)) continue;
      const found = frameAt(s, i);
      if (!found) continue;
      for (const k of found.roles.consumed ?? []) consumed.add(k);
      frames.push({ i, ...found });
    }
    const built: { ev: EventMention; roles: Roles }[] = [];
    for (const f of frames) {
      if (consumed.has(f.i) && !(f.roles.consumed ?? []).includes(f.i)) continue;
      built.push({ ev: build(c, s, si, f.i, f.i, f.trig.lemma, f.roles), roles: f.roles });
    }
    // "Nine hostages held by the group were freed": no longer held.
    const freed = built.filter((b) => b.ev.type === 'release' && b.ev.modality === 'asserted' && !b.ev.negated);
    for (const b of built) if (!(b.ev.state && freed.some((r) => overlaps(r.roles.target, b.roles.target)))) out.push(b.ev);
  }
  return out;
}

function overlaps(a: Np | undefined, b: Np | undefined): boolean {
  return !!a && !!b && a.a <= b.b && b.a <= a.b;
}

/** Tokens of the given sentences, tagged in one pass over them joined by blank lines; offsets into `text`. */
function tagSentences(text: string, ranges: Range[], withLemmas = false): EventToken[] {
  let joined = '';
  const starts: number[] = [];
  for (const r of ranges) {
    if (joined) joined += '\n\n';
    starts.push(joined.length);
    joined += text.slice(r.start, r.end);
  }
  const out: EventToken[] = [];
  let k = 0;
  for (const t of makeTokens(joined, 0, joined.length, undefined, 0, withLemmas)) {
    while (k + 1 < starts.length && t.start >= starts[k + 1]!) k++;
    const shift = ranges[k]!.start - starts[k]!;
    out.push({ start: t.start + shift, end: t.end + shift, text: t.text, pos: t.pos, lemma: t.lemma });
  }
  return out;
}

/**
 * The frame of an event whose trigger is given (a gold mention, say): its
 * arguments and modality as `extractEvents` would read them. A trigger
 * outside the lexicon is of type 'other', with the lemma wink-nlp gives it.
 */
export function eventAt(doc: EventDoc, trigger: Range, ctx: EventContext = {}): EventMention | undefined {
  const si = doc.sentences.findIndex((r) => r.start <= trigger.start && trigger.start < r.end);
  if (si < 0) return undefined;
  const r = doc.sentences[si]!;
  // Tagged here, with lemmas: a trigger outside the lexicon is named by its lemma, which shared tokens lack.
  const s = sentenceAt({ doc, ctx: { ...ctx, tokens: undefined } }, r, 0, true);
  const idx: number[] = [];
  s.toks.forEach((t, i) => {
    if (t.start < trigger.end && t.end > trigger.start) idx.push(i);
  });
  if (!idx.length) return undefined;
  for (const i of idx) {
    const found = frameAt(s, i);
    if (found) return build({ doc, ctx }, s, si, idx[0]!, idx[idx.length - 1]!, found.trig.lemma, found.roles);
  }
  // Outside the lexicon: a verb's or a noun's plain roles.
  const head = idx.find((i) => s.pos(i) === 'VERB') ?? [...idx].reverse().find((i) => s.pos(i) === 'NOUN' || s.pos(i) === 'PROPN') ?? idx[0]!;
  const lemma = s.toks[head]!.lemma ?? s.toks[head]!.lower;
  const roles: Roles = s.pos(head) === 'VERB' ? verbRoles(s, head, 'other') : nounRoles(s, head, 'other', 'target');
  return build({ doc, ctx }, s, si, idx[0]!, idx[idx.length - 1]!, lemma, roles);
}

function firstTokenAt(tokens: EventToken[], at: number, from: number): number {
  let lo = from;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.end <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function sentenceAt(c: Ctx, r: Range, lo: number, withLemmas = false): Sentence {
  const toks = makeTokens(c.doc.text, r.start, r.end, c.ctx.tokens, lo, withLemmas);
  const entities = (c.ctx.entities ?? []).filter((m) => m.start >= r.start && m.end <= r.end);
  let finance = false;
  for (const t of toks) if ((FINANCE_WORDS.has(t.lower) && !isMarketplace(c.doc.text, t.start, t.end)) || t.text === '$' || t.text === '€' || t.text === '£') finance = true;
  return new Sentence(c.doc.text, toks, entities, finance);
}

/**
 * Whether a trigger form is read as a verb, a noun or an adjective here. The
 * tagger's part of speech decides, corrected where news text misleads it: a
 * "verb" after a determiner or an adjective is a noun ("a roadside bomb"), a
 * past participle tagged as a noun or an adjective is a verb ("wounded"), a
 * headline's capitalized word is no name unless an entity says so
 * ("Police Arrest Driver").
 */
function readingOf(s: Sentence, i: number, all: Trigger[]): 'v' | 'n' | 'a' | undefined {
  const tok = s.toks[i]!;
  const has = (p: 'v' | 'n' | 'a'): boolean => all.some((t) => t.pos === p);
  const prev = s.pos(i - 1);
  const next = s.pos(i + 1);
  switch (tok.pos) {
    case 'VERB': {
      const ing = /ing$/.test(tok.lower);
      const nounish =
        (prev === 'DET' && s.lower(i - 1) !== 'those') ||
        prev === 'ADJ' ||
        s.lower(i - 1) === "'s" ||
        ((prev === 'NOUN' || prev === 'PROPN' || i === 0) && (next === 'VERB' || next === 'AUX' || (/s$/.test(tok.lower) && !/ss$/.test(tok.lower) && prev === 'NOUN'))) ||
        // "an office shooting;", "the police shooting of a teenager"
        (ing && has('n') && (prev === 'NOUN' || prev === 'PROPN') && next !== 'DET' && next !== 'PRON' && next !== 'NUM');
      if (nounish) return has('n') ? 'n' : undefined;
      if (has('v')) return 'v';
      // "talks/VERB": a plural noun the tagger read as a verb; "is missing/VERB", an adjective.
      return has('n') ? 'n' : has('a') ? 'a' : undefined;
    }
    case 'NOUN':
      if (has('n')) return 'n';
      if (has('v') && /ed$/.test(tok.lower)) return 'v';
      return undefined;
    case 'ADJ':
      if (has('a')) return 'a';
      if (has('v') && /(ed|en)$/.test(tok.lower)) return 'v';
      // "launched an offensive", not "an offensive effort"
      if (has('n') && next !== 'NOUN' && next !== 'PROPN' && next !== 'ADJ') return 'n';
      return undefined;
    case 'PROPN': {
      if (s.inEntity(tok.start) || (i > 0 && !s.isTitleCase() && !/^[:"“‘'—–-]$/.test(s.toks[i - 1]!.text))) return undefined;
      return has('n') ? 'n' : has('v') ? 'v' : undefined;
    }
    default:
      return undefined;
  }
}

function frameAt(s: Sentence, i: number): { roles: Roles; trig: Trigger } | undefined {
  const tok = s.toks[i]!;
  const all = TRIGGERS.get(tok.lower);
  if (!all) return undefined;
  // "President-elect", "assassination-style": parts of a compound word.
  if (s.text[tok.start - 1] === '-' || (s.text[tok.end] === '-' && /[a-z]/i.test(s.text[tok.end + 1] ?? ''))) return undefined;
  const reading = readingOf(s, i, all);
  const next = s.lower(i + 1);
  if (!reading || all.some((t) => BLOCKED_NEXT[t.lemma]?.has(next))) return undefined;
  // "Band - Aid", "Re - elect" as the corpora tokenize them.
  if (s.toks[i - 1]?.text === '-' && s.pos(i - 2) !== 'PUNCT') return undefined;
  // "a protest march": the head noun is the mention.
  if (reading === 'n' && s.pos(i + 1) === 'NOUN' && TRIGGERS.get(next)?.some((t) => t.pos === 'n' && all.some((a) => a.type === t.type))) return undefined;
  const list = all.filter((t) => t.pos === reading);
  for (const trig of list) {
    if (trig.particle && !hasParticle(s, i, trig.particle)) continue;
    const roles = rolesFor(s, i, trig);
    if (roles) {
      if (trig.particle) {
        const p = particleAt(s, i, trig.particle);
        if (p >= 0) (roles.consumed ??= []).push(p);
      }
      return { roles, trig };
    }
  }
  return undefined;
}

function particleAt(s: Sentence, i: number, particle: string): number {
  for (let j = i + 1; j <= Math.min(s.toks.length - 1, i + 3); j++) {
    if (s.lower(j) === particle) return j;
    if (s.pos(j) === 'VERB' || s.pos(j) === 'PUNCT') break;
  }
  return -1;
}
const hasParticle = (s: Sentence, i: number, p: string): boolean => particleAt(s, i, p) >= 0;

/** Verbs: where the subject, chain and object are. */
interface VerbParse {
  subject?: Np;
  passive: boolean;
  object?: Np;
  /** Index after the object (or after the verb and its particle). */
  after: number;
}

function parseVerb(s: Sentence, i: number): VerbParse {
  let floor = s.clauseStart(i);
  // Walk back over the verb chain: auxiliaries, adverbs, negation, "to", "threatened to".
  let j = i - 1;
  let passive = false;
  const form = s.lower(i);
  const participle = /(ed|en)$/.test(form) || PARTICIPLES.has(form);
  while (j >= 0) {
    const t = s.toks[j]!;
    if (BE.has(t.lower) && (t.pos === 'AUX' || t.pos === 'VERB')) {
      if (participle && j === i - 1 - countSkippable(s, j + 1, i)) passive = true;
      j--;
      continue;
    }
    if (t.pos === 'AUX' || t.pos === 'ADV' || t.pos === 'PART' || HAVE.has(t.lower) || MODAL_POSSIBLE.has(t.lower) || MODAL_FUTURE.has(t.lower) || HEDGES.has(t.lower)) {
      j--;
      continue;
    }
    // "vowed to capture", "plans to attack", "was set to"
    if ((t.pos === 'VERB' || t.pos === 'NOUN' || t.pos === 'ADJ') && s.lower(j + 1) === 'to' && j + 1 < i) {
      j--;
      continue;
    }
    break;
  }
  let subject: Np | undefined;
  // "the Front (FPC) were freed": over a parenthesis to the phrase it glosses.
  if (s.toks[j]?.text === ')') {
    let k = j;
    while (k > 0 && s.toks[k]!.text !== '(') k--;
    if (k > 0 && k > j - 8) {
      j = k - 1;
      floor = s.clauseStart(k);
    }
  }
  if (j >= 0) {
    const t = s.toks[j]!;
    if (RELATIVE.has(t.lower) && (t.pos === 'PRON' || t.pos === 'DET' || t.pos === 'SCONJ')) subject = s.npEndingAt(j - 1 - (s.lower(j - 1) === ',' ? 1 : 0));
    else if (t.text === ',' && /ing$/.test(form)) subject = mainSubject(s, j);
    else if (t.text === ',') subject = overApposition(s, j);
    else if (t.pos === 'CCONJ') subject = mainSubject(s, j);
    else subject = s.npEndingAt(j, Math.min(floor, j));
    if (!subject && s.isHeadable(j)) subject = s.npEndingAt(j);
    // "Workers on a general strike marched": the phrase before the preposition.
    for (let hops = 0; subject && hops < 2 && s.pos(subject.a - 1) === 'ADP' && /^(on|in|at|of|from|with|near|inside|outside|across|around|by)$/.test(s.lower(subject.a - 1)); hops++) {
      // "Hostages held by the group were freed": over a reduced relative clause.
      const participle = isParticiple(s, subject.a - 2) && s.isHeadable(subject.a - 3) ? 1 : 0;
      if (s.lower(subject.a - 1) === 'by' && !participle) break;
      const before = s.npEndingAt(subject.a - 2 - participle);
      if (!before || s.pos(before.head) === 'PRON') break;
      subject = before;
    }
    // "The government and the rebels signed"
    if (subject && s.lower(subject.a - 1) === 'and' && s.pos(subject.head) !== 'PRON') {
      const left = s.npEndingAt(subject.a - 2);
      if (left && s.pos(left.head) !== 'PRON') subject = { a: left.a, b: subject.b, head: subject.head };
    }
  }
  // The object: after particles and adverbs.
  let k = i + 1;
  while (k < s.toks.length && ((s.pos(k) === 'ADV' && !WH.has(s.lower(k))) || (s.pos(k) === 'ADP' && PARTICLES.has(s.lower(k)) && !s.isHeadable(k)) || s.pos(k) === 'PART')) {
    if (s.lower(k) === 'to' || s.lower(k) === 'in' || s.lower(k) === 'on') break;
    k++;
  }
  const object = passive ? undefined : s.npFrom(k);
  return { subject, passive, object, after: object ? object.b + 1 : k };
}

const REDUCED_PASSIVE = new Set<EventType>(['kill', 'injure', 'arrest', 'abduct', 'release']);
const PARTICIPLES = words(`taken fallen shot fought struck slain withdrawn given laid freed hurt quit overrun retaken fled held seen done made`);

/** A past participle ("held", "taken", "wounded"), as the tagger reads it. */
function isParticiple(s: Sentence, i: number): boolean {
  const l = s.lower(i);
  // The tagger reads some participles after a noun as nouns ("students abducted/NOUN by").
  return ((s.pos(i) === 'VERB' || s.pos(i) === 'ADJ') && (/(ed|en)$/.test(l) || PARTICIPLES.has(l))) || (s.pos(i) === 'NOUN' && /ed$/.test(l));
}

function countSkippable(s: Sentence, from: number, to: number): number {
  let n = 0;
  for (let k = from; k < to; k++) if (s.pos(k) === 'ADV' || s.pos(k) === 'PART' || HEDGES.has(s.lower(k))) n++;
  return n;
}

/** The subject of the sentence's main clause: the first noun phrase followed by a verb. */
function mainSubject(s: Sentence, before: number): Np | undefined {
  for (let i = 0; i < before; i++) {
    if (!s.isHeadable(i)) continue;
    const np = s.npFrom(i);
    if (!np) continue;
    // Skip a fronted phrase: "On Thursday,", "In Herat,".
    if (i > 0 && s.pos(i - 1) === 'ADP') {
      i = np.b;
      continue;
    }
    let k = np.b + 1;
    while (k < before && (s.pos(k) === 'ADV' || s.pos(k) === 'AUX' || s.pos(k) === 'PART')) k++;
    if (s.pos(k) === 'VERB' || s.pos(k) === 'AUX') return np;
    i = np.b;
  }
  return undefined;
}

/** "The Taliban, who had surrounded the city, captured it": the subject before an apposition or relative clause. */
function overApposition(s: Sentence, comma: number): Np | undefined {
  for (let k = comma - 1; k >= Math.max(0, comma - 14); k--) {
    if (s.toks[k]!.text !== ',') continue;
    const next = s.lower(k + 1);
    if (RELATIVE.has(next) || s.pos(k + 1) === 'DET' || s.pos(k + 1) === 'NUM' || s.pos(k + 1) === 'ADJ') return s.npEndingAt(k - 1);
    // "The provincial governor, Christian Mukalay, fled": the name in apposition is the subject's name.
    const name = s.entityFrom(k + 1);
    if (name && name.end === comma - 1 && name.type !== 'place') {
      const np = s.npEndingAt(k - 1);
      return { a: np?.a ?? k + 1, b: comma - 1, head: comma - 1 };
    }
    return undefined;
  }
  return undefined;
}

function verbRoles(s: Sentence, i: number, type: EventType): Roles {
  const v = parseVerb(s, i);
  if (v.passive) {
    const by = s.ppAfter(i, 'by', 6);
    return { type, target: v.subject, actor: by?.np };
  }
  return { type, actor: v.subject, target: v.object };
}

/** Nouns: "of" phrases (target, or actor for intransitive events), "by", possessives, a carrying verb. */
function nounRoles(s: Sentence, i: number, type: EventType, ofRole: 'target' | 'actor'): Roles {
  const roles: Roles = { type };
  const of = s.lower(i + 1) === 'of' ? s.npFrom(i + 2) : undefined;
  const by = s.ppAfter(i, 'by', 8);
  const on = s.ppAfter(i, new Set(['on', 'against', 'upon']), 3);
  const withPp = s.ppAfter(i, new Set(['with', 'between']), 3);
  if (of) roles[ofRole] = of;
  if (by && s.kind(by.np) !== 'number') roles.actor = by.np;
  if (on && !roles.target) roles.target = on.np;
  if (withPp && !roles.target && (type === 'negotiate' || type === 'agree' || type === 'ceasefire' || type === 'other')) roles.target = withPp.np;
  // Modifiers inside the noun's own phrase: "a Taliban attack", "the rebels' capture of".
  const own = s.npEndingAt(i);
  if (own && own.a < i) {
    for (let k = own.a; k < i; k++) {
      const t = s.toks[k]!;
      if (t.lower === "'s" || t.lower === '’s' || t.lower === "'") {
        const poss = s.npEndingAt(k - 1);
        if (poss) {
          if (roles[ofRole] && ofRole === 'target') roles.actor ??= poss;
          else roles[ofRole] ??= poss;
        }
        break;
      }
      if (t.pos === 'PROPN') {
        const np: Np = { a: k, b: k, head: k };
        let b = k;
        while (b + 1 < i && s.pos(b + 1) === 'PROPN') b++;
        np.b = b;
        np.head = b;
        const kind = s.kind(np);
        if (kind === 'place') roles.place ??= np;
        else roles.actor ??= np;
        k = b;
      }
    }
  }
  // A verb carrying the noun: "launched an attack", "signed a ceasefire", "held talks".
  const start = own ? own.a : i;
  roles.npStart = start;
  let k = start - 1;
  while (k >= 0 && (s.pos(k) === 'DET' || s.pos(k) === 'ADJ' || s.pos(k) === 'NUM' || s.pos(k) === 'ADV')) k--;
  // "carried out air strikes"
  if (k > 0 && PARTICLES.has(s.lower(k)) && s.pos(k - 1) === 'VERB') k--;
  if (k >= 0 && (s.pos(k) === 'VERB' || SUPPORT_VERBS.has(s.lower(k))) && (TRIGGERS.get(s.lower(k)) ?? []).every((t) => t.guard === 'hold')) {
    roles.support = k;
    // "the ministry confirmed the fall of X": who reports or judges an event did not carry it out.
    if ((!roles.actor || roles.actor === roles[ofRole]) && !COMMUNICATION_VERBS.has(s.lower(k))) {
      const v = parseVerb(s, k);
      const carrier = v.passive ? s.ppAfter(k, 'by', 8)?.np : v.subject;
      if (carrier && (ofRole === 'target' || !roles.actor)) roles.actor = carrier;
    }
  }
  return roles;
}

// ---------------------------------------------------------------------------
// Per-trigger rules

function rolesFor(s: Sentence, i: number, trig: Trigger): Roles | undefined {
  const code = trig.code;
  const with_ = (r: Roles | undefined): Roles | undefined => (r ? { ...r, code: r.code ?? code } : r);
  if (trig.guard && s.finance && FINANCE_SENSITIVE.has(trig.guard)) return undefined;
  if (trig.pos === 'n') return with_(nounFrame(s, i, trig));
  if (trig.pos === 'a') return with_(adjFrame(s, i, trig));
  return with_(verbFrame(s, i, trig));
}

function verbFrame(s: Sentence, i: number, trig: Trigger): Roles | undefined {
  const type = trig.type;
  const v = parseVerb(s, i);
  const by = v.passive ? s.ppAfter(i, 'by', 8)?.np : undefined;
  let base: Roles = v.passive ? { type, target: v.subject, actor: by } : { type, actor: v.subject, target: v.object };
  // "Ten people were killed and at least 50 injured", "two soldiers wounded": a participle without its auxiliary.
  if (!v.passive && !v.object && REDUCED_PASSIVE.has(type) && (/ed$/.test(s.lower(i)) || PARTICIPLES.has(s.lower(i))) && v.subject && s.pos(i - 1) !== 'AUX' && !HAVE.has(s.lower(i - 1))) {
    const kind = s.kind(v.subject);
    if (kind === 'person' || kind === 'number') base = { type, target: v.subject, actor: s.ppAfter(i, 'by', 6)?.np };
  }
  const lower = s.lower(i);
  // "Ferrer was not among those released", "X was among those killed": the subject is one of the targets.
  if (REDUCED_PASSIVE.has(type) && s.lower(i - 1) === 'those' && s.lower(i - 2) === 'among') {
    let k = i - 3;
    let negated = false;
    for (; k >= 0 && (QUOTE_MARK.test(s.toks[k]!.text) || NEGATION.has(s.lower(k)) || s.pos(k) === 'ADV'); k--) if (NEGATION.has(s.lower(k))) negated = true;
    if (!BE.has(s.lower(k))) return undefined;
    const one = s.npEndingAt(k - 1);
    if (!one || !/^(person|proper|org)$/.test(s.kind(one))) return undefined;
    return { type, target: one, members: [one], negated };
  }
  switch (trig.guard) {
    case 'hold':
      return holdFrame(s, i, v);
    case 'place-or-person': {
      if (s.finance) return undefined;
      // "captured on video", "caught on camera": recorded, not taken.
      const on = s.ppAfter(i, 'on', 3);
      if (on && RECORDING_MEDIA.has(s.lower(on.np.head))) return undefined;
      let target = base.target;
      // "seized control of the city"
      if (target && s.lower(target.head) === 'control') {
        const of = s.lower(target.b + 1) === 'of' ? s.npFrom(target.b + 2) : undefined;
        if (!of) return undefined;
        return { ...base, type: 'capture', target: of, code: '192' };
      }
      const kind = s.kind(target);
      if (kind === 'person') return { ...base, type: 'arrest', code: '173' };
      if (kind === 'place' || kind === 'proper' || (kind === 'org' && PLACE_NOUNS.has(s.lower(target!.head)))) return { ...base, type: 'capture' };
      if (kind === 'org' && v.passive === false && trig.lemma === 'capture') return { ...base, type: 'capture' };
      return undefined;
    }
    case 'fall':
      return fallFrame(s, i, v);
    case 'take':
      return takeFrame(s, i, v, base);
    case 'person': {
      if (trig.type === 'release' && v.passive) {
        const from = s.ppAfter(i, 'from', 3);
        if (from && RELEASE_FROM.has(s.lower(from.np.head))) return s.lower(from.np.head) === 'hospital' ? undefined : base;
      }
      // A name no entity mention types ("a new iPhone") is released, not freed.
      const kind = s.kind(base.target);
      if (kind === 'person' || (kind === 'proper' && trig.type !== 'release')) return base;
      return undefined;
    }
    case 'military': {
      if (s.finance) return undefined;
      if (v.object && !v.passive) {
        const h = s.lower(v.object.head);
        if (!MILITARY_NOUNS.has(h) && s.kind(v.object) !== 'person') return undefined;
        // "withdrew its troops from X": the troops' owner is the actor.
      }
      const from = s.ppAfter(i, 'from', v.object ? v.object.b - i + 3 : 4);
      if (from && (WITHDRAW_NOT.has(s.lower(from.np.head)) || s.kind(from.np) === 'number')) return undefined;
      return { ...base, target: undefined, place: from && s.kind(from.np) !== 'person' ? from.np : undefined };
    }
    case 'strike': {
      // Verb "strike": a weapon or an armed actor hitting a place.
      if (!base.actor || !WEAPONS.has(s.lower(base.actor.head))) return undefined;
      return { ...base, code: '195' };
    }
    case 'fire': {
      const next = s.lower(i + 1);
      if (trig.type === 'attack') {
        if (next === 'on' || next === 'at' || next === 'upon' || next === 'into' || (v.object && FIRED_OBJECTS.has(s.lower(v.object.head)))) {
          const on = s.ppAfter(i, new Set(['on', 'at', 'upon', 'into']), 6);
          return { ...base, target: on?.np ?? (v.object && FIRED_OBJECTS.has(s.lower(v.object.head)) ? undefined : base.target), code: '193' };
        }
        return undefined;
      }
      // dismiss: "was fired", "fired the coach"
      if (next === 'on' || next === 'at' || next === 'upon' || next === 'into' || next === 'off' || next === 'up') return undefined;
      if (v.object && FIRED_OBJECTS.has(s.lower(v.object.head))) return undefined;
      const kind = s.kind(base.target);
      if (kind === 'person' || kind === 'proper') return base;
      return undefined;
    }
    case 'shoot': {
      const next = s.lower(v.passive ? i + 1 : v.after);
      if (s.lower(i + 1) === 'dead' || next === 'dead' || (s.lower(i + 1) === 'and' && /^kill/.test(s.lower(i + 2)))) {
        const dead = s.lower(i + 1) === 'dead' ? i + 1 : v.after;
        return { ...base, type: 'kill', code: '180', consumed: s.lower(dead) === 'dead' ? [dead] : [] };
      }
      if (s.lower(i + 1) === 'down') return { ...base, code: '195', consumed: [i + 1] };
      if (s.finance) return undefined;
      const kind = s.kind(base.target);
      if (kind === 'person' || kind === 'proper' || s.lower(i + 1) === 'at') return { ...base, target: base.target ?? s.ppAfter(i, 'at', 4)?.np };
      return undefined;
    }
    case 'demonstrate': {
      const next = s.toks[i + 1];
      if (next && (next.pos === 'DET' || next.pos === 'NOUN' || next.pos === 'PROPN' || next.lower === 'that' || next.lower === 'how')) return undefined;
      const against = s.ppAfter(i, new Set(['against']), 3);
      return { ...base, target: against?.np };
    }
    case 'rally': {
      if (s.finance) return undefined;
      const pp = s.ppAfter(i, new Set(['against', 'outside', 'in', 'for']), 2);
      if (!pp && s.lower(i + 1) !== 'to') return undefined;
      return { ...base, target: s.ppAfter(i, 'against', 3)?.np };
    }
    case 'march': {
      if (s.toks[i]!.text !== lower) return undefined;
      if (base.actor && MILITARY_NOUNS.has(s.lower(base.actor.head))) return undefined;
      return { ...base, target: s.ppAfter(i, 'against', 4)?.np };
    }
    case 'coop': {
      if (!v.object || !COOP_NOUNS.has(s.lower(v.object.head))) return undefined;
      return { ...base, target: s.ppAfter(v.object.b, 'to', 4)?.np, code: /talks|negotiation|dialogue|mediation/.test(s.lower(v.object.head)) ? '036' : '030', consumed: [v.object.head] };
    }
    case 'agree': {
      const next = s.lower(i + 1);
      if (next === 'that' || next === 'with' || next === ',') return undefined;
      const pp = s.ppAfter(i, new Set(['to', 'on']), 3);
      const consumed = pp && AGREEMENT_NOUNS.has(s.lower(pp.np.head)) ? [pp.np.head] : v.object && AGREEMENT_NOUNS.has(s.lower(v.object.head)) ? [v.object.head] : [];
      // "agreed to withdraw": the agreement is a plan for the inner event, which has its own frame.
      if (next === 'to' && s.pos(i + 2) === 'VERB') return undefined;
      const withPp = s.ppAfter(i, 'with', 6);
      const truce = consumed.some((k) => TRUCE.test(s.lower(k)));
      return { ...base, target: withPp?.np, consumed, type: truce ? 'ceasefire' : 'agree', code: truce ? '0871' : '057' };
    }
    case 'sign': {
      if (!v.object) return undefined;
      let hit = -1;
      for (let k = v.object.a; k <= v.object.b; k++) if (AGREEMENT_NOUNS.has(s.lower(k))) hit = k;
      if (hit < 0) return undefined;
      const withPp = s.ppAfter(v.object.b, 'with', 4);
      const consumed: number[] = [];
      for (let k = v.object.a; k <= v.object.b; k++) if (TRIGGERS.has(s.lower(k))) consumed.push(k);
      const truce = consumed.some((k) => TRUCE.test(s.lower(k)));
      return { ...base, target: withPp?.np, code: truce ? '0871' : '057', type: truce ? 'ceasefire' : 'agree', consumed };
    }
    case 'grant': {
      if (!v.object) return undefined;
      const h = s.lower(v.object.head);
      const to = s.ppAfter(v.object.b, 'to', 3)?.np;
      const consumed = [v.object.head];
      if (h === 'amnesty' || h === 'pardon' || h === 'clemency' || h === 'amnesties' || h === 'pardons') return { type: 'amnesty', actor: base.actor, target: to, code: '080', consumed };
      if (h === 'asylum') return { type: 'aid', actor: base.actor, target: to, code: '075', consumed };
      if (h === 'aid' || h === 'assistance' || h === 'access') return { type: 'aid', actor: base.actor, target: to, code: h === 'access' ? '0863' : '070', consumed };
      return undefined;
    }
    case 'name': {
      // "was named (as) defence minister", "named X (as) coach", "named X to head"
      if (v.passive) {
        let k = i + 1;
        if (s.lower(k) === 'as') k++;
        const role = s.npFrom(k);
        if (role && ROLE_NOUNS.has(s.lower(role.head))) return base;
        if (s.lower(i + 1) === 'to' && s.pos(i + 2) === 'VERB') return base;
        return undefined;
      }
      if (!v.object || s.kind(v.object) === 'other' || s.lower(i + 1) === 'after') return undefined;
      let k = v.object.b + 1;
      if (s.lower(k) === ',') return undefined;
      if (s.lower(k) === 'as') k++;
      const role = s.npFrom(k);
      if ((role && ROLE_NOUNS.has(s.lower(role.head))) || (s.lower(k) === 'to' && s.pos(k + 1) === 'VERB') || ROLE_NOUNS.has(s.lower(v.object.head))) return base;
      return undefined;
    }
    case 'charge': {
      for (let k = i + 1; k <= Math.min(s.toks.length - 1, i + 5); k++) if (s.lower(k) === 'with') return base;
      return undefined;
    }
    case 'attack': {
      if (s.finance) return undefined;
      if (v.object && VERBAL_TARGETS.has(s.lower(v.object.head))) return undefined;
      if (isVerbalAttack(s, base.target)) return undefined;
      return base;
    }
    case 'fight': {
      if (s.finance || (s.lower(i - 2) === 'without' && s.lower(i - 1) === 'a')) return undefined;
      const obj = v.object ?? s.ppAfter(i, new Set(['against', 'for', 'over', 'with']), 3)?.np;
      if (obj && NOT_FIGHTS.has(s.lower(obj.head))) return undefined;
      const against = s.ppAfter(i, new Set(['against', 'with']), 3)?.np;
      return { ...base, target: base.target ?? against };
    }
    case 'surrender-give': {
      const next = s.lower(i + 1);
      if (/^(themselves|himself|herself|itself)$/.test(next) && s.lower(i + 2) === 'up') return { ...base, target: s.ppAfter(i + 2, 'to', 3)?.np };
      if (next === 'up') {
        const o = s.npFrom(i + 2);
        if (o && /^(arms|weapons|fight|struggle|resistance)$/.test(s.lower(o.head))) return { ...base, target: s.ppAfter(o.b, 'to', 3)?.np };
      }
      return undefined;
    }
    case 'lay-down': {
      const o = s.npFrom(i + 2);
      if (s.lower(i + 1) === 'down' && o && /^(arms|weapons)$/.test(s.lower(o.head))) return { ...base, target: undefined };
      return undefined;
    }
    case 'elect':
      if (s.lower(i + 1) === 'to' && s.pos(i + 2) === 'VERB') return undefined;
      return base;
    case 'finance':
      if (s.finance) return undefined;
      break;
  }
  switch (trig.type) {
    case 'kill':
    case 'injure':
      if (trig.lemma === 'die') return { ...base, target: base.actor, actor: undefined };
      return base;
    case 'bombing':
      // "a bomb exploded": the subject is the device, not an actor.
      return { ...base, actor: undefined, target: undefined };
    case 'flee':
    case 'withdraw': {
      const from = s.ppAfter(i, 'from', 5);
      if (trig.lemma === 'evacuate') return base;
      // "50,000 people have been displaced": those who fled.
      if (v.passive) return { ...base, actor: base.target, target: undefined, place: from?.np };
      return { ...base, target: undefined, place: from?.np };
    }
    case 'surrender': {
      const to = s.ppAfter(i, 'to', 5);
      return { ...base, target: to?.np ?? (v.passive ? base.target : undefined) };
    }
    case 'resign':
    case 'protest': {
      const against = s.ppAfter(i, new Set(['against', 'over']), 5);
      return { ...base, target: trig.type === 'protest' ? (against?.np ?? base.target) : undefined };
    }
    case 'negotiate': {
      const withPp = s.ppAfter(i, 'with', 6);
      return { ...base, target: withPp?.np ?? base.target };
    }
    default:
      return base;
  }
}

const QUOTE_MARK = /^["“”'‘’]$/;
const VERBAL_ATTACK_ADJ = words(`personal partisan political rhetorical verbal vicious scathing blistering racist sexist ad-hominem`);
const RECORDING_MEDIA = words(`video videos camera cameras film tape tapes footage cctv surveillance audio record`);

/**
 * "Trump attacked Democrats in a tweet": an attack on a person, a party or
 * a body, in a sentence with words of speech or media and none of violence,
 * is criticism. A person attacked with no such words ("a man attacked a
 * woman on the subway") stays an assault.
 */
function isVerbalAttack(s: Sentence, target: Np | undefined): boolean {
  if (!target) return false;
  const kind = s.kind(target);
  const pronoun = s.pos(target.head) === 'PRON';
  if (!pronoun && kind !== 'person' && kind !== 'org' && kind !== 'proper') return false;
  if (PLACE_NOUNS.has(s.lower(target.head))) return false;
  let speech = false;
  for (const t of s.toks) {
    if (VIOLENCE_WORDS.has(t.lower) || WEAPONS.has(t.lower)) return false;
    if (SPEECH_WORDS.has(t.lower)) speech = true;
  }
  return speech;
}
const NOT_HELD_NEXT = words(`up back on off out over down talks meeting meetings responsible accountable liable steady firm office power sway court elections election`);
const HELD_NEXT = words(`by in at hostage hostages captive captives incommunicado since without for prisoner prisoners`);
const HOSTAGE_WORDS = words(`hostage hostages captive captives captivity hands abductee abductees`);

/** People held: "are still being held", "hostages held by the group", "the rebels are holding four soldiers". */
function holdFrame(s: Sentence, i: number, v: VerbParse): Roles | undefined {
  if (s.finance || NOT_HELD_NEXT.has(s.lower(i + 1))) return undefined;
  const held = (np: Np | undefined): boolean =>
    !!np && (s.pos(np.head) === 'PRON' ? /^(him|her|them)$/.test(s.lower(np.head)) : s.kind(np) === 'person' || s.kind(np) === 'number');
  const typeOf = (target: Np | undefined, actor: Np | undefined): Roles['type'] =>
    [target, actor].some((np) => np && HOSTAGE_WORDS.has(s.lower(np.head))) || HOSTAGE_WORDS.has(s.lower(i + 1)) ? 'abduct' : 'arrest';
  if (v.passive) {
    if (!held(v.subject)) return undefined;
    const by = s.ppAfter(i, 'by', 6)?.np;
    return { type: typeOf(v.subject, by), target: v.subject, actor: by, state: true };
  }
  const prev = s.lower(i - 1);
  // "hostages held by the group", "the three soldiers still held": a reduced relative clause.
  if (s.lower(i) === 'held' && s.pos(i - 1) !== 'AUX' && !HAVE.has(prev) && !BE.has(prev) && (HELD_NEXT.has(s.lower(i + 1)) || /^(still|remain|remains|remained)$/.test(prev) || s.toks[i + 1]?.pos === 'PUNCT')) {
    let k = i - 1;
    while (k >= 0 && s.pos(k) === 'ADV') k--;
    if (/^(remain|remains|remained)$/.test(s.lower(k))) k--;
    const target = s.npEndingAt(k);
    if (!held(target)) return undefined;
    const by = s.ppAfter(i, 'by', 6)?.np;
    return { type: typeOf(target, by), target, actor: by, state: true };
  }
  // "they were holding the governor", "still holding four".
  if (!v.object || !held(v.object) || (s.lower(i) === 'held' && !/^(still|remain|remains|remained)$/.test(prev) && s.pos(i - 1) !== 'AUX')) return undefined;
  return { type: typeOf(v.object, v.subject), actor: v.subject, target: v.object, state: true };
}

/** What stands before "remain in captivity", "are still in custody": the people held ("an aid worker and three soldiers"). */
function heldBefore(s: Sentence, prep: number): Np | undefined {
  let k = prep - 1;
  while (k >= 0 && (s.pos(k) === 'ADV' || s.pos(k) === 'AUX' || BE.has(s.lower(k)) || /^(remain|remains|remained|still|now|being|kept|stay|stays|stayed)$/.test(s.lower(k)))) k--;
  const np = s.npEndingAt(k);
  if (!np || (s.kind(np) !== 'person' && s.kind(np) !== 'number')) return undefined;
  const left = s.lower(np.a - 1) === 'and' ? s.npEndingAt(np.a - 2) : undefined;
  return left && s.pos(left.head) !== 'PRON' ? { a: left.a, b: np.b, head: np.head } : np;
}

/** "Kabul fell to the Taliban", "fell into the hands of", "fell without a fight"; not "shares fell 5%". */
function fallFrame(s: Sentence, i: number, v: VerbParse): Roles | undefined {
  if (s.finance) return undefined;
  const next = s.lower(i + 1);
  if (/^(in|ill|asleep|silent|short|apart|off|behind|back|through|victim|prey|sharply|steeply|below|under|over|out|down|from|by)$/.test(next)) return undefined;
  const subject = v.subject;
  const kind = s.kind(subject);
  if (next === 'to') {
    const to = s.npFrom(i + 2);
    if (!to || s.kind(to) === 'number' || s.pos(to.head) === 'NUM') return undefined;
    if (kind === 'person' || kind === 'number') return undefined;
    return { type: 'capture', target: subject, actor: to, code: '192' };
  }
  if (next === 'into') {
    const hands = s.lower(i + 3) === 'hands' ? i + 3 : -1;
    if (hands > 0 && s.lower(hands + 1) === 'of') return { type: 'capture', target: subject, actor: s.npFrom(hands + 2), code: '192', consumed: [hands] };
    return undefined;
  }
  if (kind !== 'place' && kind !== 'proper') return undefined;
  // "fell without a fight", "fell on Sunday", "fell after a week of fighting", "has fallen."
  return { type: 'capture', target: subject, code: '192' };
}

function takeFrame(s: Sentence, i: number, v: VerbParse, base: Roles): Roles | undefined {
  const next = s.lower(i + 1);
  const next2 = s.lower(i + 2);
  if (next === 'part' || next === 'place') return undefined;
  // "took control of", "took full control of", "taken control"
  for (let k = i + 1; k <= Math.min(s.toks.length - 1, i + 4); k++) {
    if (s.lower(k) === 'control') {
      const of = s.lower(k + 1) === 'of' ? s.npFrom(k + 2) : undefined;
      return { type: 'capture', actor: base.actor, target: of, code: '192', consumed: [k] };
    }
    if (s.pos(k) !== 'DET' && s.pos(k) !== 'ADJ' && s.pos(k) !== 'ADV') break;
  }
  if (next === 'over') {
    const o = s.npFrom(i + 2);
    if (o && (s.kind(o) === 'other' || s.kind(o) === 'number') && !PLACE_NOUNS.has(s.lower(o.head))) return undefined;
    if (s.finance) return undefined;
    return { type: 'capture', actor: base.actor, target: o, code: '192', consumed: [i + 1] };
  }
  if (next === 'into' && next2 === 'custody') return { type: 'arrest', target: v.subject, actor: s.ppAfter(i + 2, 'by', 4)?.np, code: '173', consumed: [i + 2] };
  // "taken hostage", "took 30 people hostage"
  const hostageAt = (k: number): boolean => /^(hostage|hostages|captive|captives|prisoner|prisoners)$/.test(s.lower(k));
  if (v.passive && hostageAt(i + 1)) return { type: 'abduct', target: v.subject, actor: s.ppAfter(i + 1, 'by', 4)?.np, code: '181' };
  if (v.object && hostageAt(v.object.b + 1)) return { type: 'abduct', actor: base.actor, target: v.object, code: '181' };
  if (v.object && hostageAt(v.object.head) && s.lower(v.object.b + 1) !== 'to') return { type: 'abduct', actor: base.actor, target: v.object, code: '181' };
  if (s.finance) return undefined;
  // "took the town", "Kabul was taken": a place only.
  const target = base.target;
  const kind = s.kind(target);
  if (kind === 'place') return { ...base, type: 'capture', code: '192' };
  return undefined;
}

function nounFrame(s: Sentence, i: number, trig: Trigger): Roles | undefined {
  const type = trig.type;
  const intransitive = type === 'withdraw' || type === 'flee' || type === 'resign' || type === 'protest' || type === 'surrender' || type === 'negotiate';
  const r = nounRoles(s, i, type, intransitive ? 'actor' : 'target');
  const prev = s.lower(i - 1);
  const next = s.lower(i + 1);
  switch (trig.guard) {
    case 'place-or-person': {
      if (s.finance) return undefined;
      const kind = s.kind(r.target);
      if (kind === 'person') return { ...r, type: 'arrest', code: '173' };
      if (kind === 'place' || kind === 'proper') return { ...r, type: 'capture' };
      return undefined;
    }
    case 'fall': {
      if (s.finance || next !== 'of' || !r.target) return undefined;
      const kind = s.kind(r.target);
      if (kind !== 'place' && kind !== 'proper' && kind !== 'org') return undefined;
      const to = s.ppAfter(r.target.b, 'to', 3)?.np;
      return { ...r, type: 'capture', actor: to ?? (r.actor !== r.target ? r.actor : undefined), code: '192' };
    }
    case 'control':
      return controlFrame(s, i);
    case 'hands': {
      // "in the group's hands", "in their hands": the possessor holds.
      const owner = POSSESSIVE.has(prev) ? { a: i - 1, b: i - 1, head: i - 1 } : /^['’]s$|^'$/.test(prev) ? s.npEndingAt(i - 2) : undefined;
      if (owner) {
        if (s.lower(owner.a - 1) !== 'in') return undefined;
        const held = heldBefore(s, owner.a - 1);
        return held ? { type: 'abduct', actor: owner, target: held, state: true } : undefined;
      }
      if (!(prev === 'the' && /^(in|into)$/.test(s.lower(i - 2)) && next === 'of')) return undefined;
      const actor = s.npFrom(i + 2);
      // People in someone's hands are held, not a town taken.
      if (s.lower(i - 2) === 'in') {
        const held = heldBefore(s, i - 2);
        if (held) return { type: 'abduct', actor, target: held, state: true };
      }
      // "Herat is now in the hands of the Taliban": the subject before the verb.
      let k = i - 3;
      while (k >= 0 && (s.pos(k) === 'ADV' || s.pos(k) === 'AUX' || BE.has(s.lower(k)) || /^(remain|remains|remained|firmly|now|still|left)$/.test(s.lower(k)))) k--;
      if (/^(fell|fallen|falls|falling)$/.test(s.lower(k))) return undefined;
      const target = s.npEndingAt(k);
      if (!target || s.pos(target.head) === 'PRON') return undefined;
      return { type: 'capture', actor, target, code: '192' };
    }
    case 'strike': {
      if (AIR_STRIKE.has(prev) || prev === 'air-' || (s.pos(i - 1) === 'PROPN' && (next === 'on' || next === 'against'))) return { ...r, type: 'attack', code: AIR_STRIKE.has(prev) && !/military|retaliatory|pre-emptive|preemptive|surgical/.test(prev) ? '195' : '190' };
      if (next === 'on' || next === 'against') {
        if (s.finance) return undefined;
        return { ...r, type: 'attack', code: '190' };
      }
      if (LABOR_STRIKE.has(prev) || (prev === 'on' && /^(go|went|gone|going|goes|are|were|is|was|be|been|remain|remained)$/.test(s.lower(i - 2)))) {
        return { ...r, type: 'protest', code: prev === 'hunger' ? '142' : '143', actor: r.actor ?? (prev === 'on' ? parseVerb(s, i - 2).subject : undefined) };
      }
      return undefined;
    }
    case 'death':
      if (DEATH_NOT_NEXT.has(next) || prev === 'to') return undefined;
      return r;
    case 'release-noun': {
      if (s.finance) return undefined;
      if (PERSON_NOUNS.has(prev) || /^(prisoner|hostage|detainee)s?$/.test(prev)) return { ...r, target: s.npEndingAt(i - 1) };
      if (next === 'of' && r.target && (s.kind(r.target) === 'person')) return r;
      const from = s.ppAfter(i, 'from', 2);
      if (from && RELEASE_FROM.has(s.lower(from.np.head)) && s.lower(from.np.head) !== 'hospital') return r;
      return undefined;
    }
    case 'military': {
      if (s.finance) return undefined;
      const from = s.ppAfter(i, 'from', 6);
      if (from && WITHDRAW_NOT.has(s.lower(from.np.head))) return undefined;
      if (r.actor && next === 'of' && !MILITARY_NOUNS.has(s.lower(r.actor.head)) && s.kind(r.actor) !== 'person') return undefined;
      if (!from && !(r.actor && MILITARY_NOUNS.has(s.lower(r.actor.head))) && !MILITARY_NOUNS.has(prev) && !/^(troop|military|army|force|forces|us|u\.s\.|nato|soviet|russian|israeli|american|british|french)$/.test(prev)) return undefined;
      return { ...r, target: undefined, place: from?.np };
    }
    case 'demonstrate':
      if (next === 'of' || s.finance) return undefined;
      return r;
    case 'rally':
      if (s.finance || next === 'behind' || next === 'around') return undefined;
      return r;
    case 'march':
      if (s.toks[i]!.text !== s.lower(i)) return undefined;
      return r;
    case 'coop': {
      if (!(next === 'of' && r.target && COOP_NOUNS.has(s.lower(r.target.head)))) return undefined;
      return { ...r, code: '030', consumed: [r.target.head] };
    }
    case 'aid': {
      if (NOT_AID_NEXT.has(next) || s.toks[i]!.text === 'AID') return undefined;
      if (AID_ADJ.has(prev) || (r.support !== undefined && SUPPORT_VERBS.has(s.lower(r.support))) || (s.pos(i - 1) === 'PROPN' && prev !== 'the') || next === 'to' || next === 'for') {
        return { ...r, target: r.target ?? s.ppAfter(i, new Set(['to', 'for']), 3)?.np };
      }
      return undefined;
    }
    case 'amnesty':
      if (s.toks[i]!.text === 'Amnesty' && /^international$/.test(next)) return undefined;
      return r;
    case 'custody':
      if (prev === 'in') {
        const held = heldBefore(s, i - 1);
        return held ? { ...r, target: held, state: true } : { ...r, target: r.target ?? parseVerb(s, i - 1).subject };
      }
      if (prev === 'into' || prev === 'police') return { ...r, target: r.target ?? parseVerb(s, i - 1).subject };
      return undefined;
    case 'captivity': {
      if (prev !== 'in') return undefined;
      const held = heldBefore(s, i - 1);
      return held ? { type: 'abduct', target: held, state: true } : undefined;
    }
    case 'attack':
      if (/^(heart|panic|asthma|anxiety|verbal)$/.test(prev) || /^(ad|ads|dog|dogs|helicopter|helicopters|rifle|rifles|weapon|weapons|vector|surface|mode)$/.test(next) || s.finance) return undefined;
      if (r.target && VERBAL_TARGETS.has(s.lower(r.target.head))) return undefined;
      // "a partisan attack on the senator", "made another attack on X on Twitter"; plural "attacks on civilians" stay.
      if (VERBAL_ATTACK_ADJ.has(prev) || (s.lower(i) === 'attack' && isVerbalAttack(s, r.target))) return undefined;
      return r;
    case 'fight':
      if (NOT_BATTLES.has(prev) || (s.lower(i - 2) === 'without' && prev === 'a') || (next === 'to' && s.pos(i + 2) === 'VERB')) return undefined;
      if (r.target && NOT_FIGHTS.has(s.lower(r.target.head))) return undefined;
      {
        const against = s.ppAfter(i, new Set(['against', 'with', 'over', 'for']), 3)?.np;
        if (against && NOT_FIGHTS.has(s.lower(against.head))) return undefined;
      }
      return r;
    case 'talks':
      if (s.toks[i]!.pos !== 'NOUN' && !/^(peace|the|of|in|for|held|hold|holding|direct|indirect|new|fresh|further|more|ceasefire|formal|informal|bilateral|trilateral|high-level|crisis|preliminary|exploratory)$/.test(prev)) return undefined;
      return r;
    case 'finance':
      if (s.finance) return undefined;
      break;
  }
  switch (type) {
    case 'kill':
    case 'injure':
      // "the death of the activist" names the victim; "12 casualties" counts them.
      return r;
    case 'bombing':
      if (/^(population|data|price|cost|growth|sonic|solar|star)$/.test(prev)) return undefined;
      if (prev === 'aerial' || prev === 'carpet' || prev === 'air') return { ...r, type: 'attack', code: '195' };
      return r;
    default:
      return r;
  }
}

function controlFrame(s: Sentence, i: number): Roles | undefined {
  const next = s.lower(i + 1);
  const of = next === 'of' ? s.npFrom(i + 2) : undefined;
  // "under the control of X", "under Taliban control", "came under X control"
  let k = i - 1;
  const mods: number[] = [];
  while (k >= 0 && (s.pos(k) === 'DET' || s.pos(k) === 'ADJ' || s.pos(k) === 'PROPN' || s.lower(k) === "'s")) {
    if (s.pos(k) === 'PROPN') mods.unshift(k);
    k--;
  }
  const before = s.lower(k);
  if (before === 'under') {
    const actor = of ?? (mods.length ? { a: mods[0]!, b: mods[mods.length - 1]!, head: mods[mods.length - 1]! } : undefined);
    let j = k - 1;
    while (j >= 0 && (s.pos(j) === 'ADV' || s.pos(j) === 'AUX' || /^(came|come|comes|coming|fell|fallen|remain|remains|remained|brought|now|firmly|still|is|are|was|were|be|been|being)$/.test(s.lower(j)))) j--;
    const target = s.npEndingAt(j);
    if (!actor && !target) return undefined;
    if (s.finance) return undefined;
    return { type: 'capture', actor, target, code: '192' };
  }
  if (before === 'in' && of) {
    let j = k - 1;
    while (j >= 0 && (s.pos(j) === 'ADV' || s.pos(j) === 'AUX' || BE.has(s.lower(j)))) j--;
    return { type: 'capture', actor: s.npEndingAt(j), target: of, code: '192' };
  }
  // "gained/seized/wrested control of": the verb lends its subject.
  if (CONTROL_VERBS.has(before) && of) {
    const v = parseVerb(s, k);
    return { type: 'capture', actor: v.passive ? s.ppAfter(k, 'by', 8)?.np : v.subject, target: of, code: '192', consumed: [k], support: k };
  }
  return undefined;
}

const MISSING_VERBS = words(`remain remains remained still reported went gone go goes listed feared declared presumed officially`);

function adjFrame(s: Sentence, i: number, trig: Trigger): Roles | undefined {
  if (trig.guard === 'missing') {
    // "12 people are missing", "40 missing", "has been missing since Tuesday", "went missing"; not "missing persons", "missing the point".
    const next = s.toks[i + 1];
    if (s.finance || (next && /^(NOUN|PROPN|DET|PRON|NUM|ADJ)$/.test(next.pos)) || /^(out|from)$/.test(next?.lower ?? '')) return undefined;
    let k = i - 1;
    while (k >= 0 && (s.pos(k) === 'ADV' || s.pos(k) === 'AUX' || BE.has(s.lower(k)) || HAVE.has(s.lower(k)) || MISSING_VERBS.has(s.lower(k)))) k--;
    // "eight people who are missing"
    if (RELATIVE.has(s.lower(k)) && s.lower(k) !== 'whose') k--;
    const who = s.npEndingAt(k);
    if (!who || (s.kind(who) !== 'person' && s.kind(who) !== 'number')) return undefined;
    return { type: 'missing', target: who, state: true };
  }
  if (trig.guard !== 'dead') return undefined;
  const next = s.lower(i + 1);
  if (DEAD_NOT_NEXT.has(next) || s.toks[i]!.text !== 'dead' || s.finance) return undefined;
  // "12 dead", "12 people dead", "left 12 dead", "were found dead", "is dead"
  const before = s.npEndingAt(i - 1);
  if (before && (s.pos(before.head) === 'NUM' || PERSON_NOUNS.has(s.lower(before.head)) || s.kind(before) === 'person' || s.kind(before) === 'proper')) {
    const verb = s.lower(before.a - 1);
    const actor = DEAD_VERBS.has(verb) && /^(left|leaving|leaves|leave)$/.test(verb) ? parseVerb(s, before.a - 1).subject : undefined;
    return { type: 'kill', target: before, actor };
  }
  let k = i - 1;
  while (k >= 0 && s.pos(k) === 'ADV') k--;
  if (DEAD_VERBS.has(s.lower(k))) {
    const v = parseVerb(s, k);
    return { type: 'kill', target: v.subject };
  }
  return undefined;
}

// ---------------------------------------------------------------------------
// Modality, negation, hedging, attribution

interface Mood {
  modality: Modality;
  negated: boolean;
  hedged: boolean;
}

const RANK: Record<Modality, number> = { asserted: 0, possible: 1, planned: 2, attempted: 3, demanded: 4, refused: 5, threatened: 6, denied: 7 };
function stronger(a: Modality, b: Modality): Modality {
  return RANK[b] > RANK[a] ? b : a;
}

function mood(s: Sentence, first: number, roles: Roles, npStart: number): Mood {
  const m: Mood = { modality: roles.modality ?? 'asserted', negated: !!roles.negated, hedged: false };
  // The chain of words governing the trigger, walked back from it (or from
  // the verb carrying a noun trigger): auxiliaries, negation, adverbs,
  // "threatened to", "plans to", "called for".
  let j = roles.support !== undefined && roles.support < first ? roles.support : npStart;
  if (j !== first || roles.support !== undefined) {
    const carrier = s.lower(j);
    const effect = GOVERNORS.get(carrier);
    if (effect && j !== first) applyEffect(m, effect);
  }
  // A noun trigger coordinated with another: "agreed to a ceasefire and the release of 11 hostages".
  if (roles.support === undefined && s.pos(first) !== 'VERB') {
    for (let hops = 0; hops < 3 && /^(and|or|,)$/.test(s.lower(j - 1)); hops++) {
      const left = s.npEndingAt(j - 2);
      if (!left || s.pos(left.head) === 'PRON') break;
      j = left.a;
    }
  }
  if (s.lower(j - 1) === 'for' && FOR_GOVERNORS.has(s.lower(j - 2))) {
    m.modality = stronger(m.modality, 'demanded');
    j -= 2;
  }
  for (j = j - 1; j >= 0; j--) {
    const t = s.toks[j]!;
    const l = t.lower;
    if (NEGATION.has(l)) m.negated = true;
    else if (MODAL_POSSIBLE.has(l) && (t.pos === 'AUX' || t.pos === 'VERB')) m.modality = stronger(m.modality, 'possible');
    else if (MODAL_FUTURE.has(l) && (t.pos === 'AUX' || t.pos === 'VERB')) m.modality = stronger(m.modality, 'planned');
    else if (HEDGES.has(l)) m.hedged = true;
    else if (BE.has(l) || HAVE.has(l) || t.pos === 'AUX' || t.pos === 'ADV' || l === 'do' || l === 'did' || l === 'does') {
      // "is to withdraw", "are set to"
    } else if (l === 'to') {
      // "agreed on Monday to": over a short phrase of time or place between the verb and "to".
      let gi = j - 1;
      if (!GOVERNORS.has(s.lower(gi))) {
        const p = [j - 2, j - 3].find((k) => s.pos(k) === 'ADP' && GOVERNORS.has(s.lower(k - 1)));
        if (p !== undefined && [...Array(j - p - 1).keys()].every((d) => /^(PROPN|NOUN|DET|NUM)$/.test(s.pos(p + 1 + d)))) {
          gi = p - 1;
          j = p;
        }
      }
      const g = s.lower(gi);
      const effect = GOVERNORS.get(g);
      if (effect) applyEffect(m, effect);
      else if (/^(is|are|was|were)$/.test(g)) m.modality = stronger(m.modality, 'planned');
      else if (/^(likely|unlikely|expected|possible)$/.test(g)) m.modality = stronger(m.modality, 'possible');
      else if (/^(set|due|poised|ready|about|going)$/.test(g)) m.modality = stronger(m.modality, 'planned');
      else if (/^(said|believed|thought|reported|alleged|understood|claimed|rumoured|rumored|suspected|appeared|seemed)$/.test(g)) m.hedged = true;
      j--;
    } else break;
  }
  // A subject "no one", "nobody", "none of": nobody was killed.
  for (const np of [roles.target, roles.actor]) {
    if (!np || np.a > first) continue;
    const w = s.lower(np.a);
    if (w === 'no' || w === 'nobody' || w === 'none' || w === 'neither') m.negated = true;
  }
  // Modifiers of a noun trigger: "a possible attack", "no casualties", "the threat of an attack".
  for (let k = first - 1; k >= Math.max(0, first - 4); k--) {
    const l = s.lower(k);
    const adj = MODAL_ADJ[l];
    if (adj === 'hedged') m.hedged = true;
    else if (adj && (s.pos(k) === 'ADJ' || s.pos(k) === 'VERB')) m.modality = stronger(m.modality, adj);
    if (l === 'no' && s.pos(first) !== 'VERB') m.negated = true;
    if (l === 'of' || l === 'for') {
      const n = s.lower(k - 1);
      const effect = PLAN_NOUN_EFFECT[n];
      if (effect) m.modality = stronger(m.modality, effect);
      break;
    }
    if (s.pos(k) === 'VERB' || s.pos(k) === 'PUNCT' || s.pos(k) === 'ADP') break;
  }
  // A denial or a claim the trigger is reported under: "X denied that its forces shelled", "the Taliban claimed they had captured".
  for (let k = 0; k < first; k++) {
    const l = s.lower(k);
    if (s.pos(k) !== 'VERB' && s.pos(k) !== 'NOUN') continue;
    if (GOVERNORS.get(l) === 'denied') m.modality = stronger(m.modality, 'denied');
    const next = s.lower(k + 1);
    if (/^(claimed|claims|claim|claiming)$/.test(l) && s.pos(k) === 'VERB' && next !== 'responsibility' && next !== 'credit' && first - k > 2) m.hedged = true;
  }
  // "either fight or capitulate", "whether to attack or wait": one of alternatives, none of them a fact.
  const from = s.clauseStart(roles.support !== undefined && roles.support < first ? roles.support : first);
  for (let k = Math.max(0, from - 1); k < first; k++) {
    if (s.lower(k) === 'either' && s.pos(k + 1) !== 'NOUN' && !/^(side|way|case)$/.test(s.lower(k + 1))) m.modality = stronger(m.modality, 'possible');
  }
  if (s.lower(first - 1) === 'or' && /^(whether|either)$/.test(s.lower(from))) m.modality = stronger(m.modality, 'possible');
  // "rather than fighting them", "instead of surrendering": the road not taken.
  for (let k = first - 1; k >= Math.max(0, first - 3); k--) {
    if ((s.lower(k) === 'than' && s.lower(k - 1) === 'rather') || (s.lower(k) === 'of' && s.lower(k - 1) === 'instead')) m.negated = true;
    if (s.pos(k) !== 'ADV' && s.pos(k) !== 'ADP' && s.pos(k) !== 'DET' && s.pos(k) !== 'SCONJ' && s.lower(k) !== 'than') break;
  }
  // "150 dead people that would have died", "an attack that could come": a modal in the relative clause said of the event's phrase.
  if (s.pos(first) !== 'VERB') {
    let k = Math.max(first, roles.target && roles.target.b > first ? roles.target.b : first) + 1;
    while (k < s.toks.length && k <= first + 4 && /^(NOUN|PROPN|ADJ)$/.test(s.pos(k))) k++;
    if (RELATIVE.has(s.lower(k)) && MODAL_POSSIBLE.has(s.lower(k + 1))) m.modality = stronger(m.modality, 'possible');
  }
  // "if the rebels take the city", "unless talks resume"; a question.
  if (CONDITIONAL.has(s.lower(s.clauseStart(roles.support !== undefined && roles.support < first ? roles.support : first)))) m.modality = stronger(m.modality, 'possible');
  if (s.toks[s.toks.length - 1]?.text === '?') m.modality = stronger(m.modality, 'possible');
  if (m.modality === 'refused') m.negated = true;
  return m;
}

function applyEffect(m: Mood, e: GovernorEffect): void {
  if (e === 'failed') {
    m.negated = true;
    m.modality = stronger(m.modality, 'attempted');
  } else if (e === 'negated') m.negated = true;
  else if (e === 'hedged') m.hedged = true;
  else if (e !== 'asserted') m.modality = stronger(m.modality, e);
}

function attribution(c: Ctx, s: Sentence, first: number): EventSpan | undefined {
  const at = s.toks[first]!;
  for (const q of c.ctx.quotes ?? []) {
    const inside = (q.start <= at.start && at.end <= q.end) || (q.parts ?? []).some((p) => p.start <= at.start && at.end <= p.end);
    if (inside && q.speaker) {
      const sp = q.speaker.kind === 'pronoun' && q.speaker.resolved ? q.speaker.resolved : q.speaker;
      return { start: sp.start, end: sp.end, text: sp.text };
    }
  }
  // "according to X"
  for (let j = 0; j + 1 < s.toks.length; j++) {
    if (s.lower(j) === 'according' && s.lower(j + 1) === 'to') {
      const np = s.npFrom(j + 2);
      if (np) return s.span(np);
    }
  }
  // "X said (that) ... TRIGGER" and "... TRIGGER, X said."
  for (let j = 0; j < s.toks.length; j++) {
    const l = s.lower(j);
    if (!REPORT_VERBS.has(l) || s.pos(j) !== 'VERB' || l === 'according') continue;
    if (j < first) {
      const v = parseVerb(s, j);
      if (v.subject && v.subject.b < j) return s.span(v.subject);
    } else if (j > first && (s.lower(j - 1) === ',' || s.toks[j - 1]?.pos === 'PUNCT' || s.isHeadable(j - 1))) {
      const before = s.npEndingAt(j - 1);
      if (before && before.a > first && (s.lower(before.a - 1) === ',' || s.toks[before.a - 1]?.pos === 'PUNCT')) return s.span(before);
      const after = s.npFrom(j + 1);
      if (after && (s.lower(j - 1) === ',' || s.toks[j - 1]?.pos === 'PUNCT')) return s.span(after);
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------
// Assembly

function build(c: Ctx, s: Sentence, si: number, first: number, last: number, lemma: string, roles: Roles): EventMention {
  const t0 = s.toks[first]!;
  const t1 = s.toks[last]!;
  const trigger = { start: t0.start, end: t1.end, text: c.doc.text.slice(t0.start, t1.end) };
  const md = mood(s, first, roles, roles.npStart ?? first);
  const code = roles.code ?? CAMEO[roles.type];
  const ev: EventMention = {
    type: roles.type,
    lemma,
    trigger,
    negated: md.negated,
    hedged: md.hedged,
    modality: md.modality,
    sentence: si,
  };
  if (code) {
    ev.cameo = cameoRoot(code);
    ev.cameoCode = code;
  }
  const by = attribution(c, s, first);
  let actor = participant(c, s, trimNp(s, roles.actor));
  const target = participant(c, s, trimNp(s, roles.target));
  // "..., the ministry said", "according to X": the source of the report is not who acted.
  if (actor && by) {
    const span = s.span(actor)!;
    if (span.start < by.end && by.start < span.end) actor = undefined;
  }
  if (actor) {
    ev.actor = s.span(actor);
    const e = s.entityAt(actor);
    if (e) [ev.actorEntity, ev.actorName] = [e.key, e.name];
  }
  if (target) {
    ev.target = s.span(target);
    const e = s.entityAt(target);
    if (e) [ev.targetEntity, ev.targetName] = [e.key, e.name];
  }
  if (roles.state) ev.state = true;
  placeOf(s, ev, roles, target, first);
  siteOf(c, s, ev, last);
  const places = [...new Set(s.entities.filter((e) => e.type === 'place').map((e) => e.key))];
  if (places.length) ev.places = places;
  timeOf(c, s, ev);
  quantityOf(c, s, ev, actor, target);
  if (ev.quantity && COUNTED_TYPES.has(ev.type) && isCumulative(c, s, first)) ev.cumulative = true;
  const members = membersOf(s, roles, target, last);
  if (members.length) ev.members = members;
  if (by && !(by.start <= trigger.start && trigger.end <= by.end)) ev.attributedTo = by;
  return ev;
}

/** Named people the event is about beyond its target phrase's head: "X and Y", "including X", "among them X", "are still held: X and three soldiers". */
function membersOf(s: Sentence, roles: Roles, target: Np | undefined, last: number): EventSpan[] {
  const out: EventSpan[] = [];
  const add = (m: EntityMention): void => {
    if (m.type === 'person' && !out.some((o) => o.start === m.start)) out.push({ start: m.start, end: m.end, text: m.text });
  };
  const persons = (from: number, to: number): void => {
    for (const m of s.entities) if (m.start >= from && m.end <= to) add(m);
  };
  for (const np of roles.members ?? []) persons(s.toks[np.a]!.start, s.toks[np.b]!.end);
  if (target) persons(s.toks[target.a]!.start, s.toks[target.b]!.end);
  // A list the clause introduces after the trigger, up to the next verb.
  for (let k = last + 1; k < s.toks.length; k++) {
    const l = s.lower(k);
    if (s.pos(k) === 'VERB' && l !== 'including') break;
    const opens = l === 'including' || l === ':' || (l === 'among' && /^(them|those)$/.test(s.lower(k + 1)));
    if (!opens) continue;
    let end = k + 1;
    while (end < s.toks.length && s.pos(end) !== 'VERB' && !/^[;.!?]$/.test(s.toks[end]!.text)) end++;
    persons(s.toks[k]!.end, s.toks[end - 1]!.end);
    break;
  }
  return out;
}

/** "detained at his residence": a locative phrase after the trigger that names no place; the preposition of the place. */
function siteOf(c: Ctx, s: Sentence, ev: EventMention, last: number): void {
  if (ev.place) {
    const k = s.toks.findIndex((t) => t.start === ev.place!.start);
    if (k > 0 && s.pos(k - 1) === 'ADP') ev.placePrep = s.lower(k - 1);
  }
  for (let k = last + 1; k < Math.min(s.toks.length, last + 8); k++) {
    if (s.pos(k) === 'VERB' || /^[,;:.]$/.test(s.toks[k]!.text)) return;
    if (!/^(at|in|inside|outside|near)$/.test(s.lower(k))) continue;
    const np = s.npFrom(k + 1);
    if (!np || s.entityAt(np) || TIME_WORDS.has(s.lower(np.head))) return;
    const span = s.span(np)!;
    if ((c.ctx.times ?? []).some((t) => t.start < span.end && span.start < t.end)) return;
    if (ev.place && span.start < ev.place.end && ev.place.start < span.end) return;
    ev.site = span;
    return;
  }
}

/** Words after "since" that start the period a running total covers: "since the fighting began", "since the war". */
const PERIOD_STARTS = words(`
  war conflict start beginning outbreak crisis campaign uprising then floods flooding flood storm storms rains quake
  earthquake eruption epidemic monsoon season
`);
/** Markers of a running total: "so far", "to date", "in total", "a total of", "this year", "over the past three days". */
const TOTAL_RE = /\b(so far|to date|in total|in all|a total of|overall|cumulative|this (year|month)|(over|in|during) the (past|last) (\w+ )?(days|weeks|months|years|day|week|month|year))\b/i;

/** Whether a count is a running total, not one incident's: "at least 41 civilians have been killed since fighting began", "three days of fighting that have left 26 dead". */
function isCumulative(c: Ctx, s: Sentence, first: number): boolean {
  const from = s.toks[0]!.start;
  const at = s.toks[first]!;
  const total = TOTAL_RE.exec(c.doc.text.slice(from, s.toks[s.toks.length - 1]!.end));
  if (total) {
    // Said of this count: near the trigger, in its clause.
    const start = from + total.index;
    if (start > at.end ? start - at.end < 60 && !otherClauseBetween(s, at.end, start) : at.start - start < 80) return true;
  }
  for (let k = 0; k < s.toks.length; k++) {
    if (s.lower(k) === 'since') {
      for (let j = k + 1; j <= Math.min(s.toks.length - 1, k + 10) && s.pos(j) !== 'PUNCT'; j++) {
        const l = s.lower(j);
        if (PERIOD_STARTS.has(l) || TRIGGERS.get(l)?.some((t) => t.pos === 'n')) return true;
        if ((c.ctx.times ?? []).some((t) => t.start === s.toks[j]!.start)) return true;
      }
    }
  }
  // "after three days of fighting", "in two weeks of clashes"
  for (const q of c.ctx.quantities ?? []) {
    if (q.kind !== 'duration' || q.start < from || q.end > s.toks[s.toks.length - 1]!.end) continue;
    const k = s.toks.findIndex((t) => t.start >= q.end);
    if (k > 0 && k < first && s.lower(k) === 'of' && (TRIGGERS.get(s.lower(k + 1))?.some((t) => t.pos === 'n') || PERIOD_STARTS.has(s.lower(k + 1)))) return true;
  }
  return false;
}

const MONTHS = words(`january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec`);
const PERIOD_NOUNS = words(`
  year years month months week weeks day days hour hours minute minutes decade decades century centuries weekend
  weekends time times period season seasons era
`);
const UNRESOLVED = words(`it its they them their theirs he him his she her hers we us our i me my you your one ones this that these those`);

/**
 * A phrase that can act or be acted on, or nothing: not a pronoun no entity
 * resolves ("them", "it"), not a time ("late Tuesday", "October", "the past
 * two decades"), not a measure ("a 1-mile radius", "$100,000").
 */
function participant(c: Ctx, s: Sentence, np: Np | undefined): Np | undefined {
  if (!np) return undefined;
  const head = s.toks[np.head]!;
  const covered = (x: { start: number; end: number }): boolean => x.start < head.end && head.start < x.end;
  if (s.entities.some(covered)) return np;
  const l = head.lower;
  if (UNRESOLVED.has(l) || (head.pos === 'PRON' && !/^(who|whom)$/.test(l))) return undefined;
  if (TIME_WORDS.has(l) || MONTHS.has(l) || PERIOD_NOUNS.has(l) || /^(1[89]|20)\d\ds?$/.test(l)) return undefined;
  if ((c.ctx.times ?? []).some(covered)) return undefined;
  if (/^[$€£]?\d[\d.,]*-[a-z]+$/.test(l) || (c.ctx.quantities ?? []).some((q) => /^(money|percent|measure|duration)$/.test(q.kind) && covered(q))) return undefined;
  if (/^[$€£%]$/.test(head.text)) return undefined;
  return np;
}

/** A noun phrase without a leading clause word or trailing punctuation. */
function trimNp(s: Sentence, np: Np | undefined): Np | undefined {
  if (!np) return undefined;
  let { a, b } = np;
  while (a < b && (s.pos(a) === 'ADP' || s.pos(a) === 'CCONJ' || s.pos(a) === 'PUNCT') && !(s.lower(a) === 'at' && /^(least|most)$/.test(s.lower(a + 1)))) a++;
  while (b > a && (s.pos(b) === 'PUNCT' || s.pos(b) === 'ADP')) b--;
  return { a, b, head: Math.min(Math.max(np.head, a), b) };
}

function placeOf(s: Sentence, ev: EventMention, roles: Roles, target: Np | undefined, first: number): void {
  const fill = (np: Np): void => {
    ev.place = s.span(np);
    const e = s.entityAt(np);
    if (e && e.type === 'place') {
      ev.placeEntity = e.key;
      ev.placeName = e.name;
    } else if (e) {
      ev.placeName = e.name;
    } else if (/\p{Lu}/u.test(ev.place!.text)) ev.placeName = ev.place!.text.replace(/^(the|a|an)\s+/i, '');
  };
  if (roles.place && s.kind(roles.place) !== 'person') return fill(trimNp(s, roles.place)!);
  const taken = ev.type === 'capture' && target && (s.kind(target) === 'place' || s.kind(target) === 'proper') ? target : undefined;
  if (taken) {
    // "the city of Herat": the name, not the noun.
    const e = s.entityAt(taken);
    if (e && e.type === 'place') {
      ev.place = { start: e.start, end: e.end, text: e.text };
      ev.placeEntity = e.key;
      ev.placeName = e.name;
      return;
    }
    if (hasProper(s, taken)) return fill(taken);
  }
  // A locative phrase naming a place, after the trigger first, then before it.
  const candidates: { np: Np; d: number }[] = [];
  for (let j = 0; j < s.toks.length; j++) {
    if (!LOCATIVE.has(s.lower(j)) || s.pos(j) !== 'ADP') continue;
    const np = s.npFrom(j + 1);
    if (!np) continue;
    const kind = s.kind(np);
    const e = s.entityAt(np);
    if (kind === 'place' && (e?.type === 'place' || s.pos(np.head) === 'PROPN' || hasProper(s, np))) candidates.push({ np, d: j > first ? j - first : (first - j) * 1.5 });
    else if (kind === 'proper' && !s.entities.length && s.lower(j) !== 'on') candidates.push({ np, d: j > first ? j - first : (first - j) * 1.5 });
  }
  candidates.sort((x, y) => x.d - y.d);
  if (candidates.length) return fill(candidates[0]!.np);
  // The one place the sentence names, when it is no participant: neither
  // this event's actor nor the agent of a verb whose object the event's
  // relative clause describes ("The U.S. backs the rebels in a war that has
  // killed 400,000" did not happen in the U.S.).
  const places = s.entities.filter(
    (e) => e.type === 'place' && !(ev.actor && e.start >= ev.actor.start && e.end <= ev.actor.end) && !(isAgent(s, e) && relativeBetween(s, e.end, first)),
  );
  if (places.length === 1) {
    const e = places[0]!;
    ev.place = { start: e.start, end: e.end, text: e.text };
    ev.placeEntity = e.key;
    ev.placeName = e.name;
  } else if (taken) fill(taken);
}

/**
 * A name acting as the subject of a verb ("Russia has sent", "the U.S.
 * backs"), unless the verb is one whose subject is where things happen
 * ("Herat has seen three bombings") or a report's source ("Syria said 40
 * were killed": most often of its own ground).
 */
function isAgent(s: Sentence, e: { end: number }): boolean {
  let k = s.toks.findIndex((t) => t.start >= e.end);
  if (k < 0 || (s.pos(k) !== 'AUX' && s.pos(k) !== 'VERB')) return false;
  while (k < s.toks.length - 1 && s.pos(k) === 'AUX' && (s.pos(k + 1) === 'AUX' || s.pos(k + 1) === 'VERB' || s.pos(k + 1) === 'PART' || s.pos(k + 1) === 'ADV')) k++;
  return !SCENE_VERBS.test(s.lower(k));
}

/** A relative pronoun between the character offset `from` and token `to`. */
function relativeBetween(s: Sentence, from: number, to: number): boolean {
  for (let k = 0; k < to; k++) if (s.toks[k]!.start >= from && (s.lower(k) === 'that' || s.lower(k) === 'which') && s.pos(k) !== 'DET') return true;
  return false;
}

/** Verbs whose subject is a scene or a source, not an agent. */
const SCENE_VERBS = /^(see|sees|saw|seen|seeing|witness|experienc|suffer|host|record|remain|is$|was$|has$|had$|sa(y|ys|id)$|report|announc|claim|confirm|state)/;

function hasProper(s: Sentence, np: Np): boolean {
  for (let k = np.a; k <= np.b; k++) if (s.pos(k) === 'PROPN') return true;
  return false;
}

function timeOf(c: Ctx, s: Sentence, ev: EventMention): void {
  const from = s.toks[0]?.start ?? 0;
  const to = s.toks[s.toks.length - 1]?.end ?? 0;
  let best: TimeMention | undefined;
  let bestD = Infinity;
  for (const t of c.ctx.times ?? []) {
    if (t.start < from || t.end > to) continue;
    if ((t.type !== 'DATE' && t.type !== 'TIME') || !/^\d/.test(t.value)) continue;
    if (t.start >= ev.trigger.end && otherClauseBetween(s, ev.trigger.end, t.start)) continue;
    // "since Sunday" starts a period; the event is not on that day.
    if (/\bsince\b[^,;.]*$/i.test(c.doc.text.slice(Math.max(from, t.start - 60), t.start))) continue;
    const d = t.start >= ev.trigger.end ? t.start - ev.trigger.end : (ev.trigger.start - t.end) * 1.5;
    if (d < bestD) {
      bestD = d;
      best = t;
    }
  }
  if (best) {
    ev.time = { start: best.start, end: best.end, text: best.text };
    ev.timeValue = best.value;
    ev.timePrecision = best.precision;
  }
}

function hasConjunctOutside(s: Sentence, np: Np, q: { start: number; end: number }): boolean {
  for (let k = np.a; k <= np.b; k++) if ((s.lower(k) === 'and' || s.lower(k) === 'or') && (s.toks[k]!.start < q.start || s.toks[k]!.start >= q.end)) return true;
  return false;
}

/**
 * Whether a verb of another clause stands between the trigger and a later
 * time: "released under the ceasefire agreed on Monday" dates the
 * agreement, not the release. Verbs coordinated with the trigger ("killed
 * 12 and wounded 30 on Tuesday") share its time.
 */
function otherClauseBetween(s: Sentence, from: number, to: number): boolean {
  for (let k = 0; k < s.toks.length; k++) {
    const t = s.toks[k]!;
    if (t.start < from) continue;
    if (t.end > to) break;
    if (t.pos === 'VERB' && !/^(and|or|,)$/.test(s.lower(k - 1))) return true;
  }
  return false;
}

const COUNTED_TYPES = new Set<EventType>(['kill', 'injure', 'arrest', 'release', 'abduct', 'flee', 'protest', 'surrender', 'capture', 'missing']);

function quantityOf(c: Ctx, s: Sentence, ev: EventMention, actor: Np | undefined, target: Np | undefined): void {
  if (!COUNTED_TYPES.has(ev.type)) return;
  // Who is counted: victims and detainees are targets; those who flee or protest are actors.
  // Those evacuated are the object ("evacuated 4,000 residents") or the passive subject.
  const np =
    ev.lemma === 'evacuate' ? (target ?? actor) : ev.type === 'flee' || ev.type === 'protest' || ev.type === 'surrender' ? (actor ?? target) : (target ?? (ev.type === 'kill' || ev.type === 'injure' ? undefined : actor));
  const r = np ? s.span(np) : undefined;
  const qs = c.ctx.quantities;
  if (qs) {
    const inside = r ? qs.find((q) => q.kind === 'count' && q.start < r.end && q.end > r.start) : undefined;
    // "a Spanish aid worker and three soldiers": the count is of one part only.
    if (inside && np && hasConjunctOutside(s, np, inside)) return;
    if (inside) {
      ev.quantity = { start: inside.start, end: inside.end, text: inside.text };
      // "one of seven hostages released": the participle is said of all seven.
      const reduced = np && inside.total !== undefined && s.toks[np.b + 1]?.start === ev.trigger.start && isParticiple(s, np.b + 1);
      ev.quantityValue = reduced ? inside.total : inside.value;
      if (!reduced && inside.high !== undefined) ev.quantityHigh = inside.high;
      if (inside.counts) ev.counted = inside.counts;
      return;
    }
    if (ev.type === 'capture') return;
    // "killing at least 12": a count right after a trigger with no target phrase.
    const after = qs.find((q) => q.kind === 'count' && q.start >= ev.trigger.end && q.start - ev.trigger.end <= 16);
    if (after && !r) {
      ev.quantity = { start: after.start, end: after.end, text: after.text };
      ev.quantityValue = after.value;
      if (after.high !== undefined) ev.quantityHigh = after.high;
      if (after.counts) ev.counted = after.counts;
    }
    return;
  }
  if (!np) return;
  for (let k = np.a; k <= np.b; k++) {
    if (s.pos(k) !== 'NUM') continue;
    const value = Number(s.toks[k]!.text.replace(/,/g, ''));
    if (!Number.isFinite(value)) continue;
    ev.quantity = { start: s.toks[k]!.start, end: s.toks[k]!.end, text: s.toks[k]!.text };
    ev.quantityValue = value;
    return;
  }
}
