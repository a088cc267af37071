// Share buttons: AddToAny blocks (CDT), RFI's "分享 :" row with its custom elements, and any
// small block made only of share-intent links; plus RFI's newsletter/app self-promotion slots.
import type { Element } from "domhandler";
import { count, type CleanRule } from "../context.ts";
import { byTag, contains, descendants, hasClass, isElement, textOf } from "../dom.ts";
import { remove } from "../mutate.ts";

const SHARE_CLASSES = ["addtoany_share_save_container", "a2a_kit", "sharedaddy", "share-buttons", "social-share", "o-self-promo"];
const SHARE_ATTRS = ["data-a2a-url", "data-root-share", "data-selfpromo-newsletter", "data-selfpromo-app"];

const SHARE_LINK =
  /^(whatsapp:|fb-messenger:|line:|https?:\/\/(www\.|m\.|web\.|api\.)?(facebook\.com\/(dialog\/share|sharer)|twitter\.com\/(intent|share)|x\.com\/intent|whatsapp\.com\/send|wa\.me\/|t\.me\/share|telegram\.me\/share|linkedin\.com\/(shareArticle|sharing)|service\.weibo\.com\/share|reddit\.com\/submit|addtoany\.com|pinterest\.com\/pin\/create|social-plugins\.line\.me|line\.me\/R\/msg))/i;

// A share row has little text of its own ("分享 :", "Share").
const MAX_SHARE_TEXT = 40;

const isShareLink = (el: Element) => el.name === "a" && SHARE_LINK.test((el.attribs.href ?? "").trim());

export const dropShareBlocks: CleanRule = (ctx) => {
  const { root } = ctx;
  const blocks = descendants(root, (el) => SHARE_CLASSES.some((c) => hasClass(el, c)) || SHARE_ATTRS.some((a) => a in el.attribs));
  for (const a of descendants(root, isShareLink)) blocks.push(shareContainer(a));
  const unique = [...new Set(blocks)].filter((el) => !blocks.some((other) => other !== el && contains(other, el)));
  remove(unique);
  count(ctx, "removed share block", unique.length);
};

/** The largest ancestor that still holds nothing but share links and a short label. */
function shareContainer(link: Element): Element {
  let container = link;
  for (let parent = link.parent; parent && isElement(parent); parent = parent.parent) {
    const links = byTag(parent, "a").filter((a) => a.attribs.href !== undefined);
    if (!links.every(isShareLink) || byTag(parent, "img", "p", "h1", "h2", "h3", "h4", "h5", "h6").length > 0) break;
    if (textOf(parent).length > MAX_SHARE_TEXT) break;
    container = parent;
  }
  return container;
}
