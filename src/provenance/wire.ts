// Wire agencies: their copy is what other outlets republish, so an agency's
// own text is the likely origin when dates cannot decide.
const AGENCIES: [string, RegExp][] = [
  ['AFP', /^(afp|agence france[- ]presse)$/i],
  ['AP', /^(ap|the associated press|associated press|ap news)$/i],
  ['Reuters', /^(reuters|thomson reuters)$/i],
  ['dpa', /^(dpa|deutsche presse[- ]agentur)$/i],
  ['ANSA', /^ansa$/i],
  ['EFE', /^(efe|agencia efe)$/i],
  ['Xinhua', /^xinhua( news agency)?$/i],
  ['Kyodo', /^kyodo( news)?$/i],
  ['PTI', /^(pti|press trust of india)$/i],
  ['IANS', /^ians$/i],
  ['UPI', /^(upi|united press international)$/i],
  ['Anadolu', /^(anadolu( agency)?|aa)$/i],
  ['TASS', /^tass$/i],
  ['Yonhap', /^yonhap( news agency)?$/i],
  ['Bloomberg', /^bloomberg( news)?$/i],
];

/** The agency a source name denotes, if it is a wire agency. */
export function wireAgency(source: string | undefined): string | undefined {
  if (!source) return undefined;
  const s = source.trim();
  for (const [name, re] of AGENCIES) if (re.test(s)) return name;
  return undefined;
}

/** Agency names as they appear in running text, as a regex alternation (one capture group). */
export const AGENCY_NAMES =
  '(AFP|AP|Reuters|Associated Press|Agence France[- ]Presse|dpa|EFE|ANSA|Xinhua|Kyodo|PTI|IANS|UPI|Anadolu|TASS|Yonhap|Bloomberg)';

const DATELINE = new RegExp(`^[^\\n]{0,80}?\\(${AGENCY_NAMES}\\)\\s*[-—–:]`);

/** The agency named in an opening dateline: "KALEMIE (AFP) -", "GENEVA (Reuters) —". */
export function datelineAgency(text: string): string | undefined {
  const m = DATELINE.exec(text.slice(0, 200));
  return m ? wireAgency(m[1]) : undefined;
}
