globalThis[Symbol.for('no-contact-guard.feed-hiding')] = true;
