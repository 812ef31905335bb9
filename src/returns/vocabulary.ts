// The return journey's closed lists and milestone order, free of imports so that the web app reads
// the same rules the API enforces.

export const directions = ['inbound', 'outbound'] as const;
export type Direction = (typeof directions)[number];

/** A journey's status is the last milestone it reached. */
export const journeyStatuses = ['planned', 'documents_ready', 'departed', 'arrived', 'reached_home', 'handed_over', 'cancelled'] as const;
export type JourneyStatus = (typeof journeyStatuses)[number];
/** Milestones that can be recorded after planning (planning is the journey's creation). */
export type Milestone = Exclude<JourneyStatus, 'planned'>;
export const milestones = journeyStatuses.filter((s): s is Milestone => s !== 'planned');

/**
 * The way home, milestone by milestone. Inbound (an Indonesian coming home): to the point of entry,
 * then onward to the home village. Outbound (a foreign national going home): ends with the hand-over
 * to the receiving organisation in the country of origin.
 */
export const milestoneOrder: Readonly<Record<Direction, readonly JourneyStatus[]>> = {
  inbound: ['planned', 'documents_ready', 'departed', 'arrived', 'reached_home'],
  outbound: ['planned', 'documents_ready', 'departed', 'handed_over'],
};

/** Statuses after which nothing more happens to a journey. */
export const finalStatuses: readonly JourneyStatus[] = ['reached_home', 'handed_over', 'cancelled'];
export const isFinal = (s: JourneyStatus) => finalStatuses.includes(s);
/** A journey still on its way (not arrived, handed over or cancelled): the returns-due lists show these. */
export const onTheWayStatuses: readonly JourneyStatus[] = ['planned', 'documents_ready', 'departed'];

/** The milestones that may follow a status: the next one in order, or cancelling, until the journey ends. */
export function nextMilestones(direction: Direction, status: JourneyStatus): Milestone[] {
  if (isFinal(status)) return [];
  const order = milestoneOrder[direction];
  const i = order.indexOf(status);
  const next = i >= 0 && i + 1 < order.length ? [order[i + 1] as Milestone] : [];
  return [...next, 'cancelled'];
}

export const documentKinds = ['passport', 'splp', 'exit_permit', 'visa', 'laissez_passer', 'other'] as const;
export type DocumentKind = (typeof documentKinds)[number];
export const documentStatuses = ['needed', 'applied', 'issued', 'not_needed'] as const;
export type DocumentStatus = (typeof documentStatuses)[number];
/** Document statuses that stop "documents ready". */
export const documentsPending: readonly DocumentStatus[] = ['needed', 'applied'];

export const medicalClearances = ['not_needed', 'pending', 'cleared', 'not_fit'] as const;
export type MedicalClearance = (typeof medicalClearances)[number];
/** Medical clearances that stop "documents ready". */
export const medicalBlocking: readonly MedicalClearance[] = ['pending', 'not_fit'];

export const escortKinds = ['none', 'case_worker', 'medical', 'police', 'family', 'other'] as const;
export type EscortKind = (typeof escortKinds)[number];

export const legSegments = ['return', 'onward'] as const;
export type LegSegment = (typeof legSegments)[number];
export const travelModes = ['air', 'sea', 'bus', 'car', 'train', 'other'] as const;
export type TravelMode = (typeof travelModes)[number];

/** What travels with a person handed over to the receiving organisation in the country of origin. */
export const handoverItems = ['case_summary', 'medical_records', 'travel_documents', 'assessment', 'consent_forms', 'belongings', 'other'] as const;
export type HandoverItem = (typeof handoverItems)[number];

/** Fields of a journey that only an inbound journey has, and those only an outbound one has. */
export const inboundOnlyFields = ['arrivalPointCode', 'expectedArrivalAt', 'receptionOrganizationId', 'receivedBy'] as const;
export const outboundOnlyFields = ['handoverCountryCode', 'handoverOrganizationName', 'handoverContact', 'handoverItems', 'handoverNote'] as const;

/** The returns-due list: how many days ahead, and how far back a late arrival still shows. */
export const dueDays = { min: 1, max: 30, default: 7 } as const;
export const dueLookBackHours = 24;
