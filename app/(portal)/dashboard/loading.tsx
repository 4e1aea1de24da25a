import { DashboardSkeleton } from '@/components/dashboard/cards';

// Shown at once on navigation, before the server answers: the dashboard's own
// frame, so the page does not jump when it arrives.
export default function DashboardLoading() {
  return <DashboardSkeleton />;
}
