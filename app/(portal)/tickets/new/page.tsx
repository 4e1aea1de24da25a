import type { Metadata } from 'next';
import { can, requireCustomer } from '@/lib/auth/guards';
import { listServices } from '@/lib/whmcs/services';
import { listDepartments } from '@/lib/whmcs/support';
import { BackLink, Card, PageHeader } from '@/components/card';
import { Section, settle } from '@/components/section';
import { NewTicketForm } from '@/components/tickets/ticket-forms';

export const metadata: Metadata = { title: 'Open a ticket' };

const SERVICES = { offset: 0, limit: 100 };

export default async function NewTicketPage() {
  const session = await requireCustomer('tickets');
  // Relating a ticket to a service needs the right to see services.
  const services = can(session, 'products')
    ? listServices(session.clientId, SERVICES).then((page) => page.items)
    : Promise.resolve(null);
  const load = settle('new ticket', Promise.all([listDepartments(), services]));

  return (
    <div className="page">
      <BackLink href="/tickets">All tickets</BackLink>
      <PageHeader title="Open a ticket">
        <p>Tell us what you need; our support team answers here and by email.</p>
      </PageHeader>
      <Card title="Your request">
        <Section what="support departments" load={load} retryHref="/tickets/new">
          {([departments, choices]) => (
            <NewTicketForm departments={departments} services={choices} />
          )}
        </Section>
      </Card>
    </div>
  );
}
