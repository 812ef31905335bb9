// The directory as organisations keep it: services, locations, capacity, confirmation.
import type { App, Deps } from '../platform/http/types.js';

export async function directoryRoutes(_app: App, _deps: Deps) {}
