// Whether this visit is the call editor's "Test from here" (library/editorTest.ts sets it): a
// module of its own, so what records a call's result knows without loading the editor's strings.
let active = false;

export const isEditorTest = (): boolean => active;

export function markEditorTest(): void {
  active = true;
}
