import type { ComponentType } from 'react';
import { createBrowserRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { PageLoading } from '../components/page-loading';
import { AccountPage } from '../features/auth/components/account-page';
import { LoginPage } from '../features/auth/components/login-page';
import { RequireSession } from '../features/auth/components/require-session';
import { ReferencePage } from '../features/reference/components/reference-page';
import { AppLayout } from './layout';
import { HomeRoute } from './routes/home';
import { NotFoundRoute } from './routes/not-found';
import { RouteError } from './routes/route-error';

/**
 * The working pages load when first opened, so the sign-in page and home do not wait for the
 * grid, the charts and the admin forms.
 */
function page<M extends Record<string, unknown>>(load: () => Promise<M>, name: keyof M & string) {
  return async () => {
    const module = await load();
    return { Component: module[name] as ComponentType };
  };
}

const router = createBrowserRouter([
  {
    element: <AppLayout />,
    hydrateFallbackElement: <PageLoading />,
    children: [
      {
        errorElement: <RouteError />,
        children: [
          { path: 'login', element: <LoginPage /> },
          {
            // Every page but the sign-in page needs a signed-in user (the API refuses otherwise).
            element: <RequireSession />,
            children: [
              { index: true, element: <HomeRoute /> },
              { path: 'reference', element: <ReferencePage /> },
              { path: 'account', element: <AccountPage /> },
              { path: 'sub-programmes/:id', lazy: page(() => import('./routes/sub-programme'), 'SubProgrammeRoute') },
              {
                path: 'sub-programmes/:id/changes',
                lazy: page(() => import('./routes/sub-programme-changes'), 'SubProgrammeChangesRoute'),
              },
              { path: 'review', lazy: page(() => import('./routes/review-queue'), 'ReviewQueueRoute') },
              { path: 'review/:id', lazy: page(() => import('./routes/review'), 'ReviewRoute') },
              { path: 'consolidation', lazy: page(() => import('./routes/consolidation'), 'ConsolidationRoute') },
              {
                path: 'consolidation/cross',
                lazy: page(() => import('./routes/consolidation-cross'), 'ConsolidationCrossRoute'),
              },
              { path: 'decision', lazy: page(() => import('./routes/decision'), 'DecisionRoute') },
              { path: 'scenarios', lazy: page(() => import('./routes/scenarios'), 'ScenariosRoute') },
              { path: 'indicators', lazy: page(() => import('./routes/indicators'), 'IndicatorsRoute') },
              { path: 'full-cost', lazy: page(() => import('./routes/full-cost'), 'FullCostRoute') },
              { path: 'full-cost/:institutionCode', lazy: page(() => import('./routes/bill'), 'BillRoute') },
              {
                path: 'allocation-basis',
                lazy: page(() => import('./routes/allocation-basis'), 'AllocationBasisRoute'),
              },
              { path: 'audit', lazy: page(() => import('./routes/audit'), 'AuditRoute') },
              { path: 'admin', lazy: page(() => import('./routes/admin'), 'AdminRoute') },
              { path: '*', element: <NotFoundRoute /> },
            ],
          },
        ],
      },
    ],
  },
]);

export function AppRouter() {
  return <RouterProvider router={router} />;
}
