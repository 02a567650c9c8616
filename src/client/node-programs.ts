// Sigma node programs: sigma's disc without instancing (uninstanced.ts), uploading its vertices only when nodes
// change (upload-on-change.ts), drawing cheaper frames while the camera moves (cheap-while-moving.ts); and the
// program that draws nothing for hidden nodes (skip-program.ts).
import type { Attributes } from 'graphology-types';
import { NodeCircleProgram, type NodeProgramType } from 'sigma/rendering';
import { cheapWhileMoving } from './cheap-while-moving.ts';
import { SKIP, SkipProgram } from './skip-program.ts';
import { uninstanced } from './uninstanced.ts';
import { uploadOnChange } from './upload-on-change.ts';

/**
 * Program classes by name; nodes have no `type` attribute, so they draw as `circle` unless a reducer says `skip`.
 * `movingScale`: the resolution of the discs while the camera moves, as a fraction of the canvas's (big graphs).
 */
export function nodePrograms<N extends Attributes = Attributes>(movingScale = 1): Record<string, NodeProgramType<N>> {
  return { circle: cheapWhileMoving(uploadOnChange(uninstanced(NodeCircleProgram)), movingScale), [SKIP]: SkipProgram } as unknown as Record<string, NodeProgramType<N>>;
}
