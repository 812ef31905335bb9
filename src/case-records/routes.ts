import type { App, Deps } from '../platform/http/types.js';

/** Parts of a case: screening, needs, notes, tasks, consents, attachments. */
export async function caseRecordRoutes(_app: App, _deps: Deps) {}
