import { ListPageSkeleton } from '@/components/list-pages';

// Shown at once on navigation, before the server answers. The detail pages have
// none on purpose: once a response streams a skeleton, a missing record can no
// longer be a 404.
export default function InvoicesLoading() {
  return <ListPageSkeleton list="invoices" />;
}
