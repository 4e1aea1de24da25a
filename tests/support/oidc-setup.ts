// One simulator on a random port as both WHMCS API and OIDC provider, and the
// portal's settings pointed at it (before anything reads lib/env.ts).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_CREDENTIALS } from '@/whmcs-sim/seed';
import { startSimulator, type RunningSimulator } from '@/whmcs-sim/server';
import { PORTAL } from './oidc-portal';

export const OIDC_CLIENT = {
  clientId: 'portal-it',
  clientSecret: 'portal-it-secret-0123456789abcdef',
  redirectUris: [`${PORTAL}/api/auth/callback/whmcs`],
};

export async function startOidcSim(): Promise<RunningSimulator> {
  const running = await startSimulator({
    credentials: DEFAULT_CREDENTIALS,
    oidc: { clients: [OIDC_CLIENT] },
  });
  Object.assign(process.env, {
    WHMCS_URL: `${running.url}/`,
    WHMCS_API_IDENTIFIER: DEFAULT_CREDENTIALS.identifier,
    WHMCS_API_SECRET: DEFAULT_CREDENTIALS.secret,
    WHMCS_OIDC_CLIENT_ID: OIDC_CLIENT.clientId,
    WHMCS_OIDC_CLIENT_SECRET: OIDC_CLIENT.clientSecret,
    NEXTAUTH_URL: PORTAL,
    NEXTAUTH_SECRET: 'test-nextauth-secret-0123456789abcdef0123456789',
    STORE_SQLITE_PATH: join(mkdtempSync(join(tmpdir(), 'kp-oidc-')), 'store.sqlite'),
  });

  return running;
}
