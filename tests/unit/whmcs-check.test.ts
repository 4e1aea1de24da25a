import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDir, type CheckReport } from '@/lib/whmcs/check';
import { exampleText } from '../support/whmcs-examples';

const envelope = (
  action: string,
  httpStatus: number,
  body: unknown,
  contentType?: string,
) =>
  JSON.stringify({
    request: { form: { action } },
    response: { httpStatus, contentType, body },
  });

const FILES: Record<string, string> = {
  'GetInvoice.json': exampleText('GetInvoice.json'),
  'GetInvoice.unpaid.json': exampleText('GetInvoice.json'),
  'GetUsers.semicolon.json': 'result=error;message=Invalid IP 198.51.100.23',
  'GetRegistrars.json': '[]',
  'a-ip.json': envelope('GetInvoice', 403, {
    result: 'error',
    message: 'Invalid IP 203.0.113.7',
  }),
  'b-html.json': envelope('GetTickets', 200, '<!DOCTYPE html><p>Down</p>', 'text/html'),
  'c-missing.json': envelope('GetTicket', 200, {
    result: 'error',
    message: 'Ticket ID not found',
  }),
  'd-refused.json': envelope('GetInvoices', 200, {
    result: 'error',
    message: 'Nothing to Update',
  }),
  'e-invalid.json': envelope('GetInvoice', 200, { result: 'success', invoiceid: 1 }),
  'f-outage.json': envelope(
    'GetClientsDetails',
    503,
    'Service Unavailable',
    'text/plain',
  ),
  'g-string.json': envelope('GetSupportDepartments', 200, '{"result":"success"}'),
  'notes.txt': 'not an answer',
};

let dir = '';
let report: CheckReport;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'whmcs-check-'));
  for (const [name, text] of Object.entries(FILES))
    writeFileSync(path.join(dir, name), text);
  report = await checkDir(dir);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('checkDir', () => {
  it('prints one line per *.json file in sorted order, then a summary', () => {
    expect(report.lines).toEqual([
      'GetInvoice.json: GetInvoice success',
      'GetInvoice.unpaid.json: GetInvoice success',
      'GetRegistrars.json: GetRegistrars success',
      'GetUsers.semicolon.json: GetUsers error:unavailable not json (name=value text)',
      'a-ip.json: GetInvoice error:misconfigured Invalid IP 203.0.113.7',
      'b-html.json: GetTickets error:unavailable html page',
      'c-missing.json: GetTicket error:not_found Ticket ID not found',
      'd-refused.json: GetInvoices error:refused Nothing to Update',
      expect.stringMatching(/^e-invalid\.json: GetInvoice error:invalid schema: /),
      'f-outage.json: GetClientsDetails error:unavailable http 503',
      'g-string.json: GetSupportDepartments success',
    ]);
    expect(report.summary).toBe('11 files: 4 success, 7 error');
  });

  it('rejects a directory that cannot be read', async () => {
    await expect(checkDir(path.join(dir, 'missing'))).rejects.toThrow(/ENOENT/);
  });
});

describe('npm run whmcs:check', () => {
  const run = promisify(execFile);
  const script = async (target: string) =>
    run(
      'node_modules/.bin/tsx',
      ['--conditions=react-server', 'scripts/whmcs-check.ts', target],
      {
        env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
      },
    ).then(
      ({ stdout }) => ({ code: 0, stdout }),
      (e: { code: number; stdout: string }) => ({ code: e.code, stdout: e.stdout }),
    );

  it('reports the official examples of the portal actions as success', async () => {
    const { code, stdout } = await script('tests/fixtures/whmcs-examples');

    expect(code).toBe(0);
    expect(stdout).toContain('GetInvoice.json: GetInvoice success\n');
    expect(stdout).toContain('GetTicket.json: GetTicket success\n');
    expect(stdout).toMatch(/^GetClientsDomains\.json: GetClientsDomains error:invalid /m);
    expect(stdout).toMatch(/^162 files: 160 success, 2 error$/m);
  });

  it('reports the re-nested GetClientsDomains example as success', async () => {
    const { stdout } = await script('tests/fixtures/whmcs-examples/derived');

    expect(stdout).toContain('GetClientsDomains.json: GetClientsDomains success\n');
  });

  it('exits with 2 when the directory cannot be read', async () => {
    expect((await script(path.join(dir, 'missing'))).code).toBe(2);
  });
});
