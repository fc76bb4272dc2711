// Runs the official WorkOS Node SDK against a WorkOS emulator and checks what it reads back.
// Usage: node script.mjs <emulator base url> <api key> [client id]
// Prints one JSON line with what it saw; exits 1 with a message on the first mismatch.
import { WorkOS } from '@workos-inc/node';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';

const [baseUrl, apiKey, clientId = 'client_emulator'] = process.argv.slice(2);
if (!baseUrl || !apiKey) {
  console.error('usage: node script.mjs <emulator base url> <api key> [client id]');
  process.exit(2);
}
const url = new URL(baseUrl);
const workos = new WorkOS(apiKey, {
  apiHostname: url.hostname,
  port: url.port ? Number(url.port) : undefined,
  https: url.protocol === 'https:',
  clientId,
});
const um = workos.userManagement;

function check(ok, what) {
  if (!ok) {
    console.error(`check failed: ${what}`);
    process.exit(1);
  }
}

const tag = Math.random().toString(36).slice(2, 10);
const password = 'node-sdk-Passw0rd!';

// listSessions: two sign-ins, one revoked.
const user = await um.createUser({ email: `node-${tag}@example.com`, password, emailVerified: true });
const first = await um.authenticateWithPassword({ clientId, email: user.email, password });
await um.authenticateWithPassword({ clientId, email: user.email, password });
const sid = JSON.parse(Buffer.from(first.accessToken.split('.')[1], 'base64url').toString()).sid;
await um.revokeSession({ sessionId: sid });
const sessions = (await um.listSessions(user.id, { order: 'asc' })).data;
check(sessions.length === 2, `two sessions listed, got ${sessions.length}`);
check(sessions.every((s) => s.object === 'session' && s.userId === user.id && s.authMethod === 'password'), 'sessions belong to the user, method password');
check(sessions.find((s) => s.id === sid)?.status === 'revoked', 'the revoked session shows as revoked');
check(sessions.filter((s) => s.status === 'active').length === 1, 'one session is still active');

// acceptInvitation: the invitee becomes an active member of the organization.
const org = await workos.organizations.createOrganization({ name: `Node ${tag}` });
const invitation = await um.sendInvitation({ email: `invitee-${tag}@example.com`, organizationId: org.id });
const accepted = await um.acceptInvitation(invitation.id);
check(accepted.id === invitation.id && accepted.state === 'accepted', `invitation accepted, got ${accepted.state}`);
check(typeof accepted.acceptedUserId === 'string' && accepted.acceptedUserId.length > 0, 'acceptedUserId is set');
const memberships = (await um.listOrganizationMemberships({ userId: accepted.acceptedUserId })).data;
check(memberships.length === 1 && memberships[0].organizationId === org.id && memberships[0].status === 'active', 'the invitee is an active member');

// enrollAuthFactor: the TOTP factor's qrCode is a PNG data URI whose QR code (read by jsQR, not by this
// repository's code) holds exactly the otpauth URI, so an authenticator app scanning the hosted page gets the secret.
const { authenticationFactor: factor } = await um.enrollAuthFactor({ userId: user.id, type: 'totp', totpIssuer: 'Node', totpUser: user.email });
const prefix = 'data:image/png;base64,';
check(factor.totp.qrCode.startsWith(prefix), `qrCode is a PNG data URI, got ${factor.totp.qrCode.slice(0, 30)}`);
const png = PNG.sync.read(Buffer.from(factor.totp.qrCode.slice(prefix.length), 'base64'));
const scanned = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
check(scanned !== null, 'the QR code can be scanned');
check(scanned.data === factor.totp.uri, `the QR code holds the otpauth URI, got ${scanned.data}`);
check(scanned.data.includes(`secret=${factor.totp.secret}`), 'the otpauth URI carries the secret');

console.log(JSON.stringify({
  sessions: sessions.map((s) => ({ status: s.status, authMethod: s.authMethod })),
  invitation: { state: accepted.state, member: memberships[0].status },
  totp: { qrCode: 'scanned', matchesUri: true },
}));
