// A short summary for listings and feeds: the opening paragraphs' text (clean/lead-text.ts), cut
// at a sentence end. CJK text carries more per character, so its limit is about half the Latin one.
import { parseDocument } from "../clean/htmlparser.ts";
import { leadText } from "../clean/lead-text.ts";
import { codePointCount } from "./language.ts";

const NOT_CJK = /[^\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+/gu;
const SENTENCE_END = /[。！？!?…]|[.;](?=\s)/g;

/** The summary of a sanitized body (the ingest cuts it from the clean stage's lead text instead). */
export function summarize(html: string, fallback = ""): string {
  return truncate(leadText(parseDocument(html)) || fallback);
}

/** Cut to about 120 CJK or 240 Latin characters, preferring the last sentence end inside the limit. */
export function truncate(text: string): string {
  // CJK characters among the first 200, counted by deleting the rest (a match per character
  // costs several times more).
  const cjk = codePointCount(text.slice(0, 200).replace(NOT_CJK, "")) > 40;
  const limit = cjk ? 120 : 240;
  if (text.length <= limit) return text;
  const head = text.slice(0, limit);
  let cut = -1;
  for (const m of head.matchAll(SENTENCE_END)) if (m.index! >= limit * 0.5) cut = m.index! + 1;
  if (cut > 0) return head.slice(0, cut).trim();
  const space = cjk ? -1 : head.lastIndexOf(" ");
  return `${(space > limit * 0.6 ? head.slice(0, space) : head).trim()}…`;
}
