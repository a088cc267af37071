// htmlparser2, as the CommonJS build sanitize-html requires. Imported as ESM it would be a second
// copy in the preparing thread: a second tokenizer to load and for V8 to optimize (10,000-item
// ingests, 8 alternating pairs: 0.15 s faster on average with one copy, never slower by more
// than 0.01 s).
import { createRequire } from "node:module";

const htmlparser2 = createRequire(import.meta.url)("htmlparser2") as typeof import("htmlparser2");

export const { parseDocument, Parser } = htmlparser2;
