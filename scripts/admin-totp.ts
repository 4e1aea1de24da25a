// npm run admin:totp -- SECRET
// The code an authenticator app would show now for a staff TOTP secret (the
// demo prints its staff account's secret), and how long it stays valid.
import { TOTP_STEP_SECONDS, totp } from '@/lib/auth/totp';

function main(secret: string | undefined): number {
  if (!secret || !/^[A-Z2-7]+=*$/i.test(secret)) {
    console.error('usage: npm run admin:totp -- BASE32_SECRET');
    return 2;
  }

  const now = Date.now();
  const left = TOTP_STEP_SECONDS - (Math.floor(now / 1000) % TOTP_STEP_SECONDS);
  console.log(`${totp(secret, now)} (${left}s left)`);
  return 0;
}

process.exitCode = main(process.argv[2]);
