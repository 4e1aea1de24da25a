import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CATALOG_TTL_MS, catalog, clearCatalog } from '@/lib/whmcs/catalog-cache';

const PARAMS = { ignore_dept_assignments: true };

function clock(start = 1_000_000) {
  let time = start;
  return { now: () => time, advance: (ms: number) => (time += ms) };
}

beforeEach(() => clearCatalog());

describe('catalogue cache', () => {
  it('asks WHMCS once for repeated reads within the time limit', async () => {
    const { now, advance } = clock();
    const load = vi.fn(async () => ['Sales', 'Support']);

    await catalog('GetSupportDepartments', PARAMS, load, now);
    advance(CATALOG_TTL_MS - 1);
    const again = await catalog('GetSupportDepartments', PARAMS, load, now);

    expect(again).toEqual(['Sales', 'Support']);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('asks WHMCS again once the answer is older than the time limit', async () => {
    const { now, advance } = clock();
    const load = vi.fn(async () => ['Sales']);

    await catalog('GetSupportDepartments', PARAMS, load, now);
    advance(CATALOG_TTL_MS);
    await catalog('GetSupportDepartments', PARAMS, load, now);

    expect(load).toHaveBeenCalledTimes(2);
  });

  it('shares one request between concurrent callers', async () => {
    const load = vi.fn(async () => ['Sales']);

    await Promise.all([
      catalog('GetSupportDepartments', PARAMS, load),
      catalog('GetSupportDepartments', PARAMS, load),
    ]);

    expect(load).toHaveBeenCalledTimes(1);
  });

  it('keeps the answer, not the promise of the request that asked first', async () => {
    const load = vi.fn(async () => ['Sales']);

    const first = catalog('GetSupportDepartments', PARAMS, load);
    await first;
    const later = catalog('GetSupportDepartments', PARAMS, load);

    expect(later).not.toBe(first);
    expect(await later).toEqual(['Sales']);
  });

  it('keys on the parameters as well as the action', async () => {
    const load = vi.fn(async () => ['Sales']);

    await catalog('GetSupportDepartments', PARAMS, load);
    await catalog('GetSupportDepartments', {}, load);

    expect(load).toHaveBeenCalledTimes(2);
  });

  it('does not keep a failure: the next read asks WHMCS again', async () => {
    const load = vi
      .fn<() => Promise<string[]>>()
      .mockRejectedValueOnce(new Error('WHMCS down'))
      .mockResolvedValueOnce(['Sales']);

    await expect(catalog('GetSupportDepartments', PARAMS, load)).rejects.toThrow();
    const second = await catalog('GetSupportDepartments', PARAMS, load);

    expect(second).toEqual(['Sales']);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('refuses parameters that would make the answer one customer’s own', () => {
    const load = vi.fn(async () => []);

    const share = () => catalog('GetSupportDepartments', { clientid: 1 }, load);

    expect(share).toThrow(/clientid has no place in a shared cache/);
    expect(load).not.toHaveBeenCalled();
  });
});
