import {embeddedStoreWith} from './store-scale';
const t0 = Date.now();
const dir = await embeddedStoreWith(Number(process.argv[2]));
console.log(dir, 'filled in', Date.now() - t0, 'ms');
