'use client';

import { useRouter, useSearchParams } from 'next/navigation';
import { use, useEffect, useRef } from 'react';
import { CONFIRMED_PARAM } from '@/lib/portal/step-up-return';

// Said on the page the customer comes back to after confirming it's them
// (/account/confirm): the confirmation itself did nothing but prove who they
// are, so whatever button sent them there must be pressed again. Rendered on
// the server too (the portal's pages are dynamic), so it needs no JavaScript.
// The marker alone proves nothing (anyone can put it in a link), so the notice
// shows only when the server also says this session confirmed moments ago.

export function StepUpNotice({ confirmed }: { confirmed: Promise<boolean> }) {
  const params = useSearchParams();
  const router = useRouter();
  const marked = params.get(CONFIRMED_PARAM) === '1';
  const recent = use(confirmed);
  const asked = useRef(false);
  useEffect(() => {
    // After an in-app navigation the layout, and so `confirmed`, is still the
    // one rendered before the confirmation: ask the server once more.
    if (marked && !recent && !asked.current) {
      asked.current = true;
      router.refresh();
    }
  }, [marked, recent, router]);
  if (!marked || !recent) return null;

  return (
    <div className="page-notice">
      <p className="notice" role="status" id="step-up-notice">
        Thanks, you confirmed it&rsquo;s you. Nothing was sent before you confirmed, so
        please press the button again to continue. You will not be asked again for the
        next few minutes.
      </p>
    </div>
  );
}
