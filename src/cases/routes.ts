import type { App, Deps } from '../platform/http/types.js';

export async function caseRoutes(_app: App, _deps: Deps) {}
