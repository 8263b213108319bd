/**
 * GET /documents/orders/<id>/packing-slip.pdf and GET /documents/orders/<id>/invoice.pdf: an
 * order's printed documents, for the admin's buttons and for partners' scripts. Same bearer token
 * and rate limit as GraphQL. A packing slip needs ORDER_READ, an invoice ORDER_READ and
 * PAYMENT_READ; an order the caller cannot see is 404, as one that does not exist. Errors are JSON
 * `{ error: { code, message, ... } }`.
 */
import { Request, Response, Router } from 'express';
import { CallerOptions, HttpError, httpCaller, httpRoute, requestId } from '../../common/http-route';
import type { Logger } from '../../common/logger';
import { DOCUMENT_KINDS, DOCUMENT_PERMISSIONS, DocumentService } from './documents.service';
import type { DocumentKind } from './documents.pdf';

export interface DocumentsHttpOptions extends CallerOptions {
  documents: DocumentService;
  log: Logger;
}

export function documentsRouter(o: DocumentsHttpOptions): Router {
  const router = Router();
  router.use('/documents', requestId);
  router.get(
    '/documents/orders/:id/:file',
    httpRoute(o.log, 'document request', async (req: Request, res: Response) => {
      const m = /^([a-z-]+)\.pdf$/.exec(String(req.params.file));
      const kind = m?.[1] as DocumentKind | undefined;
      if (!kind || !DOCUMENT_KINDS.includes(kind)) {
        throw new HttpError(
          404,
          'NOT_FOUND',
          `Documents: /documents/orders/<order id>/<${DOCUMENT_KINDS.join('|')}>.pdf`,
        );
      }
      const ctx = await httpCaller(o, req, res, DOCUMENT_PERMISSIONS[kind]);
      const doc = await o.documents.render(ctx, kind, String(req.params.id));
      if (!doc) throw new HttpError(404, 'NOT_FOUND', 'No order with this id');
      res.setHeader('content-type', 'application/pdf');
      res.setHeader('content-disposition', `inline; filename="${doc.fileName}"`);
      res.setHeader('cache-control', 'no-store');
      res.setHeader('content-length', String(doc.pdf.length));
      if (req.method === 'HEAD') return void res.end();
      res.end(doc.pdf);
    }),
  );
  return router;
}
