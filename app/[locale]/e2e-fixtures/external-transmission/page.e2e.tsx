import {fixtureRegistry} from '@/app/[locale]/e2e-fixtures/consent/registry';
import {externalTransmissionRoute} from '@/components/consent/ExternalTransmissionPage';

// npm test's build only: the 外部送信 page over the fixture registry (one complete third-party entry).
const route = externalTransmissionRoute(fixtureRegistry, '/e2e-fixtures/external-transmission');
export const dynamicParams = false;
export const generateStaticParams = route.generateStaticParams;
export const generateMetadata = route.generateMetadata;
export default route.Page;
