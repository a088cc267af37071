// The one markdown-it setup the site, the feeds, the images stage and the tests render item bodies
// with. Apart from to-markdown.ts, so the ingest's worker threads, which only write Markdown, never
// load markdown-it.
import MarkdownIt from "markdown-it";

/** markdown-it as the site renders bodies: raw HTML off, no linkify, no typographer. */
export function markdownRenderer(): InstanceType<typeof MarkdownIt> {
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
  // Bundled samples name their images by file:// URL (the images stage serves them from its
  // allowed folders only); markdown-it refuses file: by default, which would print the image as
  // text. Links never keep a file: target (link_open below).
  const validateLink = md.validateLink.bind(md);
  md.validateLink = (url) => /^file:\/\//i.test(url.trim()) || validateLink(url);
  const renderImage = md.renderer.rules.image!;
  md.renderer.rules.image = (tokens, idx, options, env, self) => {
    tokens[idx].attrSet("loading", "lazy");
    tokens[idx].attrSet("decoding", "async");
    tokens[idx].attrSet("referrerpolicy", "no-referrer");
    return renderImage(tokens, idx, options, env, self);
  };
  const renderLinkOpen = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
  md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
    if (/^\s*file:/i.test(String(tokens[idx].attrGet("href") ?? ""))) tokens[idx].attrs = (tokens[idx].attrs ?? []).filter(([name]) => name !== "href");
    // Body links lead to third-party sites: no referrer, no opener.
    tokens[idx].attrSet("rel", "noopener noreferrer nofollow");
    return renderLinkOpen(tokens, idx, options, env, self);
  };
  return md;
}
