import {versionRoute} from '@/components/policy/routes';
import {SITE_POLICY} from '@/lib/policy/sources';

// Prerendered per locale and epoch; the proxy serves the epoch in force (see components/policy/routes.tsx).
const route = versionRoute(SITE_POLICY);
export const dynamicParams = false;
export const generateStaticParams = route.generateStaticParams;
export const generateMetadata = route.generateMetadata;
export default route.Page;
