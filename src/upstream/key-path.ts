/**
 * Appends an object key to a dotted key path: `driver` + `version` gives `driver.version`. A key that
 * would make the path ambiguous (it holds a dot, bracket, quote or space, such as `kubernetes.io/os`)
 * is written in brackets as a JSON string: `operator.nodeSelector["kubernetes.io/os"]`.
 */
export function appendKey(path: string, key: string): string {
  if (/[.[\]"\s]/.test(key) || key === '') return `${path}[${JSON.stringify(key)}]`;
  return path === '' ? key : `${path}.${key}`;
}

/** Appends an array index to a key path: `tolerations` + 0 gives `tolerations[0]`. */
export function appendIndex(path: string, index: number): string {
  return `${path}[${index}]`;
}

/** True for a plain (non-array, non-null) object, the shape of a YAML map. */
export function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
