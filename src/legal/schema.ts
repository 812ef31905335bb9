// Request and response shapes of the legal track. Response schemas strip what they do not
// declare: the encrypted police report number and notes leave only decrypted, to the case's holders.
import { z } from 'zod';
import { userRef } from '../case-records/schema.js';
import { investigatingAgencies, legalEventKinds, legalStages, protectionStatuses } from './vocabulary.js';

const day = z.iso.date();
const dayOut = z.string().describe('YYYY-MM-DD');
const rupiah = z.number().int().min(0).max(1e13);
const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    // Left out: unchanged (undefined); empty: cleared (null).
    .transform((s) => (s === undefined ? undefined : s ? s : null));

const legalStage = z.enum(legalStages).meta({ id: 'LegalStage' });

export const caseParam = z.object({ id: z.uuid() });
export const stalledQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(25),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
});

const details = {
  policeReportNumber: text(100).describe('The police report (laporan polisi) number; stored encrypted'),
  policeReportedOn: day.nullish().describe('Not in the future'),
  investigatingAgency: z.enum(investigatingAgencies).nullish(),
  investigatingUnit: text(200).describe('The unit, such as Subdit IV Renakta Ditreskrimum Polda Jawa Timur'),
  restitutionClaimedIdr: rupiah.nullish().describe('Rupiah, whole'),
  restitutionAwardedIdr: rupiah.nullish().describe('Rupiah, whole; only at the verdict stage or later (`not_allowed`)'),
  protectionStatus: z.enum(protectionStatuses).optional().describe('Witness and victim protection (LPSK)'),
  protectionNote: text(2000).describe('Stored encrypted'),
};

export const legalTrackCreate = z
  .object({ ...details, stage: legalStage.default('reported').describe('Where the case stands when the track is first recorded') })
  .meta({ id: 'LegalTrackCreate' });
export type LegalTrackCreate = z.infer<typeof legalTrackCreate>;

export const legalTrackUpdate = z
  .object({ ...details, version: z.number().int().min(1) })
  .meta({ id: 'LegalTrackUpdate', description: 'Details only; the stage moves with POST /cases/{id}/legal/events' });
export type LegalTrackUpdate = z.infer<typeof legalTrackUpdate>;

export const legalEventCreate = z
  .object({
    kind: z.enum(legalEventKinds).describe('stage: a move to `toStage`; update: news without a stage change (a hearing date, a summons)'),
    toStage: legalStage.nullish().describe('Required for a stage move; 409 `transition_not_allowed` lists the allowed ones'),
    happenedOn: day.describe('Not in the future'),
    note: text(2000).describe('Stored encrypted; required for an update'),
  })
  .meta({ id: 'LegalEventCreate' });
export type LegalEventCreate = z.infer<typeof legalEventCreate>;

export const legalEventSchema = z
  .object({
    id: z.string(),
    kind: z.enum(legalEventKinds),
    fromStage: legalStage.nullable(),
    toStage: legalStage.nullable(),
    happenedOn: dayOut,
    note: z.string().nullable(),
    by: userRef.nullable(),
    at: z.date(),
  })
  .meta({ id: 'LegalEvent' });

export const legalTrackSchema = z
  .object({
    id: z.uuid(),
    caseId: z.uuid(),
    policeReportNumber: z.string().nullable(),
    policeReportedOn: dayOut.nullable(),
    investigatingAgency: z.enum(investigatingAgencies).nullable(),
    investigatingUnit: z.string().nullable(),
    stage: legalStage,
    allowedStages: z.array(legalStage).describe('Stages the track may move to now'),
    restitutionClaimedIdr: z.number().int().nullable(),
    restitutionAwardedIdr: z.number().int().nullable(),
    protectionStatus: z.enum(protectionStatuses),
    protectionNote: z.string().nullable(),
    lastUpdateAt: z.date(),
    daysSinceUpdate: z.number().int(),
    stalled: z.boolean().describe('No update for 60 days and not closed'),
    createdBy: userRef.nullable(),
    events: z.array(legalEventSchema).describe('In the order they happened'),
    version: z.number().int(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'LegalTrack' });
export type LegalTrackOut = z.infer<typeof legalTrackSchema>;

export const stalledList = z
  .object({
    items: z.array(
      z.object({
        caseId: z.uuid(),
        caseReference: z.string(),
        stage: legalStage,
        lastUpdateAt: z.date(),
        daysSinceUpdate: z.number().int(),
        assignedTo: userRef.nullable(),
      }),
    ),
    total: z.number().int(),
  })
  .meta({ id: 'StalledLegalTracks' });
export type StalledList = z.infer<typeof stalledList>;
