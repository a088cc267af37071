// Video, audio, iframes and script players (FT) cannot play on a static, script-free page: each
// becomes a plain paragraph linking to where it can be watched, the embed's own page when we can
// tell it (YouTube, Vimeo, FT's video page), else the article. Other scripts just go.
import type { AnyNode, Element } from "domhandler";
import { count, type CleanContext, type CleanRule } from "../context.ts";
import { byTag, descendants, elementChildren, hasClass, isBlank, isElement, squeeze, textContent } from "../dom.ts";
import { resolveLink } from "../urls.ts";
import { createElement, createText, detach, replaceWith } from "../mutate.ts";

export const WATCH_LABEL = "观看视频 / Watch at the source";
export const LISTEN_LABEL = "收听音频 / Listen at the source";

const EMBEDS = ["iframe", "video", "audio", "object", "embed", "script"];
// Wrappers that belong to one embed and go with it (BBC's player with its <noscript> poster).
const WRAPPER_CLASSES = ["o-responsive-video-container", "videoWrapper", "video-container", "embed-container", "wp-block-embed", "responsive-embed"];
const isWrapper = (el: Element) => el.attribs["data-e2e"] === "media-player" || WRAPPER_CLASSES.some((c) => hasClass(el, c));
const VIDEO_SCRIPT = /player|video|embed|vid=/i;
const GENERIC_TITLES = /^(多媒体播放器|媒体播放器|视频播放器|youtube video player|video player|player|embedded (video|content))$/i;

export const replaceEmbeds: CleanRule = (ctx) => {
  for (const el of byTag(ctx.root, ...EMBEDS)) {
    if (!attached(el)) continue; // already gone with an earlier embed's wrapper
    const wrapper = closest(el, isWrapper);
    if (el.name === "script" && !wrapper && !VIDEO_SCRIPT.test(el.attribs.src ?? "")) {
      detach(el);
      count(ctx, "removed script");
      continue;
    }
    const container = wrapper ?? soleContentParent(el) ?? el;
    const page = embedPage(ctx, el, container);
    const title = embedTitle(el, container);
    const label = el.name === "audio" ? LISTEN_LABEL : WATCH_LABEL;
    if (page) {
      const link = createElement("a", { href: page }, [createText(label)]);
      replaceWith(container, [createElement("p", {}, title ? [link, createText(` · ${title}`)] : [link])]);
    } else {
      detach(container);
    }
    count(ctx, `replaced ${el.name === "audio" ? "audio" : el.name === "script" ? "video script" : el.name} with a link`);
  }
};

/** The parent, when the embed (and maybe a <noscript>) is all it holds. */
function soleContentParent(el: Element): Element | undefined {
  const parent = el.parent;
  if (!parent || parent.type !== "tag" || !/^(p|div|figure|center)$/.test(parent.name)) return undefined;
  const others = elementChildren(parent).filter((c) => c !== el && c.name !== "noscript" && c.name !== "br");
  const ownText = parent.children.every((c) => c.type !== "text" || isBlank(c.data));
  return others.length === 0 && ownText ? parent : undefined;
}

function embedPage(ctx: CleanContext, el: Element, container: Element): string | undefined {
  const src = el.attribs.src ?? el.attribs.data ?? byTag(el, "source").find((s) => s.attribs.src)?.attribs.src ?? "";
  const known = knownPlayerPage(src);
  if (known) return known;
  // A link inside the player's wrapper names its page (FT: <a class="o-responsive-video-caption">).
  const own = firstLink(container)?.attribs.href;
  const fallback = own ?? ctx.raw.link ?? ctx.raw.baseUrl;
  return fallback ? resolveLink(fallback, ctx.pageBase)?.href : undefined;
}

function knownPlayerPage(src: string): string | undefined {
  let url: URL;
  try {
    url = new URL(src.startsWith("//") ? `https:${src}` : src);
  } catch {
    return undefined;
  }
  const youtube = /(^|\.)youtube(-nocookie)?\.com$/.test(url.hostname) && /^\/embed\/([\w-]{6,})/.exec(url.pathname);
  if (youtube) return `https://www.youtube.com/watch?v=${youtube[1]}`;
  const vimeo = url.hostname === "player.vimeo.com" && /^\/video\/(\d+)/.exec(url.pathname);
  if (vimeo) return `https://vimeo.com/${vimeo[1]}`;
  return undefined;
}

function embedTitle(el: Element, container: Element): string | undefined {
  const link = firstLink(container);
  const candidates = [link ? textContent(link) : "", el.attribs.title ?? ""];
  return candidates.map(squeeze).find((t) => t && !GENERIC_TITLES.test(t));
}

function firstLink(container: Element): Element | undefined {
  return descendants(container, (a) => a.name === "a" && !!a.attribs.href)[0];
}

function closest(el: Element, match: (el: Element) => boolean): Element | undefined {
  for (let p = el.parent; p && isElement(p); p = p.parent) if (match(p)) return p;
  return undefined;
}

function attached(el: Element): boolean {
  let n: AnyNode = el;
  while (n.parent) n = n.parent;
  return n.type === "root";
}
