// The manifests an LMS reads when a package is uploaded: imsmanifest.xml for SCORM 1.2 and SCORM
// 2004 (4th edition), cmi5.xml for cmi5. One SCO (one AU) that launches index.html. SCORM's
// manifests carry no mastery score: the package decides passed or failed itself, skill gates
// included (an LMS applying a mastery score would pass a run that missed a skill's gate). cmi5's
// masteryScore is the overall pass mark, which the package takes from the LMS's launch data.
import { DIMENSIONS } from '../../engine/index.js';

export interface PackageMeta {
  /** An IRI (a URN) naming the package. */
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly launch: string;
  /** The overall pass mark, 0–100. */
  readonly masteryScore: number;
  /** Every file of the package (SCORM lists them). */
  readonly files: readonly string[];
}

export const xmlText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** An XML identifier (xs:ID) made from the package's IRI. */
export const identifierOf = (id: string) => `htl-${id.replace(/^urn:hold-the-line:package:/, '').replace(/[^A-Za-z0-9_.-]/g, '-')}`;

const fileList = (m: PackageMeta, indent: string) => m.files.map((f) => `${indent}<file href="${xmlText(f)}"/>`).join('\n');

export function scorm12Manifest(m: PackageMeta): string {
  const id = identifierOf(m.id);
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${id}" version="1.0"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="${id}-org">
    <organization identifier="${id}-org">
      <title>${xmlText(m.title)}</title>
      <item identifier="${id}-item" identifierref="${id}-sco" isvisible="true">
        <title>${xmlText(m.title)}</title>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="${id}-sco" type="webcontent" adlcp:scormtype="sco" href="${xmlText(m.launch)}">
${fileList(m, '      ')}
    </resource>
  </resources>
</manifest>
`;
}

export function scorm2004Manifest(m: PackageMeta): string {
  const id = identifierOf(m.id);
  const objectives = DIMENSIONS.map((d) => `            <imsss:objective objectiveID="${d}"/>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${id}" version="1"
  xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
  xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"
  xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"
  xmlns:imsss="http://www.imsglobal.org/xsd/imsss"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>2004 4th Edition</schemaversion>
  </metadata>
  <organizations default="${id}-org">
    <organization identifier="${id}-org">
      <title>${xmlText(m.title)}</title>
      <item identifier="${id}-item" identifierref="${id}-sco" isvisible="true">
        <title>${xmlText(m.title)}</title>
        <imsss:sequencing>
          <imsss:objectives>
            <imsss:primaryObjective objectiveID="overall" satisfiedByMeasure="false"/>
${objectives}
          </imsss:objectives>
        </imsss:sequencing>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="${id}-sco" type="webcontent" adlcp:scormType="sco" href="${xmlText(m.launch)}">
${fileList(m, '      ')}
    </resource>
  </resources>
</manifest>
`;
}

export function cmi5Xml(m: PackageMeta): string {
  const text = (s: string) => `<langstring lang="en-US">${xmlText(s)}</langstring>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">
  <course id="${xmlText(m.id)}">
    <title>${text(m.title)}</title>
    <description>${text(m.description || m.title)}</description>
  </course>
  <au id="${xmlText(`${m.id}:au`)}" moveOn="CompletedAndPassed" masteryScore="${(m.masteryScore / 100).toFixed(2)}" launchMethod="AnyWindow">
    <title>${text(m.title)}</title>
    <description>${text(m.description || m.title)}</description>
    <url>${xmlText(m.launch)}</url>
  </au>
</courseStructure>
`;
}
