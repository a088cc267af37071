// The one place feed text is made safe: characters XML 1.0 forbids (C0 controls other than tab,
// newline and return, lone surrogates, U+FFFE/U+FFFF) are dropped, with the C1 controls that no
// reader shows. Every string that reaches a feed passes through here.
const UNSAFE_CHARS = /[^\t\n\r\u0020-\u007E\u00A0-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function feedSafe(text: string): string {
  return text.replace(UNSAFE_CHARS, "");
}

/** A title, name or label: safe characters on one line. */
export function feedLine(text: string): string {
  return feedSafe(text).replace(/\s+/g, " ").trim();
}

/** Text as HTML text (for content and RSS descriptions, which readers read as HTML). */
export function escapeHtml(text: string): string {
  return feedSafe(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
