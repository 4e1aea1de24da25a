// Lengths the ticket forms accept, shared by the forms (maxLength) and the
// server actions (lib/portal/ticket-actions.ts), which check them again.

/** WHMCS keeps a subject in a 255-character column; the portal stays below it. */
export const SUBJECT_MAX = 200;
/** Room for a pasted log; anything longer is better sent as a .log attachment. */
export const MESSAGE_MAX = 20_000;
