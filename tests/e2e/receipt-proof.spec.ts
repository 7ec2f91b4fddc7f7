import {spawnSync} from 'node:child_process';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {expect, test, type APIResponse} from '@playwright/test';
import {banner, consentCookie} from './consent-helpers';
import {gotoHydrated} from './helpers';

type Download = {
  receipts: {choices: Record<string, boolean>; log: {leafIndex: number; treeSize: number; checkpoint: string}}[];
};

/** scripts/verify-receipt.mjs on a receipt file and a keys file, as a visitor would run it. */
function verifyOffline(download: unknown, keys: unknown) {
  const dir = mkdtempSync(path.join(tmpdir(), 'heyimg-receipt-proof-'));
  try {
    writeFileSync(path.join(dir, 'receipt.json'), JSON.stringify(download));
    writeFileSync(path.join(dir, 'keys.json'), JSON.stringify(keys));
    return spawnSync(
      process.execPath,
      ['scripts/verify-receipt.mjs', 'receipt.json', 'keys.json'].map((f, i) => (i ? path.join(dir, f) : f)),
      {
        encoding: 'utf8',
      },
    );
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
}

test('a visitor’s fresh receipt carries a proof that verifies offline against the published key', async ({
  page,
  context,
}) => {
  await gotoHydrated(page, '/privacy');
  await banner(page, 'ja').getByRole('button', {name: '同意する'}).click();
  const {record} = (await consentCookie(context))!;
  // The download, as this browser gets it (the proof cookie is HttpOnly: the browser sends it).
  let response!: APIResponse;
  await expect
    .poll(async () => (response = await context.request.get(`/api/consent/receipts/${record.id}`)).status())
    .toBe(200);
  const download = (await response.json()) as Download;
  const [receipt] = download.receipts;
  // Fresh, and covered all the same: a checkpoint was signed for it on demand.
  expect(receipt!.log).toMatchObject({leafIndex: expect.any(Number), keys: '/api/consent/log/keys'});
  expect(receipt!.log.treeSize).toBeGreaterThan(receipt!.log.leafIndex);
  expect(receipt!.log.checkpoint).toMatch(
    /^[^\n]+\/consent-log\n\d+\n[A-Za-z0-9+/]{43}=\ntime [^\n]+\n\n\u2014 \S+ \S+\n$/,
  );

  const keysResponse = await context.request.get('/api/consent/log/keys');
  expect(keysResponse.status()).toBe(200);
  const keys = await keysResponse.json();
  expect(keys.keys[0]).toMatchObject({algorithm: 'Ed25519', verifierKey: expect.stringMatching(/^\S+\+[0-9a-f]{8}\+/)});

  const verified = verifyOffline(download, keys);
  expect(verified.status, verified.stdout + verified.stderr).toBe(0);
  expect(verified.stdout).toContain(`receipt is entry ${receipt!.log.leafIndex} of the signed log`);

  // The same file with one choice changed does not verify.
  const altered = structuredClone(download);
  altered.receipts[0]!.choices.advertising = false;
  const refused = verifyOffline(altered, keys);
  expect(refused.status).toBe(1);
  expect(refused.stdout).toContain('記録の内容がログの署名済みの木に含まれていません');

  // Anyone can monitor the log: its latest checkpoint, and proofs between signed sizes.
  const checkpoint = await context.request.get('/api/consent/log/checkpoint');
  expect(checkpoint.status()).toBe(200);
  expect(await checkpoint.text()).toMatch(/\/consent-log\n\d+\n/);
  const consistency = await context.request.get(`/api/consent/log/consistency?from=0&to=${receipt!.log.treeSize}`);
  expect(await consistency.json()).toEqual({from: 0, to: receipt!.log.treeSize, proof: []});
  expect((await context.request.get('/api/consent/log/consistency?from=5&to=2')).status()).toBe(400);
});
