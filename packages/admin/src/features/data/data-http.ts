/** The open-data HTTP endpoints the page calls directly: CSV imports, and downloads of finished exports. */
import { downloadWithToken, responseError } from '../../lib/download';
import { getToken } from '../../lib/session';

export type ImportKind = 'products' | 'stock' | 'customers' | 'orders';

export interface ImportReport {
  dryRun: boolean;
  rows: number;
  created: number;
  updated: number;
  skipped: number;
  errors: { line: number; field: string | null; message: string }[];
  errorsOmitted?: number;
}

const auth = (): Record<string, string> => {
  const token = getToken();
  return token ? { authorization: `Bearer ${token}` } : {};
};

/** POST /import/<kind>?dryRun=…: the per-row report, or an Error with the server's message. */
export async function runImport(kind: ImportKind, file: File, dryRun: boolean): Promise<ImportReport> {
  const res = await fetch(`/import/${kind}?dryRun=${dryRun}`, {
    method: 'POST',
    body: file,
    headers: { 'content-type': 'text/csv', ...auth() },
  });
  if (!res.ok) throw await responseError(res);
  return res.json();
}

/** Downloads a finished export with the session token and hands it to the browser as a file. */
export function download(url: string): Promise<void> {
  return downloadWithToken(url, 'export');
}
