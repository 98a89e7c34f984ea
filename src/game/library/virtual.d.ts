// The scenarios bundled by dev/scenarioPlugin.ts.
declare module 'virtual:htl-scenarios' {
  /** Project-relative file name → raw text. */
  export const files: Record<string, string>;
  /** Project-relative voice file name → URL. */
  export const voices: Record<string, string>;
}
