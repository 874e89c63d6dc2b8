/**
 * How many accounts everyone guarded has together, against `LIMITS.accountsTotal` (the number the
 * browser's redirect rules can always carry: utils/data/limits.ts). The schema refuses a document
 * past it and the reducers refuse a change that would pass it, both from this count.
 */
import { LIMITS } from './limits';

export function accountsTotal(people: readonly { accounts: readonly unknown[] }[]): number {
  return people.reduce((sum, person) => sum + person.accounts.length, 0);
}

/** Whether adding `adding` accounts would take everyone's accounts past the limit. */
export function wouldExceedAccountsTotal(people: readonly { accounts: readonly unknown[] }[], adding: number): boolean {
  return accountsTotal(people) + adding > LIMITS.accountsTotal;
}
