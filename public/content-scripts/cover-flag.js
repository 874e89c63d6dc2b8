globalThis[Symbol.for('no-contact-guard.cover')] = true;
