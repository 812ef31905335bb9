// npm start
import { loadConfig } from './platform/config.js';
import { start } from './server.js';

await start(loadConfig());
