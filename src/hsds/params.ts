// Query parameters of the HSDS API: the standard ones (page, per_page, search, taxonomy_term_id,
// taxonomy_id, organization_id, modified_after, minimal, full, full_service, format, parent_id,
// top_only) and Pulang's documented extensions (area_code, language, lang). Parsed by hand so that
// every bad value gets the project's field code under the parameter's own name.
import { badRequest, type FieldErrors } from '../platform/http/errors.js';
import { areaCodePattern } from '../reference/area-codes.js';

export const DEFAULT_PER_PAGE = 50;
export const MAX_PER_PAGE = 100;

export type Lang = 'id' | 'en';

export interface HsdsQuery {
  page: number;
  perPage: number;
  format: 'json' | 'ndjson';
  lang: Lang;
  search: string | null;
  taxonomyTermId: string | null;
  taxonomyId: string | null;
  organizationId: string | null;
  parentId: string | null;
  modifiedAfter: Date | null;
  areaCode: string | null;
  language: string | null;
  full: boolean;
  minimal: boolean;
  fullService: boolean;
  topOnly: boolean;
}

export const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const datePattern = /^\d{4}-\d{2}-\d{2}(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

/** An ISO 8601 date or date-time; without a zone it is read as UTC. Null when it is not one. */
export function parseDateTime(v: string): Date | null {
  const m = datePattern.exec(v);
  if (!m) return null;
  const [, hh, mm, ss] = m;
  if (hh && (Number(hh) > 23 || Number(mm) > 59 || Number(ss ?? 0) > 59)) return null;
  const [y, mo, d] = v.slice(0, 10).split('-').map(Number);
  const day = new Date(Date.UTC(y!, mo! - 1, d!));
  if (day.getUTCFullYear() !== y || day.getUTCMonth() !== mo! - 1 || day.getUTCDate() !== d) return null;
  const text = hh && !m[4] ? `${v.replace(' ', 'T')}Z` : v.replace(' ', 'T');
  const t = Date.parse(text);
  return Number.isNaN(t) ? null : new Date(t);
}

/** Parses the query string; 400 with a code per bad parameter. The area code's existence is checked by the caller. */
export function parseQuery(raw: unknown): HsdsQuery {
  const q = (raw ?? {}) as Record<string, unknown>;
  const fields: FieldErrors = {};
  const str = (name: string): string | null => {
    const v = q[name];
    if (v === undefined) return null;
    if (typeof v !== 'string') {
      fields[name] = 'invalid_type';
      return null;
    }
    return v.trim() === '' ? null : v.trim();
  };
  const int = (name: string, fallback: number, min: number, max: number) => {
    const v = str(name);
    if (v === null) return fallback;
    if (!/^-?\d{1,9}$/.test(v)) {
      fields[name] = 'invalid_type';
      return fallback;
    }
    const n = Number(v);
    if (n < min) fields[name] = 'too_small';
    else if (n > max) fields[name] = 'too_large';
    return n;
  };
  const bool = (name: string) => {
    const v = str(name);
    if (v === null) return false;
    if (['true', '1'].includes(v.toLowerCase())) return true;
    if (['false', '0'].includes(v.toLowerCase())) return false;
    fields[name] = 'invalid_choice';
    return false;
  };
  const uuid = (name: string) => {
    const v = str(name);
    if (v !== null && !uuidPattern.test(v)) {
      fields[name] = 'invalid_uuid';
      return null;
    }
    return v?.toLowerCase() ?? null;
  };
  const choice = <T extends string>(name: string, options: readonly T[], fallback: T): T => {
    const v = str(name);
    if (v === null) return fallback;
    if (!(options as readonly string[]).includes(v)) {
      fields[name] = 'invalid_choice';
      return fallback;
    }
    return v as T;
  };

  const page = int('page', 1, 1, 1_000_000);
  const perPage = int('per_page', DEFAULT_PER_PAGE, 1, MAX_PER_PAGE);
  const format = choice('format', ['json', 'ndjson'] as const, 'json');
  const lang = choice('lang', ['id', 'en'] as const, 'id');
  let search = str('search');
  if (search !== null && search.length > 200) {
    fields.search = 'too_long';
    search = null;
  }
  const taxonomyTermId = uuid('taxonomy_term_id');
  const taxonomyId = uuid('taxonomy_id');
  const organizationId = uuid('organization_id');
  const parentId = uuid('parent_id');
  let modifiedAfter: Date | null = null;
  const modified = str('modified_after');
  if (modified !== null) {
    modifiedAfter = parseDateTime(modified);
    if (!modifiedAfter) fields.modified_after = 'invalid_format';
  }
  let areaCode = str('area_code');
  if (areaCode !== null && !areaCodePattern.test(areaCode)) {
    fields.area_code = 'invalid_format';
    areaCode = null;
  }
  let language = str('language');
  if (language !== null) {
    language = language.toLowerCase();
    if (!/^[a-z]{2,3}$/.test(language)) {
      fields.language = 'invalid_format';
      language = null;
    }
  }
  const full = bool('full');
  const minimal = bool('minimal');
  const fullService = bool('full_service');
  const topOnly = bool('top_only');
  if (Object.keys(fields).length) throw badRequest(`Some query parameters are invalid: ${Object.keys(fields).join(', ')}.`, fields);
  return { page, perPage, format, lang, search, taxonomyTermId, taxonomyId, organizationId, parentId, modifiedAfter, areaCode, language, full, minimal, fullService, topOnly };
}
