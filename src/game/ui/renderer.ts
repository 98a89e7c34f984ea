// WebGL when the machine has a graphics processor; the 2D canvas when WebGL would run in software
// (SwiftShader, llvmpipe — virtual machines, remote desktops, some projector PCs). There, every
// WebGL frame is copied back from the software renderer, which costs more than drawing our few
// shapes with the 2D canvas. `?renderer=webgl|canvas` overrides the choice (for measuring).
import Phaser from 'phaser';

const SOFTWARE = /swiftshader|llvmpipe|softpipe|software|basic render/i;

export function pickRenderer(search: string): number {
  const asked = new URLSearchParams(search).get('renderer');
  if (asked === 'canvas') return Phaser.CANVAS;
  if (asked === 'webgl') return Phaser.WEBGL;
  try {
    const gl = document.createElement('canvas').getContext('webgl');
    if (!gl) return Phaser.CANVAS;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const name = String(info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return SOFTWARE.test(name) ? Phaser.CANVAS : Phaser.WEBGL;
  } catch {
    return Phaser.CANVAS;
  }
}
