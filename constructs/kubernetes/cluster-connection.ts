/** How the kubernetes and helm providers reach a cluster. */
export interface ClusterConnection {
  readonly host: string;
  /** Bearer token: a Terraform reference only (a literal is refused, it would be written in clear). */
  readonly token: string;
  /** PEM CA certificate. */
  readonly clusterCaCertificate: string;
}
