export * from './app';
export * from './physical-stack';
