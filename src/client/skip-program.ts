// A sigma program that draws nothing: the reducers give hidden nodes and edges this type, so they take no room in the
// vertex buffers. Why: sigma keeps a hidden item in its program as a zero-size shape that still goes through the vertex
// shader every frame; in the network the hidden mentions and citations are two thirds of all edges.
export const SKIP = 'skip';

export class SkipProgram {
  reallocate(): void {}
  process(): void {}
  render(): void {}
  kill(): void {}
}
