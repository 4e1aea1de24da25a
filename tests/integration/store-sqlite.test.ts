// What the sqlite backend promises beyond the contract: a durable WAL-mode file
// under a folder it creates, and one store per process from store().
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore, store } from '@/lib/store';
import { session } from '../support/store-contract';

const folder = mkdtempSync(join(tmpdir(), 'kraken-sqlite-'));
const settings = (path: string) => ({
  STORE: 'sqlite' as const,
  STORE_SQLITE_PATH: path,
  STORE_TIMEOUT_MS: 2_000,
});

afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

describe('the sqlite store', () => {
  it('creates its folder and keeps records in a WAL-mode file across reopening', async () => {
    const file = join(folder, 'nested', 'data', 'portal.sqlite');
    const record = session();
    const first = openStore(settings(file));
    await first.sessions.create(record, 5);
    await first.close();

    const second = openStore(settings(file));
    const found = await second.sessions.get(record.sid);
    await second.close();

    expect(found).toEqual(record);
    const raw = new Database(file, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
  });

  it('keeps a :memory: store private to the handle that opened it', async () => {
    const one = openStore(settings(':memory:'));
    const two = openStore(settings(':memory:'));
    const record = session();

    await one.sessions.create(record, 5);

    expect(await two.sessions.get(record.sid)).toBeNull();
    await Promise.all([one.close(), two.close()]);
  });

  it('is what store() opens by default, once per process', async () => {
    process.env.STORE_SQLITE_PATH = ':memory:';

    const opened = store();

    expect(opened.kind).toBe('sqlite');
    expect(store()).toBe(opened);
    await expect(opened.ping()).resolves.toBeUndefined();
  });
});
