import { IConstruct } from 'constructs';
import { RackSystem } from '../catalog/rack-systems';
import { DesignError } from '../errors';
import { Plant } from '../model/plant';
import { enclosing, GpuClusterRecord, isModelKind, MODEL, modelOf } from '../model/records';
import { isCloudModelled } from '../model/cloud-records';
import { OPERATOR_CHARTS, OperatorKind, OperatorSettings } from '../model/operator-records';
import { scalewayZone } from '../catalog/scaleway-locations';
import { CampusModel, campusModel, Placement, readCampuses, workerTenants } from './campus';
import { ClusterModel, ClusterNode, Flavor, NodeGroup, OperatorModel, TenantModel } from './cluster-model';
import { PINNED_CHARTS } from '../upstream/chart-versions';
import { groupKind, prerequisiteKinds } from './crd-owners';
import { dnsLabel, KUBELET_LABELS, LABELS } from './names';
import { mergeValues } from './objects';
import { draDriver } from './operators/dra-driver';
import { gpuOperator } from './operators/gpu-operator';
import { kueue } from './operators/kueue';
import { networkOperator } from './operators/network-operator';
import type { OperatorBuilder, OperatorContext, OperatorOutput } from './operators/operator';
import { slurm } from './operators/slurm';

/** The Kubernetes GPU platform of an app: its clusters, read from the construct tree and the physical model. */
export interface Platform {
  readonly clusters: readonly ClusterModel[];
  /** Campus queues: a manager cluster dispatching to worker clusters (MultiKueue). */
  readonly campuses: readonly CampusModel[];
}

const KIND_ORDER: readonly OperatorKind[] = [
  'gpu-operator',
  'network-operator',
  'dra-driver',
  'kueue',
  'slurm',
];

/** What derives each operator kind's values and custom resources (its chart: `OPERATOR_CHARTS`). */
const BUILDERS: { readonly [K in OperatorKind]: OperatorBuilder<K> } = {
  'gpu-operator': gpuOperator,
  'network-operator': networkOperator,
  'dra-driver': draDriver,
  kueue,
  slurm,
};

/** Runs the builder of an operator's kind on its settings. */
function buildOperator<K extends OperatorKind>(
  kind: K,
  settings: OperatorSettings[K],
  ctx: Omit<OperatorContext, 'settings'>,
): OperatorOutput {
  const build: OperatorBuilder<K> = BUILDERS[kind];
  return build({ ...ctx, settings });
}

/** Reads every GPU cluster under `root`, with its nodes from the racks it covers. */
export function buildPlatform(root: IConstruct, plant: Plant): Platform {
  const rackByPath = new Map<string, number>();
  for (const n of plant.nodes) if (n.rack) rackByPath.set(n.path, n.index);
  const clusterConstructs = root.node.findAll().filter((c) => isModelKind(c, 'gpu-cluster'));
  clusterConstructs.sort((a, b) => (a.node.path < b.node.path ? -1 : 1));

  const names = new Map<string, string>();
  for (const c of clusterConstructs) {
    const name = dnsLabel(clusterRecord(c).name);
    const other = names.get(name);
    if (other) throw new DesignError(c.node.path, `cluster name '${name}' is already used by ${other}`);
    names.set(name, c.node.path);
  }

  // Countries of each cluster, read once (residency placement asks per tenant and worker).
  const countries = new Map<string, string[]>();
  const countriesOf = (c: IConstruct): string[] => {
    const rec = modelOf(c, 'gpu-cluster');
    if (!rec) throw new DesignError(c.node.path, 'a campus queue worker must be a GpuCluster');
    let found = countries.get(c.node.path);
    if (!found) {
      found = clusterCountries(rec, plant, rackByPath);
      countries.set(c.node.path, found);
    }
    return found;
  };

  // Campus queues: workers first (they take the campus tenants' quotas), then each manager.
  const inputs = readCampuses(root, countriesOf);
  const managers = new Map(inputs.map((i) => [i.record.manager.node.path, i]));
  const placements = new Map<string, Placement[]>();
  for (const i of inputs) {
    if (!modelOf(i.record.manager, 'gpu-cluster')) {
      throw new DesignError(i.path, `manager ${i.record.manager.node.path} is not a GpuCluster`);
    }
    for (const [p, list] of i.placements) placements.set(p, [...(placements.get(p) ?? []), ...list]);
  }
  const built = new Map<string, ClusterModel>();
  const build = (c: IConstruct, campus?: CampusModel) => {
    const path = c.node.path;
    const rec = clusterRecord(c);
    built.set(
      path,
      buildCluster(
        c,
        path,
        dnsLabel(rec.name),
        rec,
        plant,
        rackByPath,
        placements.get(path) ?? [],
        campus,
        countriesOf(c),
      ),
    );
  };
  for (const c of clusterConstructs) if (!managers.has(c.node.path)) build(c);
  const campuses = inputs.map((i) => {
    for (const w of i.record.workers) {
      if (managers.has(w.cluster.node.path)) {
        throw new DesignError(
          i.path,
          `${w.cluster.node.path} manages a campus queue and cannot also be a worker`,
        );
      }
    }
    const manager = {
      path: i.record.manager.node.path,
      name: dnsLabel(clusterRecord(i.record.manager).name),
    };
    return campusModel(i, manager, built);
  });
  for (const c of clusterConstructs) {
    const campus = campuses.find((x) => x.managerPath === c.node.path);
    if (campus) build(c, campus);
  }
  return { clusters: clusterConstructs.map((c) => built.get(c.node.path)!), campuses };
}

/** The countries a cluster's racks (their sites) and cloud pools (their zones) lie in, sorted. */
function clusterCountries(rec: GpuClusterRecord, plant: Plant, rackByPath: Map<string, number>): string[] {
  const countries = new Set<string>();
  for (const scope of rec.scopes) {
    for (const x of scope.node.findAll()) {
      const i = isModelKind(x, 'rack') ? rackByPath.get(x.node.path) : undefined;
      if (i !== undefined) countries.add(plant.sites[plant.nodes[i].site].country);
      else if (isCloudModelled(x)) {
        const r = x[MODEL]();
        if (r.kind === 'cloud-pool') countries.add(scalewayZone(r.zone, x.node.path).country);
      }
    }
  }
  return [...countries].sort();
}

/** The record of a construct known to be a GPU cluster. */
function clusterRecord(c: IConstruct): GpuClusterRecord {
  const rec = modelOf(c, 'gpu-cluster');
  if (!rec) throw new DesignError(c.node.path, 'not a GpuCluster');
  return rec;
}

function buildCluster(
  c: IConstruct,
  path: string,
  name: string,
  rec: GpuClusterRecord,
  plant: Plant,
  rackByPath: Map<string, number>,
  placements: readonly Placement[],
  campus: CampusModel | undefined,
  countries: readonly string[],
): ClusterModel {
  // Racks: every rack under the cluster's scopes, in plant order.
  const racks = new Set<number>();
  for (const scope of rec.scopes) {
    for (const x of scope.node.findAll()) {
      const i = isModelKind(x, 'rack') ? rackByPath.get(x.node.path) : undefined;
      if (i !== undefined) racks.add(i);
    }
  }
  const rackList = [...racks].sort((a, b) => a - b);

  // Cloud node pools (Kapsule) under the scopes, and whether their provider installs the GPU Operator.
  const nodeGroups: NodeGroup[] = [];
  const cloudClusters = new Set<string>();
  let managedGpuOperator = rec.managedGpuOperator;
  for (const scope of rec.scopes) {
    for (const x of scope.node.findAll()) {
      if (!isCloudModelled(x)) continue;
      const r = x[MODEL]();
      if (r.kind === 'cloud-cluster') cloudClusters.add(x.node.path);
      if (r.kind === 'cloud-cluster' && r.managedGpuOperator) managedGpuOperator = true;
      if (r.kind !== 'cloud-pool') continue;
      nodeGroups.push({
        path: x.node.path,
        name: r.name,
        system: dnsLabel(r.nodeType.id),
        gpusPerNode: r.nodeType.spec.gpus,
        maxNodes: r.autoscaling?.max ?? r.size,
        labels: r.labels,
      });
    }
  }
  nodeGroups.sort((a, b) => (a.path < b.path ? -1 : 1));

  const rackLabels = new Map<number, string>();
  const rackLabel = (i: number): string => {
    let l = rackLabels.get(i);
    if (!l) {
      const n = plant.nodes[i];
      l = dnsLabel(`${siteId(plant, n.site)}-${n.rack!.name}`);
      rackLabels.set(i, l);
    }
    return l;
  };

  const nodes: ClusterNode[] = [];
  const rackByLabel = new Map<string, number>();
  const gpusBySystem: Record<string, number> = {};
  const systems: RackSystem[] = [];
  const flavors: Flavor[] = [];
  const addFlavor = (name: string) => {
    if (!flavors.some((f) => f.name === name)) flavors.push({ name, nodeLabels: { [LABELS.system]: name } });
  };
  for (const i of rackList) {
    const n = plant.nodes[i];
    const spec = n.rack!.system.spec;
    if (!systems.includes(n.rack!.system)) systems.push(n.rack!.system);
    addFlavor(spec.id);
    gpusBySystem[spec.id] = (gpusBySystem[spec.id] ?? 0) + spec.gpus;
    const hall = plant.halls[n.rack!.hall];
    const site = siteId(plant, n.site);
    const sitePath = plant.sites[n.site].path;
    const below = (p: string) => p.slice(sitePath.length + 1).replace(/\//g, '-');
    const rackDir = n.path.slice(0, n.path.lastIndexOf('/'));
    const pod = rackDir === hall.path ? below(hall.path) : below(rackDir);
    const rl = rackLabel(i);
    const other = rackByLabel.get(rl);
    if (other !== undefined) {
      throw new DesignError(
        n.path,
        `rack name '${n.rack!.name}' gives the same Kubernetes name '${rl}' as ${plant.nodes[other].path}; rename one of them`,
      );
    }
    rackByLabel.set(rl, i);
    // The same for every node of the rack.
    const siteLabel = dnsLabel(site);
    const hallLabel = dnsLabel(`${site}-${below(hall.path)}`);
    const podLabel = dnsLabel(`${site}-${pod}`);
    for (let k = 1; k <= spec.computeNodes; k++) {
      // A label value too (kubernetes.io/hostname, the NVLink domain of HGX nodes): at most 63 characters.
      const nodeName = dnsLabel(`${rl}-n${String(k).padStart(2, '0')}`);
      nodes.push({
        name: nodeName,
        rack: i,
        labels: {
          [LABELS.site]: siteLabel,
          [LABELS.hall]: hallLabel,
          [LABELS.pod]: podLabel,
          [LABELS.rack]: rl,
          [LABELS.nvlinkDomain]: n.rack!.system.multiNodeNvlink ? rl : nodeName,
          [LABELS.system]: spec.id,
        },
        kubeletLabels: { [KUBELET_LABELS.hostname]: nodeName, [KUBELET_LABELS.arch]: spec.nodeArch },
      });
    }
  }

  // Operators and tenants declared below the cluster construct.
  for (const g of nodeGroups) {
    addFlavor(g.system);
    gpusBySystem[g.system] = (gpusBySystem[g.system] ?? 0) + g.maxNodes * g.gpusPerNode;
  }

  // Canonical order (kind, then path), whatever the order the app declared them in.
  const operatorRecords = c.node
    .findAll()
    .flatMap((x) => {
      const record = x !== c ? modelOf(x, 'k8s-operator') : undefined;
      return record ? [{ path: x.node.path, record }] : [];
    })
    .sort((a, b) => {
      const ka = KIND_ORDER.indexOf(a.record.operator);
      const kb = KIND_ORDER.indexOf(b.record.operator);
      return ka - kb || (a.path < b.path ? -1 : 1);
    });
  const kinds = operatorRecords.map((o) => o.record.operator);
  const tenants: TenantModel[] = c.node
    .findAll()
    .flatMap((x) => {
      const t = modelOf(x, 'tenant');
      return t ? [{ x, t }] : [];
    })
    .map(({ x, t }) => {
      if (flavors.length > 1) {
        throw new DesignError(
          x.node.path,
          `the cluster holds nodes of ${flavors.map((f) => f.name).join(', ')}; a tenant quota needs a single kind of GPU node per cluster`,
        );
      }
      if (!enclosing(x, 'k8s-operator'))
        throw new DesignError(x.node.path, 'a tenant must be declared inside Kueue');
      return {
        path: x.node.path,
        name: t.name,
        namespace: t.namespace,
        gpuQuota: t.gpuQuota,
        flavor: flavors[0]?.name ?? 'gpu',
        tenancy: t.tenancy,
      };
    })
    .concat(workerTenants(placements, flavors[0]?.name ?? 'gpu'))
    .sort((a, b) => (a.path < b.path ? -1 : 1));
  if (placements.length > 0 && flavors.length > 1) {
    throw new DesignError(
      placements[0].tenant.path,
      `cluster ${path} holds nodes of ${flavors.map((f) => f.name).join(', ')}; a tenant quota needs a single kind of GPU node per cluster`,
    );
  }
  if ((placements.length > 0 || campus) && !kinds.includes('kueue')) {
    throw new DesignError(path, 'a campus queue manager or worker needs Kueue declared inside it');
  }
  const tenantNames = new Map<string, string>();
  for (const t of tenants) {
    const other = tenantNames.get(t.name);
    if (other)
      throw new DesignError(t.path, `tenant name '${t.name}' is already used in this cluster by ${other}`);
    tenantNames.set(t.name, t.path);
  }

  const operators = operatorRecords.map(({ path: operatorPath, record: r }): OperatorModel => {
    const chart = OPERATOR_CHARTS[r.operator];
    const out = buildOperator(r.operator, r.settings, {
      cluster: name,
      path: operatorPath,
      namespace: r.namespace,
      has: (k) => kinds.includes(k) || (k === 'gpu-operator' && managedGpuOperator),
      managedGpuOperator,
      plant,
      racks: rackList,
      nodes,
      nodeGroups,
      flavors,
      tenants,
      gpusBySystem,
      campus,
      rackLabel,
    });
    return {
      path: operatorPath,
      kind: r.operator,
      chart,
      version: r.chartVersion,
      repository: PINNED_CHARTS[chart].repository,
      namespace: r.namespace,
      values: mergeValues(out.values, r.values),
      resources: out.resources,
      ...(out.powerRules ? { powerRules: out.powerRules } : {}),
    };
  });

  return {
    path,
    name,
    delivery: rec.delivery,
    platformNamespace: rec.platformNamespace,
    managedGpuOperator,
    installedCrds: withPrerequisites(rec.installedCrds, operators),
    nodes,
    nodeGroups,
    cloudClusters: [...cloudClusters].sort(),
    maxNodes: nodes.length + nodeGroups.reduce((n, g) => n + g.maxNodes, 0),
    flavors,
    racks: rackList,
    gpusBySystem,
    gpus: Object.values(gpusBySystem).reduce((s, x) => s + x, 0),
    countries,
    operators,
    tenants,
  };
}

/**
 * The cluster's `installedCrds` plus the prerequisite kinds its objects use: the platform's
 * PrometheusRules target an existing prometheus-operator (DESIGN §7), so a cluster with them is
 * recorded as having that CRD, like a declared one (the output says so; the deploy-order check reads it).
 */
export function withPrerequisites(
  declared: readonly string[],
  operators: readonly OperatorModel[],
): string[] {
  const kinds = new Set(declared);
  const prerequisites = new Set(prerequisiteKinds());
  for (const o of operators.flatMap((op) => op.resources)) {
    const k = groupKind(o.apiVersion, o.kind);
    if (prerequisites.has(k)) kinds.add(k);
  }
  return [...kinds].sort();
}

function siteId(plant: Plant, site: number): string {
  const p = plant.sites[site].path;
  return p.slice(p.lastIndexOf('/') + 1);
}
