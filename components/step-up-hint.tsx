import 'server-only';
import type { CustomerSession } from '@/lib/auth/guards';
import { isRecentlyProved, stepUpSeconds } from '@/lib/portal/step-up';

// Said beside a form that needs a recent sign-in, when the session's is not:
// the person then knows why the next page asks for their password.

export async function stepUpNeeded(session: CustomerSession): Promise<boolean> {
  return !(await isRecentlyProved(session).catch(() => false));
}

export function StepUpHint({ needed }: { needed: boolean }) {
  if (!needed) return null;
  const minutes = Math.max(1, Math.round(stepUpSeconds() / 60));

  return (
    <p className="muted">
      You signed in more than {minutes === 1 ? 'a minute' : `${minutes} minutes`} ago, so
      you will be asked to confirm it’s you first.
    </p>
  );
}
