/**
 * The open-data HTTP endpoints, for scripts: GET /export/<kind>.<csv|jsonl> (streamed),
 * POST /import/<kind>?dryRun=true|false (a text/csv body), and the download of a background
 * export's file. Same bearer token and rate limit as GraphQL; errors are JSON
 * `{ error: { code, message, parameter? } }`.
 */
import { Request, Response, Router } from 'express';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { HttpError, httpCaller, httpRoute, requestId } from '../../common/http-route';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { can } from '../../common/access';
import type { RequestContext } from '../../common/context';
import type { Logger } from '../../common/logger';
import { Permission } from '../auth';
import {
  CONTENT_TYPES,
  ExportBusyError,
  ExportLimitError,
  ExportService,
  exportFileName,
  isExportFormat,
  isExportKind,
  scopeOf,
} from './export.service';
import { ExportParameterError, parseFilter } from './export-query';
import { IMPORT_KINDS, ImportFileError, ImportKind, ImportService } from './import.service';

export interface DataHttpOptions {
  exports: ExportService;
  imports: ImportService;
  /** The GraphQL context for this request: authenticated actor, fresh entity manager. */
  context: (req: Request, res: Response) => Promise<RequestContext>;
  /** Charges the caller's rate limit (throws RateLimitedError). */
  charge: (ctx: RequestContext) => Promise<void>;
  importMaxBytes: number;
  log: Logger;
}

export function dataRouter(o: DataHttpOptions): Router {
  const router = Router();

  router.use(['/export', '/import'], requestId);

  /** The caller, with the permission and the rate limit checked. */
  const caller = (req: Request, res: Response, permission: string) => httpCaller(o, req, res, [permission]);
  const handle = (fn: (req: Request, res: Response) => Promise<void>) => httpRoute(o.log, 'data request', fn);

  router.get(
    '/export/jobs/:id/download',
    handle(async (req, res) => {
      const ctx = await caller(req, res, Permission.DATA_EXPORT);
      const file = await o.exports.download(ctx, String(req.params.id));
      if (!file) throw new HttpError(404, 'NOT_FOUND', 'No finished export with this id (it may have expired)');
      res.setHeader('content-type', CONTENT_TYPES[file.format]);
      res.setHeader('content-disposition', `attachment; filename="${file.fileName}"`);
      res.setHeader('cache-control', 'no-store');
      res.setHeader('content-length', String((await fs.promises.stat(file.path)).size));
      if (req.method === 'HEAD') return void res.end();
      await pipeline(fs.createReadStream(file.path), res);
    }),
  );

  router.get(
    '/export/:file',
    handle(async (req, res) => {
      const m = /^([a-z]+)\.([a-z]+)$/.exec(String(req.params.file));
      if (!m || !isExportKind(m[1]))
        throw new HttpError(404, 'NOT_FOUND', 'Exports: /export/<orders|products|stock|customers|events>.<csv|jsonl>');
      if (!isExportFormat(m[2]))
        throw new HttpError(404, 'NOT_FOUND', `Unknown format ${m[2].slice(0, 20)}: csv or jsonl`);
      const [kind, format] = [m[1], m[2]];
      const ctx = await caller(req, res, Permission.DATA_EXPORT);
      const { spreadsheetSafe: safe, ...query } = req.query as Record<string, unknown>;
      if (safe !== undefined && safe !== 'true' && safe !== 'false')
        throw new HttpError(400, 'BAD_REQUEST', 'spreadsheetSafe must be true or false', {
          parameter: 'spreadsheetSafe',
        });
      let filter;
      try {
        filter = parseFilter(kind, query);
      } catch (e) {
        if (e instanceof ExportParameterError)
          throw new HttpError(400, 'BAD_REQUEST', e.message, { parameter: e.parameter });
        throw e;
      }
      if (kind === 'customers' && !can(ctx, Permission.CUSTOMER_READ)) {
        throw new HttpError(403, 'FORBIDDEN', `Missing permission ${Permission.CUSTOMER_READ}`, {
          permission: Permission.CUSTOMER_READ,
        });
      }
      res.setHeader('content-type', CONTENT_TYPES[format]);
      res.setHeader('content-disposition', `attachment; filename="${exportFileName(kind, format)}"`);
      res.setHeader('cache-control', 'no-store');
      // HEAD (which Express routes here too) checks access and parameters without running the export.
      if (req.method === 'HEAD') return void res.end();
      let release: () => void;
      try {
        release = o.exports.claimStream(ctx);
      } catch (e) {
        if (!(e instanceof ExportLimitError)) throw e;
        res.setHeader('retry-after', '5');
        throw new HttpError(429, 'TOO_MANY_EXPORTS', e.message, { limit: e.limit });
      }
      try {
        await o.exports.streamTo(scopeOf(ctx.actor), kind, format, filter, res, undefined, {
          spreadsheetSafe: safe === 'true',
        });
      } catch (e) {
        if (!(e instanceof ExportBusyError)) throw e;
        res.setHeader('retry-after', '5');
        throw new HttpError(503, 'BUSY', e.message);
      } finally {
        release();
      }
    }),
  );

  router.post(
    '/import/:kind',
    handle(async (req, res) => {
      const kind = String(req.params.kind);
      if (!(IMPORT_KINDS as readonly string[]).includes(kind))
        throw new HttpError(404, 'NOT_FOUND', `Imports: /import/<${IMPORT_KINDS.join('|')}>`);
      const ctx = await caller(req, res, Permission.DATA_IMPORT);
      const dryRun = String(req.query.dryRun ?? '');
      if (dryRun !== 'true' && dryRun !== 'false')
        throw new HttpError(400, 'BAD_REQUEST', 'dryRun must be true or false', { parameter: 'dryRun' });
      const unknown = Object.keys(req.query).find((k) => k !== 'dryRun');
      if (unknown)
        throw new HttpError(400, 'BAD_REQUEST', `Unknown parameter ${unknown.slice(0, 40)}`, {
          parameter: unknown.slice(0, 40),
        });
      if (!/^(text\/csv|application\/csv)\b/i.test(req.header('content-type') ?? '')) {
        throw new HttpError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the file as content-type: text/csv', {
          parameter: 'content-type',
        });
      }
      const file = await spool(req, o.importMaxBytes);
      try {
        const report = await o.imports.importFile(ctx, kind as ImportKind, file, dryRun === 'true');
        res.json(report);
      } catch (e) {
        if (e instanceof ImportFileError) throw new HttpError(400, 'BAD_REQUEST', e.message, { line: e.line });
        throw e;
      } finally {
        await fs.promises.rm(path.dirname(file), { recursive: true, force: true });
      }
    }),
  );

  return router;
}

/**
 * Writes the request body to a temporary file, refusing more than `limit` bytes with 413: the
 * import then reads it twice (syntax, then rows) without holding it in memory.
 */
async function spool(req: Request, limit: number): Promise<string> {
  const tooLarge = () =>
    new HttpError(
      413,
      'PAYLOAD_TOO_LARGE',
      `The file is larger than the import limit of ${Math.round((limit / 1024 / 1024) * 10) / 10} MB (OMS_IMPORT_MAX_MB)`,
      { limitBytes: limit },
    );
  const declared = Number(req.header('content-length'));
  if (Number.isFinite(declared) && declared > limit) {
    req.resume();
    throw tooLarge();
  }
  // The upload may hold personal data: a directory of its own (mode 0700) and a file of mode 0600.
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'oms-import-'));
  const file = path.join(dir, 'upload.csv');
  let bytes = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      bytes += chunk.length;
      if (bytes > limit) return done(tooLarge());
      done(null, chunk);
    },
  });
  try {
    await pipeline(req, counter, fs.createWriteStream(file, { mode: 0o600, flags: 'wx' }));
    return file;
  } catch (e) {
    await fs.promises.rm(dir, { recursive: true, force: true });
    req.resume();
    throw e;
  }
}
