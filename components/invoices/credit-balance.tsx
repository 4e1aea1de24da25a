import { compareMoney } from '@/lib/whmcs/money';
import type { Currency, Money } from '@/lib/whmcs/types';
import { formatMoney } from '@/components/format';
import styles from '@/components/account/account.module.css';

// The account's credit with WHMCS: money held for the client (overpayments,
// refunds to credit, prepayments). WHMCS offers to apply it when an invoice
// is paid in its client area, where "Pay now" leads.
export function CreditBalance({
  credit,
  currency,
}: {
  credit: Money;
  currency: Currency | null;
}) {
  const some = compareMoney(credit, '0') > 0;

  return (
    <p className={styles.credit}>
      Credit balance: <strong>{formatMoney(credit, currency)}</strong>
      {some ? (
        <span className="muted">
          {' '}
          · You can apply it to an unpaid invoice when you pay it.
        </span>
      ) : null}
    </p>
  );
}
