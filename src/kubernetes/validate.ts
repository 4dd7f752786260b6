import { DesignError } from '../errors';

/**
 * Checks of user text that becomes a Kubernetes object name, namespace, label key or label
 * value, at construction, with the construct path and the prop in the error. What passes
 * cannot carry Helm template delimiters, YAML syntax, path separators or line breaks.
 */

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const LABEL_NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;

/** The value as it appears in an error: quoted, escaped, at most 80 characters. */
export function shown(value: unknown): string {
  if (typeof value !== 'string') return String(value);
  const s = JSON.stringify(value.length > 80 ? `${value.slice(0, 77)}...` : value);
  return s;
}

/** A DNS-1123 label (RFC 1123): at most 63 characters of a-z, 0-9 and '-', alphanumeric at both ends. Namespaces, cluster and queue names. */
export function dnsLabelName(path: string, prop: string, value: unknown): string {
  if (typeof value !== 'string' || value.length > 63 || !DNS_LABEL.test(value)) {
    throw new DesignError(
      path,
      `${prop} must be a DNS-1123 label (at most 63 characters of a-z, 0-9 and '-', starting and ending with a letter or digit), got ${shown(value)}`,
    );
  }
  return value;
}

/** A Kubernetes label key: an optional DNS-1123 subdomain prefix (at most 253) and '/', then a name of at most 63 characters. */
export function labelKey(path: string, prop: string, value: unknown): string {
  const fail = () =>
    new DesignError(
      path,
      `${prop} must be a Kubernetes label key ([prefix/]name: the prefix a DNS-1123 subdomain, the name at most 63 characters of letters, digits, '-', '_' and '.'), got ${shown(value)}`,
    );
  if (typeof value !== 'string') throw fail();
  const slash = value.indexOf('/');
  const prefix = slash < 0 ? undefined : value.slice(0, slash);
  const name = slash < 0 ? value : value.slice(slash + 1);
  if (prefix !== undefined && (prefix.length > 253 || !DNS_SUBDOMAIN.test(prefix))) throw fail();
  if (name.length > 63 || !LABEL_NAME.test(name)) throw fail();
  return value;
}

/** A Kubernetes label value: empty, or at most 63 characters of letters, digits, '-', '_' and '.', alphanumeric at both ends. */
export function labelValue(path: string, prop: string, value: unknown): string {
  if (typeof value !== 'string' || (value !== '' && (value.length > 63 || !LABEL_NAME.test(value)))) {
    throw new DesignError(
      path,
      `${prop} must be a Kubernetes label value (empty, or at most 63 characters of letters, digits, '-', '_' and '.', starting and ending with a letter or digit), got ${shown(value)}`,
    );
  }
  return value;
}

const REPO_URL =
  /^(?:(?:https?|ssh|git|file):\/\/[^\s"'{}<>\\]+|[A-Za-z0-9._-]+@[A-Za-z0-9.-]+:[^\s"'{}<>\\]+)$/;
/** A password in any URL's user info, or any user info in an http(s) URL (a token given as the user name). */
const CREDENTIALS = /^[a-z]+:\/\/[^/@]*:[^/@]*@|^https?:\/\/[^/@]+@/;
const GIT_REF = /^(?!\/)(?!.*\/\/)(?!.*\.\.)(?!.*\/$)(?!.*\.lock$)[A-Za-z0-9._/-]+$/;
const REPO_PATH = /^(?!\/)[A-Za-z0-9._-]+(?:\/[A-Za-z0-9._-]+)*$/;

/**
 * Where Argo CD and Flux fetch a GitOps-delivered cluster from: a repository URL (`https://`,
 * `ssh://`, `git://`, `file://` or `user@host:path`), a Git branch or tag name, and a relative path
 * inside the repository without `.` or `..` segments. Anything else would only fail when the
 * controller syncs.
 */
export function gitopsSource(
  path: string,
  source: { readonly repoUrl: string; readonly targetRevision: string; readonly path?: string },
): void {
  if (source.repoUrl.length > 2048 || !REPO_URL.test(source.repoUrl)) {
    throw new DesignError(
      path,
      `delivery repoUrl must be a Git repository URL (https://, ssh://, git://, file:// or user@host:path, no spaces or quotes), got ${shown(source.repoUrl)}`,
    );
  }
  if (CREDENTIALS.test(source.repoUrl)) {
    // Not shown: the message would print the secret.
    throw new DesignError(
      path,
      'delivery repoUrl must not carry credentials (a password, or a token as the user of an http(s) URL): they would be written into the GitOps tree users commit; give Argo CD and Flux a repository secret',
    );
  }
  if (source.targetRevision.length > 255 || !GIT_REF.test(source.targetRevision)) {
    throw new DesignError(
      path,
      `delivery targetRevision must be a Git branch or tag name (letters, digits, '.', '_', '-' and '/', no '..'), got ${shown(source.targetRevision)}`,
    );
  }
  const p = source.path;
  if (
    p !== undefined &&
    (p.length > 1024 || !REPO_PATH.test(p) || p.split('/').some((s) => s === '.' || s === '..'))
  ) {
    throw new DesignError(
      path,
      `delivery path must be a relative path in the repository without '.' or '..' segments, got ${shown(p)}`,
    );
  }
}
