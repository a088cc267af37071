// ASCII slugs for titles and topics, CJK first: Han characters become pinyin syllables
// (Simplified and Traditional), Latin text is folded to ASCII, everything else becomes a separator.
import { pinyin } from "pinyin-pro";

const HAN = /\p{Script=Han}/u;
const MAX_WORDS = 12;
const MAX_LENGTH = 80;

/** `乌克兰作战` → `wu-ke-lan-zuo-zhan`; `Putin meets Kim` → `putin-meets-kim`. May return "". */
export function slugify(text: string, maxLength = MAX_LENGTH): string {
  const normalized = text.normalize("NFKC");
  const parts = HAN.test(normalized)
    ? pinyin(normalized, { toneType: "none", type: "array", nonZh: "consecutive", v: true })
    : [normalized];
  // One pass over the joined syllables (a space keeps them apart), not one per syllable.
  const words = parts
    .join(" ")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .slice(0, MAX_WORDS);
  let slug = words.join("-");
  if (slug.length > maxLength) slug = slug.slice(0, maxLength).replace(/-[^-]*$/, "");
  return slug;
}

/** A slug that is never empty: falls back to `fallbackPrefix-<hash>` when the text has no letters. */
export function slugOrFallback(text: string, fallbackKey: string, fallbackPrefix = "item"): string {
  return slugify(text) || `${fallbackPrefix}-${shortHash(fallbackKey)}`;
}

/**
 * Makes `slug` unique against `taken` by appending -2, -3, ... Deterministic for the same inputs
 * in the same order, which is what keeps URLs stable across runs.
 */
export function uniqueSlug(slug: string, taken: ReadonlySet<string>): string {
  if (!taken.has(slug)) return slug;
  for (let n = 2; ; n++) {
    const candidate = `${slug}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** 8 hex chars of FNV-1a: short, stable, dependency-free (not for security). */
export function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, "0");
}
