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

/** Every string (and object key) in `value`, made literal with {@link terraformLiteral}; other values as they are. */
export function terraformLiteralDeep(value: unknown): unknown {
  if (typeof value === 'string') return terraformLiteral(value);
  if (Array.isArray(value)) return value.map(terraformLiteralDeep);
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [terraformLiteral(k), terraformLiteralDeep(v)]),
    );
  }
  return value; // numbers, booleans, null, and cdktf's resolvable objects (resolved later)
}
