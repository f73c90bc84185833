// Events as rows for the tools analysts already use: CSV with ACLED-like
// columns (one event a row, CAMEO root for GDELT joins), and GeoJSON points
// for GIS. Both read the sitrep.json contract, nothing else.
import type { SitrepJson } from './sitrep-json.js';
import type { CollectedEvent } from '../events/collect.js';

export type ExportFormat = 'csv' | 'geojson';

export const CSV_COLUMNS = [
  'event_id',
  'date',
  'date_precision',
  'event_type',
  'cameo',
  'actor1',
  'actor2',
  'place',
  'admin1',
  'country',
  'latitude',
  'longitude',
  'geo_precision',
  'geonameid',
  'sources',
  'documents',
  'independent_sources',
  'notes',
] as const;

type Row = Record<(typeof CSV_COLUMNS)[number], string | number | undefined>;

function row(e: CollectedEvent, json: SitrepJson): Row {
  const docs = new Map(json.documents.map((d) => [d.id, d]));
  const sources = [...new Set(e.documents.map((id) => docs.get(id)?.source ?? docs.get(id)?.url ?? id))];
  const geo = e.place?.geo;
  const notes = [
    e.modality !== 'asserted' ? `not a fact: ${e.modality}` : '',
    e.negated ? 'reported as not having happened' : '',
    e.hedged ? 'hedged in every report' : '',
    e.quantity !== undefined ? `count ${e.quantity}` : '',
    e.mentions[0]?.sentenceText ?? '',
  ].filter(Boolean);
  return {
    event_id: e.id,
    date: e.date,
    date_precision: e.datePrecision,
    event_type: e.type,
    cameo: e.cameoCode ?? e.cameo,
    actor1: e.actor,
    actor2: e.target,
    place: e.place?.name,
    admin1: geo?.admin1,
    country: geo?.countryName,
    latitude: geo?.lat,
    longitude: geo?.lon,
    geo_precision: geo?.level,
    geonameid: geo?.geonameid,
    sources: sources.join('; '),
    documents: e.documents.length,
    independent_sources: e.independentSources,
    notes: notes.join(' | '),
  };
}

/** RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled. */
function csvField(v: string | number | undefined): string {
  if (v === undefined) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function exportEvents(json: SitrepJson, format: ExportFormat): string {
  const events = [...json.events].sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '') || a.id.localeCompare(b.id));
  if (format === 'csv') {
    const lines = [CSV_COLUMNS.join(',')];
    for (const e of events) {
      const r = row(e, json);
      lines.push(CSV_COLUMNS.map((c) => csvField(r[c])).join(','));
    }
    return lines.join('\r\n') + '\r\n';
  }
  const features = events
    .filter((e) => e.place?.geo)
    .map((e) => {
      const { latitude, longitude, ...properties } = row(e, json);
      return {
        type: 'Feature' as const,
        id: e.id,
        geometry: { type: 'Point' as const, coordinates: [longitude as number, latitude as number] },
        properties: Object.fromEntries(Object.entries(properties).filter(([, v]) => v !== undefined && v !== '')),
      };
    });
  return JSON.stringify({ type: 'FeatureCollection', features }, null, 1) + '\n';
}
