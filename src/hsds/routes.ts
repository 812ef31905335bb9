// The public, read-only Open Referral HSDS 3.0 API at /api/hsds: no sign-in, published data
// only, cacheable for five minutes and readable from any origin. Hidden from Pulang's own OpenAPI
// document; /api/hsds/openapi.json describes these endpoints (openapi.ts).
import { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { serviceTerms, taxonomy, termById } from '../directory/taxonomy.js';
import type { DbHandle } from '../platform/db/client.js';
import { badRequest, notFound } from '../platform/http/errors.js';
import type { App, Deps } from '../platform/http/types.js';
import {
  areaCodesNeeded,
  locationFull,
  locationOfSal,
  organizationFull,
  organizationListItemOfRow,
  salFull,
  salListItem,
  serviceFull,
  serviceListItem,
  serviceMinimal,
  taxonomyObject,
  taxonomyTermObject,
  termTextOfRow,
} from './mapping.js';
import { hsdsOpenApi, hsdsProfile } from './openapi.js';
import { parseQuery, uuidPattern, type HsdsQuery, type Lang } from './params.js';
import {
  areaExists,
  areaNames,
  locationsOfOrganizations,
  locationsOfServices,
  organizationById,
  organizationPage,
  salById,
  salPage,
  servicePage,
  servicesById,
  servicesOfOrganizations,
  serviceWhere,
  termById as termRowById,
  termPage,
  type LinkedLocationRow,
  type SalRow,
  type ServiceFilter,
  type ServiceRow,
} from './query.js';
import { areaChain } from '../reference/area-codes.js';

type Json = Record<string, unknown>;

/** Rows fetched per statement when streaming everything as ndjson. */
const STREAM_BATCH = 200;

/** The words of a search, lower-cased, at most 8. */
const wordsOf = (search: string | null) =>
  (search ?? '')
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 8);

/** The HSDS page header around a page's contents. */
function pageOf(total: number, q: HsdsQuery, contents: unknown[]) {
  const totalPages = Math.ceil(total / q.perPage);
  return {
    total_items: total,
    total_pages: totalPages,
    page_number: q.page,
    size: contents.length,
    first_page: q.page === 1,
    last_page: q.page >= totalPages,
    empty: contents.length === 0,
    contents,
  };
}

function sendNdjson(reply: FastifyReply, items: () => AsyncGenerator<unknown>) {
  async function* lines() {
    for await (const item of items()) yield `${JSON.stringify(item)}\n`;
  }
  reply.type('application/x-ndjson; charset=utf-8');
  return reply.send(Readable.from(lines()));
}

/** A term, or a group standing for all its terms: the term IDs a service may carry for it. */
function termIdsFor(id: string): string[] {
  const term = termById.get(id);
  if (!term) return [];
  return term.group === null ? serviceTerms.filter((t) => t.group === term.code).map((t) => t.id) : [term.id];
}

/** Full services: their locations and the area names they need, one query each for the whole batch. */
async function fullServices(db: DbHandle, rows: ServiceRow[], lang: Lang): Promise<Json[]> {
  if (!rows.length) return [];
  const locations = await locationsOfServices(
    db,
    rows.map((r) => r.id),
  );
  const areas = await areaNames(db, areaCodesNeeded(rows, locations));
  const byService = new Map<string, LinkedLocationRow[]>();
  for (const l of locations) byService.set(l.service_id, [...(byService.get(l.service_id) ?? []), l]);
  return rows.map((r) => serviceFull(r, { locations: byService.get(r.id) ?? [], areas }, lang));
}

async function fullSals(db: DbHandle, rows: SalRow[], lang: Lang): Promise<Json[]> {
  if (!rows.length) return [];
  const here = (r: SalRow): LinkedLocationRow => ({ sal_id: r.sal_id, service_id: r.id, sal_description: r.sal_description, ...locationOfSal(r) });
  const areas = await areaNames(db, areaCodesNeeded(rows, rows.map(here)));
  return rows.map((r) => salFull(r, [here(r)], areas, lang));
}

/** Organisations in full: their locations and services (list items, or full with full_service). */
async function fullOrganizations(db: DbHandle, rows: Parameters<typeof organizationFull>[0][], lang: Lang, fullService: boolean): Promise<Json[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const locations = await locationsOfOrganizations(db, ids);
  const services = await servicesOfOrganizations(db, ids);
  const serviceJson = fullService ? await fullServices(db, services, lang) : services.map((s) => serviceListItem(s, lang));
  const areas = await areaNames(db, areaCodesNeeded([], locations));
  return rows.map((o) =>
    organizationFull(
      o,
      locations.filter((l) => l.organization_id === o.id).map((l) => locationFull(l, areas, lang)),
      serviceJson.filter((_, i) => services[i]!.organization_id === o.id),
    ),
  );
}

export async function hsdsRoutes(app: App, deps: Deps) {
  const db = deps.database.db;
  const options = { config: { auth: 'public' as const }, schema: { hide: true } };

  // Public data: any origin may read it, and shared caches may keep a success for five minutes.
  app.addHook('onSend', async (_req, reply, payload) => {
    reply.header('access-control-allow-origin', '*');
    reply.header('cross-origin-resource-policy', 'cross-origin');
    reply.header('cache-control', reply.statusCode < 400 ? 'public, max-age=300' : 'no-store');
    return payload;
  });

  /** The address the caller used, for absolute links; the configured public address when the Host header is odd. */
  const baseOf = (req: FastifyRequest) => {
    const host = req.host;
    return /^(?:[a-z0-9](?:[a-z0-9.-]{0,251}[a-z0-9])?|\[[0-9a-f:]+\])(?::\d{1,5})?$/i.test(host) ? `${req.protocol}://${host}` : deps.config.publicUrl;
  };

  async function serviceFilter(q: HsdsQuery): Promise<ServiceFilter> {
    if (q.areaCode && !(await areaExists(db, q.areaCode))) throw badRequest('Unknown area code.', { area_code: 'unknown_area' });
    const chain = q.areaCode ? areaChain(q.areaCode) : null;
    return {
      words: wordsOf(q.search),
      termIds: q.taxonomyTermId ? termIdsFor(q.taxonomyTermId) : null,
      inTaxonomy: q.taxonomyId ? q.taxonomyId === taxonomy.id : null,
      organizationId: q.organizationId,
      modifiedAfter: q.modifiedAfter,
      areaChain: chain,
      language: q.language,
    };
  }

  app.get('/', options, async (req) => {
    const base = baseOf(req);
    return { version: '3.0', profile: `${base}/api/hsds/profile`, openapi_url: `${base}/api/hsds/openapi.json` };
  });
  app.get('/profile', options, async (req) => hsdsProfile(baseOf(req)));
  app.get('/openapi.json', options, async (req) => hsdsOpenApi(baseOf(req)));

  // Services
  app.get('/services', options, async (req, reply) => {
    const q = parseQuery(req.query);
    const where = serviceWhere(await serviceFilter(q));
    const render = async (rows: ServiceRow[]) =>
      q.minimal ? rows.map(serviceMinimal) : q.full ? fullServices(db, rows, q.lang) : rows.map((r) => serviceListItem(r, q.lang));
    if (q.format === 'ndjson')
      return sendNdjson(reply, async function* () {
        let after: { name: string; id: string } | null = null;
        for (;;) {
          const { rows } = await servicePage(db, where, { limit: STREAM_BATCH, offset: 0, after });
          yield* await render(rows);
          if (rows.length < STREAM_BATCH) return;
          after = { name: rows.at(-1)!.name, id: rows.at(-1)!.id };
        }
      });
    const { total, rows } = await servicePage(db, where, { limit: q.perPage, offset: (q.page - 1) * q.perPage });
    return pageOf(total, q, await render(rows));
  });

  app.get('/services/:id', options, async (req) => {
    const q = parseQuery(req.query);
    const { id } = req.params as { id: string };
    if (!uuidPattern.test(id)) throw notFound();
    const rows = await servicesById(db, [id]);
    if (!rows.length) throw notFound();
    return (await fullServices(db, rows, q.lang))[0];
  });

  // Services at locations
  app.get('/service_at_locations', options, async (req, reply) => {
    const q = parseQuery(req.query);
    const where = serviceWhere(await serviceFilter(q));
    const render = async (rows: SalRow[]) => (q.full ? fullSals(db, rows, q.lang) : rows.map((r) => salListItem(r, q.lang)));
    if (q.format === 'ndjson')
      return sendNdjson(reply, async function* () {
        let after: { serviceName: string; serviceId: string; locationName: string; id: string } | null = null;
        for (;;) {
          const { rows } = await salPage(db, where, { limit: STREAM_BATCH, offset: 0, after });
          yield* await render(rows);
          if (rows.length < STREAM_BATCH) return;
          const last = rows.at(-1)!;
          after = { serviceName: last.name, serviceId: last.id, locationName: last.loc_name, id: last.sal_id };
        }
      });
    const { total, rows } = await salPage(db, where, { limit: q.perPage, offset: (q.page - 1) * q.perPage });
    return pageOf(total, q, await render(rows));
  });

  app.get('/service_at_locations/:id', options, async (req) => {
    const q = parseQuery(req.query);
    const { id } = req.params as { id: string };
    if (!uuidPattern.test(id)) throw notFound();
    const row = await salById(db, id);
    if (!row) throw notFound();
    return (await fullSals(db, [row], q.lang))[0];
  });

  // Organisations
  app.get('/organizations', options, async (req, reply) => {
    const q = parseQuery(req.query);
    const words = wordsOf(q.search);
    const render = async (rows: Awaited<ReturnType<typeof organizationPage>>['rows']) =>
      q.full ? fullOrganizations(db, rows, q.lang, q.fullService) : rows.map(organizationListItemOfRow);
    if (q.format === 'ndjson')
      return sendNdjson(reply, async function* () {
        let after: { name: string; id: string } | null = null;
        for (;;) {
          const { rows } = await organizationPage(db, words, { limit: STREAM_BATCH, offset: 0, after });
          yield* await render(rows);
          if (rows.length < STREAM_BATCH) return;
          after = { name: rows.at(-1)!.name, id: rows.at(-1)!.id };
        }
      });
    const { total, rows } = await organizationPage(db, words, { limit: q.perPage, offset: (q.page - 1) * q.perPage });
    return pageOf(total, q, await render(rows));
  });

  app.get('/organizations/:id', options, async (req) => {
    const q = parseQuery(req.query);
    const { id } = req.params as { id: string };
    if (!uuidPattern.test(id)) throw notFound();
    const row = await organizationById(db, id);
    if (!row) throw notFound();
    return (await fullOrganizations(db, [row], q.lang, q.fullService))[0];
  });

  // Taxonomies (Pulang has one) and their terms
  app.get('/taxonomies', options, async (req, reply) => {
    const q = parseQuery(req.query);
    const t = taxonomyObject();
    const text = `${taxonomy.name} ${taxonomy.description}`.toLowerCase();
    const all = wordsOf(q.search).every((w) => text.includes(w)) ? [t] : [];
    if (q.format === 'ndjson')
      return sendNdjson(reply, async function* () {
        yield* all;
      });
    return pageOf(all.length, q, all.slice((q.page - 1) * q.perPage, q.page * q.perPage));
  });

  app.get('/taxonomies/:id', options, async (req) => {
    const { id } = req.params as { id: string };
    if (id.toLowerCase() !== taxonomy.id) throw notFound();
    return taxonomyObject();
  });

  app.get('/taxonomy_terms', options, async (req, reply) => {
    const q = parseQuery(req.query);
    const filter = { words: wordsOf(q.search), inTaxonomy: !q.taxonomyId || q.taxonomyId === taxonomy.id, parentId: q.parentId, topOnly: q.topOnly };
    const render = (rows: Awaited<ReturnType<typeof termPage>>['rows']) => rows.map((r) => taxonomyTermObject(termTextOfRow(r), q.lang));
    if (q.format === 'ndjson')
      return sendNdjson(reply, async function* () {
        for (let offset = 0; ; offset += STREAM_BATCH) {
          const { rows } = await termPage(db, filter, { limit: STREAM_BATCH, offset });
          yield* render(rows);
          if (rows.length < STREAM_BATCH) return;
        }
      });
    const { total, rows } = await termPage(db, filter, { limit: q.perPage, offset: (q.page - 1) * q.perPage });
    return pageOf(total, q, render(rows));
  });

  app.get('/taxonomy_terms/:id', options, async (req) => {
    const q = parseQuery(req.query);
    const { id } = req.params as { id: string };
    if (!uuidPattern.test(id)) throw notFound();
    const row = await termRowById(db, id);
    if (!row) throw notFound();
    return taxonomyTermObject(termTextOfRow(row), q.lang);
  });

  // CORS preflight (a browser asks before a request with non-simple headers).
  const preflight = async (_req: FastifyRequest, reply: FastifyReply) =>
    reply
      .code(204)
      .header('access-control-allow-methods', 'GET, HEAD, OPTIONS')
      .header('access-control-allow-headers', 'accept, accept-language, content-type, if-none-match')
      .header('access-control-max-age', '86400')
      .send();
  app.options('/', options, preflight);
  app.options('/*', options, preflight);
}
