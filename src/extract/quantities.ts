// Quantities in news text: counts ("at least 12 civilians", "11 of the 34
// provincial capitals", "tens of thousands of people"), money ("$1.5
// billion"), percentages, fractions ("two-thirds of the nation"), measures
// ("95 miles (150 kilometres)", "a 7.2-magnitude earthquake", "40C"),
// durations ("three days", "a 20-year war") and ages ("a 35-year-old man").
//
// One regex pass cuts the text into small tokens; a hand-written grammar
// starts at each token that can open a number and reads left (currency,
// hedges like "at least") and right (scale, unit, conversion, "of the 34",
// counted noun). Dates, years, clock times, ordinals, phone numbers and
// numbers inside names ("AK-47", "COVID-19", "Resolution 2254") are not
// quantities: the time module reads dates and times.
//
// Choices:
// - `value` is the number with its scale applied ("$1.5 billion" → 1.5e9);
//   for a range or a plural quantifier ("hundreds") it is the low end, with
//   `low`/`high` set.
// - Percentages keep the figure (`value: 50`, `unit: 'percent'`) and
//   normalize to a ratio (`{ value: 0.5, unit: 'ratio' }`); fractions have a
//   ratio as value.
// - Normalized units: metres, kg, m², m³, m/s, °C, seconds (durations and
//   ages), W, Wh; money keeps its ISO 4217 code (value in units); barrels
//   stay barrels. "tons" are US short tons, "tonnes"/"metric tons" 1000 kg.
// - A parenthesised conversion ("95 miles (150 kilometres)") belongs to the
//   mention it converts: one mention spanning both, the conversion in `alt`.
// - Hedges are canonical: "over"/"above"/"upwards of" → 'more than',
//   "almost"/"close to" → 'nearly', "as many as" → 'up to', "some"/"roughly"
//   → 'about'; ranges are 'range' and plural quantifiers 'vague'.
// - `counts` is the counted noun: head lemma with up to two modifiers kept
//   as written ("provincial capital", "Afghan soldier"); `modifies` is the
//   noun an adjectival quantity qualifies ("a 20-year war" → 'war').
import { tokenize, type Token } from '../text/nlp.js';
import { DENOMINATORS, SCALE_WORDS, SUFFIX_SCALES, isNumberWord, parseNumeral, readNumber, smallWord, type NumberRead } from './numbers.js';
import { dict } from '../util/dict.js';

export type QuantityKind = 'count' | 'money' | 'percent' | 'fraction' | 'measure' | 'duration' | 'age';

export interface QuantityMention {
  start: number;
  end: number;
  text: string;
  value: number;
  low?: number;
  high?: number;
  /** "11 of the 34 provincial capitals" → 34. */
  total?: number;
  /** Unit in one spelling: 'km', 'mile', 'percent', 'day', '°C'; money: the currency code. */
  unit?: string;
  normalized?: { value: number; unit: string };
  /** The counted noun: 'civilian', 'people', 'provincial capital'. */
  counts?: string;
  /** What an adjectival quantity qualifies: "the 600,000-strong army" → 'army'. */
  modifies?: string;
  /** A rate: "2 million barrels a day" → 'day', "$80 a barrel" → 'barrel'. */
  per?: string;
  approx?: string;
  /** The parenthesised conversion of the same quantity. */
  alt?: { value: number; unit?: string; normalized?: { value: number; unit: string } };
  kind: QuantityKind;
}


// ---------------------------------------------------------------- units

interface UnitDef {
  unit: string;
  kind: 'measure' | 'duration' | 'percent' | 'money';
  /** Normalized unit; absent when the unit is kept as is. */
  base?: string;
  factor?: number;
}

const UNITS = new Map<string, UnitDef>();
let maxUnitWords = 1;
function units(kind: UnitDef['kind'], unit: string, base: string | undefined, factor: number, names: string): void {
  for (const n of names.split('|')) {
    UNITS.set(n, { unit, kind, base, factor });
    maxUnitWords = Math.max(maxUnitWords, n.split(' ').length);
  }
}
units('measure', 'km', 'm', 1000, 'km|kms|kilometre|kilometres|kilometer|kilometers');
units('measure', 'mile', 'm', 1609.344, 'mile|miles|mi');
units('measure', 'nautical mile', 'm', 1852, 'nautical mile|nautical miles');
units('measure', 'm', 'm', 1, 'metre|metres|meter|meters');
units('measure', 'cm', 'm', 0.01, 'cm|centimetre|centimetres|centimeter|centimeters');
units('measure', 'mm', 'm', 0.001, 'mm|millimetre|millimetres|millimeter|millimeters');
units('measure', 'ft', 'm', 0.3048, 'ft|foot|feet');
units('measure', 'inch', 'm', 0.0254, 'inch|inches');
units('measure', 'yard', 'm', 0.9144, 'yard|yards|yd|yds');
units('measure', 'km²', 'm²', 1e6, 'km2|km²|sq km|square km|square kilometre|square kilometres|square kilometer|square kilometers');
units('measure', 'sq mile', 'm²', 2589988.110336, 'square mile|square miles|sq mi|sq miles|sq mile|mi²');
units('measure', 'm²', 'm²', 1, 'm2|m²|square metre|square metres|square meter|square meters|sq m');
units('measure', 'sq ft', 'm²', 0.09290304, 'square foot|square feet|sq ft');
units('measure', 'hectare', 'm²', 1e4, 'ha|hectare|hectares');
units('measure', 'acre', 'm²', 4046.8564224, 'acre|acres');
units('measure', 'kg', 'kg', 1, 'kg|kgs|kilogram|kilograms|kilogramme|kilogrammes|kilo|kilos');
units('measure', 'g', 'kg', 0.001, 'g|gram|grams|gramme|grammes');
units('measure', 'mg', 'kg', 1e-6, 'mg|milligram|milligrams');
units('measure', 'tonne', 'kg', 1000, 'tonne|tonnes|metric ton|metric tons|metric tonne|metric tonnes');
units('measure', 'ton', 'kg', 907.18474, 'ton|tons');
units('measure', 'lb', 'kg', 0.45359237, 'lb|lbs|pound|pounds');
units('measure', 'oz', 'kg', 0.028349523125, 'oz|ounce|ounces');
units('measure', 'litre', 'm³', 0.001, 'litre|litres|liter|liters');
units('measure', 'gallon', 'm³', 0.003785411784, 'gallon|gallons');
units('measure', 'm³', 'm³', 1, 'm3|m³|cubic metre|cubic metres|cubic meter|cubic meters');
units('measure', 'barrel', 'barrel', 1, 'barrel|barrels|bbl');
units('measure', 'km/h', 'm/s', 1 / 3.6, 'km/h|kmh|kph|kmph|km per hour|km an hour|kilometres per hour|kilometers per hour|kilometres an hour|kilometers an hour');
units('measure', 'mph', 'm/s', 0.44704, 'mph|miles per hour|miles an hour');
units('measure', 'knot', 'm/s', 1852 / 3600, 'knot|knots');
units('measure', 'm/s', 'm/s', 1, 'm/s|metres per second|meters per second');
units('measure', '°C', '°C', 1, '°c|ºc|degrees celsius|degree celsius|degrees centigrade|celsius');
units('measure', '°F', '°C', 1, '°f|ºf|degrees fahrenheit|degree fahrenheit|fahrenheit');
units('measure', 'degree', undefined, 1, 'degree|degrees|°|º');
units('measure', 'magnitude', 'magnitude', 1, 'magnitude|on the richter scale');
units('measure', 'kW', 'W', 1e3, 'kw|kilowatt|kilowatts');
units('measure', 'MW', 'W', 1e6, 'mw|megawatt|megawatts');
units('measure', 'GW', 'W', 1e9, 'gw|gigawatt|gigawatts');
units('measure', 'kWh', 'Wh', 1e3, 'kwh|kilowatt-hour|kilowatt-hours|kilowatt hours');
units('measure', 'MWh', 'Wh', 1e6, 'mwh|megawatt-hour|megawatt-hours|megawatt hours');
units('measure', 'GWh', 'Wh', 1e9, 'gwh|gigawatt-hour|gigawatt-hours|gigawatt hours');
units('measure', 'TWh', 'Wh', 1e12, 'twh|terawatt-hour|terawatt-hours|terawatt hours');
units('percent', 'percent', 'ratio', 0.01, '%|percent|per cent|per-cent|pct|pc');
units('percent', 'percentage point', 'ratio', 0.01, 'percentage point|percentage points|percent point|percent points');
units('percent', 'basis point', 'ratio', 1e-4, 'basis point|basis points|bps|bp');
units('duration', 'second', 's', 1, 'second|seconds|sec|secs');
units('duration', 'minute', 's', 60, 'minute|minutes|min|mins');
units('duration', 'hour', 's', 3600, 'hour|hours|hr|hrs');
units('duration', 'day', 's', 86400, 'day|days');
units('duration', 'week', 's', 604800, 'week|weeks');
units('duration', 'fortnight', 's', 1209600, 'fortnight|fortnights');
units('duration', 'month', 's', 2629800, 'month|months');
units('duration', 'year', 's', 31557600, 'year|years|yr|yrs');
units('duration', 'decade', 's', 315576000, 'decade|decades');
units('duration', 'century', 's', 3155760000, 'century|centuries');

function money(code: string, names: string, factor = 1): void {
  units('money', code, code, factor, names);
}
money('USD', 'dollar|dollars|us dollars|u.s. dollars|american dollars|usd');
money('USD', 'cent|cents', 0.01);
money('CAD', 'canadian dollar|canadian dollars|cad');
money('AUD', 'australian dollar|australian dollars|aud');
money('HKD', 'hong kong dollars|hkd');
money('NZD', 'new zealand dollars|nzd');
money('SGD', 'singapore dollars|sgd');
money('TWD', 'taiwan dollars|new taiwan dollars|twd');
money('EUR', 'euro|euros|eur');
money('GBP', 'pounds sterling|sterling|british pounds|gbp');
money('GBP', 'pence', 0.01);
money('EGP', 'egyptian pounds|egp');
money('LBP', 'lebanese pounds|lebanese lira|lbp');
money('SYP', 'syrian pounds|syp');
money('SDG', 'sudanese pounds|sdg');
money('JPY', 'yen|jpy');
money('CNY', 'yuan|renminbi|cny|rmb');
money('INR', 'rupee|rupees|indian rupees|inr');
money('PKR', 'pakistani rupees|pkr');
money('LKR', 'sri lankan rupees|lkr');
money('NPR', 'nepalese rupees|npr');
money('RUB', 'ruble|rubles|rouble|roubles|rub');
money('UAH', 'hryvnia|hryvnias|hryvnias|uah');
money('AFN', 'afghani|afghanis|afn');
money('ILS', 'shekel|shekels|new shekels|ils|nis');
money('SAR', 'riyal|riyals|saudi riyals|sar');
money('QAR', 'qatari riyals|qar');
money('IRR', 'rial|rials|iranian rials|irr');
money('YER', 'yemeni rials|yer');
money('AED', 'dirham|dirhams|aed');
money('MAD', 'moroccan dirhams|mad');
money('TRY', 'lira|liras|turkish lira|turkish liras|try');
money('MXN', 'peso|pesos|mexican pesos|mxn');
money('ARS', 'argentine pesos|ars');
money('PHP', 'philippine pesos|php');
money('COP', 'colombian pesos|cop');
money('NGN', 'naira|ngn');
money('ZAR', 'rand|zar');
money('CHF', 'franc|francs|swiss francs|chf');
money('XOF', 'cfa francs|xof');
money('IQD', 'iraqi dinars|iqd');
money('JOD', 'jordanian dinars|jod');
money('KWD', 'kuwaiti dinars|kwd');
money('LYD', 'libyan dinars|lyd');
money('TND', 'tunisian dinars|tnd');
money('DZD', 'algerian dinars|dzd');
money('BDT', 'taka|bdt');
money('IDR', 'rupiah|idr');
money('MYR', 'ringgit|myr');
money('THB', 'baht|thb');
money('KRW', 'south korean won|krw');
money('KES', 'kenyan shillings|kes');
money('UGX', 'ugandan shillings|ugx');
money('ETB', 'birr|etb');
money('BRL', 'reais|brazilian reais|brl');
money('PLN', 'zloty|zlotys|pln');
money('SEK', 'swedish kronor|swedish crowns|sek');
money('NOK', 'norwegian kroner|norwegian crowns|nok');
money('BTC', 'bitcoin|bitcoins|btc');
// Currency codes are written in capitals; in lower case several are words.
const CODE_WORDS = new Set(['usd', 'cad', 'aud', 'hkd', 'nzd', 'sgd', 'twd', 'eur', 'gbp', 'egp', 'lbp', 'syp', 'sdg', 'jpy', 'cny', 'rmb', 'inr', 'pkr', 'lkr', 'npr', 'rub', 'uah', 'afn', 'ils', 'nis', 'sar', 'qar', 'irr', 'yer', 'aed', 'mad', 'try', 'mxn', 'ars', 'php', 'cop', 'ngn', 'zar', 'chf', 'xof', 'iqd', 'jod', 'kwd', 'lyd', 'tnd', 'dzd', 'bdt', 'idr', 'myr', 'thb', 'krw', 'kes', 'ugx', 'etb', 'brl', 'pln', 'sek', 'nok', 'btc']);

/** Currency written before the number: symbol, symbol with country letters, or code. */
const SYMBOLS: Record<string, string> = dict({
  $: 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY', '₹': 'INR', '₽': 'RUB', '₴': 'UAH', '₺': 'TRY', '₩': 'KRW',
  '₦': 'NGN', '₪': 'ILS', '₱': 'PHP', '₫': 'VND', '฿': 'THB', '₿': 'BTC',
});
const DOLLAR_PREFIX: Record<string, string> = dict({
  US: 'USD', A: 'AUD', AU: 'AUD', C: 'CAD', CA: 'CAD', HK: 'HKD', NZ: 'NZD', S: 'SGD', NT: 'TWD', R: 'BRL', Z: 'ZWL',
});

/** Glued unit suffixes: "10km", "40C", "5kg", "20ft". Case matters for C and F. */
const SUFFIX_UNITS: Record<string, string> = dict({
  km: 'km', kms: 'km', mi: 'mile', cm: 'cm', mm: 'mm', ft: 'ft', kg: 'kg', kgs: 'kg', g: 'g', mg: 'mg',
  lb: 'lb', lbs: 'lb', oz: 'oz', mph: 'mph', kmh: 'km/h', kph: 'km/h', km2: 'km²', 'km²': 'km²',
  m2: 'm²', 'm²': 'm²', m3: 'm³', 'm³': 'm³', ha: 'ha', C: '°c', F: '°f', kw: 'kw', mw: 'mw', gw: 'gw',
  kwh: 'kwh', mwh: 'mwh', gwh: 'gwh', twh: 'twh', bbl: 'bbl', pc: '%', bps: 'bps', bp: 'bp',
});

// ---------------------------------------------------------------- word lists

function set(words: string): Set<string> {
  return new Set(words.split(' '));
}
const APPROX: [string[], string][] = (
  [
    ['at least|no fewer than|no less than|a minimum of|not less than|minimum of', 'at least'],
    ['more than|over|above|upwards of|in excess of|well over|just over|well above|greater than|beyond', 'more than'],
    ['less than|fewer than|under|below|just under|just below|well under|short of', 'less than'],
    ['up to|as many as|as much as|as high as|no more than|at most|a maximum of|not more than|maximum of', 'up to'],
    ['nearly|almost|close to|just shy of|approaching|nearing|closer to|near', 'nearly'],
    ['about|around|approximately|roughly|some|circa|an estimated|estimated|approx|an approximate|more or less|somewhere around|in the region of', 'about'],
    ['exactly|precisely', 'exactly'],
    // Not hedges, but they announce a figure: a year or a name cannot follow.
    ['just|only|a mere|a total of|a record|a further|another|an additional', ''],
  ] as const
)
  .flatMap(([names, v]) => names.split('|').map((n) => [n.split(' '), v] as [string[], string]))
  .sort((a, b) => b[0].length - a[0].length);

const APPROX_BY_LAST = new Map<string, [string[], string][]>();
for (const a of APPROX) {
  const last = a[0][a[0].length - 1];
  APPROX_BY_LAST.set(last, [...(APPROX_BY_LAST.get(last) ?? []), a]);
}
const MONTHS = set('january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec');
const WEEKDAYS = set('monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun');
const TIME_AFTER = set("a.m. p.m. am pm a.m p.m gmt utc bst cet cest est edt pst pdt cst cdt et pt ct o'clock o’clock");
/** Words before a number that make it a name or a rank: "Article 5", "Flight 370". */
const IDENT_BEFORE = set(
  'no nos no. number article articles section sections chapter clause paragraph page pages room flight route highway interstate ' +
    'resolution rule title amendment phase stage level category grade gate platform terminal line unit ward district precinct ' +
    'block building exit lane verse item version episode season volume vol figure fig table channel tier step round class size ' +
    'model code proposition prop measure zone sector camp cell apartment apt suite box lot tower wing pier runway type part act ' +
    'top bottom covid windows iphone boeing airbus ranked rank ranking seed pg station bus jet',
);
/** Function words and common verbs: a counted noun phrase stops before them. */
const STOP = set(
  'a an the and or but nor of in on at to for from by with without into onto over under about around after before since ' +
    'during until than as per via across against among between through within near including like plus minus versus vs ' +
    'is are was were be been being am has have had do does did will would shall should can could may might must not no ' +
    'who whom whose which that this these those it its they them their he him his she her we us our you your i me my ' +
    'there here where when while what how why if so also still just only even already ago later earlier each every all ' +
    'both either neither said says say told according reportedly yesterday today tonight tomorrow last next then now ' +
    'less most least many much few several some any others such own same too very again once twice ' +
    'got get gets getting went go goes going came come comes coming died killed because though although unless whether ' +
    'despite amid amidst toward towards upon unlike alongside beside behind beyond inside outside throughout ' +
    'out up down off above below away back',
);
/** Verbs that end a singular noun phrase ("half of the nation lacks", "the army fled"). */
const VERBS = set(
  'lacks remains holds lives faces wants needs supports believes thinks sees goes comes makes takes gives uses works ' +
    'plans expects feels knows shows seems includes continues owns depends controls suffers relies opposes favors favours ' +
    'backs agrees disagrees lies falls rises stands speaks struggles reports receives pays earns votes approves disapproves ' +
    'considers describes resides comprises accounts represents consists belongs reside live remain say think want need ' +
    'struck hit left fled came went took made began fell rose brought held led met paid ran saw sent shot spent stood told ' +
    'won broke drove flew grew knew threw lost built bought fought sought thought felt kept spread away wrote spoke chose gave ' +
    'became drew understood wore swore stole',
);
/** Nouns in -ing, which a noun phrase may end with ("an apartment building"). */
const ING_NOUNS = set(
  'building buildings meeting meetings funding housing training bombing bombings shooting shootings wedding morning evening ' +
    'ceiling spending hearing hearings warning warnings uprising offering gathering crossing crossings landing ruling rulings ' +
    'finding findings filing filings holding holdings earnings feeling painting clothing beginning ending being beings ' +
    'killing killings opening setting recording recordings screening sibling siblings string swing thing things king kings ' +
    'ring wing spring evening outing rating ratings polling staffing lending pricing',
);
/** Adjectives in -ly: "likely voters", "elderly residents". */
const LY_ADJ = set('likely unlikely early elderly daily weekly monthly yearly nightly hourly friendly costly deadly holy only lonely orderly');
/** Modifiers dropped from the counted noun: "3,000 more troops" counts troops. */
const DROP_MOD = set('more other additional further extra fewer total separate different new so-called estimated roughly nearly some');
const IRREGULAR_PLURAL: Record<string, string> = dict({
  people: 'people', men: 'man', women: 'woman', children: 'child', police: 'police', personnel: 'personnel',
  cattle: 'cattle', livestock: 'livestock', staff: 'staff', crew: 'crew', aircraft: 'aircraft', feet: 'foot',
  teeth: 'tooth', mice: 'mouse', geese: 'goose', clergy: 'clergy', folk: 'folk', sheep: 'sheep', fish: 'fish',
  deer: 'deer', militia: 'militia', infantry: 'infantry', data: 'data', media: 'media', offspring: 'offspring',
  lives: 'life', wives: 'wife', knives: 'knife', thieves: 'thief', wolves: 'wolf', shelves: 'shelf', halves: 'half',
  leaves: 'leaf', loaves: 'loaf', selves: 'self', calves: 'calf', heroes: 'hero', potatoes: 'potato',
  tomatoes: 'tomato', vetoes: 'veto', torpedoes: 'torpedo', volcanoes: 'volcano', echoes: 'echo',
  embargoes: 'embargo', mosquitoes: 'mosquito', tornadoes: 'tornado', buses: 'bus', gases: 'gas',
  viruses: 'virus', campuses: 'campus', bonuses: 'bonus', censuses: 'census', statuses: 'status',
  surpluses: 'surplus', crises: 'crisis', analyses: 'analysis', theses: 'thesis', bases: 'base',
  diagnoses: 'diagnosis', phenomena: 'phenomenon', criteria: 'criterion', indices: 'index',
  movies: 'movie', cookies: 'cookie', calories: 'calorie', lies: 'lie', ties: 'tie', zombies: 'zombie',
  rookies: 'rookie', selfies: 'selfie', headaches: 'headache', aches: 'ache', avalanches: 'avalanche',
  shoes: 'shoe', toes: 'toe', foes: 'foe', woes: 'woe', canoes: 'canoe', series: 'series', species: 'species',
});
/** Words ending in -s that are not plurals. */
const NOT_PLURAL = set(
  'gas bias atlas chaos canvas alias lens news politics economics physics ethics mathematics thus whereas across ' +
    'perhaps always sometimes besides towards afterwards upwards forwards backwards downwards overseas various ' +
    'previous numerous famous serious dangerous enormous anonymous nervous obvious tremendous jealous ' +
    'ones its his this was has is us yes plus minus bus analysis crisis basis thesis status campus census virus ' +
    'bonus focus consensus genius corpus surplus stimulus apparatus cosmos ethos pathos kudos ' +
    'paris texas kansas arkansas hamas wales athens brussels honduras lagos caracas tunis memphis vegas angeles aires',
);
/** After "one": it is a pronoun or an idiom, not a count ("one day", "one of the most"). */
const ONE_IDIOM = set('day time thing way another hand side point reason example kind sort of more less such last other ' +
  'by after upon at in on to who which that is was has had said says told');
const HALF_AFTER = set('first second last latter former other top bottom the this that each either');
const ONE_AFTER = set('no the any every each this that which another');
const QUOTES = set('" “ ‘ \'');
const HARD_STOP_POS = set('AUX ADP PRON SCONJ CCONJ PART DET');
const CONTRACTED = set("he's she's it's that's there's what's who's let's here's where's he’s she’s it’s that’s there’s what’s who’s let’s here’s where’s");
const DET = set('the its their his her our my your these those all whose');
/** Compounds that are idioms, not quantities ("one-sided", "two-state solution"). */
const COMPOUND_STOP = set('way sided time off on fold party state step size man horse stop shot liner to all hit track of or and in by ' +
  'handed faced dimensional sum');
const DURATION_MODS = set('more additional further extra straight consecutive successive full long whole');
const AGE_BEFORE = set('aged age ages');
const CHANGE = set('rose fell increased decreased dropped climbed jumped grew declined surged plunged slipped soared went ' +
  'rising falling increasing decreasing growing climbing dropping up down cut raised lowered reduced boosted tumbled sank ' +
  'rise fall increase decrease drop grow climb jump decline surge plunge soar raise lower reduce boost');
const RATE_NOUNS = set('barrel tonne ton kilogram kg litre liter gallon head person piece share unit capita pound ounce');
const SENTENCE_PUNCT = set('. ! ? " “ ” ‘ \' : ; ( [ — – -');
SENTENCE_PUNCT.add('\n');

// ---------------------------------------------------------------- tokens

interface Tk {
  s: number;
  e: number;
  t: string;
  l: string;
  /** A line break, or text that was not tokenized, lies before this token. */
  brk: boolean;
}
// Dotted abbreviations ("U.S.", "a.m."), then words and numerals with inner
// hyphens, dots, slashes, colons, apostrophes and thousands separators
// ("twenty-five", "1.5", "9/11", "10:30", "3,000"), then single symbols.
const TOKEN_RE = /(?:\p{L}\.){2,}|[\p{L}\p{N}]+(?:(?:[-–'’.&/:]|,(?=\d{3}(?!\d)))[\p{L}\p{N}]+)*|\S/gu;
// Where a number may be: only sentences with one of these are tokenized.
const SEED_RE =
  /\d|\b(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|(?:thir|four|fif|six|seven|eigh|nine)teen|(?:twen|thir|for|fif|six|seven|eigh|nine)ty|hundred|thousand|million|billion|trillion|dozen|half|third|quarter|fourth|fifth|tenth|score|lakh|crore)s?\b/gi;

/** Tokens of the chunks (sentences, else lines) that contain a digit or a number word. */
function scan(text: string, chunks: { start: number; end: number }[]): Tk[] {
  const out: Tk[] = [];
  let c = 0;
  let nextNl = -1;
  SEED_RE.lastIndex = 0;
  for (let m = SEED_RE.exec(text); m; m = SEED_RE.exec(text)) {
    while (c < chunks.length && chunks[c].end <= m.index) c++;
    if (c === chunks.length) break;
    const chunk = chunks[c++];
    if (chunk.start > m.index) {
      SEED_RE.lastIndex = chunk.start;
      c--;
      continue;
    }
    TOKEN_RE.lastIndex = chunk.start;
    let first = true;
    let prevEnd = chunk.start;
    for (let t = TOKEN_RE.exec(text); t && t.index < chunk.end; t = TOKEN_RE.exec(text)) {
      const s = t.index;
      if (nextNl < prevEnd) nextNl = text.indexOf('\n', prevEnd) >>> 0; // -1 becomes 2^32-1: never
      const brk = first || nextNl < s;
      if (brk && !first) out.push(lineEnd(nextNl));
      out.push({ s, e: s + t[0].length, t: t[0], l: t[0].toLowerCase(), brk });
      prevEnd = s + t[0].length;
      first = false;
    }
    out.push(lineEnd(chunk.end));
    SEED_RE.lastIndex = chunk.end;
  }
  return out;
}

/** An empty token at a line break or chunk end, so no reading, left or right, goes past it. */
function lineEnd(at: number): Tk {
  return { s: at, e: at, t: '\n', l: '\n', brk: true };
}

/** Line ranges, the chunks when the caller has no sentences. */
function lines(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let at = 0;
  while (at < text.length) {
    let nl = text.indexOf('\n', at);
    if (nl < 0) nl = text.length;
    if (nl > at) out.push({ start: at, end: nl });
    at = nl + 1;
  }
  return out;
}

const DIGIT_TOKEN_RE = /^(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?([A-Za-z°²³]*|[½¼¾⅓⅔])$/;
const VULGAR: Record<string, number> = dict({ '½': 0.5, '¼': 0.25, '¾': 0.75, '⅓': 1 / 3, '⅔': 2 / 3 });
const isDigit = (c: number) => c >= 48 && c <= 57;
const isUpper = (s: string) => {
  const c = s.charCodeAt(0);
  return c >= 65 && c <= 90;
};
const isWord = (t: Tk) => /^\p{L}[\p{L}\-'’.]*$/u.test(t.t);

/** The grammar's view of a number at one token. */
interface Num extends NumberRead {
  /** A unit glued to the numeral ("10km"), as a UNITS key. */
  suffixUnit?: string;
  /** A glued scale that may be metres instead ("100m"). */
  mOrMetre?: boolean;
  /** Hyphenated tail after the number ("year", "old"), lowercase. */
  tail?: string[];
  approx?: string;
  yearLike?: boolean;
  word?: string;
  /** Written ".46": the mention starts at the dot. */
  dotStart?: boolean;
}

// ---------------------------------------------------------------- scanner

class Scanner {
  readonly out: QuantityMention[] = [];
  private readonly words: string[];

  constructor(
    private readonly text: string,
    private readonly tk: Tk[],
    private readonly tokens: Token[] | undefined,
  ) {
    this.words = tk.map((t) => t.l);
  }

  run(): QuantityMention[] {
    const tk = this.tk;
    let floor = 0;
    for (let i = 0; i < tk.length; i++) {
      if (!this.canStart(i)) continue;
      const r = this.parseAt(i, floor);
      if (r) {
        this.out.push(r.m);
        floor = r.next;
        i = r.next - 1;
      }
    }
    return this.out;
  }

  private canStart(i: number): boolean {
    const t = this.tk[i];
    const c = t.t.charCodeAt(0);
    if (isDigit(c)) return true;
    if (c >= 48 && c < 65) return false;
    const l = t.l;
    if (isNumberWord(l) || l === 'several') return true;
    if (l === 'a' || l === 'an') {
      const n = this.words[i + 1];
      return n !== undefined && (n === 'few' || n === 'couple' || (SCALE_WORDS[n] !== undefined && n.length > 4) || (DENOMINATORS[n] !== undefined && n !== 'half'));
    }
    const dash = l.indexOf('-');
    return dash > 0 && (smallWord(l.slice(0, dash)) !== undefined || l.startsWith('half-') || smallWord(l) !== undefined);
  }

  /** Read the number at token i (digits, words or a hyphenated compound). */
  private readAt(i: number): Num | undefined {
    const t = this.tk[i];
    if (isDigit(t.t.charCodeAt(0))) return this.readDigits(i);
    const l = t.l;
    if (l.includes('-') && smallWord(l) === undefined && !/^(?:\p{L}+)-(?:thirds?|quarters?|halves|half|fifths?|tenths?|fourths?|sixths?|eighths?)$/u.test(l)) {
      // "three-day", "twenty-five-year-old", "half-hour"
      const parts = l.split(/[-–]/);
      for (let k = parts.length - 1; k >= 1; k--) {
        const head = parts.slice(0, k);
        let value: number | undefined;
        if (head.length === 1 && head[0] === 'half') value = 0.5;
        else {
          const joined = readNumber([head.join('-')], 0); // "twenty-five"
          const split = readNumber(head, 0); // "one-hundred"
          if (joined && joined.next === 1 && !joined.vague) value = joined.value;
          else if (split && split.next === head.length && !split.vague) value = split.value;
        }
        if (value !== undefined) return { value, next: i + 1, tail: parts.slice(k), word: head.join('-') };
      }
      return undefined;
    }
    const r = readNumber(this.words, i);
    if (!r) return undefined;
    return { ...r, word: l };
  }

  private readDigits(i: number): Num | undefined {
    const t = this.tk[i];
    if (/[/:]/.test(t.t)) return undefined; // 9/11, 24/7, 10:30
    const parts = t.t.split(/[-–]/);
    if (parts.length > 1) {
      const a = DIGIT_TOKEN_RE.exec(parts[0]);
      if (!a) return undefined;
      if (parts.every((p) => /^[\d,.]+$/.test(p))) {
        // "100-150" is a range; "555-1234", "3-2", "2020-21", "1-800-..." are not.
        if (parts.length !== 2) return undefined;
        const x = parseNumeral(parts[0]);
        const y = parseNumeral(parts[1]);
        if (x === undefined || y === undefined || y <= x) return undefined;
        if (/^\d{3}$/.test(parts[0]) && /^\d{4}$/.test(parts[1])) return undefined;
        if (/^\d{4}$/.test(parts[0]) && x >= 1600 && x <= 2100) return undefined;
        return { value: x, low: x, high: y, next: i + 1, digits: true, approx: 'range' };
      }
      const tail = parts.slice(1);
      if (!tail.every((p) => /^[a-z]+(?:['’]s)?$/.test(p))) return undefined; // 7-Eleven, 2-D
      const n = this.numeral(a);
      if (!n) return undefined;
      return { ...n, next: i + 1, digits: true, tail };
    }
    const a = DIGIT_TOKEN_RE.exec(t.t);
    if (!a) return undefined;
    const n = this.numeral(a);
    if (!n) return undefined;
    if (a[3]) return { ...n, next: i + 1, digits: true };
    // ".46": a decimal whose zero was left out
    const p = this.tk[i - 1];
    if (p && p.t === '.' && p.e === t.s && (i < 2 || this.tk[i - 2].e < p.s) && !/[,.]/.test(t.t)) {
      return { value: Number('0.' + t.t), next: i + 1, digits: true, dotStart: true };
    }
    // Plain numeral: let the word reader add scale words ("1.5 million").
    const r = readNumber(this.words, i);
    if (!r) return undefined;
    // "3 1/2 years"
    const f = /^(\d)\/(\d{1,2})$/.exec(this.tk[r.next]?.t ?? '');
    if (f && r.next === i + 1 && Number(f[1]) < Number(f[2])) return { ...r, value: r.value + Number(f[1]) / Number(f[2]), next: r.next + 1 };
    return { ...r, yearLike: n.yearLike };
  }

  /** A numeral with an optional glued suffix ("1.2m", "40C", "10km"). */
  private numeral(a: RegExpExecArray): (Num & { next: number }) | undefined {
    const [, int, frac, suffix] = a;
    if (int.length > 1 && int[0] === '0' && !int.includes(',')) return undefined; // 007, 0900
    const value = Number(int.replace(/,/g, '') + (frac ?? ''));
    const yearLike = !suffix && !frac && /^\d{4}$/.test(int) && value >= 1600 && value <= 2100;
    if (!suffix) return { value, next: 0, yearLike };
    if (VULGAR[suffix] !== undefined) return { value: value + VULGAR[suffix], next: 0 };
    const lower = suffix.toLowerCase();
    if (SUFFIX_SCALES[lower] !== undefined) {
      return { value: value * SUFFIX_SCALES[lower], scale: SUFFIX_SCALES[lower], next: 0, mOrMetre: lower === 'm' && !frac, word: lower };
    }
    // One-letter suffixes must match case: "40C" is a temperature, "5G" a network, "500g" a mass.
    const u = suffix.length === 1 ? SUFFIX_UNITS[suffix] : SUFFIX_UNITS[lower];
    if (u) return { value, suffixUnit: u, next: 0 };
    return undefined; // 1990s, 15th, 5G, 3D, 10am
  }

  private parseAt(i: number, floor: number): { m: QuantityMention; next: number } | undefined {
    const tk = this.tk;
    const w = this.words;
    const n = this.readAt(i);
    if (!n) return undefined;
    // "One America News", "Air Force One": a capitalized number word inside a sentence is a name.
    if (!n.digits && isUpper(tk[i].t) && !this.sentenceStart(i)) return undefined;
    let j = n.next;

    // ---- left context: currency, hedge, "between", "aged", "magnitude"
    let start = n.dotStart ? i - 1 : i;
    let currency: string | undefined;
    let k = start - 1;
    if (k >= floor && SYMBOLS[tk[k].t] && tk[k].e === tk[i].s) {
      currency = SYMBOLS[tk[k].t];
      if (tk[k].t === '$' && k - 1 >= floor && tk[k - 1].e === tk[k].s && DOLLAR_PREFIX[tk[k - 1].t]) {
        currency = DOLLAR_PREFIX[tk[k - 1].t];
        k--;
      }
      start = k;
      k--;
    } else if (k >= floor && /^[A-Z]{3}$/.test(tk[k].t) && CODE_WORDS.has(tk[k].l)) {
      currency = (UNITS.get(tk[k].l) as UnitDef).unit;
      start = k;
      k--;
    } else if (k >= floor && (tk[k].t === 'Rs' || tk[k].t === 'Rs.')) {
      currency = 'INR';
      start = k;
      k--;
    } else if (k - 1 >= floor && tk[k].t === '.' && tk[k - 1].t === 'Rs') {
      currency = 'INR';
      start = k - 1;
      k -= 2;
    }
    let approx = n.approx;
    let hedgeStart = -1;
    let hedge: string | undefined;
    for (const [phrase, v] of (k >= floor && APPROX_BY_LAST.get(w[k])) || []) {
      const from = k - phrase.length + 1;
      if (from < floor) continue;
      let ok = true;
      for (let p = 0; p < phrase.length && ok; p++) ok = w[from + p] === phrase[p];
      if (ok) {
        hedge = v;
        hedgeStart = from;
        break;
      }
    }
    const between = k >= floor && w[k] === 'between';
    // "from 10 to 20 people" is a range; "rose from 5 to 10 percent" two figures.
    const afterFrom = k >= floor && w[k] === 'from';
    const changeFrom = afterFrom && ((k >= 1 && CHANGE.has(w[k - 1])) || (k >= 2 && CHANGE.has(w[k - 2])));
    const ageBefore = k >= floor && AGE_BEFORE.has(w[k]) && !currency;
    const magnitudeBefore = k >= floor && w[k] === 'magnitude' && !currency;

    // ---- skip numbers that are names, dates, times, list markers
    if (!currency && hedge === undefined && !between) {
      if (this.isIdentifier(i)) return undefined;
    }
    if (k >= 0 && tk[k].t === '+' && tk[k].e === tk[i].s) return undefined; // +44 20 ...
    if (k >= 0 && (tk[k].t === '#' || tk[k].t === '№')) return undefined;
    if (k >= 0 && (tk[k].t === "'" || tk[k].t === '’') && tk[k].e === tk[i].s && /^\d\d$/.test(tk[i].t)) return undefined; // '93
    if (w[n.next] === 'ago') return undefined; // "a year or two ago"
    // "Caption 3 of 9", "Part 2 of 5": the total of a numbered name
    if (k >= 2 && w[k] === 'of' && isDigit(tk[k - 1].t.charCodeAt(0)) && isUpper(tk[k - 2].t) && isWord(tk[k - 2]) && !this.sentenceStart(k - 2)) return undefined;
    if (this.afterMonth(i, start)) return undefined;
    if (n.digits && Number.isInteger(n.value) && n.value <= 31 && MONTHS.has(w[j]) && isUpper(tk[j].t)) return undefined;
    if (n.digits && TIME_AFTER.has(w[j])) return undefined;
    if (n.digits && w[j] === 'a' && w[j + 1] === '.' && w[j + 2] === 'm') return undefined;
    if (n.digits && (w[j] === ')' || w[j] === '.') && tk[i].brk) return undefined; // "1." list marker
    if (n.digits && w[j] === '(' && (w[j + 1] === 'k' || w[j + 1] === 'b') && w[j + 2] === ')') return undefined; // 401(k)
    if (k >= 0 && tk[k].t === '(' && /^\d{3}$/.test(tk[i].t) && w[j] === ')') return undefined; // (202) 555-0100

    // ---- the value, its range and scale
    let value = n.value;
    let low = n.low;
    let high = n.high;
    let kind: QuantityKind | undefined = n.fraction ? 'fraction' : undefined;
    let unit: UnitDef | undefined;
    let counts: string | undefined;
    let modifies: string | undefined;
    let total: number | undefined;
    let per: string | undefined;
    let alt: QuantityMention['alt'];
    let end = j; // token index after the mention

    if (n.tail) {
      const c = this.compound(n, j, currency);
      if (!c) return undefined;
      ({ kind, unit, modifies, counts } = c);
      value = c.value;
      end = c.end;
      if (c.approx) approx = c.approx;
      if (c.plain) {
        // "100-plus people": go on as a plain number
        kind = undefined;
      } else {
        if (currency) {
          kind = 'money';
          unit = { unit: currency, kind: 'money', base: currency, factor: 1 };
        }
        if (hedge) approx = hedge;
        return this.emit(hedge ? hedgeStart : start, end, {
          value, kind: kind ?? 'count', unit, counts, modifies, approx, low, high,
        });
      }
      j = end;
    }

    if (n.mOrMetre) {
      // "£100m", "1m people" are millions; "the 100m sprint", "8,848m" metres.
      if (!currency && !this.pluralAt(j) && !UNITS.has(w[j] ?? '')) {
        value = n.value / 1e6;
        unit = UNITS.get('metre');
      }
    }
    if (n.suffixUnit) unit = UNITS.get(n.suffixUnit);

    // Range: "between 100 and 150", "100 to 150", "two or three", "10-15" (token) handled in readDigits.
    if (!n.vague && !n.fraction && low === undefined && !unit) {
      const r = this.rangeAfter(j, value, n, between, changeFrom, currency);
      if (r) {
        low = r.low;
        high = r.high;
        value = r.low;
        approx = 'range';
        j = end = r.next;
        if (r.unit) unit = r.unit;
      }
    }
    if (n.vague) approx = 'vague';

    // "the first half of the season", "the other half" are parts, not quantities
    if (n.word === 'half' && i > 0 && HALF_AFTER.has(w[i - 1])) return undefined;
    // "half an hour", "half a mile"
    if (n.word === 'half' && n.fraction && (w[j] === 'a' || w[j] === 'an')) {
      const u = this.unitAt(j + 1, 0.5, currency, undefined);
      if (u && u.def.kind !== 'money' && u.def.kind !== 'percent') {
        unit = u.def;
        kind = undefined;
        j = end = u.next;
      }
    }
    // Unit or currency word.
    if (!unit && !n.fraction) {
      let u = this.unitAt(j, value, currency, n.scale);
      // "four more years", "three consecutive days"
      if (!u && DURATION_MODS.has(w[j])) {
        u = this.unitAt(j + 1, value, currency, n.scale);
        if (u && u.def.kind !== 'duration') u = undefined;
      }
      if (u) {
        unit = u.def;
        j = end = u.next;
      } else if (n.vague && w[j] === 'of') {
        const u2 = this.unitAt(j + 1, value, currency, n.scale);
        if (u2 && (u2.def.kind === 'money' || u2.def.kind === 'measure' || u2.def.kind === 'duration')) {
          unit = u2.def;
          j = end = u2.next;
        }
      }
    }
    // "10 to 15 percent" after a unit ("10% to 15%", "5 km-10 km").
    if (unit && low === undefined && (w[j] === 'to' || w[j] === '-' || w[j] === '–' || (between && w[j] === 'and'))) {
      const r = this.rangeAfter(j, value, n, between, changeFrom, currency);
      if (r) {
        const u = r.unit ?? this.unitAt(r.next, r.high, currency, undefined)?.def;
        if (u && u.unit === unit.unit) {
          low = value;
          high = r.high;
          approx = 'range';
          j = end = r.unit ? r.next : (this.unitAt(r.next, r.high, currency, undefined) as { next: number }).next;
        }
      }
    }
    if (unit?.kind === 'money' && !currency) currency = unit.unit;
    if (currency && (!unit || unit.kind !== 'percent')) {
      unit = { unit: currency, kind: 'money', base: currency, factor: unit?.kind === 'money' ? unit.factor : 1 };
    }

    // Temperatures below zero.
    if (unit && unit.base === '°C' && k >= 0) {
      if (w[k] === 'minus' || (tk[k].t === '-' && tk[k].e === tk[i].s)) {
        value = -value;
        start = k;
      }
    }

    if (magnitudeBefore && !unit) {
      unit = UNITS.get('magnitude');
      start = k;
    }
    if (ageBefore && (!unit || unit.kind === 'duration')) {
      kind = 'age';
      unit ??= UNITS.get('years');
    }

    if (unit) {
      if (!kind || kind === 'fraction') kind = unit.kind === 'measure' ? 'measure' : unit.kind;
      if (kind === 'duration' && w[j] === 'old') {
        kind = 'age';
        j = end = j + 1;
      }
      if (kind === 'duration' && (w[j] === 'ago' || w[j] === 'later' || w[j] === 'earlier' || w[j] === 'hence' || (w[j] === 'from' && w[j + 1] === 'now'))) {
        return undefined; // relative times belong to the time module
      }
      if (kind === 'duration' && n.word === 'one' && unit.unit === 'day') return undefined; // "one day"
      if (kind === 'duration' && (n.word === 'a' || n.word === 'an')) return undefined;
      // Conversion: "95 miles (150 kilometres)", "$1.5 billion (€1.3 billion)"
      if (w[j] === '(') {
        const c = this.conversion(j + 1);
        if (c) {
          alt = c.alt;
          j = end = c.next;
        }
      }
    }

    // "11 of the 34 provincial capitals", "one in five Americans"
    if (!unit && !n.vague && !n.fraction && low === undefined) {
      let p = j;
      if (w[p] === 'out' && w[p + 1] === 'of') p++;
      if (w[p] === 'of' || w[p] === 'in') {
        const inForm = w[p] === 'in';
        let q = p + 1;
        if (!inForm && DET.has(w[q])) q++;
        if (q < tk.length && this.canStart(q) && !(w[q] === 'a' || w[q] === 'an')) {
          const n2 = this.readAt(q);
          if (n2 && !n2.tail && !n2.vague && !n2.fraction && !n2.suffixUnit && !n2.yearLike && n2.low === undefined && n2.value > value && !this.unitAt(n2.next, n2.value, undefined, undefined)) {
            if (inForm) {
              if (n2.value <= 1000 && Number.isInteger(value)) {
                kind = 'fraction';
                value /= n2.value;
                j = end = n2.next;
                const np = this.nounPhrase(j, 'plural');
                if (np) ({ counts } = np), (j = end = np.next);
              }
            } else {
              total = n2.value;
              j = end = n2.next;
            }
          }
        }
      }
    }

    // Trailing hedges.
    if (w[j] === 'or' && (w[j + 1] === 'more' || w[j + 1] === 'so' || w[j + 1] === 'fewer' || w[j + 1] === 'less') && w[j + 2] !== 'than') {
      approx = w[j + 1] === 'more' ? 'at least' : w[j + 1] === 'so' ? 'about' : 'up to';
      j = end = j + 2;
    } else if (tk[j]?.t === '+' && tk[j].s === tk[j - 1].e) {
      approx = 'more than';
      j = end = j + 1;
    }

    // The counted noun.
    if (!kind || kind === 'fraction' || kind === 'percent') {
      const isOf = w[j] === 'of';
      let q = j;
      if (isOf) {
        q = j + 1;
        if (DET.has(w[q])) q++;
      }
      if (kind === 'fraction' || kind === 'percent') {
        // "two-thirds of the nation", "half the population", "50% of voters"
        if (total !== undefined && kind === 'fraction') {
          const np = this.nounPhrase(q, 'plural');
          if (np) ({ counts } = np), (j = end = np.next);
        } else if (isOf || (n.word === 'half' && DET.has(w[j]))) {
          if (!isOf) q = j + 1;
          const np = this.nounPhrase(q, 'any');
          if (np) ({ counts } = np), (j = end = np.next);
          else if (!isOf && n.word === 'half') return undefined;
        } else if (n.fraction && (n.word === 'half' || n.word === 'a' || n.word === 'an' || n.word === 'one') && !hedge) {
          // "a third", "one quarter", "half" need "of" unless hedged ("more than half");
          // "two-thirds", "three quarters" stand alone.
          return undefined;
        }
      } else {
        const singular = value === 1 && !n.vague && total === undefined;
        if (isOf && (n.vague || DET.has(w[j + 1]))) {
          const np = this.nounPhrase(q, 'plural');
          if (np) ({ counts } = np), (j = end = np.next);
        } else if (!isOf) {
          const np = this.nounPhrase(q, singular ? 'singular' : 'plural');
          if (np) ({ counts } = np), (j = end = np.next);
        }
        if (n.word === 'one' && total === undefined) {
          if (!counts) return undefined;
          if (ONE_IDIOM.has(w[n.next]) || (i > 0 && ONE_AFTER.has(w[i - 1]))) return undefined;
        }
      }
      if (w[j] === 'or' && (w[j + 1] === 'more' || w[j + 1] === 'so') && w[j + 2] !== 'than' && !approx) {
        approx = w[j + 1] === 'more' ? 'at least' : 'about';
        j = end = j + 2;
      }
    }

    // Rates: "2 million barrels a day", "$80 a barrel", "1,000 people per week".
    if (w[j] === 'a' || w[j] === 'an' || w[j] === 'per' || w[j] === 'each' || w[j] === 'every') {
      const nx = w[j + 1];
      const u = nx === undefined ? undefined : UNITS.get(nx);
      const relative = w[j + 2] === 'after' || w[j + 2] === 'before' || w[j + 2] === 'later' || w[j + 2] === 'earlier' || w[j + 2] === 'ago';
      if (nx !== undefined && !relative && ((u && u.kind === 'duration') || RATE_NOUNS.has(nx) || (w[j] === 'per' && isWord(tk[j + 1])))) {
        per = u?.kind === 'duration' ? u.unit : nx;
        j = end = j + 2;
      }
    }

    // Years stand alone; they count only with a currency, a unit, or a hedge and a noun.
    if (n.yearLike && !currency && !unit && !(hedge && counts)) return undefined;
    if (!kind) kind = 'count';
    if (kind === 'count' && this.capitalizedBefore(i, start) && !hedge && !currency) return undefined;
    // "Smith, 45, said": an age in apposition.
    if (kind === 'count' && n.digits && !counts && Number.isInteger(value) && value > 0 && value < 120 && w[i - 1] === ',' && w[j] === ',' && i >= 2 && isUpper(tk[i - 2].t) && isWord(tk[i - 2]) && !MONTHS.has(w[i - 2])) {
      kind = 'age';
      unit = UNITS.get('years');
    }
    // "over three days" is a stretch of time, not "more than".
    if (hedge && !(w[hedgeStart] === 'over' && kind === 'duration')) {
      if (approx !== 'range') approx = hedge;
      start = Math.min(start, hedgeStart);
    }
    if (between && approx === 'range') start = Math.min(start, k);
    if (ageBefore) start = Math.min(start, k);
    return this.emit(start, end, { value, low, high, kind, unit, counts, modifies, approx, total, per, alt });
  }

  private emit(
    startTok: number,
    endTok: number,
    f: { value: number; kind: QuantityKind; unit?: UnitDef; counts?: string; modifies?: string; approx?: string; low?: number; high?: number; total?: number; per?: string; alt?: QuantityMention['alt'] },
  ): { m: QuantityMention; next: number } {
    const s = this.tk[startTok].s;
    const e = this.tk[endTok - 1].e;
    const m: QuantityMention = { start: s, end: e, text: this.text.slice(s, e), value: round(f.value), kind: f.kind };
    if (f.low !== undefined) m.low = f.low;
    if (f.high !== undefined) m.high = f.high;
    if (f.total !== undefined) m.total = f.total;
    if (f.unit) {
      m.unit = f.unit.unit;
      const nz = normalize(f.value, f.unit);
      if (nz) m.normalized = f.per ? { value: nz.value, unit: `${nz.unit}/${f.per}` } : nz;
    } else if (f.kind === 'fraction') {
      m.normalized = { value: round(f.value), unit: 'ratio' };
    }
    if (f.counts) m.counts = f.counts;
    if (f.modifies) m.modifies = f.modifies;
    if (f.per) m.per = f.per;
    if (f.approx) m.approx = f.approx;
    if (f.alt) m.alt = f.alt;
    return { m, next: endTok };
  }

  /** After "Article", "Flight", "No." or a capitalized word mid-sentence the number is part of a name. */
  private isIdentifier(i: number): boolean {
    if (i === 0) return false;
    const p = this.tk[i - 1];
    if (IDENT_BEFORE.has(p.l) && !(p.l === 'top' && false)) return true;
    if (p.t === '.' && i >= 2 && (this.words[i - 2] === 'no' || this.words[i - 2] === 'nos')) return true;
    return false;
  }

  /** A capitalized word right before the number, not opening a sentence: "Apollo 11", "Windows 10". */
  private capitalizedBefore(i: number, start: number): boolean {
    if (start !== i || i === 0) return false;
    const p = this.tk[i - 1];
    if (!isUpper(p.t) || !isWord(p) || /['’]s$/.test(p.t) || MONTHS.has(p.l)) return false;
    if (p.e !== this.tk[i].s - 1 && p.e !== this.tk[i].s) return false;
    return !this.sentenceStart(i - 1);
  }

  private sentenceStart(i: number): boolean {
    return i === 0 || this.tk[i].brk || SENTENCE_PUNCT.has(this.tk[i - 1].t);
  }

  /** "August 15", "Aug. 15", "March 2021". */
  private afterMonth(i: number, start: number): boolean {
    if (start !== i || i === 0) return false;
    let p = i - 1;
    if (this.tk[p].t === '.' && p > 0) p--;
    return MONTHS.has(this.words[p]) && isUpper(this.tk[p].t) && (this.words[p] !== 'may' || this.tk[p].t === 'May');
  }

  private pluralAt(j: number): boolean {
    const t = this.tk[j];
    if (!t || !isWord(t)) return false;
    if (isPluralTok(t)) return true;
    // "1m Afghan civilians"
    const t2 = this.tk[j + 1];
    return !!t2 && isWord(t2) && !STOP.has(t.l) && isPluralTok(t2);
  }

  private rangeAfter(j: number, value: number, n: Num, between: boolean, changeFrom: boolean, currency: string | undefined): { low: number; high: number; next: number; unit?: UnitDef } | undefined {
    const w = this.words;
    const sep = w[j];
    const ok = sep === '-' || sep === '–' || (sep === 'to' && !changeFrom) || (between && sep === 'and') || (sep === 'or' && !n.digits && !n.vague);
    if (!ok) return undefined;
    let q = j + 1;
    if (currency && SYMBOLS[this.tk[q]?.t ?? '']) q++;
    if (q >= this.tk.length || !this.canStart(q)) return undefined;
    const n2 = this.readAt(q);
    if (!n2 || n2.tail || n2.vague || n2.fraction || n2.low !== undefined || n2.yearLike) return undefined;
    let lowV = value;
    let highV = n2.value;
    // "between 1 and 2 million": the scale of the second applies to the first.
    if (!n.scale && n2.scale && n2.scale >= 1000 && value * n2.scale <= n2.value) lowV = value * n2.scale;
    if (highV <= lowV) return undefined;
    let unit: UnitDef | undefined;
    if (n2.suffixUnit) unit = UNITS.get(n2.suffixUnit);
    return { low: lowV, high: highV, next: n2.next, unit };
  }

  /** The unit or currency word(s) at j, longest match first. */
  private unitAt(j: number, value: number, currency: string | undefined, scale: number | undefined): { def: UnitDef; next: number } | undefined {
    const tk = this.tk;
    if (j >= tk.length) return undefined;
    const w = this.words;
    // "40 °C", "40°C", "40 ºF"
    if (tk[j].t === '°' || tk[j].t === 'º') {
      const nx = tk[j + 1];
      if (nx && nx.s === tk[j].e && (nx.t === 'C' || nx.t === 'F' || nx.t === 'c' || nx.t === 'f')) {
        return { def: UNITS.get(nx.t.toLowerCase() === 'c' ? '°c' : '°f') as UnitDef, next: j + 2 };
      }
      return { def: UNITS.get('degrees') as UnitDef, next: j + 1 };
    }
    for (let len = Math.min(maxUnitWords, tk.length - j); len >= 1; len--) {
      let key = w[j];
      for (let p = 1; p < len; p++) key += ' ' + w[j + p];
      const def = UNITS.get(key);
      if (!def) continue;
      const first = tk[j].t;
      if (def.kind === 'money' && CODE_WORDS.has(key) && !/^[A-Z]{3}$/.test(first)) continue;
      if (len === 1 && isUpper(first) && first !== first.toUpperCase() && def.kind !== 'money') continue; // "60 Minutes"
      if (key === 'pound' || key === 'pounds') {
        // "£"-less pounds: money in millions, weight otherwise ("2 million pounds of beef").
        if (currency || (((scale && scale >= 1e6) || value >= 1e6) && w[j + 1] !== 'of')) return { def: UNITS.get('gbp') as UnitDef, next: j + 1 };
      }
      return { def, next: j + len };
    }
    return undefined;
  }

  /** "(150 kilometres)", "(about €1.3 billion)" after a measure or money. */
  private conversion(j: number): { alt: NonNullable<QuantityMention['alt']>; next: number } | undefined {
    const w = this.words;
    let q = j;
    for (const [phrase] of APPROX) {
      let ok = true;
      for (let p = 0; p < phrase.length && ok; p++) ok = w[q + p] === phrase[p];
      if (ok) {
        q += phrase.length;
        break;
      }
    }
    let currency: string | undefined;
    if (SYMBOLS[this.tk[q]?.t ?? '']) {
      currency = SYMBOLS[this.tk[q].t];
      q++;
    } else if (DOLLAR_PREFIX[this.tk[q]?.t ?? ''] && this.tk[q + 1]?.t === '$') {
      currency = DOLLAR_PREFIX[this.tk[q].t];
      q += 2;
    }
    if (q >= this.tk.length || !isDigit(this.tk[q].t.charCodeAt(0))) return undefined;
    const n = this.readAt(q);
    if (!n || n.tail || n.vague) return undefined;
    let q2 = n.next;
    let def: UnitDef | undefined;
    if (n.suffixUnit) def = UNITS.get(n.suffixUnit);
    else {
      const u = this.unitAt(q2, n.value, currency, n.scale);
      if (u) {
        def = u.def;
        q2 = u.next;
      }
    }
    if (currency) def = { unit: currency, kind: 'money', base: currency, factor: def?.kind === 'money' ? def.factor : 1 };
    if (!def || w[q2] !== ')') return undefined;
    const alt: NonNullable<QuantityMention['alt']> = { value: round(n.value), unit: def.unit };
    const nz = normalize(n.value, def);
    if (nz) alt.normalized = nz;
    return { alt, next: q2 + 1 };
  }

  /** A hyphenated number: "20-year-old", "600,000-strong", "7.2-magnitude", "three-day", "40-page". */
  private compound(n: Num, j: number, currency: string | undefined): {
    value: number; kind?: QuantityKind; unit?: UnitDef; modifies?: string; counts?: string; approx?: string; end: number; plain?: boolean;
  } | undefined {
    let tail = (n.tail as string[]).map((p) => p.replace(/['’]s$/, ''));
    let value = n.value;
    let end = j;
    const s = SCALE_WORDS[tail[0]];
    if (s !== undefined && s >= 1000) {
      value *= s;
      tail = tail.slice(1);
    }
    if (tail.length === 0) {
      const np = this.nounPhrase(j, 'any');
      return { value, modifies: np?.counts, end: np?.next ?? end, kind: currency ? 'money' : 'count' };
    }
    const t0 = tail[0];
    if (t0 === 'plus' || t0 === 'odd' || t0 === 'something') {
      if (tail.length > 1) return undefined;
      return { value, approx: t0 === 'plus' ? 'more than' : 'about', end, plain: true };
    }
    if (COMPOUND_STOP.has(t0) && !n.digits) return undefined;
    let kind: QuantityKind;
    let unit: UnitDef | undefined;
    let counts: string | undefined;
    const u = UNITS.get(t0);
    if (n.suffixUnit) {
      // "300m-long", "10km-wide"
      unit = UNITS.get(n.suffixUnit);
      kind = 'measure';
    } else if (n.mOrMetre) {
      unit = UNITS.get('metre');
      value = n.value / 1e6;
      kind = 'measure';
    } else if (u && u.kind !== 'money') {
      unit = u;
      kind = u.kind === 'duration' && (tail[1] === 'old' || tail[1] === 'olds') ? 'age' : u.kind === 'measure' ? 'measure' : u.kind;
    } else if (t0 === 'strong') {
      kind = 'count';
    } else if (n.word === 'half') {
      return undefined; // "half-brother", "half-measures"
    } else if (t0 === 'dollar' && (value >= 1e6 || s)) {
      kind = 'money';
      unit = UNITS.get('dollar');
    } else if (/^[a-z]{3,}$/.test(t0) && tail.length === 1 && !STOP.has(t0)) {
      kind = 'count';
      counts = singularize(t0);
    } else return undefined;
    if (n.word === 'one' && kind === 'count') return undefined;
    const np = this.nounPhrase(j, 'any');
    if (tail[tail.length - 1] === 'olds') return { value, kind, unit, counts, end };
    if (kind === 'age' && !np) return { value, kind, unit, end };
    return { value, kind, unit, counts, modifies: np?.counts, end: np?.next ?? end };
  }

  /**
   * The noun phrase a number counts, starting at token j: words up to a
   * function word, a verb or punctuation (six words for a plural, three
   * otherwise). 'plural': the head is the first plural noun ("34 provincial
   * capitals", "200 police officers"); 'singular': the last word before a
   * verb-like word ("one senior official said"); 'any': a plural if there is
   * one, else the last word ("two-thirds of the nation", "a 20-year war").
   */
  private nounPhrase(j: number, mode: 'plural' | 'singular' | 'any'): { counts: string; next: number } | undefined {
    const tk = this.tk;
    const words: number[] = [];
    let head = -1;
    let k = j;
    if (mode !== 'singular' && this.words[k] === 'most') k++; // "26 of the most liberal Republicans"
    const max = mode === 'plural' ? 6 : 3;
    let quoted = false;
    for (; k < tk.length && words.length < max; k++) {
      const t = tk[k];
      if (mode === 'plural' && QUOTES.has(t.t) && tk[k + 1] && isWord(tk[k + 1]) && tk[k + 1].s === t.e) {
        quoted = true; // 30,000 annual "gun deaths"
        continue;
      }
      if (!isWord(t) || STOP.has(t.l) || (MONTHS.has(t.l) && isUpper(t.t)) || WEEKDAYS.has(t.l)) break;
      if (k > j && t.brk) break;
      // With wink's tags: participles and adverbs may modify a plural ("30 confirmed
      // cases", "two heavily rural states") or an adjectival quantity's noun ("a two-year
      // vesting period"), not a singular count ("one concluded").
      if (this.tokens) {
        const pos = this.posOf(t);
        if (pos && (HARD_STOP_POS.has(pos) || ((pos === 'VERB' || pos === 'ADV') && (mode === 'singular' || (mode === 'any' && words.length > 0))))) break;
      }
      const possessive = /['’]s$/.test(t.t) && !CONTRACTED.has(t.l);
      if (!possessive && /['’]/.test(t.t)) break; // they're, don't, he's
      // "votes", "reports", "plans" count as nouns after a number ("the 218 votes").
      if (VERBS.has(t.l) && (mode === 'singular' || (mode === 'any' && words.length > 0) || !isPluralTok(t))) break;
      // A singular phrase ends before a verb or a plural: "one person killed", "the nation
      // lacks", "one reads", "one question voters ask".
      if (mode === 'singular' && ((/(?:ed|ly|ing)$/.test(t.l) && !ING_NOUNS.has(t.l) && !LY_ADJ.has(t.l)) || (!possessive && isPluralTok(t)))) break;
      if (mode === 'any' && words.length > 0 && /(?:ed|ly|ing)$/.test(t.l) && !ING_NOUNS.has(t.l) && !LY_ADJ.has(t.l)) break;
      if (possessive) {
        if (mode === 'singular') {
          // "one man's hands" counts men
          words.push(k);
          head = k;
          break;
        }
        // "half of the world's steel", "two of the country's banks": a determiner
        words.length = 0;
        continue;
      }
      words.push(k);
      if (mode !== 'singular' && isPluralTok(t)) {
        head = k;
        // "200 police officers", "12 appropriations bills": a plural before a plural modifies it
        // (verbs after a plural subject do not end in -s).
        const nx = tk[k + 1];
        if (mode === 'plural' && nx && !nx.brk && isWord(nx) && !isUpper(nx.t) && !STOP.has(nx.l) && !VERBS.has(nx.l) && !AGE_BEFORE.has(nx.l) && !UNITS.has(nx.l) && isPluralTok(nx)) {
          words.push(k + 1);
          head = k + 1;
        }
        break;
      }
    }
    if (head < 0) {
      if (mode === 'plural' || words.length === 0) return undefined;
      head = words[words.length - 1];
    }
    const mods: string[] = [];
    for (const k of words) {
      if (k >= head) break;
      const l = tk[k].l;
      if (DROP_MOD.has(l) || /ly$/.test(l)) continue;
      mods.push(isUpper(tk[k].t) && !this.sentenceStart(k) ? tk[k].t : l);
    }
    const h = tk[head];
    const bare = h.l.replace(/['’]s$/, '');
    let lemma = mode === 'singular' ? bare : this.lemmaOf(h, bare);
    if (isUpper(h.t) && !this.sentenceStart(head)) lemma = h.t[0] + lemma.slice(1);
    const close = tk[head + 1];
    const next = quoted && close && close.s === h.e && /^["”’']$/.test(close.t) ? head + 2 : head + 1;
    return { counts: [...mods.slice(-2), lemma].join(' '), next };
  }

  private lemmaOf(t: Tk, bare: string): string {
    if (this.tokens) {
      const wt = this.tokenAt(t.s);
      // wink leaves some plurals as they are ("e-mails"); then the suffix rules decide.
      if (wt && wt.end === t.e && wt.lemma && wt.pos === 'NOUN' && wt.lemma !== t.l) return wt.lemma === 'person' && t.l === 'people' ? 'people' : wt.lemma;
    }
    return singularize(bare);
  }

  private posOf(t: Tk): string | undefined {
    return this.tokenAt(t.s)?.pos;
  }

  private tokenAt(s: number): Token | undefined {
    const a = this.tokens as Token[];
    let lo = 0;
    let hi = a.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (a[mid].start < s) lo = mid + 1;
      else if (a[mid].start > s) hi = mid - 1;
      else return a[mid];
    }
    return undefined;
  }
}

function isPlural(l: string): boolean {
  if (l in IRREGULAR_PLURAL) return true;
  const n = l.length;
  if (n < 3 || l.charCodeAt(n - 1) !== 115 /* s */) return false;
  const p = l[n - 2];
  if (p === 's' || p === "'" || p === '’' || !/[a-z]/.test(p)) return false;
  if (NOT_PLURAL.has(l)) return false;
  if (l.endsWith('us') || l.endsWith('is') || l.endsWith('ous')) return false;
  return true;
}

/** Capitalized plurals are demonyms and parties ("Afghans", "Israelis", "Democrats"), not "Hamas" or "Paris". */
function isPluralTok(t: Tk): boolean {
  if (!isUpper(t.t)) return isPlural(t.l);
  const l = t.l;
  if (l.length < 4 || !l.endsWith('s') || NOT_PLURAL.has(l) || /(?:as|us|ss|es)$/.test(l)) return /(?:ites|ines|ees)$/.test(l);
  if (l.endsWith('is')) return /(?:l|q|d|n|h|k|b)is$/.test(l);
  return /[a-z]s$/.test(l);
}

/** A plural noun's singular: "civilians" → "civilian", "casualties" → "casualty", "people" stays. */
export function singularize(word: string): string {
  const l = word.toLowerCase();
  const irr = IRREGULAR_PLURAL[l];
  if (irr) return irr;
  if (!l.endsWith('s') || NOT_PLURAL.has(l) || /(?:ss|us)$/.test(l)) return l;
  if (l.endsWith('ies') && l.length > 4) return l.slice(0, -3) + 'y';
  if (/(?:ss|x|z|ch|sh)es$/.test(l)) return l.slice(0, -2);
  return l.slice(0, -1);
}

function normalize(value: number, u: UnitDef): { value: number; unit: string } | undefined {
  if (!u.base) return undefined;
  if (u.unit === '°F') return { value: round(((value - 32) * 5) / 9), unit: '°C' };
  return { value: round(value * (u.factor ?? 1)), unit: u.base };
}

function round(x: number): number {
  return Number.isInteger(x) ? x : Number(x.toPrecision(12));
}

/**
 * The quantities in a document's text, in text order, not overlapping.
 * `tokens` (a shared wink-nlp parse, see `tokenize`) is optional: with it the
 * counted noun stops at verbs and takes wink's lemma; without it word shapes
 * decide, which costs nothing.
 */
export function extractQuantities(doc: { text: string; sentences?: { start: number; end: number }[] }, tokens?: Token[]): QuantityMention[] {
  const chunks = doc.sentences?.length ? doc.sentences : lines(doc.text);
  const tk = scan(doc.text, chunks);
  if (!tk.length) return [];
  return new Scanner(doc.text, tk, tokens?.length ? tokens : undefined).run();
}


