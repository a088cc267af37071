// Markdown for article bodies: raw HTML off (the body is untrusted), remote images lazy and
// without referrer. Stand-in until scripts/ingest/convert/to-markdown.ts exports markdownRenderer().
import MarkdownIt, { type MarkdownIt as MarkdownRenderer } from "markdown-it";

export function articleMarkdown(): MarkdownRenderer {
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
  const defaultImage = md.renderer.rules.image;
  md.renderer.rules.image = (tokens, idx, options, env, self) => {
    const token = tokens[idx];
    token.attrSet("loading", "lazy");
    token.attrSet("decoding", "async");
    token.attrSet("referrerpolicy", "no-referrer");
    return defaultImage ? defaultImage(tokens, idx, options, env, self) : self.renderToken(tokens, idx, options);
  };
  const defaultLinkOpen = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
  md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
    // Body links lead to third-party sites: no referrer, no opener.
    tokens[idx].attrSet("rel", "noopener noreferrer nofollow");
    return defaultLinkOpen(tokens, idx, options, env, self);
  };
  return md;
}
