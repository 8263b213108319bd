/** A table as CSV (RFC 4180: quoted when needed, CRLF line ends) and its download in the browser. */
import { saveBlob } from '../../lib/download';

export type Cell = string | number | null | undefined;

export function toCsv(headers: string[], rows: Cell[][]): string {
  const cell = (v: Cell) => {
    const s = v == null ? '' : String(v);
    // A leading = + - @ would be read as a formula by spreadsheets.
    const safe = /^[=+\-@]/.test(s) && !/^-?\d/.test(s) ? `'${s}` : s;
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return [headers, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

export function downloadCsv(filename: string, headers: string[], rows: Cell[][]) {
  saveBlob(new Blob([toCsv(headers, rows)], { type: 'text/csv;charset=utf-8' }), filename);
}
