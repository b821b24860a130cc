import { prismGlobalSetup } from '@parley/mocks';

declare module 'vitest' {
  export interface ProvidedContext {
    prismUrl: string;
  }
}

export default prismGlobalSetup(new URL('../../../specs/nexudus/openapi.yaml', import.meta.url));
