import { QueryClient } from '@tanstack/react-query';

/** The app's one query cache: made by boot.ts (which starts the first page's reads into it), used by main.tsx. */
export const queryClient = new QueryClient({
  defaultOptions: { queries: { refetchOnWindowFocus: false, retry: false, staleTime: 5_000 } },
});
