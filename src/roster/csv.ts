// A CSV roster's rows, yielded one at a time, so a file that is too long is refused after maxRows + 1 rows,
// however long it is.
import type { SheetRow } from './sheet.js';

/** RFC 4180 CSV: quoted fields may hold delimiters, line breaks and doubled quotes. */
export function* csvRows(text: string): Generator<SheetRow> {
  const delimiter = sniffDelimiter(text);
  const n = text.length;
  let i = 0;
  let row = 0;
  while (i < n) {
    row += 1;
    const cells: string[] = [];
    for (;;) {
      let cell = '';
      if (text[i] === '"') {
        i += 1;
        for (;;) {
          const quote = text.indexOf('"', i);
          if (quote === -1) {
            // an unterminated quote takes the rest of the file, as Excel does
            cell += text.slice(i);
            i = n;
            break;
          }
          cell += text.slice(i, quote);
          if (text[quote + 1] === '"') {
            cell += '"';
            i = quote + 2;
          } else {
            i = quote + 1;
            break;
          }
        }
      }
      let end = i;
      while (end < n && text[end] !== delimiter && text[end] !== '\n' && text[end] !== '\r') end += 1;
      cell += text.slice(i, end);
      i = end;
      cells.push(cell);
      if (i < n && text[i] === delimiter) {
        i += 1;
        continue;
      }
      if (text[i] === '\r' && text[i + 1] === '\n') i += 2;
      else if (i < n) i += 1;
      break;
    }
    yield { row, cells };
  }
}

/** Comma, unless the first line has tabs and no comma (Excel's "Unicode text" is tab-separated). */
function sniffDelimiter(text: string): string {
  const firstLine = text.slice(0, 4096).split(/\r?\n/, 1)[0] ?? '';
  return firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
}
