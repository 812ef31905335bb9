// The public directory page at /directory: server-rendered, no sign-in, small enough for a cheap phone.
import type { App, Deps } from '../platform/http/types.js';

export async function publicDirectoryRoutes(_app: App, _deps: Deps) {}
