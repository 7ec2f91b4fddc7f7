import type {NextConfig} from 'next';

// Built by `npm run bench` into bench/floor/.next-floor: the floor's own build folder.
const config: NextConfig = {distDir: '.next-floor', poweredByHeader: false};

export default config;
