// HTML fragment → plain text paragraphs, for feed item content, JSONL `html`
// fields and extracted article bodies.
import { parseHTML } from 'linkedom';

/** Elements that start and end a paragraph. */
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog',
  'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4',
  'h5', 'h6', 'header', 'hgroup', 'hr', 'html', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section',
  'summary', 'table', 'tbody', 'tfoot', 'thead', 'tr', 'ul',
]);

/** Elements whose text is never article prose. */
const SKIP = new Set([
  'audio', 'button', 'canvas', 'embed', 'head', 'iframe', 'noscript', 'object', 'script', 'select',
  'style', 'svg', 'template', 'textarea', 'video',
]);

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/**
 * Plain text of an HTML fragment or document: one paragraph per block element
 * or `<br>`, paragraphs joined by "\n\n", entities decoded, whitespace inside a
 * paragraph collapsed to single spaces (non-breaking spaces included: the
 * output is for reading and analysis, not layout). Script, style and embedded
 * media are dropped; table cells are separated by a space.
 */
export function htmlToParagraphText(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const paragraphs: string[] = [];
  let current = '';
  const flush = () => {
    const p = current.replace(/\s+/g, ' ').trim();
    if (p) paragraphs.push(p);
    current = '';
  };
  const walk = (node: Node) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === TEXT_NODE) {
        current += child.nodeValue ?? '';
      } else if (child.nodeType === ELEMENT_NODE) {
        const tag = (child as Element).localName.toLowerCase();
        if (SKIP.has(tag)) continue;
        if (tag === 'br') {
          flush();
        } else if (BLOCK.has(tag)) {
          flush();
          walk(child);
          flush();
        } else if (tag === 'td' || tag === 'th') {
          current += ' ';
          walk(child);
          current += ' ';
        } else {
          walk(child);
        }
      }
    }
  };
  walk(document.documentElement);
  flush();
  return paragraphs.join('\n\n');
}
