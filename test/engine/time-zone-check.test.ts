// checkTimeZoneName keeps its answers by the exact name: a name in another case is a name
// of its own, checked and answered on its own, whichever was asked first.

import { describe, it, expect } from 'vitest';
import { checkTimeZoneName } from '../../src/engine/index.js';

describe('checkTimeZoneName, answered once per exact name', () => {
  it('a wrong-case name after the right one is still refused with its suggestion, and the other way round', () => {
    expect(checkTimeZoneName('Europe/Berlin')).toEqual({ ok: true });
    expect(checkTimeZoneName('europe/berlin')).toEqual({ ok: false, unknown: false, suggestion: 'Europe/Berlin' });
    expect(checkTimeZoneName('america/chicago')).toEqual({ ok: false, unknown: false, suggestion: 'America/Chicago' });
    expect(checkTimeZoneName('America/Chicago')).toEqual({ ok: true });
  });

  it('an unknown name, asked twice, is unknown both times; asking again gives the same answer', () => {
    expect(checkTimeZoneName('Mars/Olympus')).toEqual({ ok: false, unknown: true });
    expect(checkTimeZoneName('Mars/Olympus')).toEqual({ ok: false, unknown: true });
    expect(checkTimeZoneName('Europe/Berlin')).toBe(checkTimeZoneName('Europe/Berlin'));
  });
});
