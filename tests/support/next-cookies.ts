import { vi } from 'vitest';

// A stand-in for next/headers' cookies() and headers(), so server code that
// sets and reads cookies can run outside a Next.js request in tests.

export type JarEntry = { value: string; options: Record<string, unknown> };
export const jar = new Map<string, JarEntry>();

export const cookieStore = {
  get: (name: string) => {
    const entry = jar.get(name);
    return entry && entry.value !== '' ? { name, value: entry.value } : undefined;
  },
  set: (name: string, value: string, options: Record<string, unknown> = {}) => {
    jar.set(name, { value, options });
  },
  delete: (name: string) => {
    jar.delete(name);
  },
};

vi.mock('next/headers', () => ({
  cookies: async () => cookieStore,
  headers: async () =>
    new Headers({ 'x-request-id': '00000000-0000-4000-8000-000000000000' }),
}));
