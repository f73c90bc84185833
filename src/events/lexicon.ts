// Event types, their CAMEO codes, and the trigger words that evoke them.
//
// CAMEO (Conflict and Mediation Event Observations, Schrodt 2012) codes
// interactions between actors; each type carries the root (two digits) and
// the nearest specific code:
//
//   type        root  code  CAMEO label
//   capture      19   192   Occupy territory
//   attack       19   190   Use conventional military force (195 aerial
//                            weapons for air strikes, 194 artillery for
//                            shelling, 193 small arms for clashes and
//                            shootings, 191 blockade for sieges)
//   bombing      18   183   Conduct suicide, car, or other non-military bombing
//   kill         18   180   Use unconventional violence (186 assassinate,
//                            202 mass killings for massacres); reports of
//                            deaths ("12 dead", "died") are kill events too
//   injure       18   182   Physically assault
//   abduct       18   181   Abduct, hijack, or take hostage (and the state
//                            that follows: "still held", "in captivity")
//   arrest       17   173   Arrest, detain, or charge with legal action
//   release      08   0841  Return, release person(s)
//   surrender    08   0874  Retreat or surrender militarily
//   withdraw     08   0874  Retreat or surrender militarily
//   ceasefire    08   0871  Declare truce, ceasefire
//   amnesty      08   080   Yield (CAMEO has no amnesty leaf)
//   resign       08   0831  Accede to demands for change in leadership
//   flee         20   201   Engage in mass expulsion: an approximation, as
//                            CAMEO codes the expeller, not the displaced
//   protest      14   141   Demonstrate or rally (143 strike or boycott,
//                            145 riot)
//   negotiate    04   046   Engage in negotiation
//   offer        03   036   Express intent to meet or negotiate (030 for
//                            other offers)
//   agree        05   057   Sign formal agreement
//   aid          07   070   Provide aid (075 grant asylum)
//   missing           -    People unaccounted for: a state CAMEO does not
//                            code ("12 missing", "has been missing since")
//   appoint, dismiss, elect: no CAMEO code (domestic leadership changes are
//                            not coded); `cameo` is absent.
//
// Triggers are lemmas with a part of speech; every inflected form is listed
// (regular forms are generated, irregular ones written out), so a sentence
// is matched by a map lookup per word and only sentences holding a trigger
// form are parsed. A trigger may carry a guard (see extract.ts) for senses
// outside conflict and politics ("shares fell", "Apple released an iPhone",
// "a general strike").
import { dict } from '../util/dict.js';

export type EventType =
  | 'capture'
  | 'attack'
  | 'bombing'
  | 'kill'
  | 'injure'
  | 'abduct'
  | 'arrest'
  | 'release'
  | 'surrender'
  | 'withdraw'
  | 'ceasefire'
  | 'amnesty'
  | 'resign'
  | 'flee'
  | 'protest'
  | 'negotiate'
  | 'offer'
  | 'agree'
  | 'aid'
  | 'appoint'
  | 'dismiss'
  | 'elect'
  /** People missing: a state ("12 people are missing", "the mayor has been missing since Tuesday"). */
  | 'missing'
  /** A trigger outside the lexicon (gold mentions given to `eventAt`). */
  | 'other';

/** CAMEO root and default code of each type (none for leadership changes). */
export const CAMEO: Record<EventType, string | undefined> = {
  capture: '192',
  attack: '190',
  bombing: '183',
  kill: '180',
  injure: '182',
  abduct: '181',
  arrest: '173',
  release: '0841',
  surrender: '0874',
  withdraw: '0874',
  ceasefire: '0871',
  amnesty: '080',
  resign: '0831',
  flee: '201',
  protest: '141',
  negotiate: '046',
  offer: '036',
  agree: '057',
  aid: '070',
  appoint: undefined,
  dismiss: undefined,
  elect: undefined,
  missing: undefined,
  other: undefined,
};

export const cameoRoot = (code: string | undefined): string | undefined => code?.slice(0, 2);

/** A condition on the context a trigger must meet to evoke its type (implemented in extract.ts). */
export type Guard =
  | 'place-or-person' // capture/seize: a place taken (capture), a person taken (arrest)
  | 'fall' // "Kabul fell to the Taliban", not "shares fell 5%"
  | 'take' // "took control of", "took over", "took the town", "taken hostage", "taken into custody"
  | 'control' // "took control of", "under the control of", "in control of"
  | 'hands' // "in the hands of"
  | 'person' // the target must be a person or group: "released 20 prisoners", "hurt"
  | 'military' // withdraw/pull out: troops, or no object
  | 'strike' // air strike (attack) or general strike (protest)
  | 'fire' // opened fire / fired on (attack); was fired as coach (dismiss)
  | 'shoot' // shot dead (kill); shot (attack)
  | 'dead' // "12 dead", "left dead", "found dead"; not "dead end"
  | 'demonstrate' // against/for, or intransitive; not "demonstrated the phone"
  | 'rally' // not in a financial sentence
  | 'march' // lowercase verb or noun
  | 'coop' // offer/propose: talks, ceasefire, aid...
  | 'agree' // agreed to/on; not "agreed that/with"
  | 'sign' // signed an agreement
  | 'aid' // humanitarian aid, sent aid
  | 'grant' // granted amnesty/asylum/aid/pardon
  | 'amnesty' // not Amnesty International
  | 'name' // was named minister, named X as
  | 'charge' // charged with
  | 'custody' // into custody, in custody
  | 'release-noun' // the release of the hostages
  | 'attack' // not attacking a plan or critics
  | 'fight' // not fighting cancer or charges
  | 'surrender-give' // gave themselves up, gave up their weapons
  | 'lay-down' // laid down their arms
  | 'talks' // peace talks, held talks (a noun)
  | 'elect' // not "elected to" (chose to)
  | 'missing' // "are missing", "went missing", "40 missing"; not "missing out", "the missing piece"
  | 'death' // not death penalty/sentence/row
  | 'hold' // people held: "are still being held", "hostages held by the group", "holding four soldiers"; not "held talks"
  | 'captivity' // "remain in captivity"
  | 'finance'; // any sense, except in a financial sentence

/** Guards that read a financial sentence ("shares fell", "took control of the company") as out of scope. */
export const FINANCE_SENSITIVE = new Set<Guard>(['place-or-person', 'fall', 'take', 'control', 'military', 'rally', 'attack', 'fight', 'release-noun', 'strike', 'shoot', 'death', 'dead', 'demonstrate', 'finance']);

export type TriggerPos = 'v' | 'n' | 'a';

export interface Trigger {
  lemma: string;
  type: EventType;
  pos: TriggerPos;
  /** CAMEO code when it differs from the type's. */
  code?: string;
  guard?: Guard;
  /** Words that must follow (phrasal verbs: "step down", "pull out"). */
  particle?: string;
}

// lemma[/code][!guard][+particle], one per line group, by type and part of speech.
const TABLE: Record<Exclude<EventType, 'other'>, { v?: string; n?: string; a?: string }> = {
  capture: {
    v: 'capture!place-or-person seize!place-or-person overrun occupy!finance recapture retake liberate take!take fall!fall overwhelm!finance',
    n: 'capture!place-or-person seizure!place-or-person takeover!finance occupation!finance recapture fall!fall control!control hands!hands',
  },
  attack: {
    v: 'attack!attack bomb/195 shell/194 strike!strike raid ambush invade storm!finance besiege/191 fire!fire shoot!shoot fight/193!fight clash/193 bombard/194 target!finance',
    n: 'attack!attack airstrike/195 air-strike/195 strike!strike raid ambush invasion offensive!finance assault!attack shelling/194 bombardment/194 fighting/193!fight fight/193!fight clash/193 siege/191 shooting/193 gunfire/193 firefight/193 battle/193!fight skirmish/193 incursion',
  },
  bombing: {
    v: 'explode detonate',
    n: 'bombing explosion blast',
  },
  kill: {
    v: 'kill!finance gun+down murder slay massacre/202 assassinate/186 execute!person behead die!finance',
    n: 'killing murder massacre/202 assassination/186 execution!person beheading death!death casualty fatality bloodshed slaying homicide',
    a: 'dead!dead',
  },
  injure: {
    v: 'injure wound!person hurt!person maim',
    n: 'injury!person wounding',
  },
  abduct: {
    v: 'abduct kidnap hijack hold!hold',
    n: 'abduction kidnapping hijacking hijack hostage-taking captivity!captivity',
  },
  arrest: {
    v: 'arrest detain apprehend jail imprison charge!charge indict',
    n: 'arrest detention imprisonment custody!custody indictment',
  },
  release: {
    v: 'release!person free!person',
    n: 'release!release-noun',
  },
  surrender: {
    v: 'surrender capitulate give!surrender-give+up lay!lay-down+down',
    n: 'surrender capitulation',
  },
  withdraw: {
    v: 'withdraw!military retreat!finance pull!military+out pull!military+back',
    n: 'withdrawal!military retreat!finance pullout pullback',
  },
  ceasefire: {
    n: 'ceasefire cease-fire truce armistice',
  },
  amnesty: {
    v: 'pardon!person',
    n: 'amnesty!amnesty pardon',
  },
  resign: {
    v: 'resign step+down quit!finance',
    n: 'resignation',
  },
  flee: {
    v: 'flee displace evacuate',
    n: 'displacement evacuation exodus',
  },
  protest: {
    v: 'protest demonstrate!demonstrate rally!rally march!march riot boycott/143',
    n: 'protest demonstration!demonstrate rally!rally march!march riot/145 rioting/145 unrest/145 strike/143!strike sit-in walkout/143 boycott/143',
  },
  negotiate: {
    v: 'negotiate mediate/045',
    n: 'negotiation talks!talks mediation/045 summit/040',
  },
  offer: {
    v: 'offer!coop propose!coop',
    n: 'offer!coop proposal!coop',
  },
  agree: {
    v: 'agree!agree sign!sign',
    n: 'agreement!finance deal!finance accord treaty pact',
  },
  aid: {
    v: 'grant!grant',
    n: 'aid!aid assistance!aid asylum/075',
  },
  appoint: {
    v: 'appoint name!name nominate',
    n: 'appointment nomination',
  },
  dismiss: {
    v: 'dismiss!person sack!person oust fire!fire depose',
    n: 'dismissal ouster',
  },
  missing: {
    a: 'missing!missing',
  },
  elect: {
    v: 'elect!elect re-elect',
    n: 'election re-election',
  },
};

const IRREGULAR: Record<string, string[]> = dict({
  take: ['took', 'taken', 'takes', 'taking'],
  fall: ['fell', 'fallen', 'falls', 'falling'],
  overrun: ['overran', 'overruns', 'overrunning'],
  retake: ['retook', 'retaken', 'retakes', 'retaking'],
  shoot: ['shot', 'shoots', 'shooting'],
  fight: ['fought', 'fights', 'fighting'],
  strike: ['struck', 'strikes', 'striking'],
  slay: ['slew', 'slain', 'slays', 'slaying'],
  flee: ['fled', 'flees', 'fleeing'],
  withdraw: ['withdrew', 'withdrawn', 'withdraws', 'withdrawing'],
  give: ['gave', 'given', 'gives', 'giving'],
  lay: ['laid', 'lays', 'laying'],
  hurt: ['hurts', 'hurting'],
  quit: ['quits', 'quitting'],
  bomb: ['bombed', 'bombs', 'bombing'],
  die: ['died', 'dies', 'dying'],
  free: ['freed', 'frees', 'freeing'],
  step: ['stepped', 'steps', 'stepping'],
  storm: ['stormed', 'storms', 'storming'],
  kidnap: ['kidnapped', 'kidnaped', 'kidnaps', 'kidnapping'],
  ambush: ['ambushed', 'ambushes', 'ambushing'],
  rally: ['rallied', 'rallies', 'rallying'],
  riot: ['rioted', 'riots', 'rioting'],
  sign: ['signed', 'signs', 'signing'],
  occupy: ['occupied', 'occupies', 'occupying'],
  target: ['targeted', 'targets', 'targeting', 'targetted', 'targetting'],
  pull: ['pulled', 'pulls', 'pulling'],
  hold: ['held', 'holds', 'holding'],
});

const NOUN_PLURALS: Record<string, string> = dict({
  casualty: 'casualties',
  fatality: 'fatalities',
  injury: 'injuries',
  talks: 'talks',
  'sit-in': 'sit-ins',
  'hostage-taking': 'hostage-takings',
  bloodshed: 'bloodshed',
  custody: 'custody',
  gunfire: 'gunfire',
  fighting: 'fighting',
  shelling: 'shelling',
  aid: 'aid',
  assistance: 'assistance',
  asylum: 'asylum',
  amnesty: 'amnesties',
  hands: 'hands',
  captivity: 'captivity',
  control: 'control',
  exodus: 'exodus',
  displacement: 'displacement',
  detention: 'detentions',
  imprisonment: 'imprisonment',
  march: 'marches',
  crash: 'crashes',
  ambush: 'ambushes',
  clash: 'clashes',
  skirmish: 'skirmishes',
  blast: 'blasts',
  siege: 'sieges',
  seizure: 'seizures',
});

/** A verb's forms: the lemma, -s, past and -ing (irregular ones from the table above). */
export function verbForms(lemma: string): string[] {
  const irregular = IRREGULAR[lemma];
  if (irregular) return [lemma, ...irregular];
  const out = [lemma];
  if (/(s|sh|ch|x|z)$/.test(lemma)) out.push(lemma + 'es');
  else if (/[^aeiou]y$/.test(lemma)) out.push(lemma.slice(0, -1) + 'ies');
  else out.push(lemma + 's');
  let stem = lemma;
  if (lemma.endsWith('e')) stem = lemma.slice(0, -1);
  else if (/[^aeiou]y$/.test(lemma)) stem = lemma.slice(0, -1) + 'i';
  // Doubled final consonant after one short vowel in a stressed last syllable: "ship" -> "shipped".
  const doubled = /^(?:[^aeiou]*[aeiou][bdgmnprt])$/.test(lemma) && !/(?:en|er|on|it)$/.test(lemma) ? lemma + lemma.slice(-1) : undefined;
  out.push((doubled ?? stem) + 'ed');
  out.push((doubled ?? (lemma.endsWith('e') && !lemma.endsWith('ee') ? stem : lemma)) + 'ing');
  if (doubled) out.push(lemma + 'ed', lemma + 'ing');
  return out;
}

function nounForms(lemma: string): string[] {
  const plural = NOUN_PLURALS[lemma];
  if (plural !== undefined) return plural === lemma ? [lemma] : [lemma, plural];
  if (/(s|sh|ch|x|z)$/.test(lemma)) return [lemma, lemma + 'es'];
  if (/[^aeiou]y$/.test(lemma)) return [lemma, lemma.slice(0, -1) + 'ies'];
  return [lemma, lemma + 's'];
}

/** Triggers by lower-case word form. */
export const TRIGGERS = new Map<string, Trigger[]>();

function add(form: string, t: Trigger): void {
  const list = TRIGGERS.get(form);
  if (!list) TRIGGERS.set(form, [t]);
  else if (!list.some((x) => x.lemma === t.lemma && x.type === t.type && x.pos === t.pos && x.particle === t.particle)) list.push(t);
}

for (const [type, byPos] of Object.entries(TABLE) as [EventType, Record<string, string>][]) {
  for (const [pos, spec] of Object.entries(byPos) as [TriggerPos, string][]) {
    for (const item of spec.split(/\s+/)) {
      const m = /^([a-z-]+)(?:\/(\d+))?(?:!([a-z-]+))?(?:\+([a-z]+))?$/.exec(item);
      if (!m) throw new Error(`bad trigger spec: ${item}`);
      const [, lemma, code, guard, particle] = m;
      const t: Trigger = { lemma: lemma!, type, pos };
      if (code) t.code = code;
      if (guard) t.guard = guard as Guard;
      if (particle) t.particle = particle;
      const forms = pos === 'v' ? verbForms(lemma!) : pos === 'n' ? nounForms(lemma!) : [lemma!];
      for (const f of forms) add(f, t);
    }
  }
}

/** Forms all of whose triggers are finance-sensitive: a financial sentence holding only these is not parsed. */
export const FINANCE_ONLY = new Set<string>();
for (const [form, list] of TRIGGERS) if (list.every((t) => t.guard && FINANCE_SENSITIVE.has(t.guard))) FINANCE_ONLY.add(form);

/** The lemma of a trigger word form, for reporting ("fled" -> "flee"). */
export function triggerLemma(form: string): string | undefined {
  return TRIGGERS.get(form.toLowerCase())?.[0]?.lemma;
}

/** Whether a word form evokes an event type without any condition on its context: the "in scope" vocabulary of the evaluation. */
export function unconditionalForm(form: string): boolean {
  return TRIGGERS.get(form.toLowerCase())?.some((t) => !t.guard && !t.particle) ?? false;
}

// ---------------------------------------------------------------------------
// Word classes the argument rules and guards read.

const words = (s: string): Set<string> => new Set(s.trim().split(/\s+/));

/** Heads of noun phrases that name people or armed groups. */
export const PERSON_NOUNS = words(`
  people person persons civilian civilians soldier soldiers troop troops fighter fighters militant militants
  rebel rebels insurgent insurgents police policeman policemen officer officers journalist journalists reporter
  reporters protester protesters protestor protestors demonstrator demonstrators student students child children
  kid kids woman women man men boy boys girl girls worker workers prisoner prisoners hostage hostages detainee
  detainees captive captives suspect suspects member members leader leaders commander commanders official officials
  minister ministers activist activists refugee refugees migrant migrants resident residents villager villagers
  passenger passengers crew sailor sailors pilot pilots guard guards teenager teenagers victim victims family
  families wife husband son daughter mother father doctor doctors nurse nurses staff employee employees gunman
  gunmen attacker attackers bomber bombers pirate pirates coach player players manager president governor mayor
  chief spokesman spokeswoman general colonel major captain lieutenant sergeant opponent opponents critic critics
  dissident dissidents blogger bloggers lawyer lawyers judge judges worshipper worshippers pilgrim pilgrims
  militiaman militiamen militia militias army forces force government regime marines marine commandos guerrilla
  guerrillas jihadist jihadists extremist extremists terrorist terrorists separatist separatists loyalist loyalists
  he she they him her them i we us you someone anyone nobody everyone who individual individuals actor actress
  singer star teen youth youths inmate inmates convict convicts fugitive fugitives citizen citizens national
  nationals foreigner foreigners tourist tourists aid-worker ceo director chairman premier envoy ambassador diplomat
  others another first second third dozens hundreds thousands scores many several co-workers coworkers colleague colleagues
  neighbor neighbors neighbour neighbours friend friends girlfriend boyfriend deputy deputies trooper troopers cop cops
  diplomats senator senators lawmaker lawmakers mp mps candidate candidates engineer engineers teacher teachers
  farmer farmers fisherman fishermen miner miners driver drivers trader traders priest priests nun nuns volunteer
  volunteers contractor contractors technician technicians missionary missionaries seafarer seafarers herder herders
  labourer labourers laborer laborers medic medics paramedic paramedics rescuer rescuers survivor survivors
`);

/** Heads of noun phrases that name places (a capture's target). */
export const PLACE_NOUNS = words(`
  city cities town towns village villages capital capitals province provinces district districts region regions
  area areas territory territories base bases airport airports airfield airbase border crossing port ports hill
  hills bridge bridges road roads highway checkpoint checkpoints outpost outposts post posts position positions
  stronghold strongholds neighbourhood neighbourhoods neighborhood neighborhoods suburb suburbs compound compounds
  headquarters building buildings palace camp camps valley oilfield oilfields field fields mine mines dam station
  square street streets market mosque church school hospital embassy parliament ministry prison jail country island
  islands coast refinery plant facility garrison fort fortress center centre downtown county state municipality
  settlement settlements enclave corridor pass crossings seat centre-town
`);

/** Heads that make "withdraw"/"pull out" military. */
export const MILITARY_NOUNS = words(`
  troops troop forces force soldiers army armies fighters units unit brigade brigades battalion battalions
  militants rebels marines personnel contingent peacekeepers tanks
`);

/** Objects that make "offer"/"propose" a cooperation offer. */
export const COOP_NOUNS = words(`
  talks ceasefire cease-fire truce amnesty aid negotiations negotiation dialogue deal peace asylum surrender
  resignation assistance help support mediation concessions concession pardon exchange swap
`);

/** Nouns an agreement is signed as. */
export const AGREEMENT_NOUNS = words(`
  agreement agreements deal deals accord accords treaty treaties pact pacts ceasefire cease-fire truce armistice
  memorandum protocol declaration contract contracts
`);

/** Words that put a sentence in finance, where "fell", "rallied" and "captured" are about prices and markets. */
export const FINANCE_WORDS = words(`
  % percent per cent shares share stock stocks index indices indexes prices price dollar dollars euro euros yen pound
  points point market markets dow nasdaq s&p ftse nikkei dax revenue revenues profit profits earnings sales quarter
  investors trading traded bonds yields yield futures crude barrel currency inflation gdp
`);

/** Verbs that carry a noun trigger as their object ("launched an attack", "signed a ceasefire"). */
export const SUPPORT_VERBS = words(`
  launch launched launches launching carry carried carries carrying conduct conducted conducts conducting stage
  staged stages staging hold held holds holding sign signed signs signing reach reached reaches reaching declare
  declared declares declaring grant granted grants granting make made makes making mount mounted mounts mounting
  order ordered orders ordering begin began begun begins beginning start started starts starting resume resumed
  resumes resuming open opened opens opening announce announced announces announcing seal sealed seals sealing
  broker brokered brokers brokering strike struck strikes striking accept accepted accepts accepting agree agreed
  agrees agreeing impose imposed imposes imposing deliver delivered delivers delivering send sent sends sending
  provide provided provides providing give gave given gives giving claim claimed claims claiming
  organise organised organize organized organises organizes call called calls calling lead led leads leading
  tender tendered tenders submit submitted submits announce
`);

/**
 * Things made, published or held in mind, never people or places: "the
 * release of the report" publishes it and frees nobody, "captured the
 * imagination" takes no town, even when a name modifies the head ("the
 * Mueller report").
 */
export const INANIMATE_OBJECTS = words(`
  report reports document documents statement statements data video videos footage figures figure album albums film
  films movie movies product products transcript transcripts memo memos letter letters record records email emails
  files file findings details results information photo photos photograph photographs image images tape tapes
  recording recordings list version update updates song songs book books text summary audio minutes evidence
  budget numbers statistics poll polls study studies analysis documentary trailer single game games app software
  imagination attention hearts heart mood spirit essence headlines moment momentum votes vote seat seats title titles
  trophy championship market share
`);

/** Verbs of saying and judging: their subject reports or judges an event, it does not carry it out ("confirmed the fall of X"). */
export const COMMUNICATION_VERBS = words(`
  said say says saying told tell tells reported report reports reporting
  confirmed confirm confirms confirming denied deny denies denying condemned condemn condemns condemning welcomed
  welcome welcomes welcoming praised praise praises hailed hail hails criticized criticised criticize criticise
  blamed blame blames described describe describes decried decry mourned mourn recalled recall mentioned cited
  noted note notes predicted predict predicts feared fear fears warned warn warns urged urge urges demanded demand
  demands questioned question investigated investigate investigates documented document
  acknowledged acknowledge acknowledges celebrated celebrate watched watch watches witnessed discussed discuss
  protested protest protests opposed oppose opposes supported support supports backed back backs
`);

/** Words of speech and media: with no word of violence, "attacked X" is criticism. */
export const SPEECH_WORDS = words(`
  tweet tweets tweeted twitter speech speeches interview interviews remarks statement op-ed column editorial debate
  debates podcast rally saying calling called accusing accused criticizing criticising criticized criticised blasted
  mocked slammed insulted rhetoric verbally verbal publicly letter press conference campaign ad ads show television
  tv radio broadcast posted facebook wrote writing words comments commented hearing
`);

/** Words of physical violence: "attacked" among them is an assault. */
export const VIOLENCE_WORDS = words(`
  killed killing kill wounded wounding injured injuring injuries dead death deaths stabbed stabbing shot shooting
  gun guns gunman gunmen gunfire knife knives machete armed weapon weapons bomb bombs bombing explosive explosives
  troops soldiers militants fighters forces police hospital beaten beating punched assaulted rifle rifles missile
  missiles rocket rockets drone drones airstrike airstrikes military army insurgents rebels blast explosion
  casualties victims civilians hostages shelling artillery deadly torched burned stones strikes strike clashes violent
  violence raid raids ambush ambushed hackers cyber cyberattack
`);
