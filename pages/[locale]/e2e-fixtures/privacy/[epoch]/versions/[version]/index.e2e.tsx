import {versionRoute} from '@/components/policy/routes';
import {FIXTURE_POLICY} from '@/components/e2e-fixtures/policy';
export {default} from '@/components/page/StaticPage';

// npm test's build only: the site's policy pages over the fixture history.
export const config = {runtime: 'nodejs', unstable_runtimeJS: false};
const route = versionRoute(FIXTURE_POLICY);
export const getStaticPaths = route.getStaticPaths;
export const getStaticProps = route.getStaticProps;
