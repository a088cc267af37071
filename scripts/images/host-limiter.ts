// A few requests at a time per host, so a digest full of one site's images does not hammer it.
import pLimit, { type LimitFunction } from "p-limit";

export class HostLimiter {
  readonly #limits = new Map<string, LimitFunction>();

  constructor(readonly perHost = 2) {}

  run<T>(host: string, task: () => Promise<T>): Promise<T> {
    let limit = this.#limits.get(host);
    if (!limit) this.#limits.set(host, (limit = pLimit(this.perHost)));
    return limit(task);
  }
}
