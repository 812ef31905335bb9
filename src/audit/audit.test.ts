import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawQuery } from '../../test/support/database.js';
import { auditChainKey, PASSWORD, startServer, type Client, type TestServer, type TestUser } from '../../test/support/server.js';
import { canonical, entryHash, GENESIS } from './chain.js';

type Signed = Client & { user: TestUser };
let s: TestServer;
let sysAdmin: Signed;
let orgA: { id: string };
let orgB: { id: string };
let adminA: Signed;
let adminB: Signed;
let auditorA: Signed;
let workerA: Signed;

beforeAll(async () => {
  s = await startServer();
  const home = await s.org();
  orgA = await s.org();
  orgB = await s.org();
  sysAdmin = await s.signedIn({ organizationId: home.id, roles: ['system_admin'] });
  adminA = await s.signedIn({ organizationId: orgA.id, roles: ['org_admin'] });
  adminB = await s.signedIn({ organizationId: orgB.id, roles: ['org_admin'] });
  auditorA = await s.signedIn({ organizationId: orgA.id, roles: ['auditor'] });
  workerA = await s.signedIn({ organizationId: orgA.id, roles: ['case_worker'] });
});
afterAll(() => s?.close());

const query = (text: string, server = s) => rawQuery(server.database, text) as Promise<Record<string, any>[]>;
const lastSeq = async (server = s) => (await query('select coalesce(max(seq), 0)::int as n from audit_events', server))[0].n as number;
/** The database's message for a refused statement (drizzle on node-postgres wraps it in `cause`). */
async function failureOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    const messages: string[] = [];
    for (let cur = e as { message?: string; cause?: unknown } | undefined; cur; cur = cur.cause as typeof cur) messages.push(String(cur.message));
    return messages.join(' | ');
  }
  throw new Error('the statement was not refused');
}
const email = () => `staf.${Math.random().toString(36).slice(2, 10)}@example.org`;

interface Write {
  by: () => Signed;
  do: () => Promise<{ status: number; targetId: string }>;
}
const writes: Record<string, Write> = {
  'organization.create': {
    by: () => sysAdmin,
    do: async () => {
      const r = await sysAdmin.post('/api/v1/organizations', { name: `Yayasan ${email()}`, type: 'ngo', level: 'national' });
      return { status: r.status, targetId: r.body.id };
    },
  },
  'organization.update': {
    by: () => adminA,
    do: async () => {
      const v = (await query(`select version from organizations where id = '${orgA.id}'`))[0].version;
      const r = await adminA.patch(`/api/v1/organizations/${orgA.id}`, { acronym: 'OA', version: v });
      return { status: r.status, targetId: orgA.id };
    },
  },
  'organization.deactivate': {
    by: () => sysAdmin,
    do: async () => {
      const o = await s.org();
      const r = await sysAdmin.post(`/api/v1/organizations/${o.id}/deactivate`);
      return { status: r.status, targetId: o.id };
    },
  },
  'user.create': {
    by: () => adminA,
    do: async () => {
      const r = await adminA.post('/api/v1/users', { email: email(), displayName: 'Baru', organizationId: orgA.id, roles: ['case_worker'] });
      return { status: r.status, targetId: r.body.user.id };
    },
  },
  'user.update': {
    by: () => adminA,
    do: async () => {
      const u = await s.user({ organizationId: orgA.id, roles: ['case_worker'] });
      const r = await adminA.patch(`/api/v1/users/${u.id}`, { roles: ['supervisor'], version: 1 });
      return { status: r.status, targetId: u.id };
    },
  },
  'user.deactivate': {
    by: () => adminA,
    do: async () => {
      const u = await s.user({ organizationId: orgA.id, roles: ['case_worker'] });
      const r = await adminA.post(`/api/v1/users/${u.id}/deactivate`);
      return { status: r.status, targetId: u.id };
    },
  },
  'user.activation.reissue': {
    by: () => adminA,
    do: async () => {
      const u = await s.user({ organizationId: orgA.id, roles: ['case_worker'] });
      const r = await adminA.post(`/api/v1/users/${u.id}/activation`);
      return { status: r.status, targetId: u.id };
    },
  },
  'user.totp.reset': {
    by: () => adminA,
    do: async () => {
      const u = await s.user({ organizationId: orgA.id, roles: ['case_worker'], totp: true });
      const r = await adminA.post(`/api/v1/users/${u.id}/totp/reset`);
      return { status: r.status, targetId: u.id };
    },
  },
  'apiToken.create': {
    by: () => workerA,
    do: async () => {
      const r = await workerA.post('/api/v1/api-tokens', { name: 'audit', scopes: ['organizations:read'] });
      return { status: r.status, targetId: r.body.apiToken.id };
    },
  },
  'auth.password.change': {
    by: () => workerA,
    do: async () => {
      const r = await workerA.post('/api/v1/auth/password', { currentPassword: PASSWORD, newPassword: 'Perahu-Kertas-Melaju-Ke-Timur' });
      return { status: r.status, targetId: workerA.user.id };
    },
  },
};

describe('what the audit log records', () => {
  it.each(Object.keys(writes))('%s leaves one entry naming actor, target, outcome, address and request', async (action) => {
    const w = writes[action];
    const { status, targetId } = await w.do();
    expect(status).toBeLessThan(300);
    const rows = await query(`select * from audit_events where action = '${action}' and target_id = '${targetId}'`);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ outcome: 'success', actor_id: w.by().user.id, actor_kind: 'user', organization_id: w.by().user.organizationId, ip: w.by().ip });
    expect(rows[0].request_id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('a failed write leaves no success entry (the entry commits with the write)', async () => {
    const before = await lastSeq();
    const res = await adminA.post('/api/v1/users', { email: email(), displayName: 'X', organizationId: orgA.id, roles: ['system_admin'] });
    expect(res.status).toBe(400);
    expect(await lastSeq()).toBe(before);
  });

  it('records a refused action as permission.denied', async () => {
    const res = await workerA.get('/api/v1/audit-events');
    expect(res.status).toBe(403);
    const [row] = await query(`select * from audit_events where actor_id = '${workerA.user.id}' order by seq desc limit 1`);
    expect(row).toMatchObject({ action: 'permission.denied', outcome: 'denied', details: { action: 'audit.read' }, organization_id: orgA.id });
  });

  it('records a refused record access with the record named', async () => {
    const res = await adminB.get(`/api/v1/users/${workerA.user.id}`);
    expect(res.status).toBe(404);
    const [row] = await query(`select * from audit_events where actor_id = '${adminB.user.id}' order by seq desc limit 1`);
    expect(row).toMatchObject({ action: 'permission.denied', outcome: 'denied', target_type: 'user', target_id: workerA.user.id, details: { action: 'user.read' } });
  });

  it('records logins and logouts', async () => {
    const c = s.client();
    await c.login(adminB.user.email, 'Salah-Kata-Sandi-123!');
    await c.login(adminB.user.email);
    await c.post('/api/v1/auth/logout');
    const rows = await query(`select action, outcome from audit_events where ip = '${c.ip}' order by seq`);
    expect(rows).toEqual([
      { action: 'auth.login', outcome: 'failure' },
      { action: 'auth.login', outcome: 'success' },
      { action: 'auth.logout', outcome: 'success' },
    ]);
  });
});

describe('reading the audit log', () => {
  const list = (c: Client, qs = '') => c.get(`/api/v1/audit-events${qs}`);

  it('filters by an action prefix', async () => {
    const res = await list(sysAdmin, '?action=auth.&limit=500');
    expect(res.status).toBe(200);
    const [{ n }] = await query(`select count(*)::int as n from audit_events where action like 'auth.%'`);
    expect(res.body.items).toHaveLength(n);
    expect(res.body.items.every((e: { action: string }) => e.action.startsWith('auth.'))).toBe(true);
  });

  it('filters by an exact action', async () => {
    const res = await list(sysAdmin, '?action=auth.logout');
    expect(res.body.items.length).toBeGreaterThan(0);
    expect(res.body.items.every((e: { action: string }) => e.action === 'auth.logout')).toBe(true);
  });

  it('filters by outcome', async () => {
    const res = await list(sysAdmin, '?outcome=failure&limit=500');
    const [{ n }] = await query(`select count(*)::int as n from audit_events where outcome = 'failure'`);
    expect(n).toBeGreaterThan(0);
    expect(res.body.items).toHaveLength(n);
    expect(res.body.items.every((e: { outcome: string }) => e.outcome === 'failure')).toBe(true);
  });

  it('filters by actor', async () => {
    const res = await list(sysAdmin, `?actorId=${adminA.user.id}&limit=500`);
    const [{ n }] = await query(`select count(*)::int as n from audit_events where actor_id = '${adminA.user.id}'`);
    expect(res.body.items).toHaveLength(n);
    expect(res.body.items.every((e: { actorId: string }) => e.actorId === adminA.user.id)).toBe(true);
  });

  it('pages newest first with before, without gaps or overlaps', async () => {
    const all = await list(sysAdmin, '?limit=6');
    // Each read of the log is itself recorded, so later pages start below the first answer's top.
    const top = all.body.items[0].seq + 1;
    const first = await list(sysAdmin, `?limit=3&before=${top}`);
    expect(first.body.items).toHaveLength(3);
    expect(first.body.nextBefore).toBe(first.body.items[2].seq);
    const second = await list(sysAdmin, `?limit=3&before=${first.body.nextBefore}`);
    const seqs = [...first.body.items, ...second.body.items].map((e: { seq: number }) => e.seq);
    expect(seqs).toEqual(all.body.items.map((e: { seq: number }) => e.seq));
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
  });

  it('answers nextBefore null on the last page', async () => {
    const res = await list(sysAdmin, '?before=3&limit=5');
    expect(res.body.items.map((e: { seq: number }) => e.seq)).toEqual([2, 1]);
    expect(res.body.nextBefore).toBeNull();
  });

  it("shows an auditor only their own organisation's entries, even when asked for another", async () => {
    for (const qs of ['?limit=500', `?limit=500&organizationId=${orgB.id}`]) {
      const res = await list(auditorA, qs);
      expect(res.status).toBe(200);
      const [{ n }] = await query(`select count(*)::int as n from audit_events where organization_id = '${orgA.id}'`);
      // Everything but the entry recording this very read, written after the answer was taken.
      expect(res.body.items).toHaveLength(n - 1);
      const [last] = await query(`select action, actor_id from audit_events order by seq desc limit 1`);
      expect(last).toEqual({ action: 'audit.list', actor_id: auditorA.user.id });
      expect(res.body.items.every((e: { organizationId: string }) => e.organizationId === orgA.id)).toBe(true);
    }
  });

  it('shows a system administrator every entry, of every organisation and none', async () => {
    const res = await list(sysAdmin, '?limit=500');
    const [{ n }] = await query('select count(*)::int as n from audit_events');
    expect(res.body.items).toHaveLength(n - 1);
    const orgs = new Set(res.body.items.map((e: { organizationId: string | null }) => e.organizationId));
    expect(orgs.has(orgA.id) && orgs.has(orgB.id)).toBe(true);
    const b = await list(sysAdmin, `?organizationId=${orgB.id}&limit=500`);
    expect(b.body.items.length).toBeGreaterThan(0);
    expect(b.body.items.every((e: { organizationId: string }) => e.organizationId === orgB.id)).toBe(true);
  });

  it('is closed to an organisation administrator', async () => {
    expect((await list(adminA)).status).toBe(403);
  });
});

describe('verifying the chain', () => {
  it('reports an untouched log as intact, having checked every entry', async () => {
    const n = await lastSeq();
    const res = await sysAdmin.get('/api/v1/audit-events/verify');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ intact: true, checked: n, lastSeq: n });
    const [row] = await query('select action, details from audit_events order by seq desc limit 1');
    expect(row).toEqual({ action: 'audit.verify', details: { intact: true, checked: n } });
  });

  it('is open to an auditor and closed to a case worker', async () => {
    expect((await auditorA.get('/api/v1/audit-events/verify')).body.intact).toBe(true);
    expect((await workerA.get('/api/v1/audit-events/verify')).status).toBe(403);
  });

  it.each([
    ['UPDATE', `update audit_events set outcome = 'success' where seq = 1`],
    ['DELETE', 'delete from audit_events where seq = 1'],
    ['TRUNCATE', 'truncate audit_events'],
  ])('refuses %s even to the table owner', async (op, text) => {
    const before = await query('select seq, hash from audit_events order by seq');
    expect(await failureOf(query(text))).toContain(`audit_events is append-only: ${op} refused`);
    expect(await query('select seq, hash from audit_events order by seq')).toEqual(before);
  });
});

describe('tampering with the triggers disabled', () => {
  const withoutTriggers = async (text: string, server = s) => {
    await query('alter table audit_events disable trigger user', server);
    try {
      await query(text, server);
    } finally {
      await query('alter table audit_events enable trigger user', server);
    }
  };
  const verify = async (c: Client = sysAdmin) => (await c.get('/api/v1/audit-events/verify')).body;

  it('finds an altered entry by its hash, at that entry', async () => {
    const seq = Math.floor((await lastSeq()) / 2);
    const [{ original }] = await query(`select details::text as original from audit_events where seq = ${seq}`);
    await withoutTriggers(`update audit_events set details = '{"reason":"forged"}' where seq = ${seq}`);
    expect(await verify()).toMatchObject({ intact: false, reason: 'hash_mismatch', brokenAt: seq, checked: seq - 1 });
    await withoutTriggers(`update audit_events set details = '${original.replace(/'/g, "''")}' where seq = ${seq}`);
    expect((await verify()).intact).toBe(true);
  });

  it('finds an entry appended with a made-up hash', async () => {
    const [last] = await query('select seq::int as seq, hash from audit_events order by seq desc limit 1');
    const forged = last.seq + 1;
    await query(
      `insert into audit_events (seq, at, actor_kind, action, outcome, details, prev_hash, hash)
       values (${forged}, now(), 'system', 'user.delete', 'success', '{}', '${last.hash}', '${'f'.repeat(64)}')`,
    );
    expect(await verify()).toMatchObject({ intact: false, reason: 'hash_mismatch', brokenAt: forged });
  });
});

describe('tampering on a fresh log', () => {
  let fresh: TestServer;
  let admin: Signed;
  beforeAll(async () => {
    fresh = await startServer();
    const org = await fresh.org();
    admin = await fresh.signedIn({ organizationId: org.id, roles: ['system_admin'] });
    for (let i = 0; i < 4; i++) await fresh.client().login(`tamu${i}@example.org`, 'Salah-Kata-Sandi-123!');
  });
  afterAll(() => fresh?.close());

  it('finds a deleted entry as a gap in the sequence, at the entry after it', async () => {
    expect(await lastSeq(fresh)).toBe(5);
    await query('alter table audit_events disable trigger user', fresh);
    await query('delete from audit_events where seq = 3', fresh);
    await query('alter table audit_events enable trigger user', fresh);
    const res = await admin.get('/api/v1/audit-events/verify');
    expect(res.body).toEqual({ intact: false, reason: 'sequence_gap', brokenAt: 4, checked: 2, lastSeq: 4 });
  });

  it('finds an entry whose link to the previous one was rewritten', async () => {
    await query('alter table audit_events disable trigger user', fresh);
    await query(`update audit_events set prev_hash = '${GENESIS}' where seq = 2`, fresh);
    await query('alter table audit_events enable trigger user', fresh);
    const res = await admin.get('/api/v1/audit-events/verify');
    expect(res.body).toMatchObject({ intact: false, reason: 'chain_mismatch', brokenAt: 2 });
  });
});

describe('canonical form of an entry', () => {
  it('does not depend on key order, at any depth', () => {
    expect(canonical({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: 'x' } })).toBe(canonical({ a: { c: 'x', d: [1, { x: 1, y: 2 }] }, b: 1 }));
    expect(canonical({ b: 1, a: 2 })).toBe('{"a":2,"b":1}');
  });

  it('keeps array order, drops undefined keys and writes null for undefined values', () => {
    expect(canonical([2, 1])).not.toBe(canonical([1, 2]));
    expect(canonical({ a: 1, b: undefined })).toBe('{"a":1}');
    expect(canonical(undefined)).toBe('null');
    expect(canonical({ s: 'é"\n' })).toBe(JSON.stringify({ s: 'é"\n' }));
  });

  const K = Buffer.alloc(32, 7);

  it('hashes the same entry the same way and any change differently', () => {
    const e = { seq: 7, at: new Date('2026-01-02T03:04:05.678Z'), actorId: null, actorKind: 'system', organizationId: null, action: 'x', outcome: 'success', targetType: null, targetId: null, ip: null, requestId: null, details: { b: 1, a: 2 } };
    const h = entryHash(K, GENESIS, e);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(entryHash(K, GENESIS, { ...e, details: { a: 2, b: 1 } })).toBe(h);
    expect(entryHash(K, GENESIS, { ...e, details: { a: 2, b: 2 } })).not.toBe(h);
    expect(entryHash(K, '1'.repeat(64), e)).not.toBe(h);
    expect(entryHash(K, GENESIS, { ...e, seq: 8 })).not.toBe(h);
    // Keyed: the same entry under another key hashes differently.
    expect(entryHash(Buffer.alloc(32, 8), GENESIS, e)).not.toBe(h);
  });

  it('hashes a row read back from the table the same as the entry written (extra columns ignored)', () => {
    const e = { seq: 1, at: new Date(0), actorId: null, actorKind: 'system', organizationId: null, action: 'x', outcome: 'success', targetType: null, targetId: null, ip: null, requestId: null, details: {} };
    expect(entryHash(K, GENESIS, { ...e, prevHash: GENESIS, hash: 'abc' } as typeof e)).toBe(entryHash(K, GENESIS, e));
  });
});

describe('tampering without the audit key', () => {
  let own: TestServer;
  let admin: Signed;
  beforeAll(async () => {
    own = await startServer();
    const org = await own.org();
    admin = await own.signedIn({ organizationId: org.id, roles: ['system_admin'] });
    for (let i = 0; i < 6; i++) await own.client().login(`tamu${i}@example.org`, 'Salah-Kata-Sandi-123!');
  });
  afterAll(() => own?.close());
  const verifyOn = async () => (await admin.get('/api/v1/audit-events/verify')).body;
  const withoutTriggers = async (text: string) => {
    await query('alter table audit_events disable trigger user', own);
    try {
      await query(text, own);
    } finally {
      await query('alter table audit_events enable trigger user', own);
    }
  };

  /** Rewrites the chain from `seq` on, as someone with write access to the database would, with `key`. */
  async function rewriteFrom(seq: number, key: Buffer) {
    const rows = await query(
      'select seq::int as seq, at, actor_id, actor_kind, organization_id, action, outcome, target_type, target_id, ip, request_id, details from audit_events order by seq',
      own,
    );
    let prev = String((await query(`select hash from audit_events where seq = ${seq - 1}`, own))[0].hash);
    const statements: string[] = [];
    for (const r of rows.filter((x) => Number(x.seq) >= seq)) {
      const details = Number(r.seq) === seq ? { reason: 'forged' } : r.details;
      const hash = entryHash(key, prev, {
        seq: Number(r.seq), at: r.at instanceof Date ? r.at : new Date(String(r.at)), actorId: r.actor_id as string | null, actorKind: String(r.actor_kind), organizationId: r.organization_id as string | null,
        action: String(r.action), outcome: String(r.outcome), targetType: r.target_type as string | null, targetId: r.target_id as string | null, ip: r.ip as string | null,
        requestId: r.request_id as string | null, details,
      });
      statements.push(`update audit_events set details = '${JSON.stringify(details).replace(/'/g, "''")}', prev_hash = '${prev}', hash = '${hash}' where seq = ${r.seq}`);
      prev = hash;
    }
    await withoutTriggers(statements.join(';\n'));
  }

  it('would pass only with the key: a chain rewritten with it verifies, one rewritten without it does not', async () => {
    // With the real key the rewrite is undetectable, which shows the rewrite itself is faithful…
    await rewriteFrom(3, auditChainKey);
    expect(await verifyOn()).toMatchObject({ intact: true });
    // …and without it (all a database intruder has), the altered entry is found.
    await rewriteFrom(4, Buffer.alloc(32, 1));
    expect(await verifyOn()).toMatchObject({ intact: false, reason: 'hash_mismatch', brokenAt: 4 });
  });
});
