import { test } from 'node:test';
import assert from 'node:assert/strict';
import iconv from 'iconv-lite';
import { decodeBytes, isProbablyBinary, sniffFormat } from '../src/ingest/decode.js';
import { InputError } from '../src/ingest/errors.js';

const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));

test('UTF-8 with a BOM: BOM stripped, CRLF and lone CR become \\n', () => {
  const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Harbour closed\r\n\r\nFerries resume at 6\rpm — officials')]);
  assert.equal(decodeBytes(bytes, 'a.txt'), 'Harbour closed\n\nFerries resume at 6\npm — officials');
});

test('Windows-1252 smart quotes and é decode when the bytes are not UTF-8', () => {
  // “Le café est fermé,” she said.
  const bytes = new Uint8Array([
    0x93, ...utf8('Le caf'), 0xe9, ...utf8(' est ferm'), 0xe9, ...utf8(','), 0x94, ...utf8(' she said.'),
  ]);
  assert.equal(decodeBytes(bytes, 'old.txt'), '“Le café est fermé,” she said.');
});

test('a lone invalid byte in otherwise UTF-8-looking text falls back to Windows-1252', () => {
  const bytes = new Uint8Array([...utf8('Price: 5'), 0x80, ...utf8(' per ticket')]);
  assert.equal(decodeBytes(bytes, 'x.txt'), 'Price: 5€ per ticket');
});

test('a legacy charset declared by the document is honoured when the bytes are not UTF-8', () => {
  const xml = '<?xml version="1.0" encoding="ISO-8859-2"?><rss><channel><title>Łódź</title></channel></rss>';
  const bytes = new Uint8Array(iconv.encode(xml, 'iso-8859-2'));
  assert.match(decodeBytes(bytes, 'pl.xml'), /<title>Łódź<\/title>/);
});

test('UTF-16 LE and BE with a BOM decode despite their NUL bytes', () => {
  const s = 'Flood warning for Riverside\r\nLevels rising — 2 m';
  const le = new Uint8Array([0xff, 0xfe, ...iconv.encode(s, 'utf-16le')]);
  const be = new Uint8Array([0xfe, 0xff, ...iconv.encode(s, 'utf-16be')]);
  assert.equal(isProbablyBinary(le), false);
  assert.equal(decodeBytes(le, 'le.txt'), 'Flood warning for Riverside\nLevels rising — 2 m');
  assert.equal(decodeBytes(be, 'be.txt'), 'Flood warning for Riverside\nLevels rising — 2 m');
});

test('NFC: e + combining acute becomes a single é', () => {
  const text = decodeBytes(utf8('Ren\u0065\u0301 Dubois'), 'n.txt');
  assert.equal(text, 'Ren\u00e9 Dubois');
  assert.equal(text.length, 11);
});

test('binary content is rejected with an InputError naming the input', () => {
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
  assert.equal(isProbablyBinary(png), true);
  assert.throws(
    () => decodeBytes(png, 'photo.txt'),
    (e: unknown) => e instanceof InputError && e.input === 'photo.txt' && e.message === 'binary file (not text)',
  );
});

test('a high share of control characters without NULs counts as binary; a few do not', () => {
  const noisy = new Uint8Array(200).map((_, i) => (i % 4 === 0 ? 0x01 : 0x41));
  assert.equal(isProbablyBinary(noisy), true);
  const mostlyText = new Uint8Array([...utf8('Road reopened after the storm. '.repeat(5)), 0x1b, 0x0c]);
  assert.equal(isProbablyBinary(mostlyText), false);
  assert.match(decodeBytes(mostlyText, 't.txt'), /^Road reopened/);
});

test('empty and whitespace-only files are rejected', () => {
  for (const bytes of [new Uint8Array(0), utf8(' \r\n\t \n'), new Uint8Array([0xef, 0xbb, 0xbf])]) {
    assert.throws(
      () => decodeBytes(bytes, 'blank.md'),
      (e: unknown) => e instanceof InputError && e.message === 'empty file' && e.input === 'blank.md',
    );
  }
});

test('sniffFormat trusts plain extensions', () => {
  assert.equal(sniffFormat('notes.txt', '<html>'), 'text');
  assert.equal(sniffFormat('brief.md', 'x'), 'markdown');
  assert.equal(sniffFormat('brief.MARKDOWN', 'x'), 'markdown');
  assert.equal(sniffFormat('page.htm', 'x'), 'html');
  assert.equal(sniffFormat('dump.ndjson', 'x'), 'jsonl');
  assert.equal(sniffFormat('news.rss', 'x'), 'feed');
  assert.equal(sniffFormat('news.atom', 'x'), 'feed');
});

test('sniffFormat reads .xml and .json content', () => {
  assert.equal(sniffFormat('a.xml', '<?xml version="1.0"?>\n<rss version="2.0"><channel/></rss>'), 'feed');
  assert.equal(sniffFormat('a.xml', '<!DOCTYPE html><html><body>hi</body></html>'), 'html');
  assert.equal(sniffFormat('a.json', '{"version":"https://jsonfeed.org/version/1.1","items":[]}'), 'feed');
  assert.equal(sniffFormat('a.json', '[{"text":"x"}]'), 'json');
  assert.equal(sniffFormat('a.json', '{"text":"x"}\n{"text":"y"}\n'), 'jsonl');
});

test('sniffFormat reads content for unknown extensions', () => {
  const atom = '<?xml version="1.0" encoding="utf-8"?>\n<?xml-stylesheet href="s.xsl"?>\n<!-- generated -->\n<feed xmlns="http://www.w3.org/2005/Atom"></feed>';
  assert.equal(sniffFormat('latest', atom), 'feed');
  assert.equal(sniffFormat('index.php', '<rdf:RDF xmlns:rdf="x"></rdf:RDF>'), 'feed');
  assert.equal(sniffFormat('story', '  <!doctype HTML>\n<html lang="en"><p>x</p></html>'), 'html');
  assert.equal(sniffFormat('story', '<html><body>x</body></html>'), 'html');
  assert.equal(sniffFormat('feed', '{"version":"https://jsonfeed.org/version/1","title":"T","items":[]}'), 'feed');
  assert.equal(sniffFormat('dump', '[{"title":"a"}]'), 'json');
  assert.equal(sniffFormat('dump', '{"title":"a"}\n{"title":"b"}'), 'jsonl');
  assert.equal(sniffFormat('README', '# Storm update\n\nWinds eased overnight.'), 'markdown');
  assert.equal(sniffFormat('README', 'Winds eased overnight. <feedback welcome>'), 'text');
  assert.equal(sniffFormat('notes', '{not json} just braces in prose'), 'text');
});
