import { describe, expect, it } from 'vitest';
import { API } from '../../shared/api.js';
import { API_METHODS, isApiMethod } from '../../shared/api-methods.js';

// The compiler checks one direction only (`satisfies Record<ApiMethod, …>` in shared/api.ts): an
// entry spread in from REPORT_API, IMPORT_API or EXPORT_API that API_METHODS lacks still compiles,
// and then neither the preload nor the host lets the renderer call it.
describe('the API contract', () => {
  it('names each method once', () => {
    expect(API_METHODS.filter((method, i) => API_METHODS.indexOf(method) !== i)).toEqual([]);
  });

  it('has schemas for every method the transports let through', () => {
    expect(API_METHODS.filter((method) => !Object.hasOwn(API, method))).toEqual([]);
  });

  it('lets the transports through every method that has schemas', () => {
    expect(Object.keys(API).filter((method) => !isApiMethod(method))).toEqual([]);
  });

  it('is the same set of names both ways', () => {
    expect(Object.keys(API).sort()).toEqual([...API_METHODS].sort());
  });

  it('gives every method an input and an output schema', () => {
    for (const [method, { input, output }] of Object.entries(API)) {
      expect(typeof input.safeParse, method).toBe('function');
      expect(typeof output.safeParse, method).toBe('function');
    }
  });
});
