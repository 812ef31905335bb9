// Group activities' words, import-free so the web app uses the same lists.

type Label = { en: string; id: string };

export const groupActivityKinds = [
  { code: 'peer_group', label: { en: 'Peer group', id: 'Kelompok dukungan sebaya' } },
  { code: 'community_business', label: { en: 'Community business', id: 'Usaha bersama masyarakat' } },
  { code: 'awareness_session', label: { en: 'Awareness session', id: 'Sosialisasi' } },
] as const satisfies readonly { code: string; label: Label }[];
export type GroupActivityKind = (typeof groupActivityKinds)[number]['code'];
export const groupActivityKindCodes = groupActivityKinds.map((k) => k.code) as [GroupActivityKind, ...GroupActivityKind[]];

export const groupActivityStatuses = ['active', 'ended'] as const;
export type GroupActivityStatus = (typeof groupActivityStatuses)[number];
export const groupActivityStatusFilters = ['active', 'ended', 'all'] as const;

/**
 * Full when as many people are enrolled as there are places. Enrolling more is still allowed (a
 * facilitator can often take one more, and refusing would push the person to go it alone); the
 * activity and the item then say it is full, so the worker can talk to the organiser.
 */
export const isFull = (enrolled: number, capacity: number | null) => capacity !== null && enrolled >= capacity;
