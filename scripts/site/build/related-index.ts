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
  /** Topic set → the groups scoring against it, by score (see #scoring). */
  readonly #scores = new Map<string, Group[][]>();

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
    if (item.topics.length === 0 || limit <= 0) return [];
    return this.#ranking(this.#scoring(item), limit, this.#position.get(item) ?? -1).map((r) => r.item);
  }

  /** Same result as dayNeighbours(model, item). */
  neighbours(item: ItemView): { previous?: ItemView; next?: ItemView } {
    const day = this.#dayOf.get(item.day);
    const at = day ? (this.#dayPosition.get(item) ?? -1) : -1;
    if (!day || at === -1) return {};
    return { previous: day.items[at - 1], next: day.items[at + 1] };
  }

  /** The groups sharing a topic with the item, by how many they share; one per topic set. */
  #scoring(item: ItemView): Group[][] {
    const key = signature(item);
    let byScore = this.#scores.get(key);
    if (byScore) return byScore;
    const scores = new Map<Group, number>();
    for (const name of new Set(item.topics.map((t) => t.name))) {
      for (const group of this.#groupsOf.get(name) ?? []) scores.set(group, (scores.get(group) ?? 0) + 1);
    }
    byScore = [];
    for (const [group, score] of scores) (byScore[score] ??= []).push(group);
    this.#scores.set(key, byScore);
    return byScore;
  }

  /** The best `take` items older than position `after`: score descending, then newest first. */
  #ranking(byScore: Group[][], take: number, after: number): Ranked[] {
    // Each group is newest first (positions ascending): its head is its first item older than
    // `after`. Per score, the next best item is the newest head: a merge of the groups, which
    // stops after `take` items instead of gathering and sorting every candidate.
    const ranked: Ranked[] = [];
    for (let score = byScore.length - 1; score > 0 && ranked.length < take; score--) {
      const heads = (byScore[score] ?? []).map((group) => ({ group, at: firstAfter(group.positions, after) }));
      while (ranked.length < take) {
        let best: { group: Group; at: number } | undefined;
        for (const head of heads) {
          if (head.at < head.group.items.length && (!best || head.group.positions[head.at] < best.group.positions[best.at])) best = head;
        }
        if (!best) break;
        ranked.push({ item: best.group.items[best.at], score, at: best.group.positions[best.at] });
        best.at++;
      }
    }
    return ranked;
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
