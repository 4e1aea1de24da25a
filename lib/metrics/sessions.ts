import 'server-only';
import { registerActiveSessions } from '@/lib/metrics';
import { store } from '@/lib/store';

// kraken_active_sessions from the session store, read at each scrape (the
// registry gives a collector two seconds; a store that cannot answer leaves
// the gauge out of that scrape rather than failing it).
export function countSessionsFromStore(): void {
  for (const realm of ['customer', 'admin'] as const) {
    registerActiveSessions(realm, async () => {
      const live = await store().sessions.listActive(realm);
      return live.length;
    });
  }
}
