// Sigma node programs: sigma's disc without instancing (uninstanced.ts), and the program that draws nothing for
// hidden nodes (skip-program.ts).
import type { Attributes } from 'graphology-types';
import { NodeCircleProgram, type NodeProgramType } from 'sigma/rendering';
import { SKIP, SkipProgram } from './skip-program.ts';
import { uninstanced } from './uninstanced.ts';

/** Program classes by name; nodes have no `type` attribute, so they draw as `circle` unless a reducer says `skip`. */
export function nodePrograms<N extends Attributes = Attributes>(): Record<string, NodeProgramType<N>> {
  return { circle: uninstanced(NodeCircleProgram), [SKIP]: SkipProgram } as unknown as Record<string, NodeProgramType<N>>;
}
