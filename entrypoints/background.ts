/**
 * Wiring only: the one store (the only writer), the message router, and keeping the content
 * script registration and redirect rules in step with what is stored.
 */
import { defineBackground } from 'wxt/utils/define-background';
import { startBackground } from '../utils/background/start-background';

export default defineBackground(() => {
  startBackground();
});
