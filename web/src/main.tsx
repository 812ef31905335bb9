import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n';
import './styles.css';
import { onAuthProblem } from './api/client';
import { queryClient } from './api/queryClient';
import { meQueryKey } from './auth/me';
import { router } from './router';

const publicPaths = ['/login', '/activate', '/setup'];

// A session that ends while the app is open (expired, revoked, signed out elsewhere): back to sign-in,
// keeping the page the person was on. Before a session is known, the app layout redirects by itself.
onAuthProblem(async (error) => {
  const { pathname, href } = router.state.location;
  if (publicPaths.includes(pathname)) return;
  if (error.code === 'totp_enrolment_required') {
    await queryClient.invalidateQueries({ queryKey: meQueryKey });
    await router.navigate({ to: '/profile/two-factor' });
    return;
  }
  if (!queryClient.getQueryData(meQueryKey)) return;
  await router.navigate({ to: '/login', search: { redirect: href, expired: 1 } });
  queryClient.clear();
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  </StrictMode>,
);
