// The public, read-only Open Referral HSDS 3.0 API at /api/hsds.
import type { App, Deps } from '../platform/http/types.js';

export async function hsdsRoutes(_app: App, _deps: Deps) {}
