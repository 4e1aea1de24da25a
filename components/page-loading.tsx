import { PageSkeleton } from '@/components/skeleton';

// The loading.tsx of the dashboard and the list pages: shown at once on
// navigation, before the server answers. Detail pages have none on purpose:
// once a response streams a skeleton, a missing record can no longer be a 404.
export default function PageLoading() {
  return <PageSkeleton />;
}
