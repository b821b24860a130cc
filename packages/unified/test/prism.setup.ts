import { allMocksSetup } from '@parley/testkit/prism';

// Every registered vendor's mock on an ephemeral loopback port, as inject('prismUrls').
export default allMocksSetup;
