export * from './delivery';
export * from './gpu-cluster';
export * from './operator';
export * from './operators';
export * from './tenant';
export * from './cohort';
export * from './tenancy';
export * from './campus-queue';
