// Produces ../vectors.json: session cookies sealed and unsealed by the real npm packages, so the .NET tests
// (tests/Properties/SessionSealVectorTests.cs) prove interoperability in both directions without npm in CI.
//
// Regenerate (needs node >= 20 and the npm registry):
//   1. WORKOS_WRITE_SESSION_VECTORS=1 dotnet test tests/Properties --filter SessionSealVectorTests
//      writes ../dotnet-sealed.json: a session sealed by OUR code with fixed salts and IV.
//   2. cd tests/Properties/SessionVectors/generate && npm ci && node generate.mjs
//      reads ../dotnet-sealed.json, writes ../vectors.json.
//   3. Run the tests again without the variable; commit both JSON files.
import { readFile, writeFile } from 'node:fs/promises';
import { WorkOS } from '@workos-inc/node';
import * as Iron from 'iron-webcrypto';

const here = new URL('.', import.meta.url);
const b64url = (obj) => Buffer.from(JSON.stringify(obj)).toString('base64url');
// decodeJwt in the SDK does not verify: a token with a dummy signature is enough for sealing.
const jwt = (claims) => `${b64url({ alg: 'RS256', typ: 'JWT', kid: 'key_vectors' })}.${b64url(claims)}.c2lnbmF0dXJl`;

const password = 'node-sdk-cookie-password-0123456789-abcdef';
const workos = new WorkOS('sk_test_vectors', { clientId: 'client_vectors' });
const user = {
  object: 'user', id: 'user_01NODE', email: 'zoë@example.com', emailVerified: true, firstName: 'Zoë',
  profilePictureUrl: null, lastName: 'Ng', lastSignInAt: '2026-01-02T03:04:05.000Z', locale: 'en-US',
  createdAt: '2025-12-01T00:00:00.000Z', updatedAt: '2026-01-02T03:04:05.000Z', externalId: null, metadata: { plan: 'pro' },
};

async function nodeSdkSeal(name, authenticationResponse) {
  const cookie = await workos.userManagement.sealSessionDataFromAuthenticationResponse({ authenticationResponse, cookiePassword: password });
  const session = await workos.userManagement.getSessionFromCookie({ sessionData: cookie, cookiePassword: password });
  return { name, password, cookie, session };
}

const vectors = { generator: 'tests/Properties/SessionVectors/generate/generate.mjs', packages: {}, node_sdk: [], iron: [], dotnet: null };
for (const p of ['@workos-inc/node', 'iron-webcrypto'])
  vectors.packages[p] = JSON.parse(await readFile(new URL(`node_modules/${p}/package.json`, here))).version;

// 1. Cookies written by the Node SDK's own sealSession path (password id 1, no expiry, ~2).
vectors.node_sdk.push(await nodeSdkSeal('with_organization', {
  user, organizationId: 'org_01NODE', accessToken: jwt({ sub: user.id, sid: 'session_01NODE', org_id: 'org_01NODE', exp: 1767323045, iat: 1767322745 }),
  refreshToken: 'refresh_01NODE', authenticationMethod: 'Password',
}));
vectors.node_sdk.push(await nodeSdkSeal('impersonated_without_organization', {
  user: { ...user, firstName: null, metadata: {} }, accessToken: jwt({ sub: user.id, sid: 'session_02NODE', exp: 1767323045 }),
  refreshToken: 'refresh_02NODE', authenticationMethod: 'GoogleOAuth', impersonator: { email: 'admin@example.com', reason: 'support ticket 42' },
}));

// 2. iron-session style: a rotated password (id 2, the old one id 1) and an expiry; one seal already expired.
const passwords = { 1: 'old-rotated-cookie-password-0123456789-xyz', 2: 'new-current-cookie-password-0123456789-xyz' };
const data = { accessToken: jwt({ sub: 'user_iron', exp: 1767323045 }), refreshToken: 'refresh_iron', user: { id: 'user_iron', email: 'iron@example.com' } };
for (const [name, ttl] of [['rotated_password_with_ttl', 14 * 24 * 3600 * 1000], ['expired_ttl', 1000]]) {
  const sealedAt = Date.now();
  const cookie = `${await Iron.seal(data, { id: '2', secret: passwords[2] }, { ...Iron.defaults, ttl })}~2`;
  vectors.iron.push({ name, passwords, sealed_at_ms: sealedAt, ttl_ms: ttl, cookie, session: data });
}

// 3. The reverse: a cookie OUR code sealed with fixed salts and IV. Node unseals it, and seals the same JSON text
//    with the same salts and IV, which must give the very same string.
try {
  const ours = JSON.parse(await readFile(new URL('../dotnet-sealed.json', here), 'utf8'));
  const unsealed = await workos.userManagement.getSessionFromCookie({ sessionData: ours.sealed, cookiePassword: ours.password });
  const iv = new Uint8Array(Buffer.from(ours.iv, 'base64url'));
  const resealed = await Iron.seal(ours.json, { id: ours.password_id, secret: ours.password }, {
    ...Iron.defaults, ttl: 0, encode: (s) => s,
    encryption: { ...Iron.defaults.encryption, salt: ours.encryption_salt, iv },
    integrity: { ...Iron.defaults.integrity, salt: ours.integrity_salt },
  });
  vectors.dotnet = { sealed: ours.sealed, unsealed_by_node_sdk: unsealed, sealed_by_iron_with_same_randomness: `${resealed}~2` };
} catch (e) {
  if (e.code !== 'ENOENT') throw e;
  console.error('no ../dotnet-sealed.json yet: run step 1 first (see the top of this file)');
}

await writeFile(new URL('../vectors.json', here), JSON.stringify(vectors, null, 2) + '\n');
console.log('wrote vectors.json');
