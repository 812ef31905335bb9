// Partners: the code of conduct (read, accept) and suspension of a partner by an administrator.
import type { App, Deps } from '../../platform/http/types.js';

export async function partnerRoutes(app: App, deps: Deps) {
  void app;
  void deps;
}
