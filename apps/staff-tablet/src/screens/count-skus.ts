// What an associate types or scans into the count's SKU box: one per line, or separated by commas or spaces;
// upper-cased, blanks and repeats dropped.
export function parseSkus(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,;]+/)
        .map((s) => s.trim().toUpperCase())
        .filter(Boolean),
    ),
  ];
}
