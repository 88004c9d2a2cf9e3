// `npm start`: the Probot server. Probot reads APP_ID, PRIVATE_KEY or
// PRIVATE_KEY_PATH, WEBHOOK_SECRET, GHE_HOST / GHE_PROTOCOL, HOST and PORT
// from the environment (or .env); without APP_ID it starts the registration
// flow from app.yml.
import { run } from 'probot';
import app from './index.js';

await run(app);
