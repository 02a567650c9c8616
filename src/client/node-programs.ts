// Sigma node programs: sigma's disc without instancing (uninstanced.ts), uploading its vertices only when nodes
// change (upload-on-change.ts), without the picking pass while the camera moves (pick-at-rest.ts); and the program
// that draws nothing for hidden nodes (skip-program.ts).
import type { Attributes } from 'graphology-types';
import { NodeCircleProgram, type NodeProgramType } from 'sigma/rendering';
import { pickAtRest } from './pick-at-rest.ts';
import { SKIP, SkipProgram } from './skip-program.ts';
import { uninstanced } from './uninstanced.ts';
import { uploadOnChange } from './upload-on-change.ts';

/** Program classes by name; nodes have no `type` attribute, so they draw as `circle` unless a reducer says `skip`. */
export function nodePrograms<N extends Attributes = Attributes>(): Record<string, NodeProgramType<N>> {
  return { circle: pickAtRest(uploadOnChange(uninstanced(NodeCircleProgram))), [SKIP]: SkipProgram } as unknown as Record<string, NodeProgramType<N>>;
}
