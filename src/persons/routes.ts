import type { App, Deps } from '../platform/http/types.js';

export async function personRoutes(_app: App, _deps: Deps) {}
