// De-identified employment figures for partners and coordinators, small counts suppressed.
// Who sees which figures is decided in the service; the routes declare shapes and hand over.
import { z } from 'zod';
import { createCtx } from '../../platform/http/context.js';
import { errors } from '../../platform/http/errors.js';
import type { App, Deps } from '../../platform/http/types.js';
import { employmentReportSchema, reportCsvQuery, reportQuery } from './schema.js';
import { csvFileName, report, toCsv } from './service.js';

const tags = ['employment'];
const description =
  'Counts below 5 (zero included) read "<5"; where a hidden count could be worked out from a total, a second count of the row or column is hidden too. ' +
  'Rates are null (suppressed) when their numerator or denominator is hidden; the days to first income when fewer than 5 returnees have an income. ' +
  'Scope: analysts and system administrators see the network; a partner sees the network’s openings-against-seekers table and the placements of its own openings; ' +
  'a supervisor or organisation administrator the table and the placements and time to income of its organisation’s cases. ' +
  'A case worker gets 403; a partner who has not accepted the code of conduct 403 `code_of_conduct_required`, a suspended one 403 `partner_suspended`. ' +
  '400 `to` end_before_start, `province` unknown_area. Audited.';

export async function employmentReportRoutes(app: App, deps: Deps) {
  const { db } = deps.database;

  app.get(
    '/employment/report',
    {
      schema: {
        tags,
        summary: 'Employment figures: openings against returnees seeking work, placements and retention, time from arrival to first income',
        description,
        querystring: reportQuery,
        response: { 200: employmentReportSchema, ...errors(400, 401, 403) },
      },
    },
    async (req) => report(createCtx(db, req), req.query),
  );

  app.get(
    '/employment/report.csv',
    {
      schema: {
        tags,
        summary: 'The same figures as CSV (one figure per line), for download',
        description,
        querystring: reportCsvQuery,
        response: {
          200: { description: 'The figures', content: { 'text/csv': { schema: z.any().meta({ type: 'string', format: 'binary' }) } } },
          ...errors(400, 401, 403),
        },
      },
    },
    async (req, reply) => {
      const { lang, ...query } = req.query;
      const r = await report(createCtx(db, req), query, { format: 'csv' });
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${csvFileName(r)}"`)
        .header('cache-control', 'no-store')
        .header('x-content-type-options', 'nosniff')
        .send(toCsv(r, lang));
    },
  );
}
