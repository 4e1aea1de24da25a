import { describe, expect, it } from 'vitest';
import {
  checkAttachments,
  contentProblem,
  safeFileName,
  type FileLike,
} from '@/lib/portal/attachments';
import {
  describeRules,
  extensionOf,
  fileProblems,
  formatBytes,
  TICKET_FILES,
} from '@/lib/portal/file-rules';
import { closeInput, openInput, replyInput } from '@/lib/portal/ticket-inputs';
import { encodeAttachments } from '@/lib/whmcs/support';

// Ticket files: the rules the browser and the server share, the server's look
// at the contents, the names handed to WHMCS and the encoding WHMCS expects.

const bytes = (...values: number[]) => Uint8Array.from(values);
const text = (value: string) => new TextEncoder().encode(value);
const fileLike = (name: string, data: Uint8Array, size = data.length): FileLike => ({
  name,
  size,
  arrayBuffer: async () => data.slice().buffer,
});

const PNG = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0);
const JPEG = bytes(0xff, 0xd8, 0xff, 0xe0, 0);
const MB2 = 2 * 1024 * 1024;

describe('the shared rules', () => {
  it('are 5 files of at most 2 MB each, of the listed types', () => {
    expect(describeRules(TICKET_FILES)).toBe(
      'Up to 5 files, at most 2 MB each: .jpg, .jpeg, .png, .gif, .pdf, .txt, .log, .zip.',
    );
  });

  it('accept exactly the limits and refuse one past them, naming file and limit', () => {
    const five = Array.from({ length: 5 }, (_, i) => ({ name: `${i}.png`, size: MB2 }));

    expect(fileProblems(five, TICKET_FILES)).toEqual([]);
    expect(fileProblems([...five, { name: 'x.png', size: 1 }], TICKET_FILES)).toEqual([
      'You chose 6 files; attach at most 5.',
    ]);
    expect(fileProblems([{ name: 'big.PNG', size: MB2 + 1 }], TICKET_FILES)).toEqual([
      '“big.PNG” is 2.1 MB; each file may be at most 2 MB.',
    ]);
    expect(fileProblems([{ name: 'empty.txt', size: 0 }], TICKET_FILES)).toEqual([
      '“empty.txt” is empty.',
    ]);
  });

  it('name every refused file with its reason, after too many files', () => {
    const chosen = [
      { name: 'a.png', size: 10 },
      { name: 'run.exe', size: 10 },
      { name: 'b.png', size: 10 },
      { name: 'big.pdf', size: MB2 + 1 },
      { name: 'c.png', size: 10 },
      { name: 'empty.txt', size: 0 },
    ];

    expect(fileProblems(chosen, TICKET_FILES)).toEqual([
      'You chose 6 files; attach at most 5.',
      '“run.exe” is not a type of file we accept. Allowed: .jpg, .jpeg, .png, .gif, .pdf, .txt, .log, .zip.',
      '“big.pdf” is 2.1 MB; each file may be at most 2 MB.',
      '“empty.txt” is empty.',
    ]);
  });

  it.each([
    'run.exe',
    'page.html',
    'image.svg',
    'shell.php',
    'noextension',
    'x.png.exe',
    '.htaccess',
  ])('refuse %s by its extension', (name) => {
    expect(fileProblems([{ name, size: 10 }], TICKET_FILES)).toEqual([
      expect.stringMatching(/is not a type of file we accept\. Allowed: /),
    ]);
  });

  it('read extensions case-blind, from the last dot of the last path part', () => {
    expect(extensionOf('Screen Shot.PNG')).toBe('.png');
    expect(extensionOf('C:\\fakepath\\a.tar.ZIP')).toBe('.zip');
    expect(extensionOf('dir.d/none')).toBe('');
    expect(formatBytes(MB2)).toBe('2 MB');
    expect(formatBytes(1536)).toBe('2 KB');
    expect(formatBytes(1)).toBe('1 byte');
  });
});

describe('the contents must match the extension', () => {
  it.each([
    ['.png', PNG],
    ['.jpg', JPEG],
    ['.jpeg', JPEG],
    ['.gif', text('GIF89a....')],
    ['.gif', text('GIF87a....')],
    ['.pdf', text('%PDF-1.7\n...')],
    ['.zip', bytes(0x50, 0x4b, 0x03, 0x04, 20, 0)],
    ['.zip', bytes(0x50, 0x4b, 0x05, 0x06, 0)],
    ['.txt', text('plain words\r\n\ttabbed\f')],
    ['.log', text('\u001b[31mERROR\u001b[0m café ✓\n')],
    ['.txt', text('\uFEFFwith a byte order mark')],
    ['.log', text('< 1 ms, <2> points, <http://x.example>')],
  ])('accepts a real %s', (extension, data) => {
    expect(contentProblem(extension, data)).toBeNull();
  });

  it.each([
    ['.png', JPEG, 'its contents are not a PNG file'],
    ['.jpg', PNG, 'its contents are not a JPG file'],
    ['.gif', text('GIF90a'), 'its contents are not a GIF file'],
    ['.pdf', text(' %PDF-1.7'), 'its contents are not a PDF file'],
    ['.zip', text('MZ\u0090\u0000'), 'its contents are not a ZIP file'],
    ['.png', text('<script>alert(1)</script>'), 'its contents are not a PNG file'],
    ['.png', bytes(0x89, 0x50), 'its contents are not a PNG file'],
    ['.txt', bytes(0xff, 0xfe, 0x00, 0x41), 'it is not plain text'],
    ['.txt', text('MZ\u0000\u0000binary'), 'it is not plain text'],
    ['.log', bytes(0xc3, 0x28), 'it is not plain text'],
    [
      '.txt',
      text('<html><script>alert(1)</script>'),
      'it looks like a web page, not plain text',
    ],
    [
      '.txt',
      text('\uFEFF  \n<!DOCTYPE html><p>x'),
      'it looks like a web page, not plain text',
    ],
    [
      '.log',
      text('<SCRIPT>alert(1)</SCRIPT>'),
      'it looks like a web page, not plain text',
    ],
    ['.txt', text('<svg onload=alert(1)>'), 'it looks like a web page, not plain text'],
    [
      '.txt',
      text('<?xml version="1.0"?><x/>'),
      'it looks like a web page, not plain text',
    ],
    ['.txt', text('<!-- hidden -->'), 'it looks like a web page, not plain text'],
    ['.exe', text('MZ'), 'it is not a type of file we accept'],
  ])('refuses a %s that is really something else', (extension, data, problem) => {
    expect(contentProblem(extension, data)).toBe(problem);
  });
});

describe('names handed to WHMCS', () => {
  it.each([
    ['screen shot.png', 'screen shot.png'],
    ['Screen.PNG', 'Screen.png'],
    ['../../etc/passwd.txt', 'passwd.txt'],
    ['C:\\Users\\x\\report.pdf', 'report.pdf'],
    ['shell.php.jpg', 'shell_php.jpg'],
    ['<script>alert(1)</script>.png', 'script.png'],
    ['<img src=x onerror=alert(1)>.png', 'img src_x onerror_alert_1.png'],
    ['Rechnung März.pdf', 'Rechnung M_rz.pdf'],
    ['.png', 'attachment.png'],
    ['日本語.txt', 'attachment.txt'],
    [`${'a'.repeat(300)}.log`, `${'a'.repeat(80)}.log`],
  ])('%j becomes %j', (name, safe) => {
    expect(safeFileName(name)).toBe(safe);
  });
});

describe('checkAttachments', () => {
  it('reads valid files and drops the empty entry of an unused input', async () => {
    const checked = await checkAttachments(
      [
        fileLike('', new Uint8Array(0)),
        fileLike('a.png', PNG),
        fileLike('b.log', text('ok')),
      ],
      TICKET_FILES,
    );

    expect(checked).toEqual({
      ok: true,
      files: [
        { name: 'a.png', data: PNG },
        { name: 'b.log', data: text('ok') },
      ],
    });
  });

  it('counts the bytes itself rather than trusting the size the browser claims', async () => {
    const data = new Uint8Array(MB2 + 10);
    data.set(PNG);

    const checked = await checkAttachments([fileLike('big.png', data, 10)], TICKET_FILES);

    expect(checked).toEqual({
      ok: false,
      problems: ['“big.png” is 2.1 MB; each file may be at most 2 MB.'],
    });
  });

  it('names a long file by its end, not its whole length', async () => {
    const checked = await checkAttachments(
      [fileLike(`${'x'.repeat(200)}-final.png`, text('nope'))],
      TICKET_FILES,
    );

    expect(checked.ok).toBe(false);
    if (!checked.ok) {
      expect(checked.problems).toHaveLength(1);
      expect(checked.problems[0]).toMatch(/^“…x+-final\.png” was refused/);
      expect(checked.problems[0]?.length).toBeLessThan(120);
    }
  });

  it('checks every file, so each refused one is named with its reason', async () => {
    const checked = await checkAttachments(
      [
        fileLike('fake.jpg', text('GIF89a')),
        fileLike('good.png', PNG),
        fileLike('tool.exe', text('MZ')),
        fileLike('binary.log', bytes(0, 1, 2)),
      ],
      TICKET_FILES,
    );

    expect(checked).toEqual({
      ok: false,
      problems: [
        '“fake.jpg” was refused: its contents are not a JPG file.',
        '“tool.exe” is not a type of file we accept. Allowed: .jpg, .jpeg, .png, .gif, .pdf, .txt, .log, .zip.',
        '“binary.log” was refused: it is not plain text.',
      ],
    });
  });
});

describe('the encoding WHMCS takes', () => {
  it('is base64 of a JSON list of {name, data}, data in base64', () => {
    const encoded = encodeAttachments([
      { name: 'a.png', data: PNG },
      { name: 'b.txt', data: text('This is a sample text file contents') },
    ]);

    const list = JSON.parse(Buffer.from(encoded ?? '', 'base64').toString('utf8'));
    expect(list).toEqual([
      { name: 'a.png', data: Buffer.from(PNG).toString('base64') },
      { name: 'b.txt', data: 'VGhpcyBpcyBhIHNhbXBsZSB0ZXh0IGZpbGUgY29udGVudHM=' },
    ]);
  });

  it('leaves the parameter out without files', () => {
    expect(encodeAttachments([])).toBeUndefined();
  });
});

describe('the ticket schemas are strict', () => {
  const open = {
    departmentId: '2',
    priority: 'Low',
    serviceId: '',
    subject: 'Hello',
    message: 'Text',
    attachments: [],
  };
  const reply = { ticketId: '5', message: 'Text', attachments: [] };
  const close = { ticketId: '5' };

  it.each([
    ['open', openInput, open],
    ['reply', replyInput, reply],
    ['close', closeInput, close],
  ] as const)(
    '%s accepts its own fields and refuses any other',
    async (_n, schema, ok) => {
      expect((await schema.safeParseAsync(ok)).success).toBe(true);
      for (const extra of ['clientid', 'userid', 'status', 'adminusername']) {
        const parsed = await schema.safeParseAsync({ ...ok, [extra]: '1' });
        expect(parsed.success).toBe(false);
        expect(parsed.error?.issues[0]).toMatchObject({
          code: 'unrecognized_keys',
          keys: [extra],
        });
      }
    },
  );

  it('checks ids, priority and lengths', async () => {
    const bad = await openInput.safeParseAsync({
      ...open,
      departmentId: '0',
      priority: 'Urgent',
      serviceId: '-1',
      subject: 'x'.repeat(201),
    });

    expect(bad.error?.issues.map((i) => [i.path[0], i.message])).toEqual([
      ['departmentId', 'Choose a department.'],
      ['priority', 'Choose a priority.'],
      ['serviceId', 'Choose a service from the list.'],
      ['subject', 'Keep a subject to 200 characters or fewer.'],
    ]);
  });
});
