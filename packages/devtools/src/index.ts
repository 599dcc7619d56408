'use client';

import { FxAuthDevtools as DevtoolsInDevelopment } from './FxAuthDevtools.js';

export type { DevtoolsPosition, FxAuthDevtoolsProps } from './FxAuthDevtools.js';

// Bundlers replace `process.env.NODE_ENV`: in a production build the panel is `() => null` and its
// code is left out. It must stay written exactly so for them to see it.
declare const process: { env: { NODE_ENV?: string } };

/**
 * The fx-auth devtools panel, in development builds only (`process.env.NODE_ENV ===
 * 'development'`); elsewhere it renders nothing and bundlers drop its code. See
 * `@fx-auth/devtools/production` to show it in any build.
 */
export const FxAuthDevtools: typeof DevtoolsInDevelopment =
  process.env.NODE_ENV === 'development' ? DevtoolsInDevelopment : () => null;
