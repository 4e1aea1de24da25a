import type { TicketMessage } from '@/lib/whmcs/types';
import { formatDateTime } from '@/components/format';
import styles from './conversation.module.css';
import { Markdown } from './markdown';

// A ticket's messages, oldest first. Message bodies come from WHMCS and may
// contain anything a customer or agent typed: they are rendered as safe
// Markdown (./markdown.tsx), built from React elements, never as HTML. Who
// wrote a message is said in words ("Support team" / "Customer"), not only by
// colour and position.

export function Conversation({ messages }: { messages: TicketMessage[] }) {
  return (
    <ol className={styles.conversation} aria-label="Conversation">
      {messages.map((message) => (
        <li
          key={message.id}
          className={`${styles.message} ${message.fromStaff ? styles.staff : styles.customer}`}
        >
          <article aria-label={`Message from ${message.author}`}>
            <header className={styles.meta}>
              <span className={styles.author}>{message.author}</span>
              <span className={styles.role}>
                {message.fromStaff ? 'Support team' : 'Customer'}
              </span>
              <time dateTime={message.postedAt?.toISOString()} className={styles.time}>
                {formatDateTime(message.postedAt)}
              </time>
            </header>
            <div className={styles.text}>
              <Markdown text={message.text} />
            </div>
            {message.attachments.length > 0 ? (
              <div className={styles.attachments}>
                <span className={styles.attachmentsLabel}>Attachments:</span>
                <ul>
                  {message.attachments.map((name) => (
                    <li key={name}>{name}</li>
                  ))}
                </ul>
              </div>
            ) : null}
          </article>
        </li>
      ))}
    </ol>
  );
}
