// Which image URLs and addresses may be fetched, and what a redirect to a forbidden host does.
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { after, before, describe, it } from "node:test";
import { isPublicAddress } from "../../scripts/images/address-policy.ts";
import { planWidths } from "../../scripts/images/derivatives.ts";
import { fetchImage, ImageFetchError } from "../../scripts/images/fetch-image.ts";
import { classifyImageSource } from "../../scripts/images/image-source.ts";
import { placeholderClass } from "../../scripts/images/placeholder-colour.ts";
import { startImageServer, type ImageServer } from "./image-server.ts";
import { tempDirSync } from "../helpers/shared.ts";

describe("isPublicAddress", () => {
  it("accepts public IPv4 and IPv6 unicast", () => {
    for (const ip of ["8.8.8.8", "93.184.215.14", "2606:4700::1111", "::ffff:8.8.8.8"]) assert.equal(isPublicAddress(ip), true, ip);
  });
  it("refuses loopback, private, link-local, shared, multicast and reserved, in every spelling", () => {
    const refused = [
      "127.0.0.1", "127.8.9.10", "10.0.0.1", "172.16.5.4", "172.31.255.255", "192.168.1.1", "169.254.169.254", "100.64.0.1",
      "0.0.0.0", "224.0.0.251", "239.255.255.250", "240.0.0.1", "255.255.255.255", "192.0.2.1", "198.18.0.1",
      "::", "::1", "fe80::1", "fc00::1", "fd12:3456::1", "ff02::1", "2001:db8::1",
      "::ffff:127.0.0.1", "::ffff:7f00:1", "::ffff:10.0.0.1", "64:ff9b::a00:1", "2002:7f00:1::1", "[::1]", "fe80::1%eth0", "localhost", "",
    ];
    for (const ip of refused) assert.equal(isPublicAddress(ip), false, ip);
  });
});

describe("classifyImageSource", () => {
  const policy = { allowPrivateHosts: false, localRoots: [] as string[] };
  let dir: string;
  before(() => {
    dir = tempDirSync("gazette-src-");
    mkdirSync(path.join(dir, "samples"));
    writeFileSync(path.join(dir, "samples", "a.jpg"), "x");
    writeFileSync(path.join(dir, "secret.jpg"), "x");
    symlinkSync(path.join(dir, "secret.jpg"), path.join(dir, "samples", "link.jpg"));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("allows only http and https", () => {
    assert.equal(classifyImageSource("https://img.example.net/a.jpg", policy)?.kind, "remote");
    for (const src of ["javascript:alert(1)", "data:image/png;base64,AAAA", "ftp://host/a.jpg", "gopher://h/"]) assert.equal(classifyImageSource(src, policy)?.kind, "refused", src);
    assert.equal(classifyImageSource("not a url", policy), undefined);
  });
  it("refuses private literals and names unless private hosts are allowed", () => {
    for (const src of ["http://127.0.0.1/a.jpg", "http://[::1]/a.jpg", "http://[::ffff:127.0.0.1]/a", "http://169.254.169.254/x", "http://localhost:8080/a", "http://printer/a.jpg", "http://0x7f000001/a"]) {
      assert.equal(classifyImageSource(src, policy)?.kind, "refused", src);
      assert.equal(classifyImageSource(src, { ...policy, allowPrivateHosts: true })?.kind, "remote", src);
    }
    assert.equal(classifyImageSource("http://user:pw@img.example.net/a.jpg", policy)?.kind, "refused");
  });
  it("reads local files only inside the allowed folders, symlinks and ../ included", () => {
    const roots = { ...policy, localRoots: [path.join(dir, "samples")] };
    assert.equal(classifyImageSource(pathToFileURL(path.join(dir, "samples", "a.jpg")).href, roots)?.kind, "local");
    assert.equal(classifyImageSource(pathToFileURL(path.join(dir, "secret.jpg")).href, roots)?.kind, "refused");
    assert.equal(classifyImageSource(`${pathToFileURL(path.join(dir, "samples")).href}/../secret.jpg`, roots)?.kind, "refused");
    assert.equal(classifyImageSource(pathToFileURL(path.join(dir, "samples", "link.jpg")).href, roots)?.kind, "refused");
    assert.equal(classifyImageSource("file:///etc/passwd", roots)?.kind, "refused");
  });
});

describe("fetchImage", () => {
  let server: ImageServer;
  before(async () => {
    server = await startImageServer(2000);
  });
  after(() => server.close());
  const limits = {
    timeoutMs: 500,
    maxBytes: 1_000_000,
    userAgent: "Gazette/test",
    // Only the test server's own address: 127.0.0.2 and every other loopback address are refused.
    isAllowedAddress: (a: string) => a === "127.0.0.1",
    refuseUrl: () => undefined,
    retryBaseMs: 10,
  };

  it("re-checks a redirect target and never connects to a refused one", async () => {
    server.hits.clear();
    await assert.rejects(fetchImage(new URL(server.base + "to-other-loopback.jpg"), limits), (e: ImageFetchError) => e.refused && /redirect refused/.test(e.message));
    assert.deepEqual([...server.hits.keys()], ["to-other-loopback.jpg"]);
  });
  it("refuses a host name that resolves to a refused address at connect time", async () => {
    await assert.rejects(fetchImage(new URL(`http://localhost:${server.port}/photo.jpg`), { ...limits, isAllowedAddress: () => false, refuseUrl: () => undefined }), (e: ImageFetchError) => e.refused);
  });
  it("stops at the byte limit and on a slow response", async () => {
    await assert.rejects(fetchImage(new URL(server.base + "photo.jpg"), { ...limits, maxBytes: 2000 }), /larger than 2000 bytes/);
    server.hits.clear();
    await assert.rejects(fetchImage(new URL(server.base + "slow.jpg"), { ...limits, retries: 1 }), /timed out/);
    assert.equal(server.hits.get("slow.jpg"), 2, "a timeout is retried");
  });
});

describe("derivative plan and placeholders", () => {
  it("plans widths up to the original's own", () => {
    assert.deepEqual(planWidths(1000, [320, 640, 960, 1280]), [320, 640, 960, 1000]);
    assert.deepEqual(planWidths(3000, [320, 640]), [320, 640]);
    assert.deepEqual(planWidths(100, [320, 640]), [100]);
  });
  it("has a stylesheet rule for every placeholder colour bucket", () => {
    const css = readFileSync(path.resolve(import.meta.dirname, "../../layouts/assets/images.css"), "utf8");
    for (const colour of [[0, 0, 0], [255, 255, 255], [200, 40, 40], [30, 60, 200], [127, 128, 43]]) {
      const cls = placeholderClass(colour);
      assert.ok(css.includes(`img.${cls}{background-color:#`), cls);
    }
  });
});
