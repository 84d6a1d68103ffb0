// The renderer's first module. It starts what the first page needs — its rows from the database and its
// code — and only then loads the app itself (React DOM, antd and its 1 MB stylesheet, the fonts' faces:
// main.tsx). Started from main.tsx, those requests waited until all of that had been fetched, parsed and
// run; from here they run alongside it.
import { ignoreDetachedResizes } from './lib/detachedResizes';
import { currentPath } from './lib/router';
import { queryClient } from './queryClient';
import { prefetchRoute } from './routes';

prefetchRoute(queryClient, currentPath());
// Before anything observes an element's size (AG Grid, ECharts, antd): see lib/detachedResizes.ts.
ignoreDetachedResizes();
void import('./main');
