// Case transfer between organisations: proposal, acceptance or decline, and the sender's read-only view.
import type { App, Deps } from '../platform/http/types.js';

export async function transferRoutes(app: App, deps: Deps) {
  void app;
  void deps;
}
