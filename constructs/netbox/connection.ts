import { IConstruct } from 'constructs';
import { TerraformStack, TerraformVariable } from 'cdktf';
import { NetboxProvider } from '../../generated/netbox/provider';
import { DesignError } from '../../src/errors';

/** How Terraform reaches NetBox. Credentials never appear in the output. */
export interface NetboxConnectionProps {
  /**
   * URL of the NetBox server, with its scheme (`https://netbox.example.com`).
   * @default - none written: the provider reads `NETBOX_SERVER_URL`
   */
  readonly serverUrl?: string;
  /**
   * Where the provider takes its API token from: `'environment'` (`NETBOX_API_TOKEN`, read
   * by the provider), or `'variable'` (a Terraform variable `netbox_api_token`, marked
   * sensitive, to set with `TF_VAR_netbox_api_token` or a `.tfvars` file).
   * @default 'environment'
   */
  readonly apiToken?: 'environment' | 'variable';
}

/** The Terraform variable holding the API token under `apiToken: 'variable'`. */
export const API_TOKEN_VARIABLE = 'netbox_api_token';

const providers = new WeakMap<TerraformStack, { provider: NetboxProvider; config: string }>();

/**
 * The NetBox provider of the stack holding `scope`: created on first use, shared by every
 * inventory in the stack. A second connection that differs from the first is refused (a
 * stack holds one default provider configuration).
 */
export function netboxProvider(scope: IConstruct, props: NetboxConnectionProps): NetboxProvider {
  const path = scope.node.path;
  const apiToken = props.apiToken ?? 'environment';
  if (apiToken !== 'environment' && apiToken !== 'variable') {
    throw new DesignError(path, `apiToken must be 'environment' or 'variable', got '${String(apiToken)}'`);
  }
  if (props.serverUrl !== undefined) checkUrl(path, props.serverUrl);
  const config = JSON.stringify({ serverUrl: props.serverUrl ?? null, apiToken });
  const stack = TerraformStack.of(scope);
  const existing = providers.get(stack);
  if (existing) {
    if (existing.config !== config) {
      throw new DesignError(
        path,
        `stack ${stack.node.path} already has a NetBox provider with another connection (${existing.config})`,
      );
    }
    return existing.provider;
  }
  const token =
    apiToken === 'variable'
      ? new TerraformVariable(stack, API_TOKEN_VARIABLE, {
          type: 'string',
          sensitive: true,
          description: 'NetBox API token (set TF_VAR_netbox_api_token; never committed)',
        }).stringValue
      : undefined;
  const provider = new NetboxProvider(stack, 'netbox-provider', {
    ...(props.serverUrl === undefined ? {} : { serverUrl: props.serverUrl }),
    ...(token === undefined ? {} : { apiToken: token }),
  });
  providers.set(stack, { provider, config });
  return provider;
}

function checkUrl(path: string, url: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new DesignError(path, `serverUrl must be a URL such as 'https://netbox.example.com', got '${url}'`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new DesignError(path, `serverUrl must use http or https, got '${parsed.protocol}'`);
  }
  if (parsed.username || parsed.password || parsed.search) {
    throw new DesignError(
      path,
      'serverUrl must not carry credentials or a query: the token comes from NETBOX_API_TOKEN or a sensitive variable',
    );
  }
}
