// What a customer's form gets back from its server action, and what the form
// shows: a message, the problem with each field, what was typed (so nothing
// is lost when a write fails) and the key for the next submission. Shared by
// the server actions and the client form component, so no server-only import.

export type FormState = {
  status: 'idle' | 'done' | 'error';
  /** One sentence for the person, never WHMCS's own text or a stack. */
  message: string;
  /** Field name → what is wrong with it; several problems (refused files) a line each. */
  problems: Record<string, string>;
  /** What was typed, to put back into the fields (never a password or a file). */
  values: Record<string, string>;
  /** The idempotency key the next submission of this form carries. */
  submission: string;
  /** A page to offer after success, e.g. the ticket just opened. */
  href?: string;
  /** The request's id, quoted in messages about failures. */
  reference?: string;
  /** A value shown once under the message (a transfer code); never kept or repeated. */
  reveal?: string;
};

export function idleState(submission: string): FormState {
  return { status: 'idle', message: '', problems: {}, values: {}, submission };
}

/**
 * Several problems with one field (each refused file, by name) travel as one
 * text, a line each, so every form state stays a plain map of strings; the
 * form shows them as a list.
 */
export function joinProblems(lines: readonly string[]): string {
  return lines.join('\n');
}

export function problemLines(problem: string): string[] {
  return problem.split('\n').filter((line) => line.trim() !== '');
}
