/**
 * Names a whole catalogue key ("validation.nameRequired") where it is stored rather than
 * translated on the spot: in a zod schema, a table of reasons, a value sent to the browser.
 * It returns the key unchanged; lib/i18n/catalogue.test.ts reads these calls to know the key
 * is used and exists. Browser-safe.
 */
export function messageKey<const K extends string>(key: K): K {
  return key;
}
