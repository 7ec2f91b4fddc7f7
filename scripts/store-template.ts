// After `next build`: an empty embedded consent store, every migration applied, in the build folder
// (lib/consent/store/template.ts). A server that starts on an empty data folder copies it instead
// of creating a store, which takes seconds (PostgreSQL's initdb).
import {rmSync} from 'node:fs';
import path from 'node:path';
import {openEmbeddedStore} from '../lib/consent/store/embedded';
import {STORE_TEMPLATE} from '../lib/consent/store/template';
import {distDir} from '../lib/security/csp-manifest';

const dir = path.join(process.cwd(), distDir(), STORE_TEMPLATE);
rmSync(dir, {recursive: true, force: true});
const store = await openEmbeddedStore(dir);
await store.close();
// The lock's courtesy note names this build's process: a copy must not carry it.
rmSync(path.join(dir, 'heyimg-store.owner'), {force: true});
console.log(`Consent store template: ${dir}`);
