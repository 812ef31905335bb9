// The OpenAPI 3.1 document of Pulang's HSDS API (served at /api/hsds/openapi.json, linked from
// `/` as openapi_url) and the profile description (served at /api/hsds/profile, linked as
// `profile`). The HSDS endpoints are hidden from Pulang's own OpenAPI document: this one
// describes them, with the standard's schemas by reference and Pulang's extensions marked.
import { taxonomy } from '../directory/taxonomy.js';
import { DEFAULT_PER_PAGE, MAX_PER_PAGE } from './params.js';

const compiled = (name: string) => `https://raw.githubusercontent.com/openreferral/specification/3.0/schema/compiled/${name}.json`;
const plain = (name: string) => `https://raw.githubusercontent.com/openreferral/specification/3.0/schema/${name}.json`;

const param = (name: string, description: string, schema: Record<string, unknown>, extension = false) => ({
  name,
  in: 'query',
  required: false,
  description,
  schema,
  ...(extension ? { 'x-pulang-extension': true } : {}),
});

const p = {
  search: param('search', 'Words that must all appear (case-insensitive) in the name, description, organisation or taxonomy terms.', { type: 'string', maxLength: 200 }),
  page: param('page', 'Page number, from 1.', { type: 'integer', minimum: 1, default: 1 }),
  perPage: param('per_page', `Results per page (at most ${MAX_PER_PAGE}).`, { type: 'integer', minimum: 1, maximum: MAX_PER_PAGE, default: DEFAULT_PER_PAGE }),
  format: param('format', '`json` (default) or `ndjson`: every result, one JSON object per line, without pagination.', { type: 'string', enum: ['json', 'ndjson'] }),
  taxonomyTermId: param('taxonomy_term_id', 'Services filed under this taxonomy term; a group term (top level) matches the services of any of its terms.', { type: 'string', format: 'uuid' }),
  taxonomyId: param('taxonomy_id', `Services with any term of this taxonomy (Pulang has one: ${taxonomy.id}).`, { type: 'string', format: 'uuid' }),
  organizationId: param('organization_id', 'Services of this organisation.', { type: 'string', format: 'uuid' }),
  modifiedAfter: param('modified_after', 'Results modified on or after this date or date-time (ISO 8601; without a zone, UTC).', { type: 'string', format: 'date-time' }),
  minimal: param('minimal', 'Only id, name, status and last_modified of each service.', { type: 'boolean' }),
  full: param('full', 'Fully nested objects instead of list items.', { type: 'boolean' }),
  fullService: param('full_service', 'Fully nested services inside the organisation.', { type: 'boolean' }),
  areaCode: param(
    'area_code',
    'Extension. Services serving this Kemendagri area (province 33, regency 33.29, district 33.29.01 or village 33.29.01.2001): those serving the whole country, the area itself, or an area that contains it. 400 `unknown_area` when the code does not exist.',
    { type: 'string', pattern: '^\\d{2}(\\.\\d{2}(\\.\\d{2}(\\.\\d{4})?)?)?$' },
    true,
  ),
  language: param('language', 'Extension. Services given in this language (ISO 639-1, or 639-3 where there is no two-letter code: jv, su, mad, ban, bug, min, sas, ...).', { type: 'string', pattern: '^[a-z]{2,3}$' }, true),
  lang: param('lang', 'Extension. Language of taxonomy term names and of the labels Pulang writes (document names, cost options, eligibility, hours): `id` (default) or `en`. Text entered by providers stays as entered.', { type: 'string', enum: ['id', 'en'] }, true),
  topOnly: param('top_only', 'Only top-level terms (the groups).', { type: 'boolean' }),
  parentId: param('parent_id', 'Terms under this parent term.', { type: 'string', format: 'uuid' }),
};

const idParam = (what: string) => ({ in: 'path', name: 'id', required: true, description: `The id of the ${what}.`, schema: { type: 'string', format: 'uuid' } });

const json = (schema: Record<string, unknown>, description: string) => ({ description, content: { 'application/json': { schema } } });
const page = (item: string) => ({
  allOf: [{ $ref: '#/components/schemas/Page' }],
  properties: { contents: { type: 'array', items: { $ref: item } } },
});
const errors = {
  '400': json({ $ref: '#/components/schemas/Error' }, 'A parameter is invalid: `error.fields` names each one with a code (too_small, too_large, invalid_type, invalid_uuid, invalid_format, invalid_choice, too_long, unknown_area).'),
  '429': json({ $ref: '#/components/schemas/Error' }, 'Too many requests.'),
};
const notFound = { '404': json({ $ref: '#/components/schemas/Error' }, 'No published record with this id.') };

export function hsdsOpenApi(base: string) {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Pulang service directory: Open Referral HSDS 3.0 API',
      version: '3.0',
      summary: 'Public, read-only directory of services for returning migrants and survivors of trafficking in Indonesia.',
      description:
        'The services, organisations and locations published in Pulang, in the Open Referral Human Services Data Specification 3.0. ' +
        'No sign-in. Only published data: services that are active, inactive or temporarily closed (with that status), of active organisations; ' +
        'nothing about capacity, referrals or the people served. Responses may be cached for five minutes; any origin may read them (CORS). ' +
        `See the profile at ${base}/api/hsds/profile for Pulang's conventions and extensions.`,
      license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    servers: [{ url: `${base}/api/hsds` }],
    paths: {
      '/': {
        get: {
          operationId: 'getAPIMetaInformation',
          summary: 'HSDS version, profile and this document',
          responses: {
            '200': json(
              {
                type: 'object',
                properties: { version: { type: 'string' }, profile: { type: 'string', format: 'uri' }, openapi_url: { type: 'string', format: 'uri' } },
              },
              'About this API.',
            ),
          },
        },
      },
      '/services': {
        get: {
          operationId: 'getPaginatedListOfServices',
          summary: 'Services, by name',
          parameters: [p.search, p.page, p.perPage, p.format, p.taxonomyTermId, p.taxonomyId, p.organizationId, p.modifiedAfter, p.minimal, p.full, p.areaCode, p.language, p.lang],
          responses: { '200': json(page(compiled('service_list')), 'A page of services (fully nested ones with full=true).'), ...errors },
        },
      },
      '/services/{id}': {
        parameters: [idParam('service')],
        get: { operationId: 'getFullyNestedServiceById', summary: 'A service, fully nested', parameters: [p.lang], responses: { '200': json({ $ref: compiled('service') }, 'The service.'), ...notFound, ...errors } },
      },
      '/service_at_locations': {
        get: {
          operationId: 'getPaginatedListOfServiceAtLocation',
          summary: 'Services at their locations, by service name and location name',
          parameters: [p.search, p.taxonomyTermId, p.taxonomyId, p.organizationId, p.modifiedAfter, p.full, p.page, p.perPage, p.format, p.areaCode, p.language, p.lang],
          responses: { '200': json(page(compiled('service_at_location_list')), 'A page of service-at-location records.'), ...errors },
        },
      },
      '/service_at_locations/{id}': {
        parameters: [idParam('service at location')],
        get: {
          operationId: 'getServiceAtLocationWithNestedDataById',
          summary: 'A service at a location, fully nested',
          parameters: [p.lang],
          responses: { '200': json({ $ref: compiled('service_at_location') }, 'The service at the location.'), ...notFound, ...errors },
        },
      },
      '/organizations': {
        get: {
          operationId: 'getPaginatedListOfOrganizations',
          summary: 'Organisations publishing services, by name',
          parameters: [p.search, p.fullService, p.full, p.page, p.perPage, p.format, p.lang],
          responses: { '200': json(page(compiled('organization_list')), 'A page of organisations (fully nested ones with full=true).'), ...errors },
        },
      },
      '/organizations/{id}': {
        parameters: [idParam('organization')],
        get: {
          operationId: 'getOrganizationById',
          summary: 'An organisation with its locations and services',
          parameters: [p.fullService, p.lang],
          responses: { '200': json({ $ref: compiled('organization') }, 'The organisation.'), ...notFound, ...errors },
        },
      },
      '/taxonomies': {
        get: {
          operationId: 'getPaginatedListOfTaxonomies',
          summary: 'Taxonomies',
          parameters: [p.search, p.page, p.perPage, p.format],
          responses: { '200': json(page(plain('taxonomy')), 'The taxonomies.'), ...errors },
        },
      },
      '/taxonomies/{id}': {
        parameters: [idParam('taxonomy')],
        get: { operationId: 'getTaxonomyById', summary: 'A taxonomy', responses: { '200': json({ $ref: plain('taxonomy') }, 'The taxonomy.'), ...notFound } },
      },
      '/taxonomy_terms': {
        get: {
          operationId: 'getPaginatedListOfTaxonomyTerms',
          summary: "Taxonomy terms, in the taxonomy's order",
          parameters: [p.search, p.page, p.perPage, p.format, p.taxonomyId, p.topOnly, p.parentId, p.lang],
          responses: { '200': json(page(plain('taxonomy_term')), 'A page of terms.'), ...errors },
        },
      },
      '/taxonomy_terms/{id}': {
        parameters: [idParam('taxonomy term')],
        get: { operationId: 'getTaxonomyTermById', summary: 'A taxonomy term', parameters: [p.lang], responses: { '200': json({ $ref: plain('taxonomy_term') }, 'The term.'), ...notFound, ...errors } },
      },
      '/profile': {
        get: { operationId: 'getProfile', summary: "Pulang's HSDS profile: conventions and extensions", responses: { '200': json({ type: 'object' }, 'The profile.') } },
      },
    },
    components: {
      schemas: {
        Page: {
          type: 'object',
          properties: {
            total_items: { type: 'integer', description: 'The total number of entities returned' },
            total_pages: { type: 'integer', description: 'Count of total pages.' },
            page_number: { type: 'integer', description: 'The number of the current page' },
            size: { type: 'integer', description: 'The number of entities in the current page.' },
            first_page: { type: 'boolean', description: 'Whether this is the first page' },
            last_page: { type: 'boolean', description: 'Whether this is the last page' },
            empty: { type: 'boolean', description: 'Whether this page is empty' },
          },
        },
        Error: {
          type: 'object',
          properties: {
            error: {
              type: 'object',
              properties: { code: { type: 'string' }, message: { type: 'string' }, fields: { type: 'object', additionalProperties: { type: 'string' } } },
              required: ['code', 'message'],
            },
          },
        },
      },
    },
  };
}

export function hsdsProfile(base: string) {
  return {
    name: 'Pulang HSDS 3.0 profile',
    hsds_version: '3.0',
    url: `${base}/api/hsds/profile`,
    openapi_url: `${base}/api/hsds/openapi.json`,
    description:
      'The service directory of Pulang (case management and referrals for returning migrants and survivors of trafficking in Indonesia) in Open Referral HSDS 3.0, ' +
      'with no change to the HSDS schemas: every response validates against the compiled HSDS 3.0 JSON schemas. This page lists the conventions and the query extensions.',
    conventions: [
      'Published data only: services with status active, inactive or temporarily closed (defunct ones are left out) of active organisations; organisations that publish at least one such service; locations where such a service is given.',
      'Capacity, referral data, provider statistics and who confirmed a record are never published.',
      'assured_date is the day the provider last confirmed the service; last_modified is the last change to the service record.',
      'Child objects (phones, schedules, service areas, languages, cost options, required documents, contacts, attributes, addresses) carry IDs derived from their parent: stable while the record is unchanged.',
      'service_areas: one per Kemendagri area served (name, description with the code, uri urn:kemendagri:<code>), or one named "Indonesia" for a nationwide service.',
      'schedules: weekly (freq WEEKLY, byday), opens_at and closes_at with the UTC offset of the place (WIB +07:00, WITA +08:00, WIT +09:00); 00:00–23:59 every day means around the clock.',
      'attributes: the service\'s terms of the Pulang reintegration-services taxonomy, each with its taxonomy_term.',
      'phones: type voice, cell (WhatsApp, named in the description) or text (SMS); numbers in E.164.',
      'Addresses: address_1 as entered, address_2 the village and district, city the regency or city, state_province the province, country ID; postal_code is empty when unknown.',
      'eligibility_description, fees_description, cost_options, required_documents and language names are written by Pulang from coded values, in Indonesian or (lang=en) English.',
      'Lists are ordered by name, then id; format=ndjson streams every result, one per line, without pagination; minimal=true gives id, name, status and last_modified.',
      'Errors: {"error":{"code","message","fields"}}: 400 invalid_input with a code per parameter, 404 not_found.',
    ],
    taxonomy: { id: taxonomy.id, name: taxonomy.name, uri: taxonomy.uri, version: taxonomy.version, terms: `${base}/api/hsds/taxonomy_terms` },
    extensions: [
      { parameter: 'area_code', endpoints: ['/services', '/service_at_locations'], description: 'Kemendagri code of a province, regency, district or village: services serving the whole country, that area, or an area containing it. 400 unknown_area for a code that does not exist.' },
      { parameter: 'language', endpoints: ['/services', '/service_at_locations'], description: 'ISO 639 code: services given in that language.' },
      { parameter: 'lang', endpoints: ['all'], description: 'id (default) or en: language of taxonomy term names and descriptions and of the labels Pulang writes.' },
    ],
  };
}
