// The adapter of the LMS a package was built for, loaded alone.
import type { LmsKind } from '../packageConfig.js';
import type { LmsAdapter } from './adapter.js';

export async function connect(kind: LmsKind): Promise<LmsAdapter> {
  switch (kind) {
    case 'scorm12':
      return new (await import('./scorm12.js')).Scorm12();
    case 'scorm2004':
      return new (await import('./scorm2004.js')).Scorm2004();
    case 'cmi5':
      return new (await import('./cmi5.js')).Cmi5();
  }
}
