// relatedItems() and dayNeighbours() of site-model.ts give every article its related and
// neighbouring items, but each call scans all items or all days: quadratic over a site. This
// index gives the same answers from work done once per model: items are grouped by their set of
// topic names (sites have few such sets: hundreds at most), each group in model order, so a query
// looks at the few best candidates of each group instead of every item.
import type { DayView, ItemView, SiteModel } from "../site-model.ts";

interface Group {
  names: Set<string>;
  items: ItemView[];
  positions: number[];
}

interface Ranked {
  item: ItemView;
  score: number;
  at: number;
}

export class RelatedIndex {
  readonly #position = new Map<ItemView, number>();
  /** Items grouped by their topic-name set, each group newest first. */
  readonly #groups = new Map<string, Group>();
  /** The groups each topic name is in. */
  readonly #groupsOf = new Map<string, Group[]>();
  readonly #dayOf = new Map<string, DayView>();
  readonly #dayPosition = new Map<ItemView, number>();

  constructor(readonly model: SiteModel) {
    model.items.forEach((item, at) => {
      this.#position.set(item, at);
      const key = signature(item);
      let group = this.#groups.get(key);
      if (!group) {
        this.#groups.set(key, (group = { names: new Set(item.topics.map((t) => t.name)), items: [], positions: [] }));
        for (const name of group.names) {
          const withName = this.#groupsOf.get(name);
          if (withName) withName.push(group);
          else this.#groupsOf.set(name, [group]);
        }
      }
      group.items.push(item);
      group.positions.push(at);
    });
    for (const day of model.days) {
      // dayNeighbours takes the first day with the item's key, and the item's first place in it.
      if (this.#dayOf.has(day.key)) continue;
      this.#dayOf.set(day.key, day);
      day.items.forEach((item, at) => {
        if (!this.#dayPosition.has(item) && item.day === day.key) this.#dayPosition.set(item, at);
      });
    }
  }

  /** Same result as relatedItems(model, item, limit): earlier items only. */
  related(item: ItemView, limit: number): ItemView[] {
    const names = new Set(item.topics.map((t) => t.name));
    if (names.size === 0 || limit <= 0) return [];
    return this.#ranking(names, limit, this.#position.get(item) ?? -1).map((r) => r.item);
  }

  /** Same result as dayNeighbours(model, item). */
  neighbours(item: ItemView): { previous?: ItemView; next?: ItemView } {
    const day = this.#dayOf.get(item.day);
    const at = day ? (this.#dayPosition.get(item) ?? -1) : -1;
    if (!day || at === -1) return {};
    return { previous: day.items[at - 1], next: day.items[at + 1] };
  }

  /** The best `take` items older than position `after`: score descending, then newest first. */
  #ranking(names: Set<string>, take: number, after: number): Ranked[] {
    // Only groups sharing a topic score at all: count the shared names through #groupsOf.
    const scores = new Map<Group, number>();
    for (const name of names) for (const group of this.#groupsOf.get(name) ?? []) scores.set(group, (scores.get(group) ?? 0) + 1);
    // Buckets by score; only the best buckets are sorted, until `take` items are found.
    const buckets: Ranked[][] = [];
    for (const [group, score] of scores) {
      // A group is newest first (positions ascending): skip to the first item older than `after`,
      // then only its next `take` items can make the cut.
      const start = firstAfter(group.positions, after);
      const bucket = (buckets[score] ??= []);
      for (let i = start; i < Math.min(start + take, group.items.length); i++) bucket.push({ item: group.items[i], score, at: group.positions[i] });
    }
    const candidates: Ranked[] = [];
    for (let score = buckets.length - 1; score > 0 && candidates.length < take; score--) {
      candidates.push(...(buckets[score] ?? []).sort((a, b) => a.at - b.at));
    }
    return candidates.slice(0, take);
  }
}

/** Index of the first position greater than `after` in an ascending list. */
function firstAfter(positions: number[], after: number): number {
  let lo = 0;
  let hi = positions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (positions[mid] <= after) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function signature(item: ItemView): string {
  return [...new Set(item.topics.map((t) => t.name))].sort().join("\u0000");
}

/** One index per model: SiteState builds a new model on every (re)build. */
const indexes = new WeakMap<SiteModel, RelatedIndex>();

export function relatedIndex(model: SiteModel): RelatedIndex {
  let index = indexes.get(model);
  if (!index) indexes.set(model, (index = new RelatedIndex(model)));
  return index;
}
