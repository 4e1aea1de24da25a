import 'server-only';
import type { Metadata } from 'next';
import { can, currentCustomer } from '@/lib/auth/guards';
import { WhmcsError } from '@/lib/whmcs/errors';
import type { Permission } from '@/lib/whmcs/types';
import { idOrNull } from '@/components/route-params';

type Read<T> = (clientId: number, id: number) => Promise<T>;

/**
 * A detail page's <title>, from the same read the page makes (the lib caches it
 * per request, so WHMCS is asked once). Anything the page would refuse (no
 * session, missing permission, bad id, WHMCS error) gets the generic title.
 */
export async function recordTitle<T>(
  params: Promise<{ id: string }>,
  permission: Permission,
  read: Read<T>,
  title: (record: T) => string,
  fallback: string,
): Promise<Metadata> {
  const session = await currentCustomer();
  const id = idOrNull((await params).id);
  if (!session || !can(session, permission) || id === null) return { title: fallback };

  try {
    return { title: title(await read(session.clientId, id)) };
  } catch (error) {
    if (error instanceof WhmcsError) return { title: fallback };
    throw error;
  }
}
