// The directory as organisations keep it: services, locations, capacity, confirmation.
// Who may do what is decided in service.ts (through the policy); routes only declare shapes.
import { createCtx } from '../platform/http/context.js';
import { errors } from '../platform/http/errors.js';
import type { App, Deps } from '../platform/http/types.js';
import {
  capacityUpdate,
  idParam,
  locationCreate,
  locationPage,
  locationQuery,
  locationSchema,
  locationUpdate,
  serviceConfirm,
  serviceCreate,
  servicePage,
  serviceQuery,
  serviceSchema,
  serviceUpdate,
} from './schema.js';
import * as directory from './service.js';

const tags = ['directory'];

export async function directoryRoutes(app: App, deps: Deps) {
  const { db } = deps.database;

  app.get(
    '/services',
    {
      schema: {
        tags,
        summary: "An organisation's services with capacity (default: the caller's own); for directory.manage or directory.updateCapacity holders",
        querystring: serviceQuery,
        response: { 200: servicePage, ...errors(400, 401, 403, 404) },
      },
    },
    async (req) => directory.list(createCtx(db, req), req.query),
  );
  app.post(
    '/services',
    {
      schema: {
        tags,
        summary: 'Publish a service (terms, eligibility, languages, cost, hours, phones, areas served, locations, capacity)',
        body: serviceCreate,
        response: { 201: serviceSchema, ...errors(400, 401, 403, 404) },
      },
    },
    async (req, reply) => reply.code(201).send(await directory.create(createCtx(db, req), req.body)),
  );
  app.get(
    '/services/:id',
    { schema: { tags, summary: 'Read a service (management view, with capacity)', params: idParam, response: { 200: serviceSchema, ...errors(400, 401, 403, 404) } } },
    async (req) => directory.read(createCtx(db, req), req.params.id),
  );
  app.patch(
    '/services/:id',
    {
      schema: {
        tags,
        summary: 'Change a service (send the version it was based on; objects such as eligibility are replaced whole)',
        params: idParam,
        body: serviceUpdate,
        response: { 200: serviceSchema, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req) => directory.update(createCtx(db, req), req.params.id, req.body),
  );
  app.post(
    '/services/:id/confirm',
    {
      schema: {
        tags,
        summary: 'Confirm that a service is still correct (stamps lastConfirmedAt and lastConfirmedBy, nothing else)',
        params: idParam,
        body: serviceConfirm,
        response: { 200: serviceSchema, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req) => directory.confirm(createCtx(db, req), req.params.id, req.body.version),
  );
  app.patch(
    '/services/:id/capacity',
    {
      schema: {
        tags,
        summary: 'Update the capacity of a service (places in total and free, or a limit of open referrals)',
        params: idParam,
        body: capacityUpdate,
        response: { 200: serviceSchema, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req) => directory.updateCapacity(createCtx(db, req), req.params.id, req.body),
  );

  app.get(
    '/locations',
    {
      schema: {
        tags,
        summary: "An organisation's locations (default: the caller's own)",
        querystring: locationQuery,
        response: { 200: locationPage, ...errors(400, 401, 403, 404) },
      },
    },
    async (req) => directory.listLocationsOf(createCtx(db, req), req.query),
  );
  app.post(
    '/locations',
    { schema: { tags, summary: 'Add a location (address, Kemendagri village code, coordinates, how to get there)', body: locationCreate, response: { 201: locationSchema, ...errors(400, 401, 403, 404) } } },
    async (req, reply) => reply.code(201).send(await directory.createLocation(createCtx(db, req), req.body)),
  );
  app.get(
    '/locations/:id',
    { schema: { tags, summary: 'Read a location', params: idParam, response: { 200: locationSchema, ...errors(400, 401, 403, 404) } } },
    async (req) => directory.readLocation(createCtx(db, req), req.params.id),
  );
  app.patch(
    '/locations/:id',
    {
      schema: { tags, summary: 'Change a location (send the version it was based on)', params: idParam, body: locationUpdate, response: { 200: locationSchema, ...errors(400, 401, 403, 404, 409) } },
    },
    async (req) => directory.updateLocation(createCtx(db, req), req.params.id, req.body),
  );
}
