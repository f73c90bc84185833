// Events: typed event frames per document (extract.ts) and their linking
// across documents (link.ts); the trigger lexicon and CAMEO mapping are in
// lexicon.ts.
export { extractEvents, eventAt, type EventContext, type EventDoc, type EventMention, type EventSpan, type EventToken, type Modality } from './extract.js';
export { linkEvents, type EventCluster, type LinkInput, type LinkOptions } from './link.js';
export { CAMEO, cameoRoot, type EventType } from './lexicon.js';
