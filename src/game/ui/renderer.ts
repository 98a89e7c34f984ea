// WebGL when the machine has a graphics processor; the 2D canvas when WebGL would run in software
// (SwiftShader, llvmpipe — virtual machines, remote desktops, some projector PCs). There, every
// WebGL frame is copied back from the software renderer, which costs more than drawing our few
// shapes with the 2D canvas. `?renderer=webgl|canvas` overrides the choice (for measuring).
//
// Finding out means making a WebGL context, which takes the main thread 10 ms or more. So the
// page's entry asks while the game's code is still downloading (the main thread is idle then),
// without Phaser, and the game only reads the answer.

export type RendererKind = 'webgl' | 'canvas';

const SOFTWARE = /swiftshader|llvmpipe|softpipe|software|basic render/i;

export function pickRenderer(search: string): RendererKind {
  const asked = new URLSearchParams(search).get('renderer');
  if (asked === 'canvas' || asked === 'webgl') return asked;
  try {
    const gl = document.createElement('canvas').getContext('webgl');
    if (!gl) return 'canvas';
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const name = String(info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return SOFTWARE.test(name) ? 'canvas' : 'webgl';
  } catch {
    return 'canvas';
  }
}
