// URL helpers shared by the feed readers: a link is only useful to the site when it is absolute
// http(s), so relative references are resolved against a chain of candidate bases.

export function isHttpUrl(value: string | null | undefined): value is string {
  if (!value) return false;
  try {
    const { protocol } = new URL(value);
    return protocol === "http:" || protocol === "https:";
  } catch {
    return false;
  }
}

/**
 * Resolves `ref` against the first base that makes it an absolute http(s) URL. An absolute ref of
 * another scheme (tag:, mailto:, javascript:) gives undefined: it is not a page to link to.
 */
export function resolveHttp(ref: string | null | undefined, ...bases: (string | null | undefined)[]): string | undefined {
  const trimmed = ref?.trim();
  if (!trimmed) return undefined;
  if (isHttpUrl(trimmed)) return new URL(trimmed).href;
  if (hasScheme(trimmed)) return undefined;
  for (const base of bases) {
    if (!isHttpUrl(base)) continue;
    try {
      return new URL(trimmed, base).href;
    } catch {
      // A malformed ref against this base; try the next one.
    }
  }
  return undefined;
}

/** True for an absolute URL of any scheme. */
export function hasScheme(ref: string): boolean {
  try {
    new URL(ref);
    return true;
  } catch {
    return false;
  }
}
