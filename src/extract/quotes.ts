// Quotations and attributions in one document: direct quotes ("…", “…”,
// British ‘…’, multi-paragraph quotes that reopen at each paragraph) and
// reported speech ("X said the city had fallen", "according to X, …"), each
// with the cue that attributes it and the speaker: a name, an anonymous
// description ("a senior security source in Herat") or a pronoun resolved to
// the latest earlier speaker it can stand for.
//
// Rule-based over a light word tokenizer of our own, in one pass plus local
// look-arounds: attribution in news follows a handful of fixed shapes
// (`“…,” X said`, `said X`, `X said: “…”`, `X said (that) …`, `…, X said`,
// `according to X`), and the shapes need word classes more than a full
// parse. Cost: about 0.25 ms per 5 KB article (.tmp bench on AllSides).
import type { Range } from '../model/document.js';
import { splitParagraphs } from '../text/sentences.js';

export interface TextSpan {
  start: number;
  end: number;
  text: string;
}

export interface QuoteSpeaker extends TextSpan {
  /**
   * `named`: the span is a proper name (person or organisation); `anonymous`:
   * the span is the describing noun phrase ("a senior security source in
   * Herat", "officials"); `pronoun`: he/she/they/it/we/I, see `resolved`.
   */
  kind: 'named' | 'anonymous' | 'pronoun';
  /**
   * For pronouns: the latest earlier speaker that fits (a single person for
   * he/she, even an unnamed one, a group for they, an organisation for it),
   * else for he/she the nearest full name in the three sentences before. For
   * definite descriptions ("the spokesman"): the named speaker so described.
   */
  resolved?: TextSpan;
  /** Title, apposition or relative clause describing the speaker ("a Taliban spokesman"). */
  description?: string;
}

export interface QuoteMention extends TextSpan {
  /**
   * The quoted or reported content. `text === doc.text.slice(start, end)`:
   * for a direct quote the words inside the marks; a quote reopened over
   * several paragraphs has its pieces (without marks) in `parts`.
   */
  kind: 'direct' | 'indirect';
  parts?: TextSpan[];
  cue?: TextSpan & { lemma: string };
  speaker?: QuoteSpeaker;
  /**
   * The quote has no attribution of its own: speaker and cue are those of the
   * attribution just before it (news style continues a speaker's quotes in
   * the following sentences and paragraphs).
   */
  carried?: boolean;
}

export interface QuoteInput {
  text: string;
  sentences: Range[];
  paragraphs?: Range[];
}

/** Normalised quote text: equal for copies that differ in case, punctuation, quote marks, brackets or spacing. */
export function quoteKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/[^\p{L}\p{N}' ]+/gu, ' ')
    .replace(/(^|\s)'|'(?=\s|$)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

// ---------------------------------------------------------------------------
// Lexicons

/** Cue verbs: every inflected form to its lemma. */
const CUE_FORMS = new Map<string, string>();
const REGULAR_CUES = [
  'add', 'warn', 'claim', 'insist', 'tweet', 'state', 'announce', 'explain', 'note', 'argue', 'declare',
  'confirm', 'acknowledge', 'assert', 'allege', 'urge', 'ask', 'respond', 'recall', 'stress', 'emphasize',
  'emphasise', 'suggest', 'contend', 'remark', 'comment', 'concede', 'complain', 'vow', 'pledge', 'promise',
  'threaten', 'caution', 'predict', 'report', 'reveal', 'observe', 'repeat', 'reiterate', 'boast', 'joke',
  'shout', 'post', 'estimate', 'believe', 'fear', 'suspect', 'conclude', 'continue', 'maintain', 'counter',
  'inform', 'assure', 'remind', 'disclose', 'charge', 'mention', 'demand', 'recount',
];
for (const l of REGULAR_CUES) {
  const stem = l.endsWith('e') ? l.slice(0, -1) : l;
  for (const f of [l, l.endsWith('s') ? l + 'es' : l + 's', stem + 'ed', stem + 'ing']) CUE_FORMS.set(f, l);
}
for (const [l, forms] of [
  ['say', 'say says said saying'],
  ['tell', 'tell tells told telling'],
  ['write', 'write writes wrote written writing'],
  ['deny', 'deny denies denied denying'],
  ['reply', 'reply replies replied replying'],
  ['testify', 'testify testifies testified testifying'],
  ['admit', 'admit admits admitted admitting'],
  ['think', 'think thinks thought thinking'],
  ['quip', 'quip quips quipped quipping'],
] as const) {
  for (const f of forms.split(' ')) CUE_FORMS.set(f, l);
}
/** Forms that are also common nouns: a cue only where the context says verb. */
const AMBIGUOUS = new Set(
  'posts post reports report notes note states state comments comment claims claim promises promise charges charge demands demand posting writing thinking continuing stressing'.split(' '),
);

/** Cues that take a direct quote but never introduce reported content of their own. */
const QUOTE_ONLY = new Set(['continue', 'ask', 'shout', 'joke', 'quip', 'reply', 'respond', 'counter', 'post', 'tweet', 'repeat', 'boast', 'recount']);
/** Cues that report content without "that" only in speech and writing; the others need "that" (`maintained that`, not `maintained support`). */
const BARE_CONTENT = new Set(['say', 'tell', 'add', 'warn', 'insist', 'argue', 'assert', 'contend', 'concede', 'think', 'believe', 'according to']);
/** After a comma inside reported content, words that start the reporter's own addition: `…, but`, `…, while`, `…, compared with`. */
const CUT_AFTER = new Set(['but', 'while', 'whereas', 'although', 'though', 'however', 'compared', 'according', 'even', 'despite', 'unlike', 'yet', 'meanwhile']);
/** After "that", words showing it is the subject of the content (`said that is a distortion`), not the complementiser. */
const THAT_SUBJECT = new Set(['is', 'was', 'has', 'had', 'would', 'will', 'could', 'can', 'may', 'might', 'should', 'must', "isn't", "wasn't", "won't", "wouldn't", "doesn't", "didn't", 'does', 'did', 'seems', 'means', 'remains', 'makes']);
/** Cues whose object before the content is the addressee: "told AFP (that) …". */
const ADDRESSEE = new Set(['tell', 'inform', 'assure', 'remind', 'warn', 'promise', 'urge', 'ask']);
/** Of those, the ones that always take the addressee ("warned the city would fall" has none). */
const ADDRESSEE_ALWAYS = new Set(['tell', 'inform', 'assure', 'remind']);

/** Words opening a sentence before its subject: a coordinator (skipped), or an adjunct or subordinate clause (skipped to its comma). */
const COORDINATORS = new Set(['but', 'and', 'so', 'yet', 'or', 'now', 'then', 'still', 'also', 'thus']);
const LEADERS = new Set([
  'after', 'before', 'when', 'while', 'as', 'since', 'although', 'though', 'if', 'because', 'once', 'until', 'during',
  'despite', 'amid', 'following', 'meanwhile', 'however', 'still', 'yet', 'instead', 'earlier', 'later', 'last',
  'asked', 'speaking', 'but', 'and', 'so', 'now', 'then', 'also', 'separately', 'elsewhere', 'unlike', 'like',
  'under', 'over', 'without', 'by', 'through', 'throughout', 'according', 'of', 'in', 'on', 'at', 'for', 'to',
  'with', 'from', 'this', 'that', 'yesterday', 'today', 'here', 'there', 'where', 'what', 'why', 'how',
]);
const PRONOUN_HAS = new Set(["he's", "she's", "it's", "that's", "who's", "there's"]);
const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i']);
const OBJECT_PRONOUNS = new Set(['him', 'her', 'them', 'us', 'me', 'you', 'it']);
const DETS = new Set([
  'the', 'a', 'an', 'this', 'these', 'those', 'another', 'some', 'any', 'each', 'every', 'no', 'many', 'several',
  'most', 'few', 'all', 'both', 'other', 'his', 'her', 'their', 'its', 'our', 'my', 'your', 'one', 'two', 'three',
  'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'dozens', 'hundreds', 'thousands', 'such',
]);
/** Prepositions that may sit inside a speaker's noun phrase ("a spokesman for the ministry in Kabul"). */
const NP_PREPS = new Set(['of', 'in', 'for', 'from', 'at', 'with', 'near', 'inside', 'within', 'close', 'to', 'on']);
/** Words that end a noun phrase walk: clause links, negation, auxiliaries. */
const STOPS = new Set([
  'that', 'and', 'but', 'or', 'nor', 'as', 'when', 'while', 'because', 'after', 'before', 'since', 'if', 'though',
  'although', 'where', 'which', 'who', 'whom', 'whose', 'so', 'then', 'than', 'until', 'unless', 'whether', 'not',
  "n't", 'is', 'are', 'was', 'were', 'be', 'been', 'being', 'has', 'have', 'had', 'will', 'would', 'could', 'can',
  'may', 'might', 'shall', 'should', 'must', 'do', 'does', 'did', 'also', 'yet', 'however', 'meanwhile', 'by',
  'said', 'says', 'told', 'what', 'how', 'why', 'there', 'here', 'about', 'into', 'over', 'against', 'during',
  'without', 'under', 'between', 'through', 'per', 'via', 'like', 'just', 'only', 'even', 'still', 'instead',
]);
/** Auxiliaries and adverbs between a subject and its cue ("has repeatedly said"). */
const AUX_ADV = new Set([
  'has', 'have', 'had', 'will', 'would', 'could', 'can', 'may', 'might', 'shall', 'should', 'must', 'also', 'later',
  'earlier', 'previously', 'repeatedly', 'recently', 'then', 'again', 'separately', 'further', 'publicly',
  'privately', 'reportedly', 'now', 'already', 'often', 'once', 'initially', 'first', 'subsequently', 'long',
  'since', 'last', 'week', 'month', 'year', 'night', 'yesterday', 'today', 'tonight', 'on', 'told', 'did',
  'does', 'do', 'just', 'still', 'always', 'never', 'even', 'quickly', 'immediately', 'too', 'all',
]);
const NOT_ADVERBS = new Set(['family', 'ally', 'rally', 'assembly', 'supply', 'reply', 'anomaly', 'monopoly', 'bully', 'italy', 'daily', 'weekly', 'monthly', 'lily', 'emily', 'sally', 'kelly', 'molly', 'holly', 'polly', 'billy', 'willy', 'wily']);
const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', "'s", 'am', 'get', 'got', 'gets', 'getting']);
const DAYS = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'yesterday', 'today', 'tonight',
  'january', 'february', 'march', 'april', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'jan.', 'feb.', 'aug.', 'sept.', 'sep.', 'oct.', 'nov.', 'dec.', 'morning', 'afternoon', 'evening', 'night',
  'weekend', 'week', 'month', 'year', 'earlier', 'later', 'late', 'early', 'last', 'this', 'next', 'friday',
]);
/** Objects that make a prepositional phrase an adjunct of the cue, not part of the speaker: "in a statement". */
const ADJUNCT_NOUNS = new Set([
  'statement', 'statements', 'interview', 'interviews', 'conference', 'briefing', 'speech', 'address', 'tweet',
  'tweets', 'post', 'posts', 'posting', 'message', 'messages', 'video', 'email', 'e-mail', 'emails', 'letter',
  'telephone', 'phone', 'call', 'text', 'television', 'radio', 'twitter', 'facebook', 'telegram', 'whatsapp',
  'instagram', 'x', 'broadcast', 'remarks', 'comments', 'meeting', 'rally', 'hearing', 'session', 'appearance',
  'podcast', 'release', 'note', 'op-ed', 'column', 'blog', 'report', 'response', 'reply', 'answer', 'court',
  'parliament', 'news', 'press', 'person', 'writing', 'part', 'public', 'private', 'addition', 'particular',
  'turn', 'reference', 'return', 'exchange', 'response', 'way', 'fact', 'effect', 'office', 'platform',
  'program', 'programme', 'show', 'channel', 'camera', 'tv', 'time', 'times', 'point', 'documents', 'filing',
  'filings', 'reporters', 'journalists', 'crowd', 'audience', 'supporters',
]);
/** Prepositions opening an adjunct after a cue: "said on Tuesday", "told AFP by telephone". */
const ADJUNCT_PREPS = new Set(['in', 'on', 'at', 'during', 'via', 'through', 'by', 'from', 'after', 'before', 'over', 'to', 'with', 'outside', 'inside']);
/** Adverbs between a cue and its content or speaker: "said again", "told reporters separately". */
const ADVERBS = new Set(['again', 'also', 'repeatedly', 'publicly', 'privately', 'separately', 'recently', 'previously', 'then', 'later', 'earlier', 'late', 'early', 'yesterday', 'today', 'tonight', 'last', 'this']);
/** Nouns heading descriptions of unnamed sources; never names, even capitalised at a sentence start. */
const ROLE_NOUNS = new Set(
  (
    'spokesman spokeswoman spokesperson spokesmen spokespeople official officials source sources resident residents ' +
    'witness witnesses police authorities authority analyst analysts expert experts diplomat diplomats officer ' +
    'officers commander commanders leader leaders minister ministers governor mayor president chief head member ' +
    'members lawmaker lawmakers legislator legislators aide aides adviser advisers advisor advisors observer ' +
    'observers critic critics supporter supporters activist activists villager villagers doctor doctors medic ' +
    'medics soldier soldiers fighter fighters militant militants insurgent insurgents rebel rebels protester ' +
    'protesters protestors demonstrator demonstrators survivor survivors victim victims relative relatives family ' +
    'friend friends neighbour neighbours neighbor neighbors colleague colleagues staff employee employees worker ' +
    'workers researcher researchers scientist scientists economist economists investigator investigators ' +
    'prosecutor prosecutors lawyer lawyers attorney attorneys judge statement report people man woman men women ' +
    'person someone student students teacher teachers farmer farmers shopkeeper shopkeepers trader traders ' +
    'driver drivers elder elders cleric clerics locals journalist journalists reporter reporters correspondent ' +
    'correspondents representative representatives delegate delegates negotiator negotiators envoy envoys ' +
    'ambassador secretary director manager executive executives chairman chairwoman founder owner candidate ' +
    'voters poll polls survey study data figures document documents letter memo website organisers ' +
    'organizers organization organisation others many some most several both all few everyone nobody ' +
    'everybody anyone somebody administrators administrator coordinator mother father son daughter wife ' +
    'husband brother sister parents troops pilot pilots passenger passengers nurse nurses engineer engineers ' +
    'commentators pundits scholars historians strategists operatives allies ally opponents opponent rivals ' +
    'rival republicans democrats conservatives liberals guards guard democrat republican conservative liberal ' +
    'independent senator firefighters rescuers paramedics volunteers refugees migrants mourners worshippers ' +
    'shoppers users commuters veterans ' +
    'congressman congresswoman jews muslims christians americans afghans israelis palestinians iraqis syrians ' +
    'iranians russians ukrainians europeans britons germans pakistanis saudis kurds sunnis shiites catholics ' +
    'evangelicals hispanics latinos'
  ).split(/\s+/),
);
/** Lowercase words allowed inside a title in title case. */
const TITLE_SMALL_WORDS = new Set(['a', 'an', 'the', 'of', 'in', 'on', 'at', 'to', 'for', 'and', 'or', 'with', 'by', 'from', 'is', 'vs.', 'de']);
/** Heads of anonymous sources that are documents or data, not people. */
const NOT_PEOPLE = new Set(['statement', 'report', 'poll', 'polls', 'survey', 'study', 'data', 'figures', 'document', 'documents', 'letter', 'memo', 'website', 'records', 'filing', 'complaint', 'lawsuit', 'indictment', 'analysis', 'review', 'audit', 'estimate', 'estimates', 'tally', 'count']);
/** Titles before a name: kept as the speaker's description, not in the name span. */
const TITLES = new Set(
  (
    'president vice prime minister governor gov. general gen. lt. col. colonel capt. captain sgt. sergeant maj. ' +
    'major commander spokesman spokeswoman spokesperson senator sen. representative rep. reps. secretary chairman ' +
    'chairwoman ambassador mayor chief deputy director judge justice officer police king queen prince princess ' +
    'emir sheriff inspector superintendent detective adm. admiral lieutenant attorney speaker leader chancellor ' +
    'premier pope bishop archbishop cardinal coach ceo chair ex former acting interim state foreign defense ' +
    'defence interior finance health justice education provincial district minority majority house senate ' +
    'white gop democratic republican presidential candidate nominee hopeful frontrunner front-runner u.s. ' +
    'first lady'
  ).split(/\s+/),
);
/** Honorifics stay in the name span ("Mr. Karimi"). */
const HONORIFICS = new Set(['mr.', 'mrs.', 'ms.', 'dr.', 'mr', 'mrs', 'ms', 'dr', 'prof.', 'rev.', 'sir', 'dame', 'lord', 'lady']);
/** Heads of organisation names: "he"/"she" never refers to these. */
const ORG_HEADS = new Set(
  (
    'ministry department office council army police taliban group party committee agency government embassy ' +
    'forces force command corps commission court company inc. corp. co. ltd. association union organization ' +
    'organisation institute university bank fund times post news press journal reuters nato pentagon kremlin ' +
    'house senate congress parliament assembly administration campaign service services network foundation ' +
    'center centre unit brigade division regiment battalion front movement alliance coalition state states ' +
    'nations republic kingdom city province county district region authority board bureau federation club ' +
    'team hospital school church mosque daily tribune herald guardian telegraph observer gazette magazine ' +
    'media tv radio channel watch international'
  ).split(/\s+/),
);
/** Particles inside personal names: "Osama bin Laden", "Abu Bakr al-Baghdadi", "Ursula von der Leyen". */
const NAME_PARTICLES = new Set(['bin', 'ibn', 'al', 'el', 'de', 'da', 'del', 'della', 'der', 'den', 'van', 'von', 'la', 'le', 'du', 'dos', 'das', 'abu', 'ben', 'y']);
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'gen', 'lt', 'col', 'sen', 'rep', 'reps', 'gov', 'st', 'jr', 'sr', 'capt', 'sgt', 'maj',
  'prof', 'rev', 'inc', 'co', 'corp', 'ltd', 'no', 'adm', 'cmdr', 'gens', 'sens', 'messrs', 'vs', 'jan', 'feb',
  'aug', 'sept', 'sep', 'oct', 'nov', 'dec', 'ft', 'mt', 'pres', 'supt', 'insp', 'det', 'cpl', 'pvt', 'brig', 'mass',
  'calif', 'fla', 'ill', 'wash', 'conn', 'ariz', 'colo', 'del', 'ga', 'ky', 'md', 'mich', 'minn', 'miss', 'mo',
  'mont', 'neb', 'nev', 'okla', 'ore', 'pa', 'tenn', 'tex', 'va', 'vt', 'wis', 'wyo', 'ala', 'ark', 'kan', 'la',
]);
/** Words that cannot start reported content after a bare cue ("said so", "said nothing", "said in Kabul"). */
const NOT_CLAUSE_START = new Set([
  'to', 'so', 'nothing', 'little', 'much', 'something', 'anything', 'goodbye', 'yes', 'no', 'hello', 'sorry',
  'thanks', 'otherwise', 'more', 'less', 'in', 'on', 'at', 'of', 'for', 'with', 'about', 'by', 'as', 'when', 'if',
  'whether', 'why', 'how', 'what', 'who', 'where', 'which', 'and', 'but', 'or', 'not', 'from', 'after', 'before',
  'during', 'over', 'up', 'out', 'off', 'down', 'back', 'very', 'too', 'enough', 'him', 'them', 'us', 'me',
  'again', 'later', 'earlier', 'repeatedly', 'himself', 'herself', 'themselves', 'itself', 'hi', 'only', 'just',
  'this', 'into', 'than', 'against', 'please', 'afterward', 'afterwards', 'while', 'amid', 'despite', 'under',
]);

// ---------------------------------------------------------------------------
// Tokens

const WORD = 0;
const PUNCT = 1;
const DQ = 2;
const SQ = 3;
const OPEN = 1;
const CLOSE = 2;
const EITHER = 3;
const WEAK_CLOSE = 4;

interface Tok {
  s: number;
  e: number;
  /** Lowercase text, curly apostrophes straightened. */
  w: string;
  type: number;
  cap: boolean;
  /** Quote mark direction. */
  dir: number;
  sent: number;
  para: number;
  /** Id of the quote whose content holds this token, or -1. */
  inQ: number;
}

const LETTER = /[\p{L}\p{N}\p{M}]/u;
function isWordCode(c: number): boolean {
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return c >= 0xc0 && !(c >= 0x2000 && c <= 0x2bff) && LETTER.test(String.fromCharCode(c));
}
const isDigit = (c: number) => c >= 48 && c <= 57;
const isSpaceCode = (c: number) => c === 32 || c === 10 || c === 9 || c === 13 || c === 0xa0 || (c >= 0x2000 && c <= 0x200b) || c === 0x202f || c === 0x3000;
function isUpperCode(c: number): boolean {
  if (c < 128) return c >= 65 && c <= 90;
  const ch = String.fromCharCode(c);
  return ch !== ch.toLowerCase();
}
const isApostrophe = (c: number) => c === 0x27 || c === 0x2019;

function tokenizeText(text: string): Tok[] {
  const toks: Tok[] = [];
  const n = text.length;
  const push = (s: number, e: number, type: number, dir: number, w: string) =>
    toks.push({ s, e, w, type, cap: type === WORD && isUpperCode(text.charCodeAt(s)), dir, sent: -1, para: -1, inQ: -1 });
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isSpaceCode(c)) {
      i++;
      continue;
    }
    // `'90s`, `’til`: an apostrophe opening a word, not a quote.
    const elided = isApostrophe(c) && i + 2 < n && isDigit(text.charCodeAt(i + 1)) && isDigit(text.charCodeAt(i + 2)) && !(i + 3 < n && isDigit(text.charCodeAt(i + 3)));
    if (isWordCode(c) || elided) {
      let j = i + 1;
      let seg = i;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (isWordCode(d)) {
          j++;
          continue;
        }
        if (j + 1 < n && isWordCode(text.charCodeAt(j + 1))) {
          if (d === 0x2e) {
            // Dots inside acronyms and numbers only (`U.S`, `3.5`), not `Kabul.The`.
            if (j - seg === 1 || (isDigit(text.charCodeAt(j - 1)) && isDigit(text.charCodeAt(j + 1)))) {
              seg = j + 1;
              j++;
              continue;
            }
            break;
          }
          if (isApostrophe(d) || d === 0x2d || d === 0x2010 || d === 0x2011 || d === 0x26) {
            j++;
            continue;
          }
        }
        break;
      }
      if (j < n && text.charCodeAt(j) === 0x2e) {
        const word = text.slice(i, j);
        if (word.includes('.') || (j - i === 1 && isUpperCode(c)) || ABBREVIATIONS.has(word.toLowerCase())) j++;
      }
      let w = text.slice(i, j).toLowerCase();
      if (w.includes('’')) w = w.replace(/’/g, "'");
      push(i, j, WORD, 0, w);
      i = j;
      continue;
    }
    if (c === 0x22 || c === 0x201c || c === 0x201d || c === 0x201e || c === 0xab || c === 0xbb) {
      push(i, i + 1, DQ, doubleDir(text, i, c), '"');
      i++;
      continue;
    }
    if (c === 0x27 || c === 0x2018 || c === 0x2019 || c === 0x201a) {
      push(i, i + 1, SQ, singleDir(text, i, c), "'");
      i++;
      continue;
    }
    let j = i + 1;
    if (c === 0x2e) while (j < n && text.charCodeAt(j) === 0x2e) j++;
    else if (c === 0x2d) while (j < n && text.charCodeAt(j) === 0x2d) j++;
    push(i, j, PUNCT, 0, text.slice(i, j));
    i = j;
  }
  return toks;
}

/** Whether the character before a quote mark lets it open a quotation. */
function opensAfter(p: number): boolean {
  return Number.isNaN(p) || isSpaceCode(p) || p === 0x28 || p === 0x5b || p === 0x7b || p === 0x2014 || p === 0x2013 || p === 0x2d || p === 0x2f || p === 0x201c || p === 0x2018 || p === 0x22 || p === 0x27 || p === 0x3a;
}
/** Whether the character after a quote mark lets it close one. */
function closesBefore(c: number): boolean {
  return Number.isNaN(c) || isSpaceCode(c) || c === 0x2c || c === 0x2e || c === 0x3b || c === 0x3a || c === 0x21 || c === 0x3f || c === 0x29 || c === 0x5d || c === 0x2014 || c === 0x2013 || c === 0x2d || c === 0x201d || c === 0x2019 || c === 0x22 || c === 0x27 || c === 0x2026;
}

function doubleDir(text: string, i: number, c: number): number {
  const p = i > 0 ? text.charCodeAt(i - 1) : NaN;
  const q = i + 1 < text.length ? text.charCodeAt(i + 1) : NaN;
  const canOpen = opensAfter(p) && !Number.isNaN(q) && !isSpaceCode(q);
  const canClose = !opensAfter(p) && closesBefore(q);
  if (c === 0x201c || c === 0x201e || c === 0xab) return canClose && !canOpen ? CLOSE : OPEN;
  if (c === 0x201d || c === 0xbb) return canOpen && !canClose ? OPEN : CLOSE;
  // Inch marks: `6'2"`.
  if (isDigit(p) && !canOpen && (Number.isNaN(q) || !isWordCode(q))) return 0;
  if (canOpen && !canClose) return OPEN;
  if (canClose && !canOpen) return CLOSE;
  return EITHER;
}

function singleDir(text: string, i: number, c: number): number {
  const p = i > 0 ? text.charCodeAt(i - 1) : NaN;
  const q = i + 1 < text.length ? text.charCodeAt(i + 1) : NaN;
  const canOpen = opensAfter(p) && !Number.isNaN(q) && isWordCode(q);
  const canClose = !opensAfter(p) && !Number.isNaN(p) && (Number.isNaN(q) || !isWordCode(q));
  if (canOpen && !canClose) return c === 0x2019 && isDigit(q) ? 0 : OPEN;
  if (canClose && !canOpen) {
    if (isDigit(p)) return 0;
    // `the protesters’ demands`: a plural possessive looks like a closing mark.
    if ((p === 0x73 || p === 0x53) && isSpaceCode(q)) return WEAK_CLOSE;
    return CLOSE;
  }
  return 0;
}

// ---------------------------------------------------------------------------
// Quotations

interface Quote {
  id: number;
  open: number;
  /** Token index of the closing mark, or the last token of the paragraph for an unclosed quote. */
  close: number;
  closed: boolean;
  parts: Range[];
  used: boolean;
}

function pairQuotes(text: string, toks: Tok[], paras: Range[]): Quote[] {
  const quotes: Quote[] = [];
  let k = 0;
  // An opening double mark still open at the end of the previous paragraph.
  let pending: { open: number; parts: Range[]; from: number; lastTok: number } | undefined;
  const finish = (open: number, close: number, closed: boolean, parts: Range[]) => {
    const trimmed = parts.map((r) => trimRange(text, r)).filter((r) => r.end > r.start);
    if (!trimmed.length) return;
    const q: Quote = { id: quotes.length, open, close, closed, parts: trimmed, used: false };
    quotes.push(q);
    for (let t = open + 1; t < close; t++) toks[t].inQ = q.id;
    if (!closed) toks[close].inQ = q.id;
  };
  for (let pi = 0; pi < paras.length; pi++) {
    const para = paras[pi];
    while (k < toks.length && toks[k].s < para.start) k++;
    const first = k;
    while (k < toks.length && toks[k].s < para.end) toks[k++].para = pi;
    const last = k - 1;
    if (last < first) continue;
    let open = -1;
    let parts: Range[] = [];
    let from = 0;
    if (pending) {
      const t = toks[first];
      if (t.type === DQ && t.dir !== CLOSE) {
        parts = pending.parts;
        parts.push({ start: pending.from, end: paras[pi - 1].end });
        open = pending.open;
        from = t.e;
        // The reopening mark belongs to the same quotation.
        t.inQ = -2;
      } else {
        finish(pending.open, pending.lastTok, false, [...pending.parts, { start: pending.from, end: paras[pi - 1].end }]);
      }
      pending = undefined;
    }
    for (let t = first; t <= last; t++) {
      const tok = toks[t];
      if (tok.type !== DQ || tok.inQ === -2 || tok.dir === 0) continue;
      if (open < 0) {
        if (tok.dir !== CLOSE) {
          open = t;
          from = tok.e;
          parts = [];
        }
      } else if (tok.dir !== OPEN) {
        parts.push({ start: from, end: tok.s });
        finish(open, t, true, parts);
        open = -1;
      } else {
        // A second opener: the first was never closed; keep only the later one.
        open = t;
        from = tok.e;
        parts = [];
      }
    }
    if (open >= 0) {
      // Unclosed at the paragraph end: continued if the next paragraph reopens, else a quote running to the paragraph end
      // (news copy drops closing marks), provided the mark stood where quotes open.
      if (parts.length || plausibleOpening(toks, open)) pending = { open, parts, from, lastTok: last };
    }
    // British primary single quotes, outside double quotes only.
    let sOpen = -1;
    for (let t = first; t <= last; t++) {
      const tok = toks[t];
      if (tok.type !== SQ || tok.inQ !== -1) continue;
      if (tok.dir === OPEN) sOpen = t;
      else if (sOpen >= 0 && (tok.dir === CLOSE || (tok.dir === WEAK_CLOSE && !strongCloseAhead(toks, t, last)))) {
        if (t - sOpen > 1) finish(sOpen, t, true, [{ start: toks[sOpen].e, end: tok.s }]);
        sOpen = -1;
      }
    }
  }
  if (pending) finish(pending.open, pending.lastTok, false, [...pending.parts, { start: pending.from, end: paras[paras.length - 1].end }]);
  quotes.sort((a, b) => a.open - b.open);
  return quotes;
}

function strongCloseAhead(toks: Tok[], t: number, last: number): boolean {
  for (let u = t + 1; u <= last; u++) {
    if (toks[u].type !== SQ) continue;
    if (toks[u].dir === OPEN) return false;
    if (toks[u].dir === CLOSE) return true;
  }
  return false;
}

function plausibleOpening(toks: Tok[], open: number): boolean {
  if (open === 0) return true;
  const p = toks[open - 1];
  return p.para !== toks[open].para || p.sent !== toks[open].sent || p.type === PUNCT || CUE_FORMS.has(p.w) || p.w === 'that';
}

function trimRange(text: string, r: Range): Range {
  let { start, end } = r;
  while (start < end && isSpaceCode(text.charCodeAt(start))) start++;
  while (end > start && (isSpaceCode(text.charCodeAt(end - 1)) || text.charCodeAt(end - 1) === 0x2c)) end--;
  return { start, end };
}

// ---------------------------------------------------------------------------
// Extraction

interface Speaker {
  /** Token range of the speaker span. */
  a: number;
  b: number;
  kind: 'named' | 'anonymous' | 'pronoun';
  description?: Range;
  /** Person-like (for he/she) or organisation/group (for it/they). */
  person: boolean;
}

interface Found {
  kind: 'direct' | 'indirect';
  parts: Range[];
  cue?: { a: number; b: number; lemma: string };
  speaker?: Speaker;
  /** Take the speaker of the previous attribution in the same sentence ("…, adding that …"). */
  speakerFromPrevious?: boolean;
  carried?: boolean;
  /** A second cue attributing the same quote (`X said: “…,” he said`). */
  alsoCue?: number;
  /** The attribution this quote continues: its speaker is this one's. */
  from?: Found;
  quote?: Quote;
  /** Last token of the attribution (cue, speaker, adjuncts). */
  attrEnd: number;
  sent: number;
  para: number;
}

class Extractor {
  private readonly cues: (string | undefined)[];
  private readonly sentStart: number[] = [];
  private readonly sentEnd: number[] = [];
  private readonly quoteAt = new Map<number, Quote>();

  constructor(
    private readonly text: string,
    private readonly toks: Tok[],
  ) {
    this.cues = toks.map((_, k) => this.cueAt(k));
    for (let k = 0; k < toks.length; k++) {
      const s = toks[k].sent;
      if (s < 0) continue;
      if (this.sentStart[s] === undefined) this.sentStart[s] = k;
      this.sentEnd[s] = k;
    }
  }

  /** The cue lemma of token `k`, when it is a verb of saying used as one. */
  private cueAt(k: number): string | undefined {
    const t = this.toks[k];
    if (t.type !== WORD || t.inQ >= 0) return undefined;
    if (t.w === 'according') {
      const n = this.toks[k + 1];
      return n && n.w === 'to' ? 'according to' : undefined;
    }
    const lemma = CUE_FORMS.get(t.w);
    if (!lemma) return undefined;
    const p = this.prevWord(k);
    if (p) {
      // "the claims", "his comments", "Breitbart's reporting", "to say", "was told", "did not say".
      if (DETS.has(p.w) && p.w !== 'all' && p.w !== 'both' && p.w !== 'most') return undefined;
      if (p.type === WORD && (p.w.endsWith("'s") || p.w.endsWith("s'")) && !PRONOUN_HAS.has(p.w)) return undefined;
      if (AMBIGUOUS.has(t.w) && isDigit(p.w.charCodeAt(0))) return undefined;
      if (p.w === 'to' || p.w === 'not' || p.w === "n't" || p.w.endsWith("n't") || p.w === 'never') return undefined;
      if (!t.w.endsWith('ing') && t.w !== lemma && !t.w.endsWith('s') && BE.has(p.w)) return undefined;
    }
    // `the facts reported by the government`, `a statement posted on Twitter`
    if (t.w.endsWith('ed') && this.toks[k + 1]?.w === 'by') return undefined;
    if (p && t.w !== 'said' && NOT_PEOPLE.has(p.w) && (t.w.endsWith('ed') || t.w.endsWith('en'))) return undefined;
    // Title case (`If Obama Says It`, `United States`) is not a verb of saying.
    if (t.cap && p && p.type !== DQ && p.type !== SQ) return undefined;
    if (AMBIGUOUS.has(t.w)) {
      // A noun unless what follows is reported content: `the report notes that`, `…, the report states.`
      const n = this.toks[k + 1];
      if (!n || n.sent !== t.sent) return lemma;
      if (!(n.w === 'that' || n.type === DQ || (n.type === PUNCT && /^[:.]/.test(n.w)))) return undefined;
    }
    return lemma;
  }

  private prevWord(k: number): Tok | undefined {
    const p = this.toks[k - 1];
    return p && p.sent === this.toks[k].sent ? p : undefined;
  }

  private isPunct(k: number, chars: string): boolean {
    const t = this.toks[k];
    return !!t && t.type === PUNCT && chars.includes(t.w);
  }

  private word(k: number): Tok | undefined {
    const t = this.toks[k];
    return t && t.type === WORD ? t : undefined;
  }

  /** Attributions in text order: quotes with their own, reported speech, then quotes continuing an earlier one. */
  run(quotes: Quote[]): Found[] {
    for (const q of quotes) this.quoteAt.set(q.open, q);
    const found: Found[] = [];
    const usedCue = new Set<number>();
    for (const q of quotes) {
      const f = this.attributeQuote(q);
      if (!f) continue;
      found.push(f);
      q.used = true;
      if (f.cue) usedCue.add(f.cue.a);
      if (f.alsoCue !== undefined) usedCue.add(f.alsoCue);
    }
    const starts = quotes.map((q) => q.parts[0].start);
    for (let k = 0; k < this.toks.length; k++) {
      if (this.cues[k] === undefined || usedCue.has(k)) continue;
      const f = this.reported(k);
      if (!f) continue;
      found.push(f);
      usedCue.add(k);
      // Quoted words inside reported content belong to it.
      for (const p of f.parts) for (let i = lowerBound(starts, p.start); i < quotes.length && starts[i] < p.end; i++) quotes[i].used = true;
    }
    found.sort((x, y) => x.parts[0].start - y.parts[0].start);
    const out: Found[] = [];
    let prev: Found | undefined;
    let i = 0;
    for (const q of quotes) {
      while (i < found.length && found[i].parts[0].start <= q.parts[0].start) {
        const f = found[i++];
        out.push(f);
        if (f.speaker || f.speakerFromPrevious || f.from) prev = f;
      }
      if (q.used) continue;
      const f = this.unattributed(q, prev);
      if (!f) continue;
      out.push(f);
      prev = f;
    }
    while (i < found.length) out.push(found[i++]);
    return out;
  }

  // --- direct quotes ------------------------------------------------------

  private attributeQuote(q: Quote): Found | undefined {
    const toks = this.toks;
    if (this.isTitle(q)) return undefined;
    const base = { kind: 'direct' as const, parts: q.parts, quote: q, sent: toks[q.open].sent, para: toks[q.open].para };
    // `“…,” X said` / `“…,” said X`
    let after: ReturnType<Extractor['attributionAfter']>;
    if (q.closed && this.opensClause(q.open)) {
      let j = q.close + 1;
      if (this.isPunct(j, ',—–-') && toks[j].sent === toks[q.close].sent) j++;
      after = this.attributionAfter(j, toks[q.close].sent);
    }
    // `X said: “…”`, `X told AFP that “…”`, or `X said:` ending the previous paragraph.
    const before = this.attributionBefore(q.open);
    if (after && before) {
      // `X said: “…,” he said.` — one attribution said twice: the name wins over the pronoun.
      const [main, other] = after.speaker?.kind === 'pronoun' && before.speaker && before.speaker.kind !== 'pronoun' ? [before, after] : [after, before];
      return { ...base, ...main, alsoCue: other.cue?.a };
    }
    const found = after ?? before;
    return found && { ...base, ...found };
  }

  /** A short quote in title case is a name (a show, a book, a slogan), not a quotation: `told CNN's “State of the Union”`. */
  private isTitle(q: Quote): boolean {
    const toks = this.toks;
    let words = 0;
    for (let t = q.open + 1; t < q.close; t++) {
      const tok = toks[t];
      if (tok.type === PUNCT && /[.?!]/.test(tok.w)) return false;
      if (tok.type !== WORD) continue;
      if (!tok.cap && !TITLE_SMALL_WORDS.has(tok.w)) return false;
      if (++words > 6) return false;
    }
    return q.closed && words >= 2;
  }

  /** Whether the quote opening at token `o` ends its clause: nothing but punctuation, a participle or an attribution after it. */
  private quoteEndsClause(o: number): boolean {
    const toks = this.toks;
    const q = toks[o];
    let c = o + 1;
    while (c < toks.length && (toks[c].inQ >= 0 || toks[c].inQ === -2) && toks[c].para >= q.para) c++;
    const close = c;
    if (close >= toks.length || toks[close].type !== DQ && toks[close].type !== SQ) return true;
    let j = close + 1;
    while (j < toks.length && toks[j].type === PUNCT && toks[j].sent === toks[close].sent) j++;
    const n = toks[j];
    if (!n || n.sent !== toks[close].sent || n.type !== WORD) return true;
    if (this.cues[j] && n.w.endsWith('ing')) return true;
    return this.attributionAfter(j, n.sent) !== undefined;
  }

  /** Whether a quote opening at token `o` starts a clause: sentence start or after `:`, `,`, a dash or a bracket. */
  private opensClause(o: number): boolean {
    const p = this.toks[o - 1];
    if (!p || p.sent !== this.toks[o].sent) return true;
    return p.type === PUNCT && /^[:,;(\[—–-]/.test(p.w);
  }

  private attributionAfter(j: number, sent: number): Pick<Found, 'cue' | 'speaker' | 'attrEnd' | 'speakerFromPrevious'> | undefined {
    const toks = this.toks;
    const t = toks[j];
    if (!t || t.sent !== sent || t.type !== WORD) return undefined;
    // Inversion: `said Zabihullah Mujahid, a Taliban spokesman`.
    let c = j;
    if (t.w === 'also' || t.w === 'then') c++;
    const lemma = this.cues[c];
    if (lemma && lemma !== 'according to' && this.word(c + 1)) {
      const np = this.npForward(c + 1, sent);
      if (np) return { cue: { a: c, b: c, lemma }, speaker: np.speaker, attrEnd: np.end };
    }
    if (lemma === 'according to') {
      const np = this.npForward(c + 2, sent);
      if (np) return { cue: { a: c, b: c + 1, lemma }, speaker: np.speaker, attrEnd: np.end };
    }
    // `X said`, `a senior official, who asked not to be named, said`: the first cue within reach.
    for (let k = j; k < j + 24 && k < toks.length && toks[k].sent === sent; k++) {
      const tk = toks[k];
      if (tk.type === DQ || tk.type === SQ || tk.inQ >= 0) return undefined;
      const l = this.cues[k];
      if (!l || l === 'according to') continue;
      const sp = this.speakerBefore(k, j);
      if (!sp || sp.start !== j) return undefined;
      const end = ADDRESSEE.has(l) ? this.addressee(k + 1, l) : k + 1;
      return { cue: { a: k, b: k, lemma: l }, speaker: sp.speaker, attrEnd: this.adjunctsEnd(end - 1) - 1 };
    }
    return undefined;
  }

  private attributionBefore(o: number): Pick<Found, 'cue' | 'speaker' | 'attrEnd' | 'speakerFromPrevious'> | undefined {
    const toks = this.toks;
    // A colon may end the previous sentence or paragraph (`X said:` then the quote).
    const colon = this.isPunct(o - 1, ':');
    const sent = colon ? toks[o - 1].sent : toks[o].sent;
    for (let k = o - 1; k >= 0 && k >= o - 16 && toks[k].sent === sent; k--) {
      if (toks[k].type === DQ || toks[k].type === SQ || toks[k].inQ >= 0) return undefined;
      const l = this.cues[k];
      if (!l) continue;
      const cueEnd = l === 'according to' ? k + 1 : k;
      if (l === 'according to') {
        const np = this.npForward(k + 2, sent);
        if (!np || np.end + 1 + (this.isPunct(np.end + 1, ',:') ? 1 : 0) !== o) return undefined;
        return { cue: { a: k, b: cueEnd, lemma: l }, speaker: np.speaker, attrEnd: np.end };
      }
      const after = this.afterCue(k, l);
      if (after.start !== o || !this.quoteEndsClause(o)) return undefined;
      const sp = this.subjectOf(k);
      return { cue: { a: k, b: cueEnd, lemma: l }, speaker: sp?.speaker, speakerFromPrevious: sp ? undefined : this.isParticiple(k), attrEnd: after.start - 1 };
    }
    // `Cruz called them on it:` — whatever the verb, a sentence ending in a colon introduces its subject's words.
    if (colon) {
      const subject = this.subjectAt(sent);
      if (subject && subject.end + 1 < o - 1 && this.word(subject.end + 1) && !this.toks[subject.end + 1].cap)
        return { speaker: subject.speaker, attrEnd: o - 1 };
    }
    return undefined;
  }

  /** A quote without an attribution of its own, given the last attribution before it. */
  private unattributed(q: Quote, prev: Found | undefined): Found | undefined {
    const toks = this.toks;
    const o = toks[q.open];
    // `“…,” he said, “…”` and `“…,” he said. “…”`: the rest of the same utterance.
    if (prev?.quote && prev.attrEnd < q.open && q.open - prev.attrEnd <= 3) {
      let onlyPunct = true;
      for (let t = prev.attrEnd + 1; t < q.open; t++) if (toks[t].type !== PUNCT) onlyPunct = false;
      if (onlyPunct && toks[prev.attrEnd].para === o.para)
        return { kind: 'direct', parts: q.parts, quote: q, cue: prev.cue, from: prev, attrEnd: prev.attrEnd, sent: o.sent, para: o.para };
    }
    // Otherwise only a quote standing as a sentence of its own is a quotation: a quoted word
    // inside a sentence (the so-called “emirate”) is a name or a scare quote.
    const startsSentence = !toks[q.open - 1] || toks[q.open - 1].sent !== o.sent;
    if (!startsSentence) return undefined;
    const c = toks[q.close];
    const endsSentence = !q.closed || !toks[q.close + 1] || toks[q.close + 1].sent !== c.sent || (toks[q.close + 1].type === PUNCT && (!toks[q.close + 2] || toks[q.close + 2].sent !== c.sent));
    if (!endsSentence) return undefined;
    let words = 0;
    for (let t = q.open + 1; t < q.close && words < 3; t++) if (toks[t].type === WORD) words++;
    if (words < 3) return undefined;
    // A speaker's quotes go on in the next sentences and paragraphs.
    if (prev && o.para - prev.para <= 1 && (prev.kind === 'direct' || o.sent - prev.sent <= 1))
      return { kind: 'direct', parts: q.parts, quote: q, cue: prev.cue, from: prev, carried: true, attrEnd: q.close, sent: o.sent, para: o.para };
    return { kind: 'direct', parts: q.parts, quote: q, attrEnd: q.close, sent: o.sent, para: o.para };
  }

  // --- reported speech ----------------------------------------------------

  private reported(k: number): Found | undefined {
    const toks = this.toks;
    const lemma = this.cues[k]!;
    const t = toks[k];
    const sent = t.sent;
    if (sent < 0) return undefined;
    const s0 = this.sentStart[sent];
    const s1 = this.sentEnd[sent];
    const base = { sent, para: t.para };
    if (lemma === 'according to') {
      const leading = k === s0 || (k === s0 + 1 && toks[s0].type === PUNCT);
      const np = this.npForward(k + 2, sent, leading);
      if (!np) return undefined;
      const cue = { a: k, b: k + 1, lemma };
      if (leading && this.isPunct(np.end + 1, ',')) {
        const content = this.rangeOf(np.end + 2, s1);
        return content ? { kind: 'indirect', parts: [content], cue, speaker: np.speaker, attrEnd: np.end, ...base } : undefined;
      }
      const head = this.rangeOf(s0, this.isPunct(k - 1, ',—–(') ? k - 2 : k - 1);
      if (!head) return undefined;
      const parts = [head];
      if (this.isPunct(np.end + 1, ',—–)') && np.end + 2 <= s1) {
        const tail = this.rangeOf(np.end + 2, s1);
        if (tail) parts.push(tail);
      }
      return { kind: 'indirect', parts, cue, speaker: np.speaker, attrEnd: np.end, ...base };
    }
    const cue = { a: k, b: k, lemma };
    const sp = this.subjectOf(k);
    const participle = !sp && this.isParticiple(k);
    // `X said (that) …`
    if ((sp || participle) && !QUOTE_ONLY.has(lemma)) {
      const after = this.afterCue(k, lemma);
      if (after.start <= s1 && !this.isPunct(after.start - 1, ',') && (after.that || (BARE_CONTENT.has(lemma) && this.clauseStart(after.start, lemma)))) {
        const end = this.clauseEnd(after.start, s1);
        const content = this.rangeOf(after.start, end);
        if (content && this.wordCount(after.start, end) >= 3)
          return { kind: this.kindOfContent(after.start, end), parts: [content], cue, speaker: sp?.speaker, speakerFromPrevious: participle || undefined, attrEnd: after.start - 1, ...base };
      }
    }
    // `…, X said.` / `…, said X.` / `…, X said, …`
    let speaker = sp?.speaker;
    let spStart = sp?.start;
    let attrEnd = this.adjunctsEnd(k) - 1;
    if (!sp && !t.w.endsWith('ing') && this.isPunct(k - 1, ',—–')) {
      const np = this.npForward(k + 1, sent);
      if (np) {
        speaker = np.speaker;
        spStart = k;
        attrEnd = Math.max(attrEnd, np.end);
        const e = this.adjunctsEnd(np.end) - 1;
        if (e > attrEnd) attrEnd = e;
      }
    }
    if (!speaker || spStart === undefined || spStart <= s0 || !this.isPunct(spStart - 1, ',—–')) return undefined;
    // The content before the attribution must not be a quote (that was the direct pass's to take).
    const h0 = this.afterDateline(s0, spStart - 2);
    const head = this.rangeOf(h0, spStart - 2);
    const headWords = this.wordCount(h0, spStart - 2);
    if (!head || headWords < 1) return undefined;
    for (let u = s0; u < spStart - 1; u++) if (toks[u].inQ >= 0 && toks[u].inQ === toks[s0 + 1]?.inQ && toks[s0].type === DQ) return undefined;
    const parts = [head];
    let end = attrEnd + 1;
    while (end <= s1 && toks[end].type === PUNCT && !this.isPunct(end, ',—–')) end++;
    if (end <= s1 && this.isPunct(end, ',—–')) {
      // `The city, officials said, had fallen.` — unless a participle follows (`…, adding that …`).
      const n = this.word(end + 1);
      if (n && !(this.cues[end + 1] && n.w.endsWith('ing'))) {
        const tail = this.rangeOf(end + 1, s1);
        if (tail) parts.push(tail);
      }
    } else if (end <= s1 && toks[end].type === WORD) {
      return undefined;
    }
    if (parts.length === 1 && headWords < 3) return undefined;
    return { kind: 'indirect', parts, cue, speaker, attrEnd, ...base };
  }

  /** First token after a dateline opening the sentence (`KABUL (AFP) —`, `Washington (Reuters) -`), or `a`. */
  private afterDateline(a: number, b: number): number {
    const toks = this.toks;
    let shouted = false;
    for (let u = a; u <= b && u < a + 10; u++) {
      const t = toks[u];
      if (t.type === PUNCT && (t.w === '—' || t.w === '–' || t.w === '--' || t.w === '-')) return u > a && shouted ? u + 1 : a;
      if (t.type === PUNCT && t.w === ')') shouted = true;
      if (t.type !== WORD) continue;
      if (!t.cap && !isDigit(t.w.charCodeAt(0))) return a;
      if (t.e - t.s > 1 && this.text.slice(t.s, t.e) === this.text.slice(t.s, t.e).toUpperCase()) shouted = true;
    }
    return a;
  }

  /** `…, saying that …`, `began by saying …`: a participle whose speaker is the clause's subject. */
  private isParticiple(k: number): boolean {
    return this.toks[k].w.endsWith('ing') && (this.isPunct(k - 1, ',—–;') || this.word(k - 1)?.w === 'by');
  }

  /** Whether reported content can start at token `k` without "that". */
  private clauseStart(k: number, lemma: string): boolean {
    const t = this.word(k);
    if (t) return !NOT_CLAUSE_START.has(t.w) && this.cues[k] === undefined && lemma !== 'ask' && lemma !== 'urge';
    return this.toks[k]?.type === DQ;
  }

  private wordCount(a: number, b: number): number {
    let n = 0;
    for (let t = a; t <= b; t++) if (this.toks[t].type === WORD) n++;
    return n;
  }

  /** The last token of reported content starting at `a`: before a semicolon, a reporter's `, but …` or a second cue `and said …`. */
  private clauseEnd(a: number, s1: number): number {
    const toks = this.toks;
    for (let u = a + 1; u <= s1; u++) {
      const t = toks[u];
      if (t.inQ >= 0) continue;
      if (t.type === PUNCT) {
        if (t.w === ';') return u - 1;
        if (t.w === ',' || t.w === '—' || t.w === '–' || t.w === '--' || t.w === '-') {
          const n = this.word(u + 1);
          if (n && t.w !== ',' && !n.cap) return u - 1;
          if (n && (CUT_AFTER.has(n.w) || (this.cues[u + 1] && n.w.endsWith('ing')))) return u - 1;
          if (n && this.attributionEndsAt(u + 1, s1)) return u - 1;
        }
      } else if ((t.w === 'and' || t.w === 'but') && u > a + 2) {
        let v = u + 1;
        while (v <= s1 && AUX_ADV.has(toks[v].w) && !this.cues[v]) v++;
        if (v <= s1 && this.cues[v] && this.cues[v] !== 'according to') return u - 1;
      }
    }
    return s1;
  }

  /** Whether tokens `j`..`s1` are an attribution closing the sentence: `the Associated Press reports`, `said a spokesman`. */
  private attributionEndsAt(j: number, s1: number): boolean {
    for (let v = j; v <= s1 && v < j + 12; v++) {
      const l = this.cues[v];
      if (!l) continue;
      if (l === 'according to') return false;
      let end: number;
      if (v === j) {
        const np = this.npForward(v + 1, this.toks[v].sent);
        if (!np) return false;
        end = np.end + 1;
      } else {
        if (this.speakerBefore(v, j)?.start !== j) return false;
        end = v + 1;
      }
      end = this.adjunctsEnd(end - 1);
      while (end <= s1 && this.toks[end].type === PUNCT) end++;
      return end > s1;
    }
    return false;
  }

  /** Reported content that opens and closes with quote marks is verbatim: `said “the city is ours” and “we will stay.”` */
  private kindOfContent(a: number, b: number): 'direct' | 'indirect' {
    const toks = this.toks;
    while (b > a && toks[b].type === PUNCT) b--;
    const first = toks[a];
    const last = toks[b];
    return (first.type === DQ || first.type === SQ) && (last.type === DQ || last.type === SQ) && first.inQ !== last.inQ ? 'direct' : 'indirect';
  }

  /** Character range of tokens a..b (inclusive), final punctuation outside quotes dropped. */
  private rangeOf(a: number, b: number): Range | undefined {
    const toks = this.toks;
    while (b >= a && toks[b].type === PUNCT) b--;
    while (a <= b && toks[a].type === PUNCT) a++;
    if (b < a) return undefined;
    return { start: toks[a].s, end: toks[b].e };
  }

  /** Where the content starts after cue `k`: past the addressee, adjuncts, "that" and a colon. */
  private afterCue(k: number, lemma: string): { start: number; that: boolean } {
    const toks = this.toks;
    let i = k + 1;
    if (ADDRESSEE.has(lemma)) i = this.addressee(i, lemma);
    i = this.adjunctsEnd(i - 1);
    if (this.isPunct(i, ',') && this.word(i + 1) && ADJUNCT_PREPS.has(toks[i + 1].w)) {
      // `said, in a statement, that …`
      const e = this.adjunctsEnd(i);
      if (this.isPunct(e, ',')) i = e + 1;
    }
    let that = false;
    if (this.word(i)?.w === 'that') {
      that = true;
      if (!THAT_SUBJECT.has(this.word(i + 1)?.w ?? '')) i++;
    }
    if (this.isPunct(i, ':,')) i++;
    return { start: i, that };
  }

  private addressee(i: number, lemma: string): number {
    const toks = this.toks;
    const t = this.word(i);
    if (!t || t.w === 'that') return i;
    let e = i;
    if (OBJECT_PRONOUNS.has(t.w) || t.w === 'reporters' || t.w === 'journalists') e = i + 1;
    else if (t.cap || t.w === 'the') {
      // `AFP`, `The Associated Press`, `the BBC`, `the New York Times`
      let u = t.w === 'the' ? i + 1 : i;
      while (this.word(u)?.cap || (this.word(u)?.w === 'of' && this.word(u + 1)?.cap)) u++;
      if (u === i + (t.w === 'the' ? 1 : 0)) {
        if (t.w !== 'the') return i;
        u = this.lowerNounRun(u);
      }
      // `told CNN's “State of the Union”`
      const title = this.quoteAt.get(u);
      if (title && this.isTitle(title)) u = title.close + 1;
      e = u;
    } else if (DETS.has(t.w)) e = this.lowerNounRun(i + 1);
    else if (!t.cap) e = this.lowerNounRun(i);
    if (e === i) return i;
    if (!ADDRESSEE_ALWAYS.has(lemma)) {
      // `warned residents that …`, not `warned the city would fall`.
      const n = toks[e];
      if (!n || !(n.w === 'that' || n.type === DQ || (n.type === PUNCT && n.w === ':'))) return i;
    }
    return e;
  }

  /** A run of up to three lowercase words (`a news conference`), stopping before a determiner or pronoun. */
  private lowerNounRun(u: number): number {
    let n = 0;
    while (n < 3) {
      const w = this.word(u);
      if (!w || w.cap || DETS.has(w.w) || PRONOUNS.has(w.w) || STOPS.has(w.w) || NP_PREPS.has(w.w) || this.cues[u]) break;
      u++;
      n++;
    }
    return u;
  }

  /** Index after the adjuncts following token `k`: "in a statement", "on Tuesday", "late on Monday", "by telephone from Kabul". */
  private adjunctsEnd(k: number): number {
    const sent = this.toks[k].sent;
    let i = k + 1;
    for (let guard = 0; guard < 5; guard++) {
      const t = this.word(i);
      if (!t || t.sent !== sent) break;
      if (DAYS.has(t.w) || ADVERBS.has(t.w)) {
        i++;
        continue;
      }
      // `said in a statement posted on Twitter`
      if (i > k + 1 && t.w.endsWith('ed') && ADJUNCT_PREPS.has(this.word(i + 1)?.w ?? '')) {
        i++;
        continue;
      }
      if (!ADJUNCT_PREPS.has(t.w)) break;
      const end = this.adjunctObjectEnd(i + 1);
      if (end < 0) break;
      i = end;
    }
    return i;
  }

  /**
   * The end of a preposition's object starting at `u`, when it makes the phrase an adjunct of the cue: a medium or
   * occasion (`a statement`, `a news conference`), a time, a number or a name (`Twitter`, `the BBC`); else -1.
   */
  private adjunctObjectEnd(u: number): number {
    if (DETS.has(this.word(u)?.w ?? '')) u++;
    let end = -1;
    for (let m = 0; m < 4; m++, u++) {
      const o = this.word(u);
      if (!o || STOPS.has(o.w) || NP_PREPS.has(o.w)) break;
      if (ADJUNCT_NOUNS.has(o.w) || DAYS.has(o.w) || isDigit(o.w.charCodeAt(0)) || o.cap) end = u + 1;
      else if (end >= 0) break;
    }
    return end;
  }

  // --- speakers -----------------------------------------------------------

  /** The subject before cue `k`: skipping auxiliaries and adverbs, then a noun phrase with its apposition. */
  private subjectOf(k: number): { speaker: Speaker; start: number } | undefined {
    const sent = this.toks[k].sent;
    return this.speakerBefore(k, this.sentStart[sent] ?? 0);
  }

  private speakerBefore(k: number, lo: number): { speaker: Speaker; start: number } | undefined {
    const toks = this.toks;
    let e = k - 1;
    while (e >= lo) {
      const t = toks[e];
      if (t.type !== WORD) break;
      if (AUX_ADV.has(t.w) || (t.w.endsWith('ly') && t.w.length > 4 && !t.cap && !NOT_ADVERBS.has(t.w)) || (DAYS.has(t.w) && t.w !== 'this')) {
        e--;
        continue;
      }
      break;
    }
    if (e < lo) return undefined;
    // `Gov. John Kasich (R-Ohio) said`
    if (this.isPunct(e, ')')) {
      let u = e - 1;
      while (u > lo && u > e - 8 && !this.isPunct(u, '(')) u--;
      if (this.isPunct(u, '(')) e = u - 1;
      if (e < lo) return undefined;
    }
    const t = toks[e];
    // `Hayek confirmed she had been and said, …`: the subject of the first verb.
    if ((t.w === 'and' || t.w === 'but') && t.type === WORD) {
      const subject = this.subjectAt(t.sent);
      return subject && subject.end < e && subject.start >= lo ? { speaker: subject.speaker, start: subject.start } : undefined;
    }
    if (t.type === PUNCT && t.w === ',') {
      // `NAME, APPOSITION, said` or `NP, who …, said`
      let c = e - 1;
      while (c >= lo && c > e - 16 && !(toks[c].type === PUNCT && toks[c].w === ',') && toks[c].type !== DQ && toks[c].type !== SQ) c--;
      if (c < lo || c <= e - 16 || toks[c].type !== PUNCT) return undefined;
      const seg = this.word(c + 1);
      if (!seg) return undefined;
      let np = this.npBack(c - 1, lo);
      // `Clinton, 35, the daughter of …, said`
      if (np && np.b - np.a === 1 && isDigit(toks[np.a].w.charCodeAt(0)) && this.isPunct(np.a - 1, ',')) np = this.npBack(np.a - 2, lo);
      if (!np) return undefined;
      const inner = { start: toks[c + 1].s, end: toks[e - 1].e };
      if (['who', 'which', 'whose'].includes(seg.w) || DETS.has(seg.w) || isDigit(seg.w.charCodeAt(0)) || (!seg.cap && !STOPS.has(seg.w))) {
        const speaker = this.makeSpeaker(np.a, np.b, inner);
        return { speaker, start: np.a };
      }
      if (seg.cap && np.speakerKind !== 'named') {
        // `the governor of Herat, Ahmad Karimi, said`
        const name = this.npBack(e - 1, c + 1);
        if (name && name.a === c + 1 && name.speakerKind === 'named') {
          const speaker = this.makeSpeaker(name.a, name.b, { start: toks[np.a].s, end: toks[np.b - 1].e });
          return { speaker, start: np.a };
        }
      }
      return undefined;
    }
    const np = this.npBack(e, lo);
    if (!np) return undefined;
    return { speaker: this.makeSpeaker(np.a, np.b), start: np.a };
  }

  /** A noun phrase ending at token `e` (inclusive), walking back no further than `lo`. */
  private npBack(e: number, lo: number): { a: number; b: number; speakerKind: Speaker['kind'] } | undefined {
    const toks = this.toks;
    const t = this.word(e);
    if (!t || t.inQ >= 0 || STOPS.has(t.w) || DETS.has(t.w) || NP_PREPS.has(t.w) || this.cues[e]) return undefined;
    if (PRONOUNS.has(t.w)) return { a: e, b: e + 1, speakerKind: 'pronoun' };
    if (OBJECT_PRONOUNS.has(t.w)) return undefined;
    let a = e;
    while (a > lo && e - a < 12) {
      const cur = toks[a];
      if (DETS.has(cur.w)) {
        // A determiner starts the phrase unless it follows a linking preposition: `a spokesman for the ministry`.
        const p = this.word(a - 1);
        if (p && a - 1 >= lo && NP_PREPS.has(p.w) && this.linksNoun(a - 2, lo)) {
          a -= 2;
          continue;
        }
        break;
      }
      const p = toks[a - 1];
      if (p.type !== WORD || p.inQ >= 0) break;
      if (p.w === 'who' || p.w === 'that' || p.w === 'which') break;
      if (STOPS.has(p.w) || PRONOUNS.has(p.w) || OBJECT_PRONOUNS.has(p.w) || this.cues[a - 1] || p.w.endsWith('ing')) break;
      if (NP_PREPS.has(p.w)) {
        if (a - 2 >= lo && this.linksNoun(a - 2, lo)) {
          a -= 2;
          continue;
        }
        break;
      }
      // A lowercase word before a capitalised name is a verb or an adjective outside it: `captured Mujahid`.
      if (!p.cap && cur.cap && !TITLES.has(p.w) && !ROLE_NOUNS.has(p.w) && !NAME_PARTICLES.has(p.w) && !DETS.has(p.w) && !/^[\d-]/.test(p.w) && !p.w.endsWith('-old')) break;
      a--;
    }
    // Past a preposition the walk may have ended on the preposition's own object only.
    while (a < e && NP_PREPS.has(toks[a].w)) a++;
    // A lone lowercase word is a speaker only as a role or a plural (`officials`), not `live` or `campaign`.
    if (a === e && !t.cap && !ROLE_NOUNS.has(t.w) && !isPlural(t.w)) return undefined;
    if (t.w.endsWith('ing') && !t.cap) return undefined;
    return { a, b: e + 1, speakerKind: this.kindOf(a, e) };
  }

  private linksNoun(k: number, lo: number): boolean {
    const w = this.word(k);
    return !!w && k >= lo && w.inQ < 0 && !STOPS.has(w.w) && !DETS.has(w.w) && !NP_PREPS.has(w.w) && !PRONOUNS.has(w.w) && !this.cues[k];
  }

  /** Named when the phrase's head (before any preposition) is a proper name. */
  private kindOf(a: number, e: number): Speaker['kind'] {
    const toks = this.toks;
    let h = a;
    while (h < e && !NP_PREPS.has(toks[h + 1].w)) h++;
    const head = toks[h];
    if (PRONOUNS.has(head.w)) return 'pronoun';
    if (!head.cap || ROLE_NOUNS.has(head.w) || TITLES.has(head.w) && h === a) return 'anonymous';
    return 'named';
  }

  /** A noun phrase starting at token `k` (the speaker after an inverted cue or "according to"), with apposition. */
  private npForward(k: number, sent: number, beforeContent = false): { speaker: Speaker; end: number } | undefined {
    const toks = this.toks;
    const t = this.word(k);
    if (!t || t.sent !== sent || t.inQ >= 0 || this.cues[k] || STOPS.has(t.w) || NP_PREPS.has(t.w) || OBJECT_PRONOUNS.has(t.w) && !PRONOUNS.has(t.w)) return undefined;
    if (PRONOUNS.has(t.w)) return { speaker: this.makeSpeaker(k, k + 1), end: k };
    let e = k;
    let proper = false;
    while (e - k < 12) {
      const cur = toks[e];
      if (cur.cap) proper = !ROLE_NOUNS.has(cur.w) && !TITLES.has(cur.w);
      else if (!DETS.has(cur.w) && !NAME_PARTICLES.has(cur.w)) proper = false;
      const n = toks[e + 1];
      if (!n || n.type !== WORD || n.sent !== sent || n.inQ >= 0 || this.cues[e + 1]) break;
      if (STOPS.has(n.w) || DAYS.has(n.w) || n.w.endsWith('ing') && !n.cap) break;
      if (NP_PREPS.has(n.w)) {
        // `the governor of Herat`, `a security source in Herat`; not `Mujahid in a statement`.
        const o = this.word(e + 2);
        const o2 = o && DETS.has(o.w) ? this.word(e + 3) : o;
        if (!o2 || ADJUNCT_NOUNS.has(o2.w) || DAYS.has(o2.w) || (proper && n.w !== 'of') || n.w === 'to' || n.w === 'on') break;
        e += o2 === o ? 2 : 3;
        continue;
      }
      // A lowercase word after a name is outside the phrase (`said Mujahid late`).
      if (cur.cap && !n.cap && !ROLE_NOUNS.has(n.w) && !NAME_PARTICLES.has(n.w) && proper) break;
      e++;
    }
    if (DETS.has(toks[e].w)) return undefined;
    let end = e;
    let description: Range | undefined;
    let speaker = this.makeSpeaker(k, e + 1);
    // `said Mujahid, a Taliban spokesman,` / `said a spokesman, who asked not to be named` / `said the governor, Ahmad Karimi`
    if (this.isPunct(e + 1, ',')) {
      const s = this.word(e + 2);
      if (s && s.sent === sent && !this.cues[e + 2]) {
        let f = e + 2;
        while (f + 1 < toks.length && toks[f + 1].sent === sent && toks[f + 1].type === WORD && f - e < 20 && !(this.cues[f + 1] && !['who', 'which'].includes(s.w))) f++;
        // Before content (`According to officials, the airport …`) an apposition must be closed by a comma.
        const closes = beforeContent ? this.isPunct(f + 1, ',') : !toks[f + 1] || toks[f + 1].sent !== sent || toks[f + 1].type === PUNCT;
        if (closes && (s.w === 'who' || s.w === 'which' || DETS.has(s.w) || isDigit(s.w.charCodeAt(0)))) {
          description = { start: toks[e + 2].s, end: toks[f].e };
          if (speaker.kind === 'anonymous') description = { start: toks[k].s, end: toks[f].e };
          speaker = { ...speaker, description };
          end = f;
        } else if (closes && s.cap && speaker.kind === 'anonymous') {
          const name = this.npBack(f, e + 2);
          if (name && name.a === e + 2 && name.speakerKind === 'named') {
            speaker = this.makeSpeaker(name.a, name.b, { start: toks[k].s, end: toks[e].e });
            end = f;
          }
        }
      }
    }
    return { speaker, end };
  }

  /** The speaker of phrase a..b-1: a name run for named speakers (titles into the description), the phrase otherwise. */
  private makeSpeaker(a: number, b: number, description?: Range): Speaker {
    const toks = this.toks;
    const kind = this.kindOf(a, b - 1);
    if (kind === 'pronoun') return { a, b, kind, person: ['he', 'she', 'i'].includes(toks[a].w) };
    if (kind === 'anonymous') {
      const desc = description && description.start < toks[a].s ? description : description ? { start: toks[a].s, end: description.end } : { start: toks[a].s, end: toks[b - 1].e };
      let h = a;
      while (h < b - 1 && !NP_PREPS.has(toks[h + 1].w)) h++;
      return { a, b, kind, description: desc, person: !ORG_HEADS.has(toks[h].w) && !NOT_PEOPLE.has(toks[h].w) };
    }
    // The name: the capitalised run holding the head (`Bureau of Investigation` included), after any titles.
    let h = a;
    while (h < b - 1 && !NP_PREPS.has(toks[h + 1].w)) h++;
    const head = toks[h];
    while (ORG_HEADS.has(head.w) && h + 2 < b && toks[h + 1].w === 'of' && toks[h + 2].cap) {
      h += 2;
      while (h + 1 < b && toks[h + 1].cap) h++;
    }
    let s = h;
    while (s > a && !DETS.has(toks[s - 1].w) && (toks[s - 1].cap || NAME_PARTICLES.has(toks[s - 1].w) || (toks[s - 1].w === 'of' && s - 2 >= a && toks[s - 2].cap))) s--;
    let n = s;
    for (let m = s; m < h && !ORG_HEADS.has(head.w); m++) {
      const w = toks[m].w;
      if (TITLES.has(w) && !HONORIFICS.has(w)) n = m + 1;
      else if (w === 'of' && m > s && TITLES.has(toks[m - 1].w)) n = ++m + 1;
      else if (isDemonym(toks[m]) && TITLES.has(toks[m + 1].w)) n = m + 1;
    }
    if (n > h) n = h;
    const titled = n > a && !(n === a + 1 && DETS.has(toks[a].w));
    const desc = description ?? (titled ? { start: toks[a].s, end: toks[n - 1].e } : undefined);
    // "he"/"she" never stands for an organisation: a known organisation head, an acronym, or "the X" without a title.
    const org = ORG_HEADS.has(head.w) || ORG_HEADS.has(toks[h].w) || /^[A-Z0-9.&-]{2,}$/.test(this.text.slice(head.s, head.e)) || (!titled && n > a);
    return { a: n, b: h + 1, kind: 'named', description: desc, person: !org };
  }

  // --- output -------------------------------------------------------------

  resolve(found: Found[]): QuoteMention[] {
    const toks = this.toks;
    const text = this.text;
    const span = (s: number, e: number): TextSpan => ({ start: s, end: e, text: text.slice(s, e) });
    const out: QuoteMention[] = [];
    // Non-pronoun speakers so far, latest last: the antecedents of pronouns.
    const history: { sp: QuoteSpeaker; person: boolean; plural: boolean; desc: string }[] = [];
    const bySentence = new Map<number, QuoteSpeaker>();
    const made = new Map<Speaker, QuoteSpeaker>();
    const speakerOf = new Map<Found, QuoteSpeaker>();
    for (const f of found) {
      let sp: QuoteSpeaker | undefined = f.from && speakerOf.get(f.from);
      let speaker = f.speaker;
      if (!speaker && f.speakerFromPrevious) {
        sp = bySentence.get(f.sent);
        if (!sp) speaker = this.subjectAt(f.sent)?.speaker;
      }
      if (speaker) {
        sp = made.get(speaker);
        if (!sp) {
          const s = speaker;
          sp = { ...span(toks[s.a].s, toks[s.b - 1].e), kind: s.kind };
          if (s.description) sp.description = text.slice(s.description.start, s.description.end);
          const w = toks[s.a].w;
          if (s.kind === 'pronoun') {
            const ante = w === 'i' || w === 'we' ? undefined : antecedent(history, w) ?? (w === 'he' || w === 'she' ? this.personBefore(s.a) : undefined);
            if (ante) sp.resolved = span(ante.start, ante.end);
          } else {
            if (s.kind === 'anonymous' && w === 'the') {
              // `the spokesman` after `Zabihullah Mujahid, a Taliban spokesman`.
              const head = toks[s.b - 1].w;
              for (let i = history.length - 1; i >= 0; i--) {
                const h = history[i];
                if (h.sp.kind === 'named' && h.desc.split(/[^\p{L}]+/u).includes(head)) {
                  sp.resolved = span(h.sp.start, h.sp.end);
                  break;
                }
              }
            }
            history.push({ sp, person: s.person, plural: s.kind === 'anonymous' && isPlural(toks[s.b - 1].w), desc: (sp.description ?? '').toLowerCase() });
          }
          made.set(s, sp);
        }
      }
      if (sp) {
        bySentence.set(f.sent, sp);
        speakerOf.set(f, sp);
      }
      if (f.kind === 'indirect' && !sp) continue;
      const parts = f.parts;
      const m: QuoteMention = { ...span(parts[0].start, parts[parts.length - 1].end), kind: f.kind };
      if (parts.length > 1) m.parts = parts.map((p) => span(p.start, p.end));
      if (f.cue) m.cue = { ...span(toks[f.cue.a].s, toks[f.cue.b].e), lemma: f.cue.lemma };
      if (sp) m.speaker = sp;
      if (f.carried) m.carried = true;
      out.push(m);
    }
    return out;
  }

  /** The subject opening sentence `sent` (after a dateline or a leading adjunct): a pronoun, a name run, or a short phrase ending on a role noun. */
  private subjectAt(sent: number): { speaker: Speaker; start: number; end: number } | undefined {
    const toks = this.toks;
    const end = this.sentEnd[sent];
    if (this.sentStart[sent] === undefined) return undefined;
    let k = this.afterDateline(this.sentStart[sent], end);
    // A leading adjunct or subordinate clause closed by a comma: `On Sunday, …`, `When asked about it, …`.
    if (COORDINATORS.has(toks[k].w) && !this.isPunct(k + 1, ',')) k++;
    const first = toks[k].w;
    if (LEADERS.has(first) || first.endsWith('ly') || first.endsWith('ing') || NP_PREPS.has(first)) {
      let u = k + 1;
      while (u <= end && u < k + 20 && !this.isPunct(u, ',')) u++;
      if (!this.isPunct(u, ',')) return undefined;
      k = u + 1;
    }
    const t = this.word(k);
    if (!t || t.inQ >= 0) return undefined;
    let e = k;
    if (!PRONOUNS.has(t.w)) {
      if (t.cap && !DETS.has(t.w)) {
        while (this.word(e + 1)?.cap || (NAME_PARTICLES.has(this.word(e + 1)?.w ?? '') && this.word(e + 2)?.cap)) e++;
        if (ROLE_NOUNS.has(this.word(e + 1)?.w ?? '')) e++;
      } else {
        let found = -1;
        for (let u = k + (DETS.has(t.w) ? 1 : 0); u <= end && u < k + 5; u++) {
          const w = this.word(u);
          if (!w || STOPS.has(w.w)) break;
          if (ROLE_NOUNS.has(w.w) || (w.cap && !this.word(u + 1)?.cap)) {
            found = u;
            if (!ROLE_NOUNS.has(this.word(u + 1)?.w ?? '')) break;
          }
        }
        if (found < 0) return undefined;
        e = found;
      }
    }
    if (this.cues[e] || STOPS.has(toks[e].w)) return undefined;
    return { speaker: this.makeSpeaker(k, e + 1), start: k, end: e };
  }

  /** Fallback antecedent for he/she: the nearest person-like name (two or more capitalised words) in the three sentences before. */
  private personBefore(k: number): Range | undefined {
    const toks = this.toks;
    const lo = this.sentStart[Math.max(0, toks[k].sent - 3)] ?? 0;
    let e = k - 1;
    while (e >= lo) {
      if (!toks[e].cap || toks[e].inQ >= 0 || toks[e].type !== WORD) {
        e--;
        continue;
      }
      let s = e;
      while (s > lo && (toks[s - 1].cap || NAME_PARTICLES.has(toks[s - 1].w)) && toks[s - 1].type === WORD && toks[s - 1].inQ < 0) s--;
      while (s < e && (TITLES.has(toks[s].w) || DETS.has(toks[s].w))) s++;
      const last = toks[e];
      if (e > s && !ORG_HEADS.has(last.w) && !TITLES.has(last.w) && !/^[A-Z0-9.&-]{2,}$/.test(this.text.slice(last.s, last.e)))
        return { start: toks[s].s, end: last.e };
      e = s - 1;
    }
    return undefined;
  }
}

/** The latest earlier speaker a pronoun can refer to: a single person for he/she, a group for they, an organisation for it. */
function antecedent(history: { sp: QuoteSpeaker; person: boolean; plural: boolean }[], w: string): QuoteSpeaker | undefined {
  for (let i = history.length - 1; i >= 0 && i >= history.length - 8; i--) {
    const h = history[i];
    if (w === 'he' || w === 'she' ? h.person && !h.plural : w === 'they' ? h.plural || !h.person : !h.person && !h.plural) return h.sp;
  }
  return undefined;
}

const PLURALS = new Set(['people', 'police', 'men', 'women', 'staff', 'children', 'authorities', 'media', 'military']);
function isPlural(w: string): boolean {
  return PLURALS.has(w) || (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && w.length > 3);
}

function lowerBound(xs: number[], x: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function isDemonym(t: Tok): boolean {
  return t.cap && /(an|ian|ese|ish|i|ch)$/.test(t.w) && t.w.length > 3;
}

/**
 * Archive copy (the New York Times' among others) writes double quotes as two
 * apostrophes (''…''): read as `"` with a space on the outer side, the same
 * length, so every offset stays valid.
 */
export function archiveQuotes(text: string): string {
  return text.replace(/''/g, (_, i: number) => (i === 0 || /[\s(\[—–-]/.test(text[i - 1]) ? ' "' : '" '));
}

/** Mentions found in a same-length rewrite of `text`, with their texts taken from `text` itself. */
function withOriginalText(ms: QuoteMention[], text: string): QuoteMention[] {
  const fix = <T extends TextSpan>(x: T): T => ({ ...x, text: text.slice(x.start, x.end) });
  return ms.map((m) => ({
    ...fix(m),
    ...(m.parts ? { parts: m.parts.map(fix) } : {}),
    ...(m.cue ? { cue: fix(m.cue) } : {}),
    ...(m.speaker ? { speaker: { ...fix(m.speaker), ...(m.speaker.resolved ? { resolved: fix(m.speaker.resolved) } : {}) } } : {}),
  }));
}

/**
 * Direct quotes and reported speech in one document, in text order. Needs no
 * parse: a shared wink-nlp part-of-speech array was measured on PolNeAR and
 * did not help (its tagging errors on cue verbs cost as much as it fixed).
 */
export function extractQuotes(doc: QuoteInput): QuoteMention[] {
  if (doc.text.includes("''")) return withOriginalText(extractQuotes({ ...doc, text: archiveQuotes(doc.text) }), doc.text);
  const text = doc.text;
  const toks = tokenizeText(text);
  if (!toks.length) return [];
  const paras = doc.paragraphs ?? splitParagraphs(text);
  let si = 0;
  const sents = doc.sentences;
  for (const t of toks) {
    while (si < sents.length && sents[si].end <= t.s) si++;
    t.sent = si < sents.length && sents[si].start <= t.s ? si : -1;
  }
  const quotes = pairQuotes(text, toks, paras);
  const ex = new Extractor(text, toks);
  return ex.resolve(ex.run(quotes));
}
