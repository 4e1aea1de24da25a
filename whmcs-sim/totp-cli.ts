// `npm run sim:totp`: the current authenticator code of the demo's two-factor
// user (secure@kraken.example), and the secret to add it to a real app instead.
import { DEMO_TOTP_SECRET } from './demo-accounts';
import { TOTP_STEP_SECONDS, totp } from './oidc/totp';

const now = Date.now();
const left = TOTP_STEP_SECONDS - (Math.floor(now / 1000) % TOTP_STEP_SECONDS);

const lines = [
  `secure@kraken.example code: ${totp(DEMO_TOTP_SECRET, now)} (${left}s left)`,
  `Authenticator app secret (TOTP, SHA-1, 30s, 6 digits): ${DEMO_TOTP_SECRET}`,
  `otpauth://totp/Kraken%20Hosting:secure%40kraken.example?secret=${DEMO_TOTP_SECRET}` +
    '&issuer=Kraken%20Hosting',
];
process.stdout.write(`${lines.join('\n')}\n`);
