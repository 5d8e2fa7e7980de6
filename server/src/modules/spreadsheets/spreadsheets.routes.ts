import { createReadStream } from 'node:fs';
import { PassThrough } from 'node:stream';
import multipart from '@fastify/multipart';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { idParamsSchema } from '@ikt/shared/common.schema';
import { billParamsSchema, fullCostQuerySchema } from '@ikt/shared/full-cost.schema';
import {
  consumptionImportResultSchema,
  exportQuerySchema,
  importQuerySchema,
  importResultSchema,
  type ImportProgressEvent,
} from '@ikt/shared/spreadsheet.schema';
import { contextOf } from '../../context';
import type { ConcurrencyLimit } from '../../http/concurrency-limit';
import { expectedVersion } from '../../http/etag';
import { requestLanguage } from '../../language';
import { problemFor } from '../../plugins/problem';
import { message } from '../../messages/message';
import { PayloadTooLargeError, UnsupportedFileError } from './import-errors';
import type { SpreadsheetService } from './spreadsheets.service';
import { contentDisposition, type ExportFile } from './temp-file';
import { IMPORT_LIMITS } from './workbook-reader';

const NDJSON = 'application/x-ndjson';

/** Sends a generated file with its length, and deletes it once sent (or abandoned). */
function sendFile(reply: FastifyReply, file: ExportFile): FastifyReply {
  const stream = createReadStream(file.path);
  stream.on('close', () => void file.remove());
  return reply
    .header('content-type', file.contentType)
    .header('content-length', String(file.size))
    .header('content-disposition', contentDisposition(file.filename))
    .header('cache-control', 'no-store')
    .send(stream);
}

/** The one uploaded .xlsx, within the size limit; multipart's own errors become clear ones. */
async function readUpload(request: FastifyRequest): Promise<Buffer> {
  const megabytes = IMPORT_LIMITS.fileBytes / (1024 * 1024);
  try {
    if (!request.isMultipart()) throw new UnsupportedFileError(message('import.noFile'));
    const part = await request.file();
    if (!part) throw new UnsupportedFileError(message('import.noFile'));
    if (/\.xlsm$/i.test(part.filename)) {
      part.file.resume();
      throw new UnsupportedFileError(message('import.macros'));
    }
    return await part.toBuffer();
  } catch (error) {
    if ((error as FastifyError).code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new PayloadTooLargeError(message('import.tooLarge', { megabytes }));
    }
    if ((error as FastifyError).code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') {
      throw new UnsupportedFileError(message('import.noFile'));
    }
    throw error;
  }
}

/**
 * Every route here writes or reads a whole workbook: each runs in one of the user's places of
 * `expensive` (429 past them), held until the work is done — a client that hangs up frees none.
 */
export const spreadsheetRoutes: FastifyPluginAsyncZod<{
  service: SpreadsheetService;
  expensive: ConcurrencyLimit;
}> = async (app, { service, expensive }) => {
  // Files are accepted here only (the request guard takes JSON everywhere else).
  await app.register(multipart, {
    limits: { fileSize: IMPORT_LIMITS.fileBytes, files: 1, fields: 10, parts: 11, headerPairs: 100 },
  });
  const tags = ['spreadsheets'];

  /** A GET that answers a generated file, made in one of the user's `expensive` places. */
  const fileRoute = <P extends z.ZodType = typeof idParamsSchema, Q extends z.ZodType = typeof exportQuerySchema>(
    url: string,
    summary: string,
    produce: (request: FastifyRequest<{ Params: z.output<P>; Querystring: z.output<Q> }>) => Promise<ExportFile>,
    schemas: { params?: P; querystring?: Q; description?: string } = {},
  ) =>
    app.get(
      url,
      {
        schema: {
          tags,
          summary,
          ...(schemas.description === undefined ? {} : { description: schemas.description }),
          params: schemas.params ?? idParamsSchema,
          querystring: schemas.querystring ?? exportQuerySchema,
        },
      },
      async (request, reply) =>
        sendFile(
          reply,
          await expensive.run(request.user!.id, () =>
            produce(request as FastifyRequest<{ Params: z.output<P>; Querystring: z.output<Q> }>),
          ),
        ),
    );

  fileRoute(
    '/cycles/:id/export.xlsx',
    'The consolidated workbook of a cycle (Finance Department), Latvian or ?lang=en',
    (request) =>
      service.exportCycle(contextOf(request), request.params.id, requestLanguage(request), request.user!.name),
  );

  fileRoute(
    '/sub-programmes/:id/export.xlsx',
    "A sub-programme's items as a workbook — also its import template",
    (request) =>
      service.exportSubProgramme(contextOf(request), request.params.id, requestLanguage(request), request.user!.name),
  );

  app.post(
    '/sub-programmes/:id/import',
    {
      schema: {
        tags,
        summary:
          'Import a filled-in template (multipart, one .xlsx): all rows or none; ?dryRun=true only checks. ' +
          'With Accept: application/x-ndjson the answer streams progress, then the result.',
        params: idParamsSchema,
        querystring: importQuerySchema,
        consumes: ['multipart/form-data'],
        response: { 200: importResultSchema },
      },
    },
    async (request, reply) => {
      const context = contextOf(request);
      const options = {
        dryRun: request.query.dryRun ?? false,
        language: requestLanguage(request),
        readFile: () => readUpload(request),
      };
      if (!(request.headers.accept ?? '').includes(NDJSON)) {
        return expensive.run(request.user!.id, () => service.importWorkbook(context, request.params.id, options));
      }
      // Progress: one JSON object a line while the import runs, then its result with the
      // status it would have answered (the stream itself has started with 200). The place is
      // taken before the stream starts (a 429 is an answer of its own) and kept until the import
      // ends, whether or not anyone still reads the stream.
      const place = expensive.acquire(request.user!.id);
      const out = new PassThrough();
      const write = (event: ImportProgressEvent) => out.write(`${JSON.stringify(event)}\n`);
      void service
        .importWorkbook(context, request.params.id, { ...options, onProgress: write })
        .then((result) => write({ type: 'result', status: 200, body: result }))
        .catch((error: FastifyError) => {
          const { status, problem } = problemFor(error, request);
          write({ type: 'result', status, body: problem });
        })
        .finally(() => {
          place.release();
          out.end();
        });
      // A stream is sent as it is (no serialisation), whatever the JSON answer's schema says.
      return reply
        .code(200)
        .header('cache-control', 'no-store')
        .type(`${NDJSON}; charset=utf-8`)
        .send(out as never);
    },
  );

  fileRoute(
    '/cycles/:id/service-consumption.xlsx',
    'The services’ consumption per institution and fiscal year as a workbook to fill in (ITC finance)',
    (request) =>
      service.exportConsumptionTemplate(
        contextOf(request),
        request.params.id,
        requestLanguage(request),
        request.user!.name,
      ),
    {
      description:
        'One row per service that takes quantities × institution × fiscal year with the quantity recorded now, ' +
        'and a sheet of every service’s driver unit. The file names the allocation basis version it was made at; ' +
        'filled in, it is imported with POST to the same address.',
    },
  );

  app.post(
    '/cycles/:id/service-consumption.xlsx',
    {
      schema: {
        tags,
        summary: 'Import a filled-in consumption workbook (ITC finance; multipart, one .xlsx): all rows or none',
        description:
          'The rows go through the same rules as PUT /cycles/{id}/service-consumption: the services named (any row ' +
          'with a quantity) have their consumption replaced; a row with an empty quantity records none. Every problem ' +
          'is answered at once (422) with its sheet, row and column. The version checked is If-Match’s, or else the ' +
          'one written in the file (412 when the basis changed since). ?dryRun=true checks and saves nothing.',
        params: idParamsSchema,
        querystring: importQuerySchema,
        consumes: ['multipart/form-data'],
        response: { 200: consumptionImportResultSchema },
      },
    },
    async (request) => {
      const context = contextOf(request);
      const options = {
        dryRun: request.query.dryRun ?? false,
        language: requestLanguage(request),
        ifMatch: expectedVersion(request),
        readFile: () => readUpload(request),
      };
      return expensive.run(request.user!.id, () => service.importConsumption(context, request.params.id, options));
    },
  );

  fileRoute(
    '/cycles/:id/institutions/:code/bill.xlsx',
    'One institution’s bill of IT as a workbook (a lead: its own institution only)',
    (request) =>
      service.exportBill(
        contextOf(request),
        request.params.id,
        request.params.code,
        request.query,
        requestLanguage(request),
        request.user!.name,
      ),
    {
      params: billParamsSchema,
      querystring: fullCostQuerySchema,
      description:
        'The same figures as GET …/bill: each service consumed with its quantity, unit cost and the institution’s ' +
        'exact share, the own items, and their totals and the full cost as live formulas (SUM) with the bill’s ' +
        'figures as their cached results.',
    },
  );

  fileRoute(
    '/cycles/:id/open-data.zip',
    'Open data of an approved cycle: budget.csv and a Fiscal Data Package datapackage.json',
    (request) => service.openData(contextOf(request), request.params.id),
  );
};
