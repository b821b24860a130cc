import { vendorMockSetup } from '@parley/testkit/prism';

// Each run serves specs/__id__/openapi.yaml with Prism and provides its URL as inject('prismUrl').
export default vendorMockSetup('__id__');
