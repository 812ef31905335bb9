// Sustainability surveys of a case, their schedule and trend, and the scoring models. Who may do
// what is decided in the services (requireCase for a case's surveys; models.ts for the models);
// the routes declare shapes and hand over.
import { createCtx } from '../../platform/http/context.js';
import { errors } from '../../platform/http/errors.js';
import type { App, Deps } from '../../platform/http/types.js';
import * as models from './models.js';
import { arrivalPut, caseParam, caseSurveys, idParam, modelDetail, modelList, modelLoad, surveyCreate, surveyDetail, surveyUpdate } from './schema.js';
import { useSurveyTaskCipher } from './sweep.js';
import * as surveys from './surveys.js';

const tags = ['sustainability'];

export async function sustainabilityRoutes(app: App, deps: Deps) {
  const { db } = deps.database;
  const { cipher } = deps;
  // Task titles of surveys that fall due are encrypted; an arrival recorded by a journey uses this.
  useSurveyTaskCipher(cipher);

  // Scoring models
  app.get(
    '/sustainability/models',
    { schema: { tags, summary: 'The scoring models loaded, every version, with the active one marked (case holders and model managers)', response: { 200: modelList, ...errors(401, 403) } } },
    async (req) => models.list(createCtx(db, req)),
  );
  app.get(
    '/sustainability/models/active',
    { schema: { tags, summary: 'The model new surveys are scored with, in full (the survey form renders its questions)', response: { 200: modelDetail, ...errors(401, 403, 404) } } },
    async (req) => models.readActive(createCtx(db, req)),
  );
  app.get(
    '/sustainability/models/:id',
    { schema: { tags, summary: 'One model version in full', params: idParam, response: { 200: modelDetail, ...errors(400, 401, 403, 404) } } },
    async (req) => models.read(createCtx(db, req), req.params.id),
  );
  app.post(
    '/sustainability/models',
    {
      schema: {
        tags,
        summary: 'Load a new model version (system administrators)',
        description:
          'The model is checked whole: 400 `invalid_input` names every failing path under `model.` in `fields`. A code and version already loaded answer 409 `version_exists`. ' +
          'With `activate`, it scores every survey from now on; surveys already done keep the model they were scored with.',
        body: modelLoad,
        response: { 201: modelDetail, ...errors(400, 401, 403, 409) },
      },
    },
    async (req, reply) => reply.code(201).send(await models.load(createCtx(db, req), req.body)),
  );
  app.post(
    '/sustainability/models/:id/activate',
    { schema: { tags, summary: 'Make a model version the active one (system administrators)', params: idParam, response: { 200: modelDetail, ...errors(400, 401, 403, 404) } } },
    async (req) => models.activate(createCtx(db, req), req.params.id),
  );

  // Surveys of a case
  app.get(
    '/cases/:id/surveys',
    {
      schema: {
        tags,
        summary: 'The arrival date, the survey schedule (due and overdue), the surveys done with their scores, and the trend per dimension',
        params: caseParam,
        response: { 200: caseSurveys, ...errors(400, 401, 404) },
      },
    },
    async (req) => surveys.overview(createCtx(db, req), req.params.id),
  );
  app.put(
    '/cases/:id/arrival',
    {
      schema: {
        tags,
        summary: 'Set the arrival date by hand (someone already home) and (re)schedule the surveys from it',
        description:
          "Surveys fall due at the months of the case's organisation (default 3, 6 and 12) after arrival. Done ones are kept, scheduled ones move; " +
          'tasks of surveys already due (or due within 7 days) are created at once. 400 `fields.arrivedOn: in_future`; 409 `case_closed`.',
        params: caseParam,
        body: arrivalPut,
        response: { 200: caseSurveys, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req) => surveys.setArrival(createCtx(db, req), cipher, req.params.id, req.body),
  );
  app.post(
    '/cases/:id/surveys',
    {
      schema: {
        tags,
        summary: 'Record a survey done: a scheduled one (surveyId) or one outside the schedule; scored with the active model',
        description:
          'Answers name questions and options of the active model (400 `fields["answers.<question>"]`: unknown_question, unknown_option). ' +
          'A dimension with too little answered gives 400 `too_few_answers` (`fields["dimensions.<dimension>"]`). ' +
          '`conductedOn` not in the future (`in_future`) nor before the arrival (`before_arrival`). The survey’s task is marked done. ' +
          '409 `survey_not_scheduled`, `case_closed`, `no_active_model`.',
        params: caseParam,
        body: surveyCreate,
        response: { 201: surveyDetail, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => reply.code(201).send(await surveys.conduct(createCtx(db, req), cipher, req.params.id, req.body)),
  );
  app.get(
    '/surveys/:id',
    { schema: { tags, summary: 'One survey with its answers and indicator scores (audited read)', params: idParam, response: { 200: surveyDetail, ...errors(400, 401, 404) } } },
    async (req) => surveys.read(createCtx(db, req), cipher, req.params.id),
  );
  app.patch(
    '/surveys/:id',
    {
      schema: {
        tags,
        summary: 'Mark a scheduled survey missed or cancelled, with the reason (its task is cancelled)',
        description: '409 `survey_not_scheduled` for one already done, missed or cancelled; `version_conflict` with `current`.',
        params: idParam,
        body: surveyUpdate,
        response: { 200: surveyDetail, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req) => surveys.update(createCtx(db, req), cipher, req.params.id, req.body),
  );
}
