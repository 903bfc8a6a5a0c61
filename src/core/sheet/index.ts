export * from './address';
export * from './model';
export * from './text';
