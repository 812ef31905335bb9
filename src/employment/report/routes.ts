// De-identified employment figures for partners and coordinators, small counts suppressed.
import type { App, Deps } from '../../platform/http/types.js';

export async function employmentReportRoutes(app: App, deps: Deps) {
  void app;
  void deps;
}
