/**
 * Accounts in a document from outside (an import, or data stored by an older build) are written
 * the way the options page writes a pasted one: the site adapter's normalised handle
 * (`parseHandleForSite`: case, leading '@', trailing slash), each account once per person. A handle
 * that cannot be normalised is left as it is, so the schema then names it and says why.
 */
import { parseHandleForSite } from '../sites/recognize';
import { isSiteId } from '../sites/site-ids';
import { LIMITS } from './limits';
import { isRecord } from './is-record';


function normalizedAccount(account: unknown): unknown {
  if (!isRecord(account) || typeof account.site !== 'string' || typeof account.handle !== 'string') return account;
  // Past the bound the schema refuses it anyway; no adapter work on megabytes of text.
  if (!isSiteId(account.site) || account.handle.length > LIMITS.handleChars) return account;
  const handle = parseHandleForSite(account.site, account.handle);
  return handle === undefined || handle === account.handle ? account : { ...account, handle };
}

function normalizedAccounts(accounts: readonly unknown[]): unknown[] {
  const seen = new Set<string>();
  const kept: unknown[] = [];
  for (const account of accounts.map(normalizedAccount)) {
    if (isRecord(account) && typeof account.site === 'string' && typeof account.handle === 'string') {
      const key = `${account.site}\n${account.handle}`;
      if (seen.has(key)) continue;
      seen.add(key);
    }
    kept.push(account);
  }
  return kept;
}

/** The document with every person's accounts normalised; the input is never changed. */
export function withNormalizedAccounts(doc: unknown): unknown {
  if (!isRecord(doc) || !Array.isArray(doc.people) || doc.people.length > LIMITS.people) return doc;
  const people = doc.people.map((person: unknown) => {
    if (!isRecord(person) || !Array.isArray(person.accounts) || person.accounts.length > LIMITS.accountsPerPerson * 2) return person;
    return { ...person, accounts: normalizedAccounts(person.accounts) };
  });
  return { ...doc, people };
}
