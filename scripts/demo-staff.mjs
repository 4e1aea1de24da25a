// The demo's staff account for /admin: username `admin` (role owner), a
// password and a TOTP secret made up per run unless DEMO_ADMIN_PASSWORD and
// DEMO_ADMIN_TOTP_SECRET say otherwise (the browser tests fix them). It reaches
// the portal as ADMIN_USERS, like a real install's staff list.
import { randomBytes, scryptSync } from 'node:crypto';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function base32(bytes) {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = ((buffer << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += BASE32[(buffer >> bits) & 31];
    }
  }
  return bits > 0 ? out + BASE32[(buffer << (5 - bits)) & 31] : out;
}

// The format of lib/auth/password-hash.ts (which needs the server runtime):
// scrypt$N$r$p$salt$hash, at its default cost. tests/unit/demo-staff.test.ts
// checks that the portal's own verifier accepts it.
function scryptHash(password) {
  const [N, r, p] = [2 ** 16, 8, 1];
  const salt = randomBytes(16);
  const key = scryptSync(password.normalize('NFC'), salt, 32, {
    N,
    r,
    p,
    maxmem: 256 * N * r,
  });
  return `scrypt$${N}$${r}$${p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

export function demoStaff({
  password = process.env.DEMO_ADMIN_PASSWORD,
  totpSecret = process.env.DEMO_ADMIN_TOTP_SECRET,
} = {}) {
  const account = {
    username: 'admin',
    role: 'owner',
    password: password || `Staff-${randomBytes(12).toString('base64url')}`,
    totpSecret: totpSecret || base32(randomBytes(20)),
  };
  const { password: plain, ...entry } = account;
  const adminUsers = JSON.stringify([{ ...entry, passwordHash: scryptHash(plain) }]);

  return { ...account, adminUsers };
}
