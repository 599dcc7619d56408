import { defineConfig } from 'vite';
import { demoConfig } from './demoConfig.js';

// FX_API_URL=https://api.fx.demo.wktransportservices.com points the demo at a real FreightExchange
// host through the dev server's proxy. FX_DEMO_TOKEN_LIFETIME sets the mock's token lifetime (s).
export default defineConfig(
  demoConfig({
    apiUrl: process.env.FX_API_URL,
    tokenLifetime: Number(process.env.FX_DEMO_TOKEN_LIFETIME || 30),
  }),
);
