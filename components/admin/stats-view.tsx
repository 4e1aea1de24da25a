import type { WhmcsStats } from '@/lib/whmcs/stats';
import { DetailList } from '@/components/detail-list';
import styles from './admin.module.css';

// WHMCS's company-wide figures. Income is shown exactly as WHMCS formatted it.

export function IncomeFigures({ stats }: { stats: WhmcsStats }) {
  return (
    <DetailList
      items={[
        { term: 'Today', value: stats.income.today },
        { term: 'This month', value: stats.income.thisMonth },
        { term: 'This year', value: stats.income.thisYear },
        { term: 'All time', value: stats.income.allTime },
      ]}
    />
  );
}

export function WorkFigures({ stats }: { stats: WhmcsStats }) {
  const figure = (value: number) => <span className={styles.figure}>{value}</span>;

  return (
    <DetailList
      items={[
        { term: 'Orders pending', value: figure(stats.orders.pending) },
        { term: 'Orders today', value: figure(stats.orders.today) },
        { term: 'Tickets awaiting reply', value: figure(stats.tickets.awaitingReply) },
        { term: 'Active tickets', value: figure(stats.tickets.active) },
        { term: 'Flagged tickets', value: figure(stats.tickets.flagged) },
        { term: 'Cancellations pending', value: figure(stats.cancellationsPending) },
        { term: 'To-do items due', value: figure(stats.todoDue) },
      ]}
    />
  );
}
