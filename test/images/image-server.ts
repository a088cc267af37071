// A local image server on 127.0.0.1 for the images tests: generated JPEG, PNG, WebP and GIF files,
// a corrupt file, a pixel bomb, a slow response, a 404, a flaky 503, redirects; it counts requests.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { crc32 } from "node:zlib";
import sharp from "sharp";

export interface ImageServer {
  base: string;
  port: number;
  /** Requests per path. */
  hits: Map<string, number>;
  /** Headers of every request, in order. */
  requests: http.IncomingHttpHeaders[];
  close(): Promise<void>;
}

export const GOOD = { "photo.jpg": [1000, 600], "chart.png": [700, 500], "scene.webp": [640, 480], "anim.gif": [300, 200], "body.jpg": [500, 300] } as const;

async function generated(): Promise<Record<string, Buffer>> {
  const make = (w: number, h: number, rgb: [number, number, number]) => sharp({ create: { width: w, height: h, channels: 3, background: { r: rgb[0], g: rgb[1], b: rgb[2] } } });
  return {
    "photo.jpg": await make(1000, 600, [200, 40, 40]).jpeg().toBuffer(),
    "chart.png": await sharp({ create: { width: 700, height: 500, channels: 4, background: { r: 20, g: 160, b: 60, alpha: 0.5 } } }).png().toBuffer(),
    "scene.webp": await make(640, 480, [30, 60, 200]).webp().toBuffer(),
    "anim.gif": await make(300, 200, [240, 220, 30]).gif().toBuffer(),
    "body.jpg": await make(500, 300, [90, 90, 90]).jpeg().toBuffer(),
    "corrupt.jpg": Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2000, 0x5a)]),
    "bomb.png": await pixelBomb(),
  };
}

/** A valid 1×1 PNG whose header is rewritten to claim 30000×30000 pixels (CRC fixed up). */
async function pixelBomb(): Promise<Buffer> {
  const png = await sharp({ create: { width: 1, height: 1, channels: 3, background: "#000" } }).png().toBuffer();
  const out = Buffer.from(png);
  out.writeUInt32BE(30000, 16);
  out.writeUInt32BE(30000, 20);
  out.writeUInt32BE(crc32(out.subarray(12, 29)) >>> 0, 29);
  return out;
}

export async function startImageServer(slowMs = 3000): Promise<ImageServer> {
  const files = await generated();
  const hits = new Map<string, number>();
  const requests: http.IncomingHttpHeaders[] = [];
  let port = 0;
  const server = http.createServer((req, res) => {
    const name = new URL(req.url ?? "/", "http://127.0.0.1").pathname.slice(1);
    hits.set(name, (hits.get(name) ?? 0) + 1);
    requests.push(req.headers);
    if (name === "slow.jpg") {
      const timer = setTimeout(() => res.writeHead(200, { "content-type": "image/jpeg" }).end(files["photo.jpg"]), slowMs);
      res.on("close", () => clearTimeout(timer));
      return;
    }
    if (name === "redirect.jpg") return void res.writeHead(302, { location: `http://localhost:${port}/moved.jpg` }).end();
    if (name === "to-other-loopback.jpg") return void res.writeHead(302, { location: `http://127.0.0.2:${port}/photo.jpg` }).end();
    if (name === "flaky.png") {
      if (hits.get(name) === 1) return void res.writeHead(503).end();
      return void res.writeHead(200, { "content-type": "image/png" }).end(files["chart.png"]);
    }
    const body = name === "moved.jpg" ? files["photo.jpg"] : files[name];
    if (!body) return void res.writeHead(404).end("not found");
    res.writeHead(200, { "content-type": "application/octet-stream" }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
  return {
    base: `http://127.0.0.1:${port}/`,
    port,
    hits,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
