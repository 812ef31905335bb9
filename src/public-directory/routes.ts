// The public directory page at /directory: server-rendered, no sign-in, small enough for a cheap phone.
// Bad query parameters never fail the page: it is shown again with a message next to the field
// (status 400) and no results, so that a wrong filter is never silently dropped.
import { gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { getPublicService, publicAreas, searchPublicServices } from '../directory/search.js';
import { serviceTerms, termByCode } from '../directory/taxonomy.js';
import { serviceLanguages } from '../directory/vocabulary.js';
import type { App, Deps } from '../platform/http/types.js';
import { js, scriptName } from './assets.js';
import { isLang, translator, type Lang } from './i18n.js';
import { notFoundPage, searchPage, servicePage, type FieldErrors, type PageContext, type SearchState } from './pages.js';

export const LANG_COOKIE = 'pulang.directory.lang';
export const PAGE_SIZE = 20;
export const MAX_QUERY_LENGTH = 100;

type Query = Record<string, string | string[] | undefined>;
const list = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const one = (v: string | string[] | undefined) => (list(v)[0] ?? '').trim();
const coordinate = /^-?\d{1,3}(\.\d+)?$/;

export async function publicDirectoryRoutes(app: App, deps: Deps) {
  const db = deps.database.db;
  const route = { schema: { hide: true }, config: { auth: 'public' as const } };

  /** The page language: ?lang (remembered in a cookie), else the cookie, else Indonesian. */
  function pageContext(req: FastifyRequest, reply: FastifyReply): PageContext & { setCookie: boolean; explicit: boolean } {
    const query = req.query as Query;
    const asked = one(query.lang);
    let lang: Lang = 'id';
    let setCookie = false;
    const explicit = isLang(asked);
    if (isLang(asked)) {
      lang = asked;
      if (req.cookies[LANG_COOKIE] !== asked) {
        reply.setCookie(LANG_COOKIE, asked, { path: '/directory', maxAge: 365 * 24 * 3600, sameSite: 'lax', httpOnly: true, secure: deps.config.secureCookies });
        setCookie = true;
      }
    } else if (isLang(req.cookies[LANG_COOKIE])) lang = req.cookies[LANG_COOKIE] as Lang;
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (k !== 'lang') for (const x of list(v)) params.append(k, x);
    return { lang, t: translator(lang), path: req.url.split('?')[0]!, query: params, publicUrl: deps.config.publicUrl, setCookie, explicit };
  }

  /** An HTML page, gzipped when the client takes it; cacheable for a minute unless it sets the language cookie. */
  function sendPage(req: FastifyRequest, reply: FastifyReply, ctx: { lang: Lang; setCookie: boolean; explicit: boolean }, status: number, page: string) {
    const cache = status >= 500 ? 'no-store' : ctx.setCookie ? 'private, max-age=60' : 'public, max-age=60';
    reply.code(status).header('content-type', 'text/html; charset=utf-8').header('content-language', ctx.lang).header('cache-control', cache);
    // Without ?lang the language came from the cookie.
    const vary = ['Accept-Encoding', ...(ctx.explicit ? [] : ['Cookie'])];
    reply.header('vary', vary.join(', '));
    if (/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) return reply.header('content-encoding', 'gzip').send(gzipSync(page));
    return reply.send(page);
  }

  app.get('/', route, async (req, reply) => {
    const ctx = pageContext(req, reply);
    const { t } = ctx;
    const query = req.query as Query;
    const areas = await publicAreas(db);
    const pageText = one(query.page);
    const state: SearchState = {
      terms: list(query.term)
        .map((s) => s.trim())
        .filter(Boolean),
      province: one(query.province),
      regency: one(query.regency),
      language: one(query.language),
      // Control characters (a NUL would fail the query) become spaces.
      q: one(query.q)
        .replace(/[\u0000-\u001f\u007f\s]+/g, ' ')
        .trim()
        .slice(0, 500),
      lat: one(query.lat),
      lng: one(query.lng),
      page: /^\d{1,4}$/.test(pageText) && Number(pageText) >= 1 ? Number(pageText) : 1,
    };
    const errors: FieldErrors = {};

    const termCodes = new Set<string>();
    for (const code of state.terms) {
      const term = termByCode.get(code);
      if (!term) errors.term = t('errors.unknownTerm');
      else if (term.group === null) serviceTerms.filter((s) => s.group === term.code).forEach((s) => termCodes.add(s.code));
      else termCodes.add(term.code);
    }
    if (state.province && areas.get(state.province)?.level !== 'province') errors.province = t('errors.unknownProvince');
    if (state.regency) {
      const regency = areas.get(state.regency);
      if (regency?.level !== 'regency') errors.regency = t('errors.unknownRegency');
      else if (!state.province) state.province = regency.parentCode ?? '';
      // A regency of another province: the province was changed without the script; the regency list follows it.
      else if (!errors.province && regency.parentCode !== state.province) state.regency = '';
    }
    if (state.language && !(serviceLanguages as readonly string[]).includes(state.language)) errors.language = t('errors.unknownLanguage');
    if (state.q.length > MAX_QUERY_LENGTH) errors.q = t('errors.qTooLong', { max: MAX_QUERY_LENGTH });
    let near: { lat: number; lng: number } | undefined;
    if (state.lat || state.lng) {
      const lat = Number(state.lat);
      const lng = Number(state.lng);
      if (coordinate.test(state.lat) && coordinate.test(state.lng) && Math.abs(lat) <= 90 && Math.abs(lng) <= 180) near = { lat, lng };
      else errors.location = t('errors.badLocation');
    }

    const failed = Object.keys(errors).length > 0;
    // The first visit shows the form only; pressing "Cari" with nothing chosen lists everything.
    const searched = ['term', 'province', 'regency', 'language', 'q', 'lat', 'lng', 'page'].some((k) => k in query);
    const results = failed
      ? null
      : !searched
        ? undefined
        : {
          ...(await searchPublicServices(db, {
            termCodes: [...termCodes],
            areaCode: state.regency || state.province || undefined,
            language: state.language || undefined,
            q: state.q || undefined,
            near,
            limit: PAGE_SIZE,
            offset: (state.page - 1) * PAGE_SIZE,
          })),
          pageSize: PAGE_SIZE,
        };
    return sendPage(req, reply, ctx, failed ? 400 : 200, searchPage(ctx, { state, errors, areas, results }));
  });

  app.get('/services/:id', route, async (req, reply) => {
    const ctx = pageContext(req, reply);
    const service = await getPublicService(db, (req.params as { id: string }).id);
    if (!service) return sendPage(req, reply, ctx, 404, notFoundPage(ctx));
    return sendPage(req, reply, ctx, 200, servicePage(ctx, service));
  });

  // The regencies of a province, for the script that fills the second list without a reload.
  app.get('/regencies', route, async (req, reply) => {
    const province = one((req.query as Query).province);
    const areas = await publicAreas(db);
    reply.header('cache-control', 'public, max-age=86400');
    if (areas.get(province)?.level !== 'province') return reply.code(404).send({ error: { code: 'not_found', message: 'Not found.' } });
    return reply.send(areas.regenciesOf(province).map((r) => [r.code, r.name]));
  });

  app.get('/assets/:file', route, async (req, reply) => {
    if ((req.params as { file: string }).file !== scriptName) return reply.code(404).send({ error: { code: 'not_found', message: 'Not found.' } });
    return reply.header('content-type', 'text/javascript; charset=utf-8').header('cache-control', 'public, max-age=31536000, immutable').send(js);
  });

  // Anything else under /directory is this page's "not found", in the page's language.
  app.get('/*', route, async (req, reply) => {
    const ctx = pageContext(req, reply);
    return sendPage(req, reply, ctx, 404, notFoundPage(ctx));
  });
}
