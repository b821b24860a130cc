import { vendorMockSetup } from '@parley/testkit/prism';

// Each run serves specs/nexudus/openapi.yaml with Prism and provides its URL as inject('prismUrl').
export default vendorMockSetup('nexudus');
