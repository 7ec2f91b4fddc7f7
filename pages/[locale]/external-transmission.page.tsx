import {externalTransmissionRoute} from '@/components/consent/ExternalTransmissionPage';
import {cookieRegistry} from '@/lib/consent/site-registry';
export {default} from '@/components/page/StaticPage';

// Prerendered per locale from the registry, no framework runtime.
export const config = {runtime: 'nodejs', unstable_runtimeJS: false};
const route = externalTransmissionRoute(cookieRegistry, '/external-transmission');
export const getStaticPaths = route.getStaticPaths;
export const getStaticProps = route.getStaticProps;
