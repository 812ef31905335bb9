// Openings and training places: partners write, publish and close their own; case workers read the published ones.
import type { App, Deps } from '../../platform/http/types.js';

export async function openingRoutes(app: App, deps: Deps) {
  void app;
  void deps;
}
