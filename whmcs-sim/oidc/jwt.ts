// ID tokens: RS256 JWTs signed with an RSA key made when the provider starts,
// published as a JWKS. Built with node:crypto alone, so a test can also ask for
// the broken tokens (foreign key, alg "none", …) a real library would refuse to make.
import {
  createSign,
  generateKeyPairSync,
  randomBytes,
  type KeyObject,
} from 'node:crypto';

export type SigningKey = { kid: string; privateKey: KeyObject; publicKey: KeyObject };

export type Jwk = Record<string, string>;

export function newSigningKey(): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });

  return { kid: randomBytes(8).toString('hex'), privateKey, publicKey };
}

export function publicJwk(key: SigningKey): Jwk {
  const jwk = key.publicKey.export({ format: 'jwk' }) as { n: string; e: string };

  return { kty: 'RSA', n: jwk.n, e: jwk.e, kid: key.kid, alg: 'RS256', use: 'sig' };
}

const b64url = (value: Buffer | string) => Buffer.from(value).toString('base64url');

function encode(header: object, payload: object): string {
  return `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}`;
}

/** A compact RS256 JWS. `signWith` lets a test sign under another key than `kid` names. */
export function signRs256(
  payload: object,
  key: SigningKey,
  signWith: KeyObject = key.privateKey,
): string {
  const input = encode({ alg: 'RS256', typ: 'JWT', kid: key.kid }, payload);
  const signature = createSign('RSA-SHA256').update(input).sign(signWith);

  return `${input}.${b64url(signature)}`;
}

/** An unsecured JWT (RFC 7519 §6): what an attacker sends when it has no key. */
export function unsigned(payload: object): string {
  return `${encode({ alg: 'none', typ: 'JWT' }, payload)}.`;
}
