// Request and response shapes of sustainability surveys and scoring models. Response schemas strip
// what they do not declare: the encrypted answers leave only through GET /surveys/{id}, decrypted.
import { z } from 'zod';
import { userRef } from '../../case-records/schema.js';
import { modelSchema } from './model.js';

const day = z.iso.date();
const dayOut = z.string().describe('YYYY-MM-DD');
const version = z.number().int().min(1);

export const surveyStatuses = ['scheduled', 'done', 'missed', 'cancelled'] as const;
export type SurveyStatus = (typeof surveyStatuses)[number];

export const caseParam = z.object({ id: z.uuid() });
export const idParam = z.object({ id: z.uuid() });

// ---------------------------------------------------------------------------------------------
// Models

export const modelListItem = z
  .object({
    id: z.uuid(),
    code: z.string(),
    version: z.number().int(),
    name: z.object({ id: z.string(), en: z.string() }),
    active: z.boolean().describe('The model new surveys are scored with; one at a time'),
    loadedAt: z.date(),
    loadedBy: userRef.nullable().describe('Null for the default model stored at migration'),
    indicatorCount: z.number().int(),
    questionCount: z.number().int(),
  })
  .meta({ id: 'SustainabilityModelListItem' });
export type ModelListItem = z.infer<typeof modelListItem>;

export const modelList = z.object({ items: z.array(modelListItem) }).meta({ id: 'SustainabilityModelList' });

export const modelDetail = modelListItem
  .extend({ definition: modelSchema.describe('The model as loaded (defaults filled in): questions, options and values, indicators, dimensions, weights, composite') })
  .meta({ id: 'SustainabilityModel' });
export type ModelDetail = z.infer<typeof modelDetail>;

export const modelLoad = z
  .object({
    model: z.unknown().describe('The model definition (see SustainabilityModel.definition); checked whole, 400 names every failing path'),
    activate: z.boolean().default(false).describe('Make it the active model at once'),
  })
  .meta({ id: 'SustainabilityModelLoad' });

// ---------------------------------------------------------------------------------------------
// Surveys

const dimensionScores = z.object({
  economic: z.number().min(0).max(1),
  social: z.number().min(0).max(1),
  psychosocial: z.number().min(0).max(1),
  composite: z.number().min(0).max(1),
  answered: z.number().int().describe('How many questions were answered'),
});
export type StoredScores = z.infer<typeof dimensionScores>;

export const surveyItem = z
  .object({
    id: z.uuid(),
    round: z.number().int().nullable().describe('1 for the first scheduled survey; null for one done outside the schedule'),
    monthsAfterArrival: z.number().int().nullable(),
    dueOn: dayOut.nullable(),
    status: z.enum(surveyStatuses),
    overdue: z.boolean().describe('Scheduled and due before today (Asia/Jakarta)'),
    conductedOn: dayOut.nullable(),
    conductedBy: userRef.nullable(),
    model: z.object({ id: z.uuid(), code: z.string(), version: z.number().int() }).nullable().describe('The model it was scored with'),
    scores: dimensionScores.nullable().describe('Each between 0 and 1'),
    taskId: z.uuid().nullable().describe('The follow-up task created when it fell due'),
    version: z.number().int(),
  })
  .meta({ id: 'SustainabilitySurvey' });
export type SurveyItem = z.infer<typeof surveyItem>;

const trendPoint = z.object({ on: dayOut, score: z.number() });
export const caseSurveys = z
  .object({
    arrivedOn: dayOut.nullable(),
    months: z.array(z.number().int()).describe("Months after arrival when surveys fall due: the organisation's, or the default 3, 6, 12"),
    items: z.array(surveyItem).describe('By due date (or date done for unscheduled ones)'),
    trend: z
      .object({ economic: z.array(trendPoint), social: z.array(trendPoint), psychosocial: z.array(trendPoint), composite: z.array(trendPoint) })
      .describe('Scores of the surveys done, oldest first'),
  })
  .meta({ id: 'CaseSustainabilitySurveys' });
export type CaseSurveys = z.infer<typeof caseSurveys>;

export const surveyDetail = surveyItem
  .extend({
    caseId: z.uuid(),
    answers: z.record(z.string(), z.string()).nullable().describe('Question code → option code; decrypted (audited read)'),
    indicators: z.record(z.string(), z.number().nullable()).nullable().describe('Indicator scores (0–1; null when not answered), from the model it was scored with'),
  })
  .meta({ id: 'SustainabilitySurveyDetail' });
export type SurveyDetail = z.infer<typeof surveyDetail>;

export const arrivalPut = z
  .object({
    arrivedOn: day.describe('The day the person arrived home; not in the future'),
    version: version.optional().describe("The case's version, to refuse a stale change (409 version_conflict)"),
  })
  .meta({ id: 'ArrivalPut' });
export type ArrivalPut = z.infer<typeof arrivalPut>;

export const surveyCreate = z
  .object({
    surveyId: z.uuid().nullish().describe('A scheduled survey of this case; without it, a survey outside the schedule'),
    conductedOn: day.describe('Not in the future, not before the arrival'),
    answers: z.record(z.string().max(60), z.string().max(60)).describe('Question code → option code of the active model; a question not asked is left out'),
  })
  .meta({ id: 'SurveyCreate' });
export type SurveyCreate = z.infer<typeof surveyCreate>;

export const surveyUpdate = z
  .object({
    version,
    status: z.enum(['missed', 'cancelled']).describe('Only a scheduled survey'),
    reason: z.string().trim().min(1).max(2000).describe('Why; stored encrypted in the case history'),
  })
  .meta({ id: 'SurveyUpdate' });
export type SurveyUpdate = z.infer<typeof surveyUpdate>;
