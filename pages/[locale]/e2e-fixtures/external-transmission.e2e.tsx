import {externalTransmissionRoute} from '@/components/consent/ExternalTransmissionPage';
import {fixtureRegistry} from '@/components/e2e-fixtures/registry';
export {default} from '@/components/page/StaticPage';

// npm test's build only: the 外部送信 page over the fixture registry (one complete third-party entry).
export const config = {runtime: 'nodejs', unstable_runtimeJS: false};
const route = externalTransmissionRoute(fixtureRegistry, '/e2e-fixtures/external-transmission');
export const getStaticPaths = route.getStaticPaths;
export const getStaticProps = route.getStaticProps;
