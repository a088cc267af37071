// The built site in headless Chromium (Debian's /usr/bin/chromium via playwright-core): layouts
// at phone and desktop widths, axe-core, CSP violations, and Pagefind search on Chinese text.
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import axe from "axe-core";
import { chromium, type Browser, type Page } from "playwright-core";
import { buildSamplesSite, type SamplesSite } from "../test/helpers/samples-site.ts";

const CHROMIUM = "/usr/bin/chromium";
const ARTIFACTS = path.resolve(import.meta.dirname, "../test-artifacts");
const MOUNT = "/mirror/x/"; // served under a sub-path, as a mirror would

const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".png": "image/png", ".json": "application/json", ".xml": "application/xml" };

function serve(root: string): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    let rel = decodeURIComponent(url.pathname);
    if (!rel.startsWith(MOUNT)) return void res.writeHead(404).end();
    rel = rel.slice(MOUNT.length);
    let file = path.join(root, rel);
    if (!file.startsWith(root)) return void res.writeHead(403).end();
    if (rel === "" || rel.endsWith("/")) file = path.join(file, "index.html");
    if (!existsSync(file)) return void res.writeHead(404).end();
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? (file.endsWith(".pagefind") ? "application/wasm" : "application/octet-stream") });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

describe("site in a browser", { skip: existsSync(CHROMIUM) ? false : `skipped: ${CHROMIUM} is missing` }, () => {
  let site: SamplesSite;
  /** The article under test (the real DW seed when the shared samples are there) and a query that finds it. */
  let article: { path: string; query: string; title: string };
  let server: http.Server;
  let browser: Browser;
  let base: string;

  before(async () => {
    site = await buildSamplesSite();
    article = await pickArticle(site);
    server = await serve(site.dist);
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}${MOUNT}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
    });
    mkdirSync(ARTIFACTS, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    server?.close();
    if (site) rmSync(site.root, { recursive: true, force: true });
  });

  async function open(rel: string, width: number): Promise<{ page: Page; cspErrors: string[] }> {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    const cspErrors: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy/i.test(m.text())) cspErrors.push(m.text());
    });
    // Remote (third-party) images are not fetched in tests.
    await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
    await page.goto(base + rel, { waitUntil: "load" });
    return { page, cspErrors };
  }

  for (const name of ["home", "article"] as const) {
    for (const width of [375, 1280]) {
      it(`${name} at ${width}px: no horizontal scroll, no CSP violation, no serious axe violation`, async () => {
        const { page, cspErrors } = await open(name === "home" ? "" : article.path, width);
        await page.screenshot({ path: path.join(ARTIFACTS, `${name}-${width}.png`), fullPage: true });
        // A string: this project's TypeScript has no DOM lib.
        const overflow = Number(await page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth"));
        assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px`);
        // DevTools evaluation is not subject to the page CSP, so axe runs with the CSP in force.
        await page.evaluate(axe.source);
        const violations = await page.evaluate(async () => {
          const result = await (globalThis as unknown as { axe: typeof axe }).axe.run();
          return result.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.help}`);
        });
        assert.deepEqual(violations, []);
        assert.deepEqual(cspErrors, []);
        await page.close();
      });
    }
  }

  it("search finds the article for a Chinese query, from a sub-path, under the CSP", async () => {
    const { page, cspErrors } = await open("search/", 1280);
    // The shared samples' 2023 seed sits in an older year's bundle, merged into the newest one.
    if (site.withShared) assert.match((await page.locator("#search").getAttribute("data-merge")) ?? "", /pagefind-archive\/2023\//);
    await page.fill(".pagefind-ui__search-input", article.query);
    const result = page.locator(".pagefind-ui__result-link").first();
    await result.waitFor({ timeout: 5000 });
    const hrefs = await page.locator(".pagefind-ui__result-link").evaluateAll((links) => links.map((a) => a.getAttribute("href")));
    assert.ok(hrefs.includes(`${MOUNT}${article.path}`), `${article.query} finds ${article.path}: ${hrefs.join(", ")}`);
    assert.deepEqual(cspErrors, []);
    await page.close();
  });
});

/** The DW seed (searched as 金正恩) when the shared samples are there, else a bundled article. */
async function pickArticle(site: SamplesSite): Promise<{ path: string; query: string; title: string }> {
  const index = JSON.parse(readFileSync(path.join(site.content, "_data/itemIndex.json"), "utf8")) as { title: string; path: string }[];
  const sitemap = readFileSync(path.join(site.dist, "sitemap.xml"), "utf8");
  const wanted = site.withShared ? index.find((r) => r.title.startsWith("普京会见金正恩")) : index.find((r) => /\p{Script=Han}{4}/u.test(r.title));
  assert.ok(wanted, "an article to test");
  const slug = path.basename(wanted.path, ".md");
  const url = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname).find((p) => p.endsWith(`/${slug}/`));
  assert.ok(url, `the sitemap lists ${slug}`);
  const query = site.withShared ? "金正恩" : (wanted.title.match(/\p{Script=Han}{2,4}/u)?.[0] ?? wanted.title);
  return { path: url.replace(/^\//, ""), query, title: wanted.title };
}
