// Images that are decoration, not content: tracking pixels and separators (a side of 4px or
// less), BBC's "Presentational grey line", zoom/share icons (RFA's icon-zoom.png).
import { count, type CleanRule } from "../context.ts";
import { byTag } from "../dom.ts";
import { remove } from "../mutate.ts";

const DECORATIVE_ALT = /^presentational (grey |gray )?line$/i;
const ICON_FILE = /(^|[/_-])(icon|spacer|pixel|blank|transparent)([-_.][\w-]*)?\.(png|gif|svg|jpe?g|webp)(\?|$)/i;

export const dropDecorativeImages: CleanRule = (ctx) => {
  const decorative = byTag(ctx.root, "img").filter((img) => {
    const { width, height, alt = "", src = "" } = img.attribs;
    const tiny = [width, height].some((v) => v !== undefined && /^\d+$/.test(v.trim()) && Number(v) <= 4);
    return tiny || DECORATIVE_ALT.test(alt.trim()) || ICON_FILE.test(src);
  });
  count(ctx, "removed decorative image", decorative.length);
  remove(decorative);
};
