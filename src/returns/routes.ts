// Return journeys of a case (legs, documents, milestones, reception, hand-over) and the returns-due list.
import type { App, Deps } from '../platform/http/types.js';

export async function journeyRoutes(app: App, deps: Deps) {
  void app;
  void deps;
}
