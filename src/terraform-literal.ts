/**
 * User text in Terraform JSON, read literally. Terraform evaluates every string of a
 * `.tf.json` file (and the keys of its objects) as a template: `${...}` interpolates an
 * expression (`${file("/etc/passwd")}`, `${var.token}`) and `%{...}` runs a directive.
 * Doubling the opening character (`$${`, `%%{`) makes Terraform read the characters as they
 * are. The only `${` left alone are cdktf's token markers (`${TfToken[TOKEN.n]}`), the
 * references the library and the user build from constructs (`cluster.id`, a variable's
 * `stringValue`): cdktf replaces them with the real Terraform expression when it resolves.
 */
export function terraformLiteral(text: string): string {
  return text.replace(/\$\{(?!TfToken\[)/g, () => '$${').replace(/%\{/g, () => '%%{');
}

/**
 * Every string (and object key) in `value`, made literal with {@link terraformLiteral}; other
 * values as they are. A value with no text to change is returned as it is, not copied (most
 * of a campus' 19,000 resources).
 */
export function terraformLiteralDeep(value: unknown): unknown {
  return hasTemplateText(value) ? literalCopy(value) : value;
}

/** Whether some string or object key in `value` is changed by {@link terraformLiteral}; allocates nothing for a value without `{`. */
function hasTemplateText(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('{') && terraformLiteral(value) !== value;
  if (Array.isArray(value)) return value.some(hasTemplateText);
  if (isPlainObject(value)) {
    for (const k of Object.keys(value)) if (hasTemplateText(k) || hasTemplateText(value[k])) return true;
  }
  return false;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype;
}

function literalCopy(value: unknown): unknown {
  if (typeof value === 'string') return terraformLiteral(value);
  if (Array.isArray(value)) return value.map(literalCopy);
  if (isPlainObject(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [terraformLiteral(k), literalCopy(v)]));
  }
  return value; // numbers, booleans, null, and cdktf's resolvable objects (resolved later)
}
