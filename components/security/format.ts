import { formatDateTime } from '@/components/format';

/** A sign-in moment (epoch seconds) as every other date and time on the portal. */
export function formatMoment(epochSeconds: number): string {
  return formatDateTime(new Date(epochSeconds * 1000));
}

/** A short, human name for a browser from its user agent, never the raw string. */
export function describeDevice(userAgent: string): string {
  const browser = /Edg\//.test(userAgent)
    ? 'Edge'
    : /Firefox\//.test(userAgent)
      ? 'Firefox'
      : /Chrome\//.test(userAgent)
        ? 'Chrome'
        : /Safari\//.test(userAgent)
          ? 'Safari'
          : 'Browser';
  const system = /Android/.test(userAgent)
    ? 'Android'
    : /iPhone|iPad/.test(userAgent)
      ? 'iOS'
      : /Windows/.test(userAgent)
        ? 'Windows'
        : /Mac OS X/.test(userAgent)
          ? 'macOS'
          : /Linux/.test(userAgent)
            ? 'Linux'
            : 'unknown system';

  return `${browser} on ${system}`;
}
