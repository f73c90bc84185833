// Validation of sitrep.json: the JSON Schema in docs/sitrep.schema.json for
// shape, plus the cross-references and offset invariants a schema cannot say.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../version.js';
import Ajv2020Module, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { Range } from '../model/document.js';
import type { SitrepJson } from './sitrep-json.js';

// Both packages are CommonJS with `exports.default`; under NodeNext the default
// import is the whole module object.
const Ajv2020 = Ajv2020Module.default;
const addFormats = addFormatsModule.default;

const SCHEMA_FILE = join('docs', 'sitrep.schema.json');

/**
 * Path of docs/sitrep.schema.json. Walks up from this module because it runs
 * both as src/output/schema.ts (tsx) and as dist/src/output/schema.js (tsc).
 */
export function schemaPath(): string {
  return join(PACKAGE_ROOT, SCHEMA_FILE);
}

let compiled: ValidateFunction | undefined;

function validator(): ValidateFunction {
  if (!compiled) {
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    addFormats(ajv);
    compiled = ajv.compile(JSON.parse(readFileSync(schemaPath(), 'utf8')));
  }
  return compiled;
}

function formatError(e: ErrorObject): string {
  const at = e.instancePath || '/';
  if (e.keyword === 'additionalProperties') {
    return `${at}: unexpected property "${(e.params as { additionalProperty: string }).additionalProperty}"`;
  }
  if (e.keyword === 'enum') {
    return `${at}: must be one of ${(e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
  }
  return `${at}: ${e.message ?? e.keyword}`;
}

/**
 * Check `value` against the sitrep.json schema and, when the shape is right,
 * against the semantic invariants of `checkOffsets`.
 */
export function validateSitrepJson(value: unknown): { valid: boolean; errors: string[] } {
  const validate = validator();
  if (!validate(value)) {
    return { valid: false, errors: (validate.errors ?? []).map(formatError) };
  }
  const errors = checkOffsets(value as SitrepJson);
  return { valid: errors.length === 0, errors };
}

function checkRanges(ranges: Range[], textLength: number, what: string): string[] {
  const errors: string[] = [];
  let prevEnd = 0;
  ranges.forEach((r, i) => {
    if (r.start >= r.end) errors.push(`${what}[${i}]: empty or reversed range ${r.start}..${r.end}`);
    if (r.end > textLength) errors.push(`${what}[${i}]: range ${r.start}..${r.end} exceeds text length ${textLength}`);
    if (i > 0 && r.start < prevEnd) errors.push(`${what}[${i}]: starts at ${r.start}, before the previous range ends (${prevEnd})`);
    prevEnd = Math.max(prevEnd, r.end);
  });
  return errors;
}

/**
 * Invariants the schema cannot express: every sentence and paragraph range is
 * non-empty, within its document's text, sorted and non-overlapping; ids are
 * unique; stories and copies refer to existing documents; aligned sentence
 * indices exist. Returns one message per violation.
 */
export function checkOffsets(json: SitrepJson): string[] {
  const errors: string[] = [];
  const sentenceCount = new Map<string, number>();

  json.documents.forEach((d, i) => {
    const at = `/documents/${i} (${d.id})`;
    if (sentenceCount.has(d.id)) errors.push(`${at}: duplicate document id`);
    sentenceCount.set(d.id, d.sentences.length);
    errors.push(...checkRanges(d.paragraphs, d.text.length, `${at}/paragraphs`));
    errors.push(...checkRanges(d.sentences, d.text.length, `${at}/sentences`));
  });

  const storyIds = new Set<string>();
  json.stories.forEach((s, i) => {
    const at = `/stories/${i} (${s.id})`;
    if (storyIds.has(s.id)) errors.push(`${at}: duplicate story id`);
    storyIds.add(s.id);
    for (const id of s.documentIds) {
      if (!sentenceCount.has(id)) errors.push(`${at}: unknown document ${id}`);
    }
    if (s.firstDate && s.lastDate && s.firstDate.slice(0, 10) > s.lastDate.slice(0, 10)) {
      errors.push(`${at}: firstDate ${s.firstDate} is after lastDate ${s.lastDate}`);
    }
  });

  json.copies.forEach((c, i) => {
    const at = `/copies/${i}`;
    const sourceSentences = sentenceCount.get(c.source);
    const copySentences = sentenceCount.get(c.copy);
    if (sourceSentences === undefined) errors.push(`${at}: unknown source document ${c.source}`);
    if (copySentences === undefined) errors.push(`${at}: unknown copy document ${c.copy}`);
    if (c.source === c.copy) errors.push(`${at}: document ${c.source} copies itself`);
    c.pairs.forEach((p, j) => {
      if (sourceSentences !== undefined && p.sourceSentence >= sourceSentences) {
        errors.push(`${at}/pairs/${j}: source sentence ${p.sourceSentence} out of range (${sourceSentences} sentences)`);
      }
      if (copySentences !== undefined && p.copySentence >= copySentences) {
        errors.push(`${at}/pairs/${j}: copy sentence ${p.copySentence} out of range (${copySentences} sentences)`);
      }
    });
  });

  // Every mention cites its document's text exactly.
  const texts = new Map(json.documents.map((d) => [d.id, d.text]));
  const mention = (m: { doc: string; start: number; end: number; text: string }, at: string) => {
    const text = texts.get(m.doc);
    if (text === undefined) errors.push(`${at}: unknown document ${m.doc}`);
    else if (m.start > m.end || m.end > text.length) errors.push(`${at}: range ${m.start}..${m.end} outside the text (${text.length})`);
    else if (text.slice(m.start, m.end) !== m.text) errors.push(`${at}: text ${JSON.stringify(m.text)} is not the document's ${JSON.stringify(text.slice(m.start, m.end))}`);
  };
  json.entities.forEach((e, i) => e.mentions.forEach((m, j) => mention(m, `/entities/${i}/mentions/${j}`)));
  json.quotes.forEach((q, i) => q.mentions.forEach((m, j) => mention(m, `/quotes/${i}/mentions/${j}`)));
  json.times.forEach((t, i) => mention(t, `/times/${i}`));
  json.quantities.forEach((q, i) => mention(q, `/quantities/${i}`));

  return errors;
}
