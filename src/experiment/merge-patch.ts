// JSON Merge Patch (RFC 7386): how a compare `variant` changes its scenario. Objects merge
// key by key, `null` deletes a key, anything else (numbers, strings, arrays) replaces.

/**
 * Applies `patch` to `target` exactly as RFC 7386 section 2 defines MergePatch. Neither
 * argument is modified; the result shares the parts the patch does not touch with
 * `target`, so clone it before mutating.
 */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isJsonObject(patch)) return patch;
  const result: Record<string, unknown> = {};
  if (isJsonObject(target)) for (const key of Object.keys(target)) setOwn(result, key, target[key]);
  for (const key of Object.keys(patch)) {
    const value = patch[key];
    if (value === null) delete result[key];
    else setOwn(result, key, mergePatch(Object.hasOwn(result, key) ? result[key] : undefined, value));
  }
  return result;
}

/** A JSON object: a plain map, not an array and not null. */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

// Defines the key as an own property, so that a key named "__proto__" stays data.
function setOwn(object: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  else object[key] = value;
}
