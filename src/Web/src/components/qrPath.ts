/** One SVG path for the dark modules of a QR code: a 1x1 square per dark module, runs on a row joined. */
export function qrPath(size: number, isDark: (row: number, col: number) => boolean): string {
  const parts: string[] = [];
  for (let row = 0; row < size; row++) {
    let col = 0;
    while (col < size) {
      if (!isDark(row, col)) {
        col++;
        continue;
      }
      let end = col;
      while (end < size && isDark(row, end)) end++;
      parts.push(`M${col} ${row}h${end - col}v1h-${end - col}z`);
      col = end;
    }
  }
  return parts.join("");
}
