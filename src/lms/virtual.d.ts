// The package's own options, bundled by src/tools/lms/buildPackage.ts.
declare module 'virtual:htl-package' {
  export const config: import('./packageConfig.js').PackageConfig;
}
