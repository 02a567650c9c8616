// Sigma edge programs for relation styles: solid, dashed and dotted lines, each with an arrowhead at the target,
// so relation types are told apart by line style as well as colour (DESIGN "Look and feel").
// The dashed line is sigma's clamped edge (stops at the target's rim, room for the head) with a dash pattern in pixels.
// Relations without a source get their own sparse dash (drawn lighter by the view), whatever their type's style.
// All of them draw without instancing (uninstanced.ts) and upload their vertices only when edges change
// (upload-on-change.ts); hidden edges use the program that draws nothing.
import type { Attributes } from 'graphology-types';
import { createEdgeArrowHeadProgram, createEdgeClampedProgram, createEdgeCompoundProgram, EdgeProgram, type EdgeProgramType } from 'sigma/rendering';
import type { EdgeDisplayData, NodeDisplayData, RenderParams } from 'sigma/types';
import { floatColor } from 'sigma/utils';
import { SKIP, SkipProgram } from './skip-program.ts';
import { uninstanced } from './uninstanced.ts';
import { uploadOnChange } from './upload-on-change.ts';
import { UNSOURCED } from './view-graph.ts';

/** Dash and gap (CSS pixels) of a relation without a source; the static SVG uses the same (view-svg.ts DASH.unsourced). */
export const UNSOURCED_PATTERN = [4, 6] as const;

const LENGTH_TO_THICKNESS = 2.5;
const WIDENESS_TO_THICKNESS = 2;

const VERTEX = /* glsl */ `
attribute vec4 a_id;
attribute vec4 a_color;
attribute vec2 a_normal;
attribute float a_normalCoef;
attribute vec2 a_positionStart;
attribute vec2 a_positionEnd;
attribute float a_positionCoef;
attribute float a_radius;
attribute float a_radiusCoef;

uniform mat3 u_matrix;
uniform float u_zoomRatio;
uniform float u_sizeRatio;
uniform float u_pixelRatio;
uniform float u_correctionRatio;
uniform float u_minEdgeThickness;
uniform float u_lengthToThicknessRatio;
uniform float u_feather;
uniform vec2 u_dimensions;

varying vec4 v_color;
varying vec2 v_normal;
varying float v_thickness;
varying float v_feather;
varying float v_along;

const float bias = 255.0 / 254.0;

void main() {
  float radius = a_radius * a_radiusCoef;
  vec2 normal = a_normal * a_normalCoef;
  vec2 position = a_positionStart * (1.0 - a_positionCoef) + a_positionEnd * a_positionCoef;
  float normalLength = length(normal);
  vec2 unitNormal = normal / normalLength;
  float pixelsThickness = max(normalLength, u_minEdgeThickness * u_sizeRatio);
  float webGLThickness = pixelsThickness * u_correctionRatio / u_sizeRatio;
  float direction = sign(radius);
  float webGLNodeRadius = direction * radius * 2.0 * u_correctionRatio / u_sizeRatio;
  float webGLArrowHeadLength = webGLThickness * u_lengthToThicknessRatio * 2.0;
  vec2 compensationVector = vec2(-direction * unitNormal.y, direction * unitNormal.x) * (webGLNodeRadius + webGLArrowHeadLength);
  gl_Position = vec4((u_matrix * vec3(position + unitNormal * webGLThickness + compensationVector, 1)).xy, 0, 1);

  // Distance along the edge in CSS pixels, for the dash pattern.
  vec2 clipStart = (u_matrix * vec3(a_positionStart, 1)).xy;
  vec2 clipEnd = (u_matrix * vec3(a_positionEnd, 1)).xy;
  v_along = a_positionCoef * length((clipEnd - clipStart) * u_dimensions * 0.5);

  v_thickness = webGLThickness / u_zoomRatio;
  v_normal = unitNormal;
  v_feather = u_feather * u_correctionRatio / u_zoomRatio / u_pixelRatio * 2.0;
  #ifdef PICKING_MODE
  v_color = a_id;
  #else
  v_color = a_color;
  #endif
  v_color.a *= bias;
}
`;

const fragment = (dash: number, gap: number) => /* glsl */ `
precision mediump float;
varying vec4 v_color;
varying vec2 v_normal;
varying float v_thickness;
varying float v_feather;
varying float v_along;
const vec4 transparent = vec4(0.0, 0.0, 0.0, 0.0);
void main(void) {
  #ifdef PICKING_MODE
  gl_FragColor = v_color;
  #else
  if (mod(v_along, ${(dash + gap).toFixed(1)}) > ${dash.toFixed(1)}) discard;
  float dist = length(v_normal) * v_thickness;
  float t = smoothstep(v_thickness - v_feather, v_thickness, dist);
  gl_FragColor = mix(v_color, transparent, t);
  #endif
}
`;

const UNIFORMS = ['u_matrix', 'u_zoomRatio', 'u_sizeRatio', 'u_correctionRatio', 'u_pixelRatio', 'u_feather', 'u_minEdgeThickness', 'u_lengthToThicknessRatio', 'u_dimensions'] as const;
type Uniform = (typeof UNIFORMS)[number];

function createPatternedLineProgram(dash: number, gap: number): EdgeProgramType {
  const FLOAT = WebGLRenderingContext.FLOAT;
  const UNSIGNED_BYTE = WebGLRenderingContext.UNSIGNED_BYTE;
  return class PatternedLineProgram extends EdgeProgram<Uniform> {
    getDefinition() {
      return {
        VERTICES: 6,
        VERTEX_SHADER_SOURCE: VERTEX,
        FRAGMENT_SHADER_SOURCE: fragment(dash, gap),
        METHOD: WebGLRenderingContext.TRIANGLES,
        UNIFORMS,
        ATTRIBUTES: [
          { name: 'a_positionStart', size: 2, type: FLOAT },
          { name: 'a_positionEnd', size: 2, type: FLOAT },
          { name: 'a_normal', size: 2, type: FLOAT },
          { name: 'a_color', size: 4, type: UNSIGNED_BYTE, normalized: true },
          { name: 'a_id', size: 4, type: UNSIGNED_BYTE, normalized: true },
          { name: 'a_radius', size: 1, type: FLOAT },
        ],
        CONSTANT_ATTRIBUTES: [
          { name: 'a_positionCoef', size: 1, type: FLOAT },
          { name: 'a_normalCoef', size: 1, type: FLOAT },
          { name: 'a_radiusCoef', size: 1, type: FLOAT },
        ],
        CONSTANT_DATA: [[0, 1, 0], [0, -1, 0], [1, 1, 1], [1, 1, 1], [0, -1, 0], [1, -1, -1]],
      };
    }

    processVisibleItem(edgeIndex: number, startIndex: number, sourceData: NodeDisplayData, targetData: NodeDisplayData, data: EdgeDisplayData) {
      const thickness = data.size || 1;
      const dx = targetData.x - sourceData.x, dy = targetData.y - sourceData.y;
      let len = dx * dx + dy * dy, n1 = 0, n2 = 0;
      if (len) { len = 1 / Math.sqrt(len); n1 = -dy * len * thickness; n2 = dx * len * thickness; }
      const a = this.array;
      a[startIndex++] = sourceData.x; a[startIndex++] = sourceData.y;
      a[startIndex++] = targetData.x; a[startIndex++] = targetData.y;
      a[startIndex++] = n1; a[startIndex++] = n2;
      a[startIndex++] = floatColor(data.color);
      a[startIndex++] = edgeIndex;
      a[startIndex++] = targetData.size || 1;
    }

    setUniforms(params: RenderParams, { gl, uniformLocations }: { gl: WebGLRenderingContext; uniformLocations: Record<Uniform, WebGLUniformLocation> }) {
      const u = uniformLocations;
      gl.uniformMatrix3fv(u.u_matrix, false, params.matrix);
      gl.uniform1f(u.u_zoomRatio, params.zoomRatio);
      gl.uniform1f(u.u_sizeRatio, params.sizeRatio);
      gl.uniform1f(u.u_correctionRatio, params.correctionRatio);
      gl.uniform1f(u.u_pixelRatio, params.pixelRatio);
      gl.uniform1f(u.u_feather, params.antiAliasingFeather);
      gl.uniform1f(u.u_minEdgeThickness, params.minEdgeThickness);
      gl.uniform1f(u.u_lengthToThicknessRatio, LENGTH_TO_THICKNESS);
      gl.uniform2f(u.u_dimensions, params.width, params.height);
    }
  } as unknown as EdgeProgramType;
}

const plain = <C extends abstract new (...args: never[]) => object>(program: C) => uploadOnChange(uninstanced(program));
const head = () => plain(createEdgeArrowHeadProgram({ lengthToThicknessRatio: LENGTH_TO_THICKNESS, widenessToThicknessRatio: WIDENESS_TO_THICKNESS }));

/** Program classes by name; edges pick one with their `type` attribute (see view-graph.ts `programFor`). */
export function edgePrograms<E extends Attributes = Attributes>(): Record<string, EdgeProgramType<Attributes, E>> {
  return {
    arrow: createEdgeCompoundProgram([plain(createEdgeClampedProgram({ lengthToThicknessRatio: LENGTH_TO_THICKNESS })), head()]),
    dashed: createEdgeCompoundProgram([plain(createPatternedLineProgram(7, 4)), head()]),
    dotted: createEdgeCompoundProgram([plain(createPatternedLineProgram(2, 3)), head()]),
    [UNSOURCED]: createEdgeCompoundProgram([plain(createPatternedLineProgram(...UNSOURCED_PATTERN)), head()]),
    [SKIP]: SkipProgram,
  } as unknown as Record<string, EdgeProgramType<Attributes, E>>;
}
