// Candidacies: putting a returnee forward to a partner for an opening (a referral), the partner's answers.
import type { App, Deps } from '../../platform/http/types.js';

export async function candidacyRoutes(app: App, deps: Deps) {
  void app;
  void deps;
}
