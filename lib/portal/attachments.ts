import 'server-only';
import type { Attachment } from '@/lib/whmcs/types';
import {
  extensionOf,
  countProblem,
  oneFileProblem,
  shownName,
  type FileRules,
} from '@/lib/portal/file-rules';

// Files a customer attaches, checked on the server before anything is sent to
// WHMCS: how many, how large, the extension, and that the contents are what
// the extension says (a script renamed to .png is refused). Names are made
// safe for WHMCS's upload folder: one extension only, plain characters.

/** What a form posts for a file field; a browser sends an empty one when none was chosen. */
export type FileLike = {
  name: string;
  size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
};

export function isFileLike(value: unknown): value is FileLike {
  if (typeof value !== 'object' || value === null) return false;
  const file = value as Partial<FileLike>;
  return (
    typeof file.name === 'string' &&
    typeof file.size === 'number' &&
    typeof file.arrayBuffer === 'function'
  );
}

/** The file inputs that were left empty carry no name and no bytes. */
export const isChosen = (file: FileLike) => !(file.name === '' && file.size === 0);

/** The files ready for WHMCS, or every problem found: one per refused file, each naming it. */
export type Checked =
  { ok: true; files: Attachment[] } | { ok: false; problems: string[] };

const bytes = (...values: number[]) => Uint8Array.from(values);
const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));

/** What each kind of file starts with. */
const SIGNATURES: Record<string, Uint8Array[]> = {
  '.png': [bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)],
  '.jpg': [bytes(0xff, 0xd8, 0xff)],
  '.jpeg': [bytes(0xff, 0xd8, 0xff)],
  '.gif': [ascii('GIF87a'), ascii('GIF89a')],
  '.pdf': [ascii('%PDF-')],
  // A zip archive, or an empty one.
  '.zip': [bytes(0x50, 0x4b, 0x03, 0x04), bytes(0x50, 0x4b, 0x05, 0x06)],
};

const TEXT_EXTENSIONS = new Set(['.txt', '.log']);

// The starts a browser's content sniffing reads as a web page or XML
// (WHATWG MIME Sniffing, "identifying a resource with an unknown MIME type").
const MARKUP_START =
  /^<(?:!doctype html|html|head|script|iframe|h1|div|font|table|a|style|title|b|body|br|p|svg)(?:[\s>/]|$)|^<!--|^<\?xml/i;

const startsWith = (data: Uint8Array, prefix: Uint8Array) =>
  data.length >= prefix.length && prefix.every((b, i) => data[i] === b);

/** Why these bytes are not a file of this extension; null when they are. */
export function contentProblem(extension: string, data: Uint8Array): string | null {
  const signatures = SIGNATURES[extension];
  if (signatures) {
    return signatures.some((s) => startsWith(data, s))
      ? null
      : `its contents are not a ${extension.slice(1).toUpperCase()} file`;
  }
  if (!TEXT_EXTENSIONS.has(extension)) return 'it is not a type of file we accept';

  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    return 'it is not plain text';
  }
  // Tabs, line ends, form feeds and the escapes of coloured logs are text; other
  // control characters are a binary file with a text name.
  if (/[\u0000-\u0008\u000b\u000e-\u001a\u001c-\u001f\u007f]/.test(text)) {
    return 'it is not plain text';
  }
  if (MARKUP_START.test(text.replace(/^\uFEFF/, '').trimStart())) {
    return 'it looks like a web page, not plain text';
  }

  return null;
}

/**
 * A name WHMCS can store as is: the last path part, a single extension (dots
 * in the stem would let "shell.php.jpg" be run by some web servers), and only
 * letters, digits, space, dash and underscore before it.
 */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const extension = extensionOf(base);
  const stem = trimEdges(
    base
      .slice(0, Math.min(base.length - extension.length, 200))
      .normalize('NFKC')
      .replace(/[^A-Za-z0-9 _-]+/g, '_')
      .replace(/_{2,}/g, '_'),
  ).slice(0, 80);

  return `${/[A-Za-z0-9]/.test(stem) ? trimEdges(stem) : 'attachment'}${extension}`;
}

/** Without spaces and underscores at either end. */
function trimEdges(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && ' _'.includes(text[start] ?? '')) start += 1;
  while (end > start && ' _'.includes(text[end - 1] ?? '')) end -= 1;

  return text.slice(start, end);
}

/**
 * Checks the chosen files against the rules and reads them. Every file is
 * checked, so the person learns about each refused one (with its name and
 * why) from one submission.
 */
export async function checkAttachments(
  posted: readonly FileLike[],
  rules: FileRules,
): Promise<Checked> {
  const chosen = posted.filter(isChosen);
  // Too many files is said once; each file is still checked, and named if refused.
  const tooMany = countProblem(chosen.length, rules);
  const problems: string[] = tooMany ? [tooMany] : [];

  const files: Attachment[] = [];
  for (const file of chosen) {
    const named = oneFileProblem(file, rules);
    if (named) {
      problems.push(named);
      continue;
    }
    const data = new Uint8Array(await file.arrayBuffer());
    // The size a browser claims is not trusted: the bytes are counted.
    const sized = oneFileProblem({ name: file.name, size: data.length }, rules);
    const wrong = sized ? null : contentProblem(extensionOf(file.name), data);
    if (sized) problems.push(sized);
    else if (wrong) problems.push(`“${shownName(file.name)}” was refused: ${wrong}.`);
    else files.push({ name: safeFileName(file.name), data });
  }

  return problems.length > 0 ? { ok: false, problems } : { ok: true, files };
}
