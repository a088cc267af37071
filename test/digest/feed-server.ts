// A feed server on 127.0.0.1 for the digest tests: each route is a small handler, and the server
// counts requests per path, remembers their headers and tracks how many are in flight at once.
import http from "node:http";
import type { AddressInfo } from "node:net";

export type Route = (req: http.IncomingMessage, res: http.ServerResponse, hit: number) => void;

export interface FeedServer {
  base: string;
  /** Requests seen per path (query included). */
  hits: Map<string, number>;
  /** Request headers per path, in order. */
  requests: Map<string, http.IncomingHttpHeaders[]>;
  maxInFlight: number;
  route(path: string, handler: Route): void;
  close(): Promise<void>;
}

export async function startFeedServer(): Promise<FeedServer> {
  const routes = new Map<string, Route>();
  let inFlight = 0;
  const state: FeedServer = {
    base: "",
    hits: new Map(),
    requests: new Map(),
    maxInFlight: 0,
    route: (path, handler) => void routes.set(path, handler),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  const server = http.createServer((req, res) => {
    const url = req.url ?? "/";
    const hit = (state.hits.get(url) ?? 0) + 1;
    state.hits.set(url, hit);
    state.requests.set(url, [...(state.requests.get(url) ?? []), req.headers]);
    inFlight++;
    state.maxInFlight = Math.max(state.maxInFlight, inFlight);
    res.on("close", () => inFlight--);
    res.on("error", () => {});
    const handler = routes.get(url);
    if (handler) handler(req, res, hit);
    else res.writeHead(404).end("not here");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  state.base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return state;
}
