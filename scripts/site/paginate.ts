// Splits a listing into pages with their own paths and neighbours; page 1 at the base path.

export interface ListingPage<T, C> {
  path: string;
  pageNumber: number;
  totalPages: number;
  items: T[];
  prevPath?: string;
  nextPath?: string;
  context: C;
}

export function paginate<T, C>(
  items: T[],
  size: number,
  pathFor: (pageNumber: number) => string,
  context: C,
): ListingPage<T, C>[] {
  const totalPages = Math.max(1, Math.ceil(items.length / size));
  const pages: ListingPage<T, C>[] = [];
  for (let i = 0; i < totalPages; i++) {
    const pageNumber = i + 1;
    pages.push({
      path: pathFor(pageNumber),
      pageNumber,
      totalPages,
      items: items.slice(i * size, (i + 1) * size),
      prevPath: pageNumber > 1 ? pathFor(pageNumber - 1) : undefined,
      nextPath: pageNumber < totalPages ? pathFor(pageNumber + 1) : undefined,
      context,
    });
  }
  return pages;
}
