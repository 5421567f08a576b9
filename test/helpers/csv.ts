/**
 * Parses CSV text into rows of cells the way spreadsheets read it: a quote opens a quoted cell only at the start of
 * a cell (elsewhere it is an ordinary character), `""` inside one is a quote, and after the closing quote the rest
 * of the cell is taken as it is. `delimiter` is `,` (RFC 4180) or what another locale splits on (`;` in Russian and
 * Uzbek Excel, a tab). Rows end at CRLF, LF or CR outside quotes.
 */
export function parseCsv(text: string, delimiter = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let atCellStart = true;
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
    atCellStart = true;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
      continue;
    }
    if (c === '"' && atCellStart) {
      quoted = true;
      atCellStart = false;
    } else if (c === delimiter) endCell();
    else if (c === '\r' || c === '\n') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endCell();
      rows.push(row);
      row = [];
    } else {
      cell += c;
      atCellStart = false;
    }
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}
