/**
 * zod/mini for the modules that run in every guarded page (the guard core, the typed-ahead and
 * retry checks): the classic build would add about 20 KB gzip there. Configured once, like
 * utils/data/zod-config.ts for classic zod: no `new Function('')` probe under the page's CSP.
 */
import { z } from 'zod/mini';

z.config({ jitless: true });

export { z };
