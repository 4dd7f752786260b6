export * from './account';
export * from './state-backend';
export * from './private-network';
export * from './object-bucket';
export * from './gpu-instances';
export * from './gpu-cluster';
export * from './gpu-pool';
export { Residency } from '../../src/model/residency';
export { ScalewayGpuType } from '../../src/catalog/scaleway-gpu-types';
