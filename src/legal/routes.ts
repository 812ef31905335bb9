// The legal track of a case and the list of stalled tracks.
import type { App, Deps } from '../platform/http/types.js';

export async function legalRoutes(app: App, deps: Deps) {
  void app;
  void deps;
}
