import {externalTransmissionRoute} from '@/components/consent/ExternalTransmissionPage';
import {cookieRegistry} from '@/lib/consent/site-registry';

const route = externalTransmissionRoute(cookieRegistry, '/external-transmission');
export const dynamicParams = false;
export const generateStaticParams = route.generateStaticParams;
export const generateMetadata = route.generateMetadata;
export default route.Page;
