// Turns one of sigma's instanced WebGL programs into a plain one: every vertex carries the item's attributes plus its
// own constants, and one drawArrays call draws all items. Same shaders, same pixels.
// Why: software WebGL (SwiftShader, what browsers fall back to without a usable GPU) runs an instanced draw as one
// draw per instance, about 10 µs each; 10,000 nodes cost ~100 ms per frame that way, ~5 ms as plain triangles.
import { getAttributesItemsCount, type InstancedProgramDefinition, type ProgramDefinition } from 'sigma/rendering';

type Definition = ProgramDefinition | InstancedProgramDefinition;
/** Sigma's program classes (node or edge), seen from here: a definition and an item writer. */
interface ProgramLike {
  array: Float32Array;
  getDefinition(): Definition;
  processVisibleItem(id: number, start: number, ...rest: never[]): void;
}

export function uninstanced<C extends abstract new (...args: never[]) => object>(Base: C): C {
  abstract class Uninstanced extends (Base as unknown as new (...args: never[]) => ProgramLike) {
    /** Per-item floats written by the base class, per-vertex constants, from the instanced definition. */
    private layout?: { item: number; constants: number[][]; perVertex: number };

    private instanced(): InstancedProgramDefinition | undefined {
      const def = super.getDefinition();
      return 'CONSTANT_ATTRIBUTES' in def ? def : undefined;
    }

    getDefinition(): Definition {
      const def = this.instanced();
      if (!def) return super.getDefinition();
      // Without CONSTANT_ATTRIBUTES sigma allocates VERTICES × attributes per item and draws with drawArrays.
      const { CONSTANT_ATTRIBUTES, CONSTANT_DATA: _data, ...plain } = def;
      return { ...plain, ATTRIBUTES: [...def.ATTRIBUTES, ...CONSTANT_ATTRIBUTES] };
    }

    processVisibleItem(id: number, start: number, ...rest: never[]): void {
      super.processVisibleItem(id, start, ...rest);
      const def = this.layout ??= (() => {
        const d = this.instanced();
        const item = d ? getAttributesItemsCount(d.ATTRIBUTES) : 0;
        return { item, constants: d?.CONSTANT_DATA ?? [], perVertex: item + (d ? getAttributesItemsCount(d.CONSTANT_ATTRIBUTES) : 0) };
      })();
      if (!def.constants.length) return;
      // The base wrote the item once at `start`: copy it to every vertex (last first: vertex 0 is the source).
      const a = this.array;
      for (let v = def.constants.length - 1; v >= 0; v--) {
        const at = start + v * def.perVertex;
        if (v > 0) a.copyWithin(at, start, start + def.item);
        a.set(def.constants[v], at + def.item);
      }
    }
  }
  return Uninstanced as unknown as C;
}
