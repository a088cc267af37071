// The allow-list sanitizer, run last on the cleaned body: only plain article markup survives,
// links only to http(s)/mailto, images only from http(s) (file: for local items). Nothing
// executable gets through, whatever the input held; what it removed is counted into notes.
import sanitizeHtml from "sanitize-html";
import { countsToNotes } from "./context.ts";

export interface SanitizeOptions {
  /** Allow file: image sources (items read from local files whose images sit beside them). */
  allowFileImages?: boolean;
}

export interface SanitizeResult {
  html: string;
  notes: string[];
}

const ALLOWED_TAGS = [
  "p", "h2", "h3", "h4", "h5", "h6", "a", "img", "figure", "figcaption", "blockquote", "ul", "ol", "li",
  "strong", "em", "b", "i", "code", "pre", "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td",
  "br", "hr", "small", "sup", "sub",
];

// Dropped with everything inside them, not just their tags.
export const NON_TEXT_TAGS = [
  "script", "style", "textarea", "option", "select", "noscript", "template", "iframe", "frame",
  "frameset", "object", "embed", "applet", "svg", "math", "title", "head", "xmp", "noembed", "noframes",
  "button", "canvas", "audio", "video", "map",
];

// Worth a note when they turn up: markup that could run code or change the page.
const NOTEWORTHY_TAGS = new Set([
  "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "form", "input",
  "button", "textarea", "select", "meta", "base", "link", "svg", "math", "template",
]);

const URL_ATTRIBUTES = new Set(["href", "src", "action", "formaction", "xlink:href", "data", "poster", "background", "cite"]);
const SAFE_SCHEMES = new Set(["http", "https", "mailto", "file"]);

/** Sanitize body HTML with the allow-list. */
export function sanitizeBody(html: string, options: SanitizeOptions = {}): SanitizeResult {
  const counts = new Map<string, number>();
  const tally = (what: string) => counts.set(what, (counts.get(what) ?? 0) + 1);
  const imageSchemes = options.allowFileImages ? ["http", "https", "file"] : ["http", "https"];

  const out = sanitizeHtml(html, {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: {
      a: ["href"],
      img: ["src", "alt", "title", "width", "height"],
      td: ["colspan", "rowspan"],
      th: ["colspan", "rowspan"],
      ol: ["start"],
    },
    allowedSchemes: ["http", "https"],
    allowedSchemesByTag: { a: ["http", "https", "mailto"], img: imageSchemes },
    allowedSchemesAppliedToAttributes: ["href", "src", "cite"],
    allowProtocolRelative: false,
    disallowedTagsMode: "discard",
    nonTextTags: NON_TEXT_TAGS,
    enforceHtmlBoundary: false,
    parseStyleAttributes: false,
    transformTags: {
      h1: "h2",
      img: (tagName, attribs) => ({ tagName, attribs: withNumericSize(attribs) }),
    },
    // A link that lost its href is just its text; an image that lost its src is nothing.
    exclusiveFilter: (frame) =>
      frame.tag === "a" && !frame.attribs.href ? "excludeTag" : frame.tag === "img" && !frame.attribs.src,
    onOpenTag: (name, attribs) => {
      if (NOTEWORTHY_TAGS.has(name)) tally(`sanitizer removed <${name}>`);
      for (const [attr, value] of Object.entries(attribs)) {
        if (/^on/i.test(attr)) tally("sanitizer removed event-handler attribute");
        else if (URL_ATTRIBUTES.has(attr) && !isSafeUrl(value)) tally("sanitizer removed unsafe URL");
      }
    },
  });
  return { html: out, notes: countsToNotes(counts) };
}

function withNumericSize(attribs: sanitizeHtml.Attributes): sanitizeHtml.Attributes {
  const out: sanitizeHtml.Attributes = {};
  for (const [name, value] of Object.entries(attribs)) {
    if ((name === "width" || name === "height") && !/^\d{1,5}$/.test(value.trim())) continue;
    out[name] = value;
  }
  return out;
}

// The scheme as a browser would see it: control characters and whitespace do not hide it.
function isSafeUrl(value: string): boolean {
  const cleaned = value.replace(/[\s\p{Cc}]+/gu, "");
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(cleaned)?.[1]?.toLowerCase();
  return !scheme || SAFE_SCHEMES.has(scheme);
}
