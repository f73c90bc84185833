// Boilerplate removal for text that has already left its container. Three
// rules, each recorded with what it removed so a reader can audit it:
//   1. a short documented pattern list (comment forms, read times, share and
//      subscribe lines, credits, breadcrumbs, captions);
//   2. lines without sentence structure at the edges of the text (menus,
//      tags, section names left by scrapers);
//   3. short non-sentence lines recurring across documents of the corpus
//      (site furniture the list does not know), via `LineCounts`.
import type { Range } from '../model/document.js';
import { normalizeForHash } from './normalize.js';

export interface Removed {
  text: string;
  rule: string;
}

export interface CleanInput {
  title?: string;
  text: string;
  source?: string;
}

export interface Cleaned {
  title: string;
  text: string;
  paragraphs: Range[];
  removed: Removed[];
}

/** How many documents of the corpus contain a given normalized line. */
export type LineCounts = (key: string) => number;

/** Lines up to this many words are candidates for the corpus rule. */
export const SHORT_LINE_WORDS = 8;
/** A short non-sentence line seen in this many documents is site furniture. */
export const RECURRING_MIN_DOCS = 3;

const PATTERNS: [RegExp, string][] = [
  [/^(leave a (reply|comment)|post a comment|add a comment|\d+ comments?|comments?)$/i, 'comments'],
  [/your email address will not be published|required fields are marked/i, 'comments'],
  [/^\d+\s*(min|mins|minute|minutes)\s+read$/i, 'read-time'],
  [/^click (here )?to (enlarge|expand|view|see|read|watch)\b/i, 'click-here'],
  [/^(share|share this( article| story)?|share on|tweet|email|print|whatsapp|facebook|twitter|linkedin|reddit|telegram|copy link|pinterest)(\s*[:|,/•·]?\s*(share|on|tweet|email|print|whatsapp|facebook|twitter|x|linkedin|reddit|telegram|copy link|pinterest|messenger))*\s*$/i, 'share'],
  [/^(advertisement|advertisements|sponsored( content)?|ad|promoted|scroll to continue( with content)?)$/i, 'advertisement'],
  [/^(subscribe|sign up|join)\b.*\b(newsletter|updates|alerts|mailing list|channel)\b/i, 'subscribe'],
  [/^(follow us|follow .{1,40} (on|for) (twitter|facebook|instagram|x|google news|the latest|more|updates|live))\b/i, 'follow'],
  [/^(photo|photos|image|picture|file photo|credit|photograph|video)\s*(credit)?\s*[:|©]/i, 'credit'],
  [/^(©|\(c\)|copyright\b)|all rights reserved\.?$/i, 'copyright'],
  [/^(home|news|world)\s*(>|»|›|\/|\|)\s*/i, 'breadcrumb'],
  [/^(related|read more|also read|read also|see also|recommended|more from|most read|trending|you may also like|don'?t miss)\b\s*:?/i, 'related'],
  [/^(live story|live updates?|breaking news|developing story|listen to (this )?article|watch:|audio:)$/i, 'label'],
  [/^(updated|published|last updated|posted)\s*(on|:)?\s*\S.*\d/i, 'timestamp'],
  [/^(cookies?|we use cookies|this (web)?site uses cookies)\b/i, 'cookies'],
  [/^(tags?|topics?|filed under)\s*:/i, 'tags'],
  // WordPress feed footer.
  [/^the post .{3,300} appeared first on .{2,80}$/i, 'feed-footer'],
  // Captions with an agency credit: "... [Getty]", "... (AP Photo/J. Doe)".
  [/[[(](getty( images)?|afp|ap|reuters|epa|file|ap photo[^)\]]*|afp via getty images|shutterstock)[)\]]\s*$/i, 'caption'],
];

const TERMINAL = /[.!?…]["'”’)\]]*$|["”]$/;

function wordCount(s: string): number {
  return s.split(/\s+/).filter(Boolean).length;
}

/** A line that reads as prose: terminal punctuation, or long enough to be a run-on sentence. */
export function isSentenceLike(line: string): boolean {
  return TERMINAL.test(line.trim());
}

/** Candidate key for the corpus rule, or undefined when the line is not a candidate. */
export function recurringKey(line: string): string | undefined {
  const t = line.trim();
  if (!t || isSentenceLike(t) || wordCount(t) > SHORT_LINE_WORDS) return undefined;
  const key = normalizeForHash(t);
  return key || undefined;
}

/**
 * Lines of a text as candidate paragraphs. Blank lines separate blocks; inside
 * a block, lines are joined when they look hard-wrapped (several lines, none
 * ending a sentence before the last), else each line is its own paragraph.
 */
export function textLines(text: string): string[] {
  const out: string[] = [];
  for (const block of text.replace(/\r\n?/g, '\n').split(/\n[ \t\u00a0]*\n/)) {
    const lines = block.split('\n').map((l) => l.replace(/[ \t\u00a0]+/g, ' ').trim()).filter(Boolean);
    if (lines.length > 1 && looksHardWrapped(lines)) out.push(lines.join(' '));
    else out.push(...lines);
  }
  return out;
}

function looksHardWrapped(lines: string[]): boolean {
  const body = lines.slice(0, -1);
  const long = body.filter((l) => l.length >= 40 && l.length <= 100).length;
  const ended = body.filter((l) => isSentenceLike(l)).length;
  return long >= body.length * 0.8 && ended <= body.length * 0.5;
}

export function cleanText(input: CleanInput): Cleaned {
  const removed: Removed[] = [];
  let title = (input.title ?? '').replace(/\s+/g, ' ').trim();
  let lines = textLines(input.text);

  // Rule 1: the pattern list.
  lines = lines.filter((line) => {
    for (const [re, rule] of PATTERNS) {
      if (re.test(line)) {
        removed.push({ text: line, rule });
        return false;
      }
    }
    return true;
  });

  // The headline repeated as the first line; a scraped title often carries a
  // breadcrumb ("Home News <headline>") that the repeated line lets us strip.
  while (lines.length) {
    const first = normalizeForHash(lines[0]);
    const t = normalizeForHash(title);
    if (!first) break;
    if (!t) {
      title = lines[0];
      lines.shift();
      continue;
    }
    if (first === t || (t.endsWith(' ' + first) && wordCount(lines[0]) >= 3)) {
      if (first !== t) {
        removed.push({ text: title, rule: 'breadcrumb' });
        title = lines[0];
      }
      removed.push({ text: lines[0], rule: 'title-repeat' });
      lines.shift();
      continue;
    }
    break;
  }

  // Rule 2: fragments at the edges, and tiny fragments anywhere (section
  // names like "World" left between paragraphs).
  const fragment = (l: string, edge: boolean) =>
    !isSentenceLike(l) && (wordCount(l) <= 3 || (edge && wordCount(l) <= 12 && !/[,;:]/.test(l) && !hasClause(l)));
  while (lines.length && fragment(lines[0], true)) removed.push({ text: lines.shift()!, rule: 'edge-fragment' });
  while (lines.length && fragment(lines[lines.length - 1], true)) removed.push({ text: lines.pop()!, rule: 'edge-fragment' });
  lines = lines.filter((l) => {
    if (fragment(l, false)) {
      removed.push({ text: l, rule: 'fragment' });
      return false;
    }
    return true;
  });

  return { title, ...joinParagraphs(lines), removed };
}

function joinParagraphs(lines: string[]): { text: string; paragraphs: Range[] } {
  const paragraphs: Range[] = [];
  let text = '';
  for (const line of lines) {
    if (text) text += '\n\n';
    paragraphs.push({ start: text.length, end: text.length + line.length });
    text += line;
  }
  return { text, paragraphs };
}

/** Keys of a cleaned text's candidate lines for the corpus rule, once each. */
export function recurringKeys(cleaned: Pick<Cleaned, 'text' | 'paragraphs'>): Set<string> {
  const keys = new Set<string>();
  for (const p of cleaned.paragraphs) {
    const k = recurringKey(cleaned.text.slice(p.start, p.end));
    if (k) keys.add(k);
  }
  return keys;
}

/** Rule 3: drop short non-sentence lines that recur across the corpus. */
export function applyRecurring<T extends Cleaned>(cleaned: T, counts: LineCounts): T | Cleaned {
  const removed = [...cleaned.removed];
  const kept: string[] = [];
  for (const p of cleaned.paragraphs) {
    const line = cleaned.text.slice(p.start, p.end);
    const key = recurringKey(line);
    if (key && counts(key) >= RECURRING_MIN_DOCS) removed.push({ text: line, rule: 'recurring' });
    else kept.push(line);
  }
  if (kept.length === cleaned.paragraphs.length) return cleaned;
  return { title: cleaned.title, ...joinParagraphs(kept), removed };
}

// A trailing line with a verb-ish lowercase word run reads as a headline or
// standfirst, not as furniture: "Taliban seize key city" keeps, "World News
// Asia" goes. Cheap proxy: at least two consecutive lowercase words.
function hasClause(line: string): boolean {
  return /\b[a-z]{2,}\s+[a-z]{2,}\b/.test(line);
}
