import {versionListRoute} from '@/components/policy/routes';
import {FIXTURE_POLICY} from '@/app/[locale]/e2e-fixtures/privacy/source';

// npm test's build only: the site's policy pages over the fixture history.
const route = versionListRoute(FIXTURE_POLICY);
export const dynamicParams = false;
export const generateStaticParams = route.generateStaticParams;
export const generateMetadata = route.generateMetadata;
export default route.Page;
