/// <reference types="vite/client" />
/** The API path the "call the protected API" button requests (set by demoConfig.ts). */
declare const __FX_PROTECTED_PATH__: string;
/** What the demo talks to, for the page's footer (set by demoConfig.ts). */
declare const __FX_TARGET__: string;
