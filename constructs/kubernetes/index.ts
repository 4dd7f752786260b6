export * from './delivery';
export * from './gpu-cluster';
export * from './operator';
export * from './operators';
export * from './tenant';
