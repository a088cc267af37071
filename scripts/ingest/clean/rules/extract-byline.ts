// The byline at the top of the body: author and date lifted into the output, the block removed.
// Forms seen: DW/VOA/Reuters/NYT-2020 `<div><i>Author<br>date</i></div>` (author may be empty),
// RFI `<div>dd/mm/yyyy - HH:MM</div>`, NYT `<address>` + `<time datetime>`, BBC's byline list
// and `<time>` (a relative "19 分钟前" is not a date).
import type { Element } from "domhandler";
import { count, type CleanRule } from "../context.ts";
import { byTag, contentRoot, elementChildren, isEmptyNode, squeeze, textContent, textOf } from "../dom.ts";
import { parseBylineDate, zoneForLink } from "../dates.ts";
import { detach } from "../mutate.ts";

// Bylines sit among the first few blocks, before the article's text starts.
const LEADING_BLOCKS = 5;

export const extractByline: CleanRule = (ctx) => {
  const zone = zoneForLink(ctx.raw.link ?? ctx.raw.baseUrl);
  let seen = 0;
  for (const block of elementChildren(contentRoot(ctx.root))) {
    if (isEmptyNode(block)) continue;
    if (++seen > LEADING_BLOCKS) break;
    const found = italicByline(block, zone) ?? datelineBlock(block, zone) ?? semanticByline(block, zone);
    if (!found) {
      if (isArticleText(block)) break;
      continue;
    }
    if (found.author && !ctx.out.author) ctx.out.author = found.author;
    if (found.date && !ctx.out.date) ctx.out.date = found.date;
    found.remove();
    count(ctx, "removed byline");
  }
};

interface Found {
  author?: string;
  date?: string;
  remove: () => void;
}

/** `<div><i>Author<br>date</i></div>`: the last line is the date, the lines before it the author. */
function italicByline(block: Element, zone: string): Found | undefined {
  if (block.name !== "div") return undefined;
  const kids = elementChildren(block);
  const i = kids[0];
  if (kids.length !== 1 || !/^(i|em)$/.test(i.name) || textOf(block) !== textOf(i)) return undefined;
  const lines = splitOnBreaks(i);
  const date = parseBylineDate(lines.at(-1) ?? "", zone);
  if (!date) return undefined;
  return { author: nameCase(lines.slice(0, -1).join(" ")), date, remove: () => detach(block) };
}

/** RFI: a block holding nothing but "25/09/2023 - 00:48". */
function datelineBlock(block: Element, zone: string): Found | undefined {
  if (block.name !== "div" && block.name !== "p") return undefined;
  if (elementChildren(block).some((el) => el.name !== "br" && el.name !== "span")) return undefined;
  const date = parseBylineDate(textOf(block), zone);
  return date ? { date, remove: () => detach(block) } : undefined;
}

/** NYT's <address>/<time>, BBC's byline list and <time>, as a block or inside one. */
function semanticByline(block: Element, zone: string): Found | undefined {
  const text = textOf(block);
  const remove = () => detach(block);
  if (block.name === "address") return { author: nameCase(text), remove };
  const time = block.name === "time" ? block : byTag(block, "time")[0];
  if (time && text === textOf(time)) {
    const date = parseBylineDate(time.attribs.datetime ?? "", zone) ?? parseBylineDate(textOf(time), zone);
    return { date, remove };
  }
  const list = block.name === "ul" ? block : byTag(block, "ul")[0];
  if (list && text === textOf(list) && byTag(list, "a", "img").length === 0) {
    const items = elementChildren(list).filter((li) => li.name === "li").map(textOf);
    if (items.length >= 1 && items.length <= 3 && items.every((t) => t.length > 0 && t.length <= 60)) {
      return { author: items[0], remove };
    }
  }
  return undefined;
}

function splitOnBreaks(el: Element): string[] {
  const lines: string[] = [""];
  for (const node of el.children) {
    if (node.type === "tag" && node.name === "br") lines.push("");
    else lines[lines.length - 1] += textContent(node);
  }
  return lines.map(squeeze).filter((l, idx, all) => l || idx === all.length - 1);
}

/** "STEPHEN WERTHEIM" → "Stephen Wertheim"; other names as written. Empty → undefined. */
function nameCase(name: string): string | undefined {
  const n = squeeze(name);
  if (!n) return undefined;
  if (!/[A-Z]/.test(n) || /[a-z]/.test(n) || /[^\x20-\x7e]/.test(n)) return n;
  return n.toLowerCase().replace(/(^|[\s'-])([a-z])/g, (_, sep: string, ch: string) => sep + ch.toUpperCase());
}

function isArticleText(block: Element): boolean {
  return block.name === "p" || block.name === "figure" || block.name === "img" || byTag(block, "p", "img").length > 0;
}
