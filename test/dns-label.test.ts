import fc from 'fast-check';
import { dnsLabel, labelSteps } from '../src/kubernetes/names';

test('dnsLabel gives what every step gives, for text that is a DNS label already and text that is not', () => {
  const char = fc.constantFrom(...'ab09-Zé. '.split(''));
  fc.assert(
    fc.property(fc.array(char, { maxLength: 80 }), (chars) => {
      const text = chars.join('');
      expect(dnsLabel(text)).toBe(labelSteps(text));
    }),
    { numRuns: 5000 },
  );
  const long = 'a'.repeat(63);
  expect(dnsLabel(long)).toBe(long);
  expect(dnsLabel(`${long}b`)).toBe(labelSteps(`${long}b`));
  expect(dnsLabel(`${long}b`)).toHaveLength(63);
  expect(dnsLabel('rack-01--b')).toBe('rack-01-b');
});
