// The gallery lightbox in headless Chromium: it opens on a gallery link, arrow keys move, Esc
// closes and focus returns; with JavaScript off the same link opens the full-size image.
import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { after, before, describe, it } from "node:test";
import { chromium, type Browser } from "playwright-core";
import sharp from "sharp";
import { buildSite } from "../scripts/site/build-site.ts";
import { writeImageContent } from "../test/images/image-content.ts";

const CHROMIUM = "/usr/bin/chromium";
const ARTICLE = "2026/11/20/views/";
const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".jpg": "image/jpeg", ".webp": "image/webp" };

function serve(root: string): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    let file = path.join(root, decodeURIComponent(new URL(req.url ?? "/", "http://127.0.0.1").pathname));
    if (!file.startsWith(root)) return void res.writeHead(403).end();
    if (file.endsWith("/")) file = path.join(file, "index.html");
    if (!existsSync(file)) return void res.writeHead(404).end();
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" }).end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

describe("gallery lightbox", { skip: existsSync(CHROMIUM) ? false : `skipped: ${CHROMIUM} is missing` }, () => {
  let root: string;
  let server: http.Server;
  let browser: Browser;
  let base: string;

  before(async () => {
    root = mkdtempSync(path.join(os.tmpdir(), "gazette-lightbox-"));
    const pictures = path.join(root, "pictures");
    mkdirSync(pictures);
    const srcs: string[] = [];
    for (const [i, rgb] of [[200, 40, 40], [40, 160, 60], [30, 60, 200]].entries()) {
      const file = path.join(pictures, `p${i}.jpg`);
      await sharp({ create: { width: 800, height: 500, channels: 3, background: { r: rgb[0], g: rgb[1], b: rgb[2] } } }).jpeg().toFile(file);
      srcs.push(pathToFileURL(file).href);
    }
    const contentDir = path.join(root, "content");
    writeImageContent(contentDir, [{ slug: "views", date: "2026-11-20T08:00:00Z", lead: srcs[0], gallery: srcs }], {
      widths: [320, 640],
      cacheDir: path.join(root, "cache"),
      localRoots: [pictures],
    });
    const dist = path.join(root, "dist");
    await buildSite({ contentDir, outputDir: dist, quiet: true });
    server = await serve(dist);
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
  });
  after(async () => {
    await browser?.close();
    server?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it("opens on a gallery link, moves with arrow keys, closes with Esc and returns focus", async () => {
    const page = await browser.newPage();
    await page.goto(base + ARTICLE, { waitUntil: "load" });
    const links = page.locator(".gallery a.gallery-link");
    assert.equal(await links.count(), 3);
    await links.nth(1).click();
    const dialog = page.locator("dialog.lightbox");
    assert.equal(await dialog.evaluate((d) => (d as unknown as { open: boolean }).open), true);
    assert.equal(page.url(), base + ARTICLE, "the page did not navigate");
    assert.equal(await dialog.getAttribute("data-index"), "1");
    assert.equal(await dialog.locator("figcaption").textContent(), "View 2 Caption 2");
    await page.keyboard.press("ArrowRight");
    assert.equal(await dialog.getAttribute("data-index"), "2");
    const shown = await dialog.locator("img").getAttribute("src");
    assert.equal(shown, new URL((await links.nth(2).getAttribute("href")) ?? "", base + ARTICLE).href);
    await page.keyboard.press("ArrowRight");
    assert.equal(await dialog.getAttribute("data-index"), "0", "wraps around");
    await page.keyboard.press("ArrowLeft");
    assert.equal(await dialog.getAttribute("data-index"), "2");
    await page.keyboard.press("Escape");
    assert.equal(await dialog.evaluate((d) => (d as unknown as { open: boolean }).open), false);
    const focused = await page.evaluate("document.activeElement && document.activeElement.getAttribute('href')");
    assert.equal(focused, await links.nth(1).getAttribute("href"));
    await page.close();
  });

  it("without JavaScript the gallery link opens the full-size image", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(base + ARTICLE, { waitUntil: "load" });
    const href = await page.locator(".gallery a.gallery-link").first().getAttribute("href");
    assert.match(href ?? "", /img\/[0-9a-f]{64}-640\.jpg$/);
    const [response] = await Promise.all([page.waitForEvent("response"), page.locator(".gallery a.gallery-link").first().click()]);
    assert.equal(response.status(), 200);
    assert.equal(response.headers()["content-type"], "image/jpeg");
    assert.match(page.url(), /img\/[0-9a-f]{64}-640\.jpg$/);
    await context.close();
  });
});
