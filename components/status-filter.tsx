import Form from 'next/form';
import styles from './status-filter.module.css';

// A GET form: the filter lives in the URL (?status=…), works without JavaScript
// and, with it, navigates on the client. Changing the filter starts at page 1.

type Props = {
  action: string;
  options: readonly { value: string; label: string }[];
  current: string | undefined;
  allLabel: string;
};

export function StatusFilter({ action, options, current, allLabel }: Props) {
  return (
    <Form action={action} className={styles.filter}>
      <label htmlFor="status-filter">Status</label>
      <select id="status-filter" name="status" defaultValue={current ?? ''}>
        <option value="">{allLabel}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <button type="submit" className="button">
        Show
      </button>
    </Form>
  );
}
