/**
 * Imported first by every module that uses zod. zod 4 probes `new Function('')` on the first
 * object parse unless jitless is set; under the extension CSP that probe is a violation.
 */
import { z } from 'zod';

z.config({ jitless: true });
