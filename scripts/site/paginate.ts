// Splits a listing into pages that stay put as the listing grows. Archive pages are counted from
// the oldest item: page 1 holds the oldest `size` items, page 2 the next, and so on, so a new
// item never moves an item from one archive page to another, and last night's archive pages can
// be kept as they are (the warm build renders only what changed). The head page, at the base
// path, holds everything newer than the last archive page: between `size` and 2 × size − 1 items
// (all of them when the listing has fewer than 2 × size).

export interface ListingPage<T, C> {
  path: string;
  /** The head page (base path, newest items); otherwise an archive page. */
  head: boolean;
  /** 0 for the head page; k ≥ 1 for archive page k, counted from the oldest. */
  pageNumber: number;
  /** The head page and every archive page. */
  totalPages: number;
  /** Newest first. */
  items: T[];
  /** The page of newer items. */
  prevPath?: string;
  /** The page of older items. */
  nextPath?: string;
  context: C;
}

/** `items` newest first; `pathFor(0)` is the head page's path, `pathFor(k)` archive page k's. */
export function paginate<T, C>(items: T[], size: number, pathFor: (pageNumber: number) => string, context: C): ListingPage<T, C>[] {
  const archivePages = Math.max(0, Math.floor(items.length / size) - 1);
  const totalPages = archivePages + 1;
  const headCount = items.length - archivePages * size;
  const pages: ListingPage<T, C>[] = [
    { path: pathFor(0), head: true, pageNumber: 0, totalPages, items: items.slice(0, headCount), nextPath: archivePages ? pathFor(archivePages) : undefined, context },
  ];
  for (let k = archivePages; k >= 1; k--) {
    // Archive page k ends `(k - 1) × size` items before the oldest end of the newest-first list.
    const end = items.length - (k - 1) * size;
    pages.push({
      path: pathFor(k),
      head: false,
      pageNumber: k,
      totalPages,
      items: items.slice(end - size, end),
      prevPath: pathFor(k === archivePages ? 0 : k + 1),
      nextPath: k > 1 ? pathFor(k - 1) : undefined,
      context,
    });
  }
  return pages;
}
