// Referrals between organisations: sending from a case, the inbox, the life cycle, suggestions and the letter.
import type { App, Deps } from '../platform/http/types.js';

export async function referralRoutes(_app: App, _deps: Deps) {}
