import {versionRoute} from '@/components/policy/routes';
import {SITE_POLICY} from '@/lib/policy/sources';
export {default} from '@/components/page/StaticPage';

// Prerendered per locale and epoch, no framework runtime; lib/pages/plan.ts picks the epoch in force.
export const config = {runtime: 'nodejs', unstable_runtimeJS: false};
const route = versionRoute(SITE_POLICY);
export const getStaticPaths = route.getStaticPaths;
export const getStaticProps = route.getStaticProps;
