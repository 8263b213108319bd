/** Downloads for the browser: data the page already holds, and files the server sends only with the session token. */
import { getToken } from './session';

/** Saves `blob` as `filename` through a temporary link; the object URL is freed a minute later. */
export function saveBlob(blob: Blob, filename: string): void {
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoking at once can cancel the download in some browsers; a minute is plenty to start it.
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
}

/** The server's JSON error message (`{ error: { message } }`), or its status. */
export async function responseError(res: Response): Promise<Error> {
  try {
    const body = await res.json();
    return new Error(body?.error?.message ?? `The server answered ${res.status}`);
  } catch {
    return new Error(`The server answered ${res.status}`);
  }
}

/**
 * Fetches `url` with the session token (a plain link cannot send it) and saves the file under the
 * name the server gives in content-disposition; an Error with the server's message otherwise.
 */
export async function downloadWithToken(url: string, fallbackName = 'download'): Promise<void> {
  const token = getToken();
  const res = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (!res.ok) throw await responseError(res);
  const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? fallbackName;
  saveBlob(await res.blob(), name);
}
