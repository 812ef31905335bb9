// Typed API of sustainability surveys and scoring models (served by
// src/reintegration/sustainability/routes.ts): a case's schedule, surveys and trend, the arrival
// date, doing a survey, marking one missed, one survey with its answers, and the model versions.
import { queryOptions } from '@tanstack/react-query';
import { api } from '../api/client';

export const dimensions = ['economic', 'social', 'psychosocial'] as const;
export type Dimension = (typeof dimensions)[number];
export const trendSeries = [...dimensions, 'composite'] as const;
export type TrendSeries = (typeof trendSeries)[number];

export type Bilingual = { id: string; en: string };
export interface ModelOption {
  code: string;
  label: Bilingual;
  value: number;
}
export interface ModelQuestion {
  code: string;
  indicator: string;
  text: Bilingual;
  options: ModelOption[];
  weight: number;
}
export interface ModelIndicator {
  code: string;
  dimension: Dimension;
  label: Bilingual;
  weight: number;
}
export interface ModelDefinition {
  code: string;
  version: number;
  name: Bilingual;
  basis: Bilingual;
  indicators: ModelIndicator[];
  questions: ModelQuestion[];
  composite: { kind: 'weighted_mean'; weights: Partial<Record<Dimension, number>> };
  minimumAnswered: number;
}

export interface UserRef {
  id: string;
  displayName: string;
}

export interface ModelListItem {
  id: string;
  code: string;
  version: number;
  name: Bilingual;
  active: boolean;
  loadedAt: string;
  loadedBy: UserRef | null;
  indicatorCount: number;
  questionCount: number;
}
export interface ModelDetail extends ModelListItem {
  definition: ModelDefinition;
}

export const surveyStatuses = ['scheduled', 'done', 'missed', 'cancelled'] as const;
export type SurveyStatus = (typeof surveyStatuses)[number];

export interface Scores {
  economic: number;
  social: number;
  psychosocial: number;
  composite: number;
  answered: number;
}
export interface SurveyItem {
  id: string;
  round: number | null;
  monthsAfterArrival: number | null;
  dueOn: string | null;
  status: SurveyStatus;
  overdue: boolean;
  conductedOn: string | null;
  conductedBy: UserRef | null;
  model: { id: string; code: string; version: number } | null;
  scores: Scores | null;
  taskId: string | null;
  version: number;
}
export interface SurveyDetail extends SurveyItem {
  caseId: string;
  answers: Record<string, string> | null;
  indicators: Record<string, number | null> | null;
}
export interface TrendPoint {
  on: string;
  score: number;
}
export interface CaseSurveys {
  arrivedOn: string | null;
  months: number[];
  items: SurveyItem[];
  trend: Record<TrendSeries, TrendPoint[]>;
}

export const surveyKeys = {
  ofCase: (caseId: string) => ['cases', 'detail', caseId, 'surveys'] as const,
  survey: (id: string) => ['surveys', id] as const,
  models: ['sustainability', 'models'] as const,
  model: (id: string) => ['sustainability', 'models', id] as const,
  active: ['sustainability', 'models', 'active'] as const,
};

const enc = encodeURIComponent;

export const caseSurveysQuery = (caseId: string) =>
  queryOptions({ queryKey: surveyKeys.ofCase(caseId), queryFn: ({ signal }) => api<CaseSurveys>(`/cases/${enc(caseId)}/surveys`, { signal }) });

export const surveyQuery = (id: string) =>
  queryOptions({ queryKey: surveyKeys.survey(id), queryFn: ({ signal }) => api<SurveyDetail>(`/surveys/${enc(id)}`, { signal }) });

export const modelsQuery = () => queryOptions({ queryKey: surveyKeys.models, queryFn: ({ signal }) => api<{ items: ModelListItem[] }>('/sustainability/models', { signal }) });

export const modelQuery = (id: string) =>
  queryOptions({ queryKey: surveyKeys.model(id), queryFn: ({ signal }) => api<ModelDetail>(`/sustainability/models/${enc(id)}`, { signal }), staleTime: Infinity });

export const activeModelQuery = () =>
  queryOptions({ queryKey: surveyKeys.active, queryFn: ({ signal }) => api<ModelDetail>('/sustainability/models/active', { signal }), staleTime: 5 * 60_000 });

export const setArrival = (caseId: string, body: { arrivedOn: string; version?: number }) =>
  api<CaseSurveys>(`/cases/${enc(caseId)}/arrival`, { method: 'PUT', body });

export const conductSurvey = (caseId: string, body: { surveyId: string | null; conductedOn: string; answers: Record<string, string> }) =>
  api<SurveyDetail>(`/cases/${enc(caseId)}/surveys`, { method: 'POST', body });

export const updateSurvey = (id: string, body: { version: number; status: 'missed' | 'cancelled'; reason: string }) =>
  api<SurveyDetail>(`/surveys/${enc(id)}`, { method: 'PATCH', body });

export const loadModel = (body: { model: unknown; activate: boolean }) => api<ModelDetail>('/sustainability/models', { method: 'POST', body });

export const activateModel = (id: string) => api<ModelDetail>(`/sustainability/models/${enc(id)}/activate`, { method: 'POST', body: {} });

/** Today in Asia/Jakarta, as the server judges dates. */
export const todayInJakarta = (now = new Date()) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);

/** Whole days from `from` to `to` (YYYY-MM-DD). */
export const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** The lead time of survey tasks (src/reintegration/sustainability/sweep.ts). */
export const SURVEY_TASK_LEAD_DAYS = 7;
