// Advertising slots (BBC's "广告" sections, FT's o-ads slots) and publisher promos (FT's
// "download our app" notice) are not part of the article.
import type { Element } from "domhandler";
import { count, type CleanRule } from "../context.ts";
import { descendants, hasClass, isElement, textNodes, textOf } from "../dom.ts";
import { remove } from "../mutate.ts";

const AD_CLASSES = ["o-ads", "in-article-advert", "advertisement", "ad-slot", "adsbygoogle"];

function isAdSlot(el: Element): boolean {
  const a = el.attribs;
  return (
    a["data-e2e"] === "advertisement" ||
    a["data-o-ads-name"] !== undefined ||
    /^dotcom-/.test(a.id ?? "") ||
    /^(广告|Advertisement)/i.test(a["aria-label"] ?? "") ||
    AD_CLASSES.some((c) => hasClass(el, c))
  );
}

// Promo notices, recognised by how they start.
const PROMO_TEXT = [/^来自FT中文网的温馨提示/];

export const dropAds: CleanRule = (ctx) => {
  const { root } = ctx;
  const slots = descendants(root, isAdSlot);
  count(ctx, "removed ad slot", slots.length);
  remove(slots);
  const promos = new Set<Element>();
  for (const text of textNodes(root)) {
    if (!PROMO_TEXT.some((re) => re.test(text.data.trimStart()))) continue;
    const block = text.parent;
    if (isElement(block) && /^(div|p)$/.test(block.name) && textOf(block).length < 200) promos.add(block);
  }
  count(ctx, "removed promo", promos.size);
  remove(promos);
};
