import type { Metadata, Viewport } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import './globals.css';
import './styles/controls.css';
import './styles/layout.css';

export const metadata: Metadata = {
  title: { template: '%s · Kraken Portal', default: 'Kraken Portal' },
  description: 'Manage your hosting services, domains, invoices and support tickets.',
  applicationName: 'Kraken Portal',
  robots: { index: false, follow: false },
};

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  themeColor: '#0d1b33',
};

// Each area's layout renders its own <main id="main">, the skip link's target.
export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page, the 404 page included, is rendered per request: that is how
  // Next.js stamps the request's CSP nonce on its scripts. A page prerendered
  // at build time would carry scripts the CSP then blocks.
  await connection();

  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to main content
        </a>
        {children}
      </body>
    </html>
  );
}
