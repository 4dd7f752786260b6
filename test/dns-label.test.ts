import { createHash } from 'crypto';
import fc from 'fast-check';
import { dnsLabel } from '../src/kubernetes/names';

/** dnsLabel before its shortcut for text that already is a DNS label: every step, always. */
function reference(text: string): string {
  let s = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (s.length === 0) s = 'x';
  if (s.length > 63) {
    const hash = createHash('sha256').update(text).digest('hex').slice(0, 8);
    s = `${s.slice(0, 54).replace(/-+$/, '')}-${hash}`;
  }
  return s;
}

test('dnsLabel gives what every step gives, for text that is a DNS label already and text that is not', () => {
  const char = fc.constantFrom(...'ab09-Zé. '.split(''));
  fc.assert(
    fc.property(fc.array(char, { maxLength: 80 }), (chars) => {
      const text = chars.join('');
      expect(dnsLabel(text)).toBe(reference(text));
    }),
    { numRuns: 5000 },
  );
  const long = 'a'.repeat(63);
  expect(dnsLabel(long)).toBe(long);
  expect(dnsLabel(`${long}b`)).toBe(reference(`${long}b`));
  expect(dnsLabel(`${long}b`)).toHaveLength(63);
  expect(dnsLabel('rack-01--b')).toBe('rack-01-b');
});
