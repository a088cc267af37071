// The dominant-colour placeholder without inline styles (the CSP forbids them): each colour falls
// into one of 64 buckets, and layouts/assets/images.css holds one background rule per bucket.

const LEVELS = [0, 85, 170, 255];

/** Class name of the bucket nearest to `colour`, e.g. `ph-213`. */
export function placeholderClass(colour: readonly number[]): string {
  return `ph-${colour.slice(0, 3).map(level).join("")}`;
}

/** The 64 bucket rules, as written into layouts/assets/images.css. */
export function placeholderCss(): string {
  const rules: string[] = [];
  for (let r = 0; r < 4; r++)
    for (let g = 0; g < 4; g++)
      for (let b = 0; b < 4; b++) rules.push(`img.ph-${r}${g}${b}{background-color:#${hex(LEVELS[r])}${hex(LEVELS[g])}${hex(LEVELS[b])}}`);
  return rules.join("\n");
}

function level(value: number): number {
  return Math.max(0, Math.min(3, Math.round((Number(value) || 0) / 85)));
}

const hex = (n: number) => n.toString(16).padStart(2, "0");
