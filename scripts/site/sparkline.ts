// A tiny inline SVG line of counts per day; built from numbers only, so it is safe to inline.

export function sparklineSvg(counts: number[], label: string, width = 120, height = 24): string {
  const max = Math.max(1, ...counts);
  const step = counts.length > 1 ? width / (counts.length - 1) : 0;
  const points = counts
    .map((c, i) => `${(i * step).toFixed(1)},${(height - 2 - (c / max) * (height - 4)).toFixed(1)}`)
    .join(" ");
  const title = escapeXml(label);
  return (
    `<svg class="sparkline" role="img" aria-label="${title}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<polyline fill="none" stroke="currentColor" stroke-width="1.5" points="${points}"/></svg>`
  );
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
