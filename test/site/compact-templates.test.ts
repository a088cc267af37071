import assert from "node:assert/strict";
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import nunjucks from "nunjucks";
import { compactLayouts, compactTemplate, isHtmlTemplate } from "../../scripts/site/compact-templates.ts";
import { LAYOUTS_DIR } from "../../scripts/site/eleventy-setup.ts";

const tmp = path.join(os.tmpdir(), `gazette-compact-${process.pid}`);
after(() => rmSync(tmp, { recursive: true, force: true }));

const CARD = `---
layout: base.njk
---
<!-- a note for template authors -->
<article class="card{% if lead %} card-lead{% endif %}"{% if lang %} lang="{{ lang }}"{% endif %}>
  <h3>
    <a href="{{ url }}">{{ title }}</a>
  </h3>
  <p class="meta"><a href="/s/">{{ source }}</a>
    · <time>{{ time }}</time></p>
</article>
`;

test("an HTML template renders the same text with one space where the source had whitespace", async () => {
  const compact = await compactTemplate(CARD, "pages/card.njk");
  assert.ok(compact.startsWith("---\nlayout: base.njk\n---\n"), "front matter kept as it was");
  assert.doesNotMatch(compact, /a note for template authors/);
  assert.doesNotMatch(compact.slice(compact.indexOf("<article")), /\n/);
  const data = { lead: true, lang: "en", url: "/a/", title: "A & B", source: "Wire", time: "09:00" };
  const body = (t: string) => t.replace(/^---\n[\s\S]*?\n---\n/, "");
  const before = nunjucks.renderString(body(CARD), data);
  const afterCompact = nunjucks.renderString(body(compact), data);
  assert.ok(afterCompact.length < before.length);
  // The same page with its comment gone and every run of whitespace made one space (inside a tag,
  // the minifier sets Nunjucks tags apart with a space: the same attributes all the same).
  const inTags = (html: string) => html.replace(/ +/g, " ").replace(/ >/g, ">");
  assert.equal(inTags(afterCompact), before.replace(/<!--[\s\S]*?-->/, "").replace(/\s+/g, " ").trim());
  assert.match(afterCompact, /<a href="\/s\/">Wire<\/a> · <time>09:00<\/time>/);
  assert.match(inTags(afterCompact), /class="card card-lead" lang="en">/);
});

test("templates that render no HTML keep their whitespace", async () => {
  const robots = "---\nlayout: false\npermalink: /robots.txt\n---\nUser-agent: *\nAllow: /\n\nSitemap: {{ url }}\n";
  assert.equal(isHtmlTemplate(robots, "pages/robots.njk"), false);
  assert.equal(await compactTemplate(robots, "pages/robots.njk"), robots);
  assert.equal(isHtmlTemplate(CARD, "pages/card.njk"), true);
  assert.equal(isHtmlTemplate("<p>{{ x }}</p>", "partials/x.njk"), true);
});

test("a template the minifier cannot read is named in the error", async () => {
  await assert.rejects(compactTemplate("<{{ tag }} class=x>oops</{{ tag }}>", "partials/bad.njk"), /layouts\/partials\/bad\.njk: cannot minify/);
});

test("the compacted layouts are made once per change of the sources", async () => {
  const src = path.join(tmp, "layouts");
  mkdirSync(path.join(src, "partials"), { recursive: true });
  writeFileSync(path.join(src, "base.njk"), "<main>\n  {{ content | safe }}\n</main>\n");
  writeFileSync(path.join(src, "partials", "x.njk"), "<p>\n  x\n</p>\n");
  const cache = path.join(tmp, "cache");
  const first = await compactLayouts(src, cache);
  assert.equal(readFileSync(path.join(first, "partials", "x.njk"), "utf8"), "<p> x </p>");
  const made = statSync(first).mtimeMs;
  assert.equal(await compactLayouts(src, cache), first);
  assert.equal(statSync(first).mtimeMs, made);
  writeFileSync(path.join(src, "partials", "x.njk"), "<p>y</p>\n");
  const second = await compactLayouts(src, cache);
  assert.notEqual(second, first);
  assert.equal(readFileSync(path.join(second, "partials", "x.njk"), "utf8"), "<p>y</p>");
  // A copy made over a week ago is removed when a new one is made; a recent one stays.
  const eightDaysAgo = new Date(Date.now() - 8 * 24 * 3600 * 1000);
  utimesSync(first, eightDaysAgo, eightDaysAgo);
  writeFileSync(path.join(src, "partials", "x.njk"), "<p>z</p>\n");
  const third = await compactLayouts(src, cache);
  assert.ok(!existsSync(first));
  assert.ok(existsSync(second) && existsSync(third));
});

test("the project's own layouts all compact", async () => {
  const dir = await compactLayouts(LAYOUTS_DIR, path.join(tmp, "project"));
  const base = readFileSync(path.join(dir, "base.njk"), "utf8");
  assert.ok(base.length < readFileSync(path.join(LAYOUTS_DIR, "base.njk"), "utf8").length);
  assert.equal(readFileSync(path.join(dir, "pages", "robots.njk"), "utf8"), readFileSync(path.join(LAYOUTS_DIR, "pages", "robots.njk"), "utf8"));
});
